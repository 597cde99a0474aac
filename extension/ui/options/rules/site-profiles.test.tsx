import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultTeamSettings } from "../../../../shared/phrases/schema.ts";
import { BUILTIN_PROFILES } from "../../../../shared/profiles/builtin.ts";
import { resolveProfiles } from "../../../../shared/profiles/resolve.ts";
import { SiteProfilesEditor } from "./SiteProfilesEditor.tsx";
import { check, click, setup, type } from "./test-kit.tsx";

describe("站点配置 editor", () => {
  let kit: ReturnType<typeof setup>;
  beforeEach(() => {
    kit = setup();
  });
  afterEach(() => kit.unmount());
  const settings = defaultTeamSettings("小美的店");
  const json = () => kit.get<HTMLTextAreaElement>("profile-json");

  it("shows the built-in read-only; an edited copy is checked and saved as the siteProfiles section", async () => {
    await kit.mount(<SiteProfilesEditor settings={settings} isAdmin pending={false} />);
    expect(kit.get("profile-builtin").textContent).toContain('"id": "taobao-sold"');
    expect(kit.find("profile-uses-builtin")).not.toBeNull();
    await click(kit.get("profile-copy-builtin"));
    const copy = JSON.parse(json().value);
    copy.rows.anchor = ".order-id-new";
    await type(json(), JSON.stringify(copy));
    expect(kit.get("profile-check").textContent).toContain("格式正确");
    await click(kit.get("rules-profiles-save"));
    expect(kit.saves).toHaveLength(1);
    expect(Object.keys(kit.saves[0]?.patch ?? {})).toEqual(["siteProfiles"]);
    const section = kit.saves[0]?.patch.siteProfiles;
    const resolved = resolveProfiles(section);
    expect(resolved.problems).toEqual([]);
    expect(resolved.profiles.find((p) => p.id === "taobao-sold")?.rows.anchor).toBe(".order-id-new");
  });

  it("names the field path of a bad profile and bad JSON; nothing sent, the draft kept", async () => {
    await kit.mount(<SiteProfilesEditor settings={settings} isAdmin pending={false} />);
    await click(kit.get("profile-copy-builtin"));
    const copy = JSON.parse(json().value);
    copy.rows.selector = "";
    await type(json(), JSON.stringify(copy));
    expect(kit.get("profile-check").textContent).toContain("字段 rows.selector");
    await click(kit.get("rules-profiles-save"));
    expect(kit.get("rules-profiles-error").textContent).toContain(
      "站点配置 taobao-sold · 字段 rows.selector：选择器不能为空",
    );
    await type(json(), "{ oops");
    await click(kit.get("rules-profiles-save"));
    expect(kit.get("rules-profiles-error").textContent).toContain("JSON 格式错误");
    await type(json(), JSON.stringify({ ...copy, rows: { ...copy.rows, selector: ".x" }, id: "other" }));
    await click(kit.get("rules-profiles-save"));
    expect(kit.get("rules-profiles-error").textContent).toContain("字段 id");
    expect(kit.saves).toEqual([]);
    expect(json().value).toContain('"other"');
  });

  it("恢复内置 drops the team's override; a built-in can be switched off; new profiles start from a skeleton", async () => {
    const override = { ...BUILTIN_PROFILES[0], label: "团队版" };
    const team = { ...settings, siteProfiles: { profiles: { "taobao-sold": override }, disabled: [] } };
    await kit.mount(<SiteProfilesEditor settings={team} isAdmin pending />);
    expect(kit.find("rules-profiles-pending")).not.toBeNull();
    expect(json().value).toContain("团队版");
    await click(kit.get("profile-restore"));
    expect(kit.find("profile-json")).toBeNull();
    await check(kit.get("profile-disabled"), true);
    await type(kit.get("profile-new-id"), "My ERP");
    await click(kit.get("profile-add"));
    expect(kit.root.textContent).toContain("id 只能含小写字母");
    await type(kit.get("profile-new-id"), "my-erp");
    await click(kit.get("profile-add"));
    expect(JSON.parse(json().value).id).toBe("my-erp");
    await click(kit.get("rules-profiles-save"));
    const section = kit.saves[0]?.patch.siteProfiles as { profiles: Record<string, unknown>; disabled: string[] };
    expect(Object.keys(section.profiles)).toEqual(["my-erp"]);
    expect(section.disabled).toEqual(["taobao-sold"]);
    expect(kit.saves[0]?.seen).toEqual({ siteProfiles: team.siteProfiles });
  });

  it("agents see the profiles but cannot edit", async () => {
    const team = { ...settings, siteProfiles: { profiles: { "taobao-sold": { ...BUILTIN_PROFILES[0] } } } };
    await kit.mount(<SiteProfilesEditor settings={team} isAdmin={false} pending={false} />);
    expect(json().disabled).toBe(true);
    expect(kit.find("profile-restore")).toBeNull();
    expect(kit.find("profile-add")).toBeNull();
    expect(kit.find("rules-profiles-save")).toBeNull();
  });
});
