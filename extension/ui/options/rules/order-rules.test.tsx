import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseOrderRuleSettings, RULE_IDS } from "../../../../shared/orders/settings.ts";
import { defaultTeamSettings } from "../../../../shared/phrases/schema.ts";
import { OrderRulesEditor } from "./OrderRulesEditor.tsx";
import { check, click, setup, type } from "./test-kit.tsx";

describe("审单规则 editor", () => {
  let kit: ReturnType<typeof setup>;
  beforeEach(() => {
    kit = setup();
  });
  afterEach(() => kit.unmount());
  const settings = {
    ...defaultTeamSettings("小美的店"),
    orderRules: { highValueTotal: 500 },
    lint: { enabled: false },
  };

  it("lists all 23 rules with Chinese names and shows the team's values with their defaults", async () => {
    await kit.mount(<OrderRulesEditor settings={settings} isAdmin pending={false} />);
    expect(kit.root.querySelectorAll('[data-testid^="order-rule-"][data-testid$="-on"]')).toHaveLength(RULE_IDS.length);
    expect(kit.get("order-rule-price-over-limit").textContent).toContain("改价超限");
    expect(kit.get<HTMLInputElement>("order-field-highValueTotal").value).toBe("500");
    expect(kit.get<HTMLInputElement>("order-field-priceChangeLimit").value).toBe("20");
    expect(kit.get("order-rule-high-value").textContent).toContain("默认 · default：2000");
    // Only the changed field offers 恢复默认.
    expect(kit.find("order-field-highValueTotal-restore")).not.toBeNull();
    expect(kit.find("order-field-priceChangeLimit-restore")).toBeNull();
  });

  it("saves only the orderRules section, only values off the defaults, with what the form showed as seen", async () => {
    await kit.mount(<OrderRulesEditor settings={settings} isAdmin pending={false} />);
    await type(kit.get("order-field-priceChangeLimit"), "50");
    await check(kit.get("order-rule-blacklist-on"), false);
    await type(kit.get("order-field-messageKeywords"), "改地址\n顺丰\n  到付 \n");
    await click(kit.get("courier-add"));
    const row = kit.get("courier-row").querySelectorAll("input");
    await type(row[0] ?? null, "中通");
    await type(row[1] ?? null, "西藏、新疆喀什地区");
    await click(kit.get("rules-orders-save"));
    expect(kit.saves).toEqual([
      {
        patch: {
          orderRules: {
            disabledRules: ["blacklist"],
            priceChangeLimit: 50,
            highValueTotal: 500,
            messageKeywords: ["改地址", "顺丰", "到付"],
            courierCoverage: [{ courier: "中通", excluded: ["西藏", "新疆喀什地区"] }],
          },
        },
        seen: { orderRules: { highValueTotal: 500 } },
      },
    ]);
    // What is saved is what the order checks read.
    const saved = parseOrderRuleSettings(kit.saves[0]?.patch.orderRules);
    expect(saved.priceChangeLimit).toBe(50);
    expect(saved.shipDueSoonHours).toBe(6);
    expect(kit.get("rules-orders-note").textContent).toContain("已保存");
  });

  it("names the field of a bad value in Chinese, sends nothing and keeps the draft", async () => {
    await kit.mount(<OrderRulesEditor settings={settings} isAdmin pending={false} />);
    await type(kit.get("order-field-priceChangeLimit"), "二十");
    await click(kit.get("rules-orders-save"));
    expect(kit.get("rules-orders-error").textContent).toContain("客服可自主改价上限：请填写数字");
    await type(kit.get("order-field-priceChangeLimit"), "-5");
    await click(kit.get("rules-orders-save"));
    expect(kit.get("rules-orders-error").textContent).toMatch(/客服可自主改价上限：不能为负数/);
    await click(kit.get("courier-add"));
    await type(kit.get("order-field-priceChangeLimit"), "30");
    await type(kit.get("courier-row").querySelectorAll("input")[1] ?? null, "西藏");
    await click(kit.get("rules-orders-save"));
    expect(kit.get("rules-orders-error").textContent).toMatch(/快递不派送的地区（第 1 项 courier）：不能为空/);
    expect(kit.saves).toEqual([]);
    expect(kit.get<HTMLInputElement>("order-field-priceChangeLimit").value).toBe("30");
  });

  it("恢复默认 puts the default back; a refused save keeps the draft and says why", async () => {
    await kit.mount(<OrderRulesEditor settings={settings} isAdmin pending />);
    expect(kit.find("rules-orders-pending")?.textContent).toBe("待同步");
    await click(kit.get("order-field-highValueTotal-restore"));
    expect(kit.get<HTMLInputElement>("order-field-highValueTotal").value).toBe("2000");
    kit.state.refuse = "只有管理员可以修改团队设置 · Only admins edit team settings";
    await click(kit.get("rules-orders-save"));
    expect(kit.get("rules-orders-error").textContent).toContain("草稿仍在");
    kit.state.refuse = "";
    await click(kit.get("rules-orders-save"));
    // Every value is the default again: the section is empty.
    expect(kit.saves).toEqual([{ patch: { orderRules: {} }, seen: { orderRules: { highValueTotal: 500 } } }]);
  });

  it("agents read the rules but cannot edit or save", async () => {
    await kit.mount(<OrderRulesEditor settings={settings} isAdmin={false} pending={false} />);
    expect(kit.find("rules-orders-readonly")).not.toBeNull();
    expect(kit.get<HTMLInputElement>("order-field-highValueTotal").disabled).toBe(true);
    expect(kit.get<HTMLInputElement>("order-rule-blacklist-on").disabled).toBe(true);
    expect(kit.find("rules-orders-save")).toBeNull();
    expect(kit.find("order-field-highValueTotal-restore")).toBeNull();
    expect(kit.find("courier-add")).toBeNull();
  });

  it("shows hostile list entries as text", async () => {
    const hostile = { ...settings, orderRules: { messageKeywords: ["<img src=x onerror=alert(1)>"] } };
    await kit.mount(<OrderRulesEditor settings={hostile} isAdmin pending={false} />);
    expect(kit.get<HTMLTextAreaElement>("order-field-messageKeywords").value).toBe("<img src=x onerror=alert(1)>");
    expect(kit.root.querySelector("img")).toBeNull();
  });
});
