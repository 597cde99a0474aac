import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultTeamSettings } from "../../../../shared/phrases/schema.ts";
import { OrderRulesEditor } from "./OrderRulesEditor.tsx";
import { TeamRules } from "./TeamRules.tsx";
import { click, setup, type } from "./test-kit.tsx";

describe("团队规则 area", () => {
  let kit: ReturnType<typeof setup>;
  beforeEach(() => {
    kit = setup();
  });
  afterEach(() => kit.unmount());
  const settings = defaultTeamSettings("小美的店");

  it("asks for a first sync when there are no settings yet", async () => {
    await kit.mount(<TeamRules settings={undefined} isAdmin pending={[]} />);
    expect(kit.get("team-rules").textContent).toContain("请先同步");
    expect(kit.find("team-rules-tab-lint")).toBeNull();
  });

  it("one tab per section, 待同步 on the tabs whose section waits for the Worker", async () => {
    await kit.mount(<TeamRules settings={settings} isAdmin pending={["lint", "shopName"]} />);
    expect(kit.find("rules-orders")).not.toBeNull();
    expect(kit.get("team-rules-tab-lint").textContent).toContain("待同步");
    expect(kit.get("team-rules-tab-orderRules").textContent).not.toContain("待同步");
    for (const [tab, editor] of [
      ["lint", "rules-lint"],
      ["reviewTemplates", "rules-reviews"],
      ["siteProfiles", "rules-profiles"],
    ]) {
      await click(kit.get(`team-rules-tab-${tab}`));
      expect(kit.find(editor as string)).not.toBeNull();
    }
    expect(kit.find("rules-orders")).toBeNull();
  });

  it("a sync replaces the shown values unless the admin is editing; after a save, seen is what was saved", async () => {
    await kit.mount(<OrderRulesEditor settings={settings} isAdmin pending={false} />);
    const limit = () => kit.get<HTMLInputElement>("order-field-priceChangeLimit").value;
    // Another admin's change arrives with a sync while nobody edits here: it shows.
    await kit.mount(
      <OrderRulesEditor settings={{ ...settings, orderRules: { priceChangeLimit: 30 } }} isAdmin pending={false} />,
    );
    expect(limit()).toBe("30");
    await type(kit.get("order-field-priceChangeLimit"), "40");
    // While editing, a sync does not wipe the draft.
    await kit.mount(
      <OrderRulesEditor settings={{ ...settings, orderRules: { priceChangeLimit: 35 } }} isAdmin pending={false} />,
    );
    expect(limit()).toBe("40");
    await click(kit.get("rules-orders-save"));
    expect(kit.saves[0]).toEqual({
      patch: { orderRules: { priceChangeLimit: 40 } },
      seen: { orderRules: { priceChangeLimit: 30 } },
    });
    expect(limit()).toBe("40");
    await type(kit.get("order-field-highQuantity"), "5");
    await click(kit.get("rules-orders-save"));
    expect(kit.saves[1]).toEqual({
      patch: { orderRules: { priceChangeLimit: 40, highQuantity: 5 } },
      seen: { orderRules: { priceChangeLimit: 40 } },
    });
  });
});
