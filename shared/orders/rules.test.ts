import { describe, expect, it } from "vitest";
import type { Order } from "../model.ts";
import {
  buildOrderIndex,
  checkOrder,
  checkOrders,
  compileContext,
  DEFAULT_ORDER_RULE_SETTINGS,
  type OrderRuleSettingsInput,
  type OrderWarning,
  parseOrderRuleSettings,
  type RuleId,
} from "./index.ts";
import { BASE_ITEM, NOW, cleanOrder as order } from "./test-orders.ts";

function run(orders: Order[], settings: OrderRuleSettingsInput = {}): OrderWarning[] {
  return checkOrders(orders, parseOrderRuleSettings(settings), NOW);
}

function rules(o: Order, settings: OrderRuleSettingsInput = {}): RuleId[] {
  return run([o], settings).map((w) => w.rule);
}

function only(o: Order, rule: RuleId, settings: OrderRuleSettingsInput = {}): OrderWarning | undefined {
  return run([o], settings).find((w) => w.rule === rule);
}

describe("baseline", () => {
  it("a complete, normal order has no warnings", () => {
    expect(run([order()])).toEqual([]);
  });
});

describe("receiver rules", () => {
  it("missing receiver / phone / address", () => {
    expect(
      rules(order({ receiver: { name: " ", phone: "13800138000", address: "广东省深圳市南山区科技园" } })),
    ).toEqual(["missing-receiver"]);
    expect(rules(order({ receiver: { name: "张三", phone: "", address: "广东省深圳市南山区科技园" } }))).toEqual([
      "missing-phone",
    ]);
    expect(rules(order({ receiver: { name: "张三", phone: "13800138000", address: "" } }))).toEqual([
      "missing-address",
    ]);
  });

  it("uses the structured address fields when the one-line address is empty", () => {
    const o = order({
      receiver: {
        name: "张三",
        phone: "13800138000",
        address: "",
        province: "广东省",
        city: "深圳市",
        district: "南山区",
        detail: "科技园1号",
      },
    });
    expect(rules(o)).toEqual([]);
  });

  it("phone-invalid / phone-masked / phone-virtual, and not for valid numbers", () => {
    const withPhone = (phone: string) => order({ receiver: { ...order().receiver, phone } });
    expect(only(withPhone("1380013800"), "phone-invalid")?.message).toContain("1380013800");
    expect(only(withPhone("138****5678"), "phone-masked")?.severity).toBe("info");
    expect(only(withPhone("13800138000-1234"), "phone-virtual")).toBeDefined();
    expect(rules(withPhone("0755-86013388"))).toEqual([]);
    expect(rules(withPhone("+86 13800138000"))).toEqual([]);
  });

  it("address-incomplete names what is missing and what was recognised", () => {
    const w = only(
      order({ receiver: { ...order().receiver, address: "浙江省杭州市文一路100号" } }),
      "address-incomplete",
    );
    expect(w?.message).toContain("区/县");
    expect(w?.message).toContain("浙江省 杭州市");
    expect(w?.actions[0]?.kind).toBe("copy-text");
    expect(
      only(order({ receiver: { ...order().receiver, address: "科技园南区1号" } }), "address-incomplete")?.message,
    ).toContain("省、市、区/县");
    expect(
      only(order({ receiver: { ...order().receiver, address: "广东省深圳市南山区" } }), "address-incomplete")?.message,
    ).toContain("详细地址");
  });

  it("no address-incomplete for short forms, municipalities and cities without districts", () => {
    for (const address of [
      "广东深圳南山区粤海街道1号",
      "上海浦东新区张江路1号",
      "广东省东莞市长安镇振安路8号",
      "湖北省仙桃市干河街道1号",
    ]) {
      expect(rules(order({ receiver: { ...order().receiver, address } }))).toEqual([]);
    }
  });

  it("no address-incomplete for a functional zone written where the district goes (成都 高新区)", () => {
    for (const address of [
      "四川省 成都市 高新区 天府三街199号",
      "江苏省苏州市工业园区星湖街328号",
      "四川成都天府新区华阳街道",
    ]) {
      expect(
        only(order({ receiver: { ...order().receiver, address } }), "address-incomplete"),
        address,
      ).toBeUndefined();
    }
    // A housing estate named 新区 is not a zone: the district is still missing.
    const estate = only(
      order({ receiver: { ...order().receiver, address: "广东省深圳市阳光新区3栋" } }),
      "address-incomplete",
    );
    expect(estate?.message).toContain("区/县");
  });

  it("skips receiver checks for shipped or closed orders", () => {
    expect(rules(order({ status: "completed", receiver: { name: "", phone: "", address: "" } }))).toEqual([]);
    // A masked phone matters until the waybill is printed; after shipping nothing is left to do.
    const masked = { ...order().receiver, phone: "138****5678" };
    expect(only(order({ status: "shipped", receiver: masked }), "phone-masked")).toBeUndefined();
    expect(only(order({ status: "completed", receiver: masked }), "phone-masked")).toBeUndefined();
    expect(only(order({ status: "unpaid", paidAt: undefined, receiver: masked }), "phone-masked")).toBeDefined();
  });
});

describe("region rules", () => {
  const at = (address: string) => order({ receiver: { ...order().receiver, address } });

  it("remote-area for default provinces, by full or short name", () => {
    expect(only(at("新疆维吾尔自治区 喀什地区 喀什市 人民路1号"), "remote-area")?.message).toContain(
      "新疆维吾尔自治区",
    );
    expect(only(at("甘肃兰州城关区东岗西路"), "remote-area")).toBeDefined();
    expect(only(at("广东省深圳市南山区科技园"), "remote-area")).toBeUndefined();
  });

  it("remote-area follows the team list, including city-level entries", () => {
    const settings = { remoteAreas: ["海南省三沙市", "西藏"] };
    expect(only(at("海南省三沙市西沙区永兴岛"), "remote-area", settings)).toBeDefined();
    expect(only(at("海南省海口市龙华区滨海大道"), "remote-area", settings)).toBeUndefined();
    expect(only(at("新疆乌鲁木齐天山区解放南路"), "remote-area", settings)).toBeUndefined();
  });

  it("out-of-coverage uses the order's courier or the default one and suggests a courier that delivers", () => {
    const settings = {
      courierCoverage: [
        { courier: "中通", excluded: ["西藏", "新疆喀什地区"] },
        { courier: "邮政", excluded: [] },
      ],
      defaultCourier: "中通",
    };
    const w = only(at("新疆喀什地区喀什市人民路1号"), "out-of-coverage", settings);
    expect(w?.message).toBe("中通不派送新疆喀什地区（超区），可改发邮政");
    expect(w?.actions[0]).toMatchObject({ kind: "copy-memo", flag: "red" });
    expect(only(at("新疆乌鲁木齐天山区解放南路"), "out-of-coverage", settings)).toBeUndefined();
    const bySf = order({ ...at("西藏拉萨城关区北京中路"), logistics: { company: "邮政" } });
    expect(only(bySf, "out-of-coverage", settings)).toBeUndefined();
    expect(only(at("西藏拉萨城关区北京中路"), "out-of-coverage", settings)).toBeDefined();
  });
});

describe("memo-sku-conflict", () => {
  const withText = (
    sellerMemo: string,
    buyerMessage = "",
    skuProps: Record<string, string> = { 颜色分类: "黑色", 尺码: "L" },
  ) => order({ sellerMemo, buyerMessage, items: [{ ...BASE_ITEM, skuProps }] });

  it("colour named in the memo differs from the SKU", () => {
    expect(only(withText("发红色"), "memo-sku-conflict")?.message).toBe("备注写“红色”，但下单规格为“黑色”");
    expect(only(withText("", "要白的"), "memo-sku-conflict")?.message).toBe("买家留言写“白”，但下单规格为“黑色”");
    expect(only(withText("酒红色"), "memo-sku-conflict", {})).toBeDefined();
  });

  it("size named in the memo differs from the SKU", () => {
    expect(only(withText("要XL"), "memo-sku-conflict")?.message).toBe("备注写“XL”，但下单规格为“L”");
    expect(only(withText("换38码", "", { 颜色分类: "黑色", 尺码: "39" }), "memo-sku-conflict")?.evidence).toBe("38码");
    expect(only(withText("xxl", "", { 颜色分类: "黑色", 尺码: "2XL" }), "memo-sku-conflict")).toBeUndefined();
  });

  it("model named in the memo differs from the SKU model", () => {
    const skuProps = { 适用型号: "iPhone 15 Pro", 颜色分类: "透明" };
    expect(only(withText("发iphone14的", "", skuProps), "memo-sku-conflict")?.message).toContain("iphone14");
    expect(only(withText("15pro 要快", "", skuProps), "memo-sku-conflict")).toBeUndefined();
  });

  it("no false positives: negations, same colour, sold-out notes, colour words in other words", () => {
    for (const memo of [
      "不要红色",
      "别发白色",
      "黑色的",
      "黑色 L码",
      "红色缺货，发黑色",
      "白天不在家放门卫",
      "发个红包",
      "L码",
    ]) {
      expect(only(withText(memo), "memo-sku-conflict"), memo).toBeUndefined();
    }
    // A SKU value with extra words still counts as its colour.
    expect(only(withText("黑色", "", { 颜色分类: "黑色【加绒】", 尺码: "L" }), "memo-sku-conflict")).toBeUndefined();
    // No colour on the SKU: nothing to contradict.
    expect(only(withText("红色", "", { 尺码: "L" }), "memo-sku-conflict")).toBeUndefined();
  });

  it("hostile memo text is quoted as text", () => {
    const w = only(withText("<img src=x onerror=alert(1)>红色"), "memo-sku-conflict");
    expect(w?.message).toBe("备注写“红色”，但下单规格为“黑色”");
  });
});

describe("message rules", () => {
  it("address-changed", () => {
    expect(only(order({ addressChanged: true }), "address-changed")?.actions[0]?.text).toContain("南山区");
    expect(only(order({ addressChanged: false }), "address-changed")).toBeUndefined();
  });

  it("message-keyword finds team keywords but not negated ones", () => {
    expect(only(order({ buyerMessage: "麻烦加急，发顺丰" }), "message-keyword")?.message).toContain("“顺丰”“加急”");
    expect(only(order({ buyerMessage: "不急，慢慢发" }), "message-keyword")).toBeUndefined();
    expect(only(order({ buyerMessage: "不着急" }), "message-keyword")).toBeUndefined();
    expect(only(order({ buyerMessage: "很着急，今天能发吗" }), "message-keyword")?.evidence).toBe("急");
    expect(only(order({ buyerMessage: "不用发票" }), "message-keyword")).toBeUndefined();
    expect(only(order({ buyerMessage: "不用发顺丰，普通快递就行" }), "message-keyword")).toBeUndefined();
    expect(only(order({ buyerMessage: "不开发票" }), "message-keyword")).toBeUndefined();
    expect(only(order({ buyerMessage: "能不能发顺丰" }), "message-keyword")?.evidence).toBe("顺丰");
    expect(only(order({ buyerMessage: "要发顺丰" }), "message-keyword")?.evidence).toBe("顺丰");
    expect(only(order({ buyerMessage: "谢谢老板" }), "message-keyword")).toBeUndefined();
    expect(only(order({ buyerMessage: "送到丰巢" }), "message-keyword", { messageKeywords: ["丰巢"] })).toBeDefined();
  });

  it("message-keyword skips the team's exception phrases (别发错 is not 别发), but not other uses", () => {
    expect(only(order({ buyerMessage: "要黑色的，别发错了" }), "message-keyword")).toBeUndefined();
    expect(only(order({ buyerMessage: "别发错了，先别发，等我通知" }), "message-keyword")?.evidence).toBe("别发");
    expect(only(order({ buyerMessage: "先别发货" }), "message-keyword")?.evidence).toBe("别发");
    expect(
      only(order({ buyerMessage: "别发错了" }), "message-keyword", { messageKeywordExceptions: [] })?.evidence,
    ).toBe("别发");
    expect(
      only(order({ buyerMessage: "周末不急" }), "message-keyword", { messageKeywordExceptions: ["周末不急"] }),
    ).toBeUndefined();
  });

  it("message-keyword leaves a refund keyword to refund-active when the refund is open on the platform", () => {
    const refunding = order({ buyerMessage: "拍错尺码了，已申请退款", refund: "requested" });
    expect(rules(refunding)).toEqual(["refund-active"]);
    // Other keywords in the same message still count.
    expect(only({ ...refunding, buyerMessage: "已申请退款，没退的话发顺丰" }, "message-keyword")?.evidence).toBe(
      "顺丰",
    );
    // No open refund: the buyer asking for one in the message is the only evidence, so it is reported.
    expect(only(order({ buyerMessage: "不想要了，能退款吗" }), "message-keyword")?.evidence).toBe("退款");
    expect(only({ ...refunding, refund: "done" }, "message-keyword")?.evidence).toBe("退款");
    // With refund-active turned off the keyword is the only warning left, so it stays.
    expect(only(refunding, "message-keyword", { disabledRules: ["refund-active"] })?.evidence).toBe("退款");
  });
});

describe("time rules", () => {
  it("ship-overdue and ship-due-soon from the deadline or paidAt + shipWithinHours", () => {
    expect(only(order({ shipDeadline: "2026-11-23T03:00:00Z" }), "ship-overdue")?.message).toContain("1 小时");
    expect(only(order({ shipDeadline: "2026-11-23T06:00:00Z" }), "ship-due-soon")?.message).toContain("2 小时");
    expect(rules(order({ shipDeadline: "2026-11-25T06:00:00Z" }))).toEqual([]);
    expect(only(order({ paidAt: "2026-11-20T02:00:00Z" }), "ship-overdue")).toBeDefined();
    expect(only(order({ paidAt: "2026-11-20T02:00:00Z" }), "ship-overdue", { shipWithinHours: 96 })).toBeUndefined();
    expect(only(order({ status: "shipped", paidAt: "2026-11-20T02:00:00Z" }), "ship-overdue")).toBeUndefined();
  });

  it("unpaid-reminder after the team threshold, with the 催付 script", () => {
    const unpaid = (createdAt: string) => order({ status: "unpaid", createdAt, paidAt: undefined });
    const w = only(unpaid("2026-11-23T03:00:00Z"), "unpaid-reminder");
    expect(w?.actions[0]).toEqual({ kind: "insert-script", label: "插入催付话术", scriptCode: "催付" });
    expect(only(unpaid("2026-11-23T03:45:00Z"), "unpaid-reminder")).toBeUndefined();
    expect(only(unpaid("2026-11-23T03:45:00Z"), "unpaid-reminder", { unpaidReminderMinutes: 10 })).toBeDefined();
  });

  it("presale-balance", () => {
    const presale = { depositPaid: true, balancePaid: false, balanceDueAt: "2026-11-24T04:00:00Z" };
    expect(only(order({ presale }), "presale-balance")?.message).toContain("还剩 24 小时");
    expect(only(order({ presale: { ...presale, balancePaid: true } }), "presale-balance")).toBeUndefined();
  });
});

describe("money and buyer rules", () => {
  it("refund-active blocks shipping", () => {
    expect(only(order({ refund: "requested" }), "refund-active")?.severity).toBe("error");
    expect(only(order({ refund: "in-progress", status: "shipped" }), "refund-active")?.severity).toBe("warning");
    expect(only(order({ refund: "done" }), "refund-active")).toBeUndefined();
  });

  it("price-over-limit beyond the 20 元 the agent may grant, with a yellow-flag memo", () => {
    const changed = (originalPrice: number, quantity = 1) =>
      order({ items: [{ ...BASE_ITEM, originalPrice, quantity }] });
    const w = only(changed(159), "price-over-limit");
    expect(w?.message).toContain("30 元");
    expect(w?.actions[0]).toMatchObject({ kind: "copy-memo", flag: "yellow" });
    expect(only(changed(149), "price-over-limit")).toBeUndefined();
    expect(only(changed(139, 3), "price-over-limit")).toBeDefined();
    expect(only(changed(159), "price-over-limit", { priceChangeLimit: 50 })).toBeUndefined();
  });

  it("blacklist by buyer, phone or address keyword", () => {
    const blacklist = { buyers: ["tb_bad"], phones: ["139 0000 0000"], addressKeywords: ["看守所"] };
    expect(only(order({ buyer: "tb_bad" }), "blacklist", { blacklist })?.message).toContain("tb_bad");
    expect(
      only(order({ receiver: { ...order().receiver, phone: "13900000000" } }), "blacklist", { blacklist }),
    ).toBeDefined();
    expect(
      only(order({ receiver: { ...order().receiver, address: "广东省深圳市南山区看守所" } }), "blacklist", {
        blacklist,
      }),
    ).toBeDefined();
    expect(only(order(), "blacklist", { blacklist })).toBeUndefined();
  });

  it("high-value and high-quantity", () => {
    expect(only(order({ total: 2999 }), "high-value")).toBeDefined();
    expect(only(order({ total: 2999 }), "high-value", { highValueTotal: 5000 })).toBeUndefined();
    expect(only(order({ items: [{ ...BASE_ITEM, quantity: 12 }] }), "high-quantity")?.message).toContain("12 件");
    expect(only(order({ items: [{ ...BASE_ITEM, quantity: 2 }] }), "high-quantity")).toBeUndefined();
  });
});

describe("cross-order rules", () => {
  it("mergeable: same buyer and address, both unshipped", () => {
    const a = order({ id: "A", items: [{ ...BASE_ITEM, itemId: "1" }], createdAt: "2026-11-22T02:00:00Z" });
    const b = order({ id: "B", items: [{ ...BASE_ITEM, itemId: "2" }] });
    const warnings = run([a, b]).filter((w) => w.rule === "mergeable");
    expect(warnings.map((w) => [w.orderId, w.evidence])).toEqual([
      ["A", "B"],
      ["B", "A"],
    ]);
    expect(run([a, { ...b, status: "shipped" }]).filter((w) => w.rule === "mergeable")).toEqual([]);
    expect(run([a, { ...b, buyer: "tb_bob" }]).filter((w) => w.rule === "mergeable")).toEqual([]);
  });

  it("duplicate-order: same buyer, same items, close in time", () => {
    const a = order({ id: "A", status: "unpaid", paidAt: undefined, createdAt: "2026-11-23T03:50:00Z" });
    const b = order({ id: "B", status: "unpaid", paidAt: undefined, createdAt: "2026-11-23T03:55:00Z" });
    const w = run([a, b]).filter((x) => x.rule === "duplicate-order");
    expect(w.map((x) => x.orderId)).toEqual(["A", "B"]);
    expect(w[0]?.message).toContain("5 分钟");
    expect(run([a, { ...b, createdAt: "2026-11-23T01:00:00Z" }]).some((x) => x.rule === "duplicate-order")).toBe(false);
    const otherItem = { ...b, items: [{ ...BASE_ITEM, skuProps: { 颜色分类: "白色", 尺码: "L" } }] };
    expect(run([a, otherItem]).some((x) => x.rule === "duplicate-order")).toBe(false);
    expect(run([a, { ...b, status: "closed" }]).some((x) => x.rule === "duplicate-order")).toBe(false);
  });

  it("checkOrder re-checks one changed row against the page index", () => {
    const a = order({ id: "A", items: [{ ...BASE_ITEM, itemId: "1" }] });
    const b = order({ id: "B", items: [{ ...BASE_ITEM, itemId: "2" }], buyer: "tb_bob" });
    const ctx = compileContext(DEFAULT_ORDER_RULE_SETTINGS, NOW);
    const index = buildOrderIndex([a, b]);
    expect(checkOrder(a, ctx, index)).toEqual([]);
    const bChanged = { ...b, buyer: "tb_alice" };
    expect(checkOrder(bChanged, ctx, index).map((w) => w.rule)).toEqual(["mergeable"]);
    expect(checkOrder(bChanged, ctx).map((w) => w.rule)).toEqual([]);
  });
});

describe("settings", () => {
  it("fills defaults and keeps team values", () => {
    const s = parseOrderRuleSettings({ priceChangeLimit: 50 });
    expect(s.priceChangeLimit).toBe(50);
    expect(s.remoteAreas).toContain("新疆");
    expect(s.unpaidReminderMinutes).toBe(30);
    expect(parseOrderRuleSettings(undefined)).toEqual(DEFAULT_ORDER_RULE_SETTINGS);
  });

  it("rejects bad settings with the field named", () => {
    expect(() => parseOrderRuleSettings({ priceChangeLimit: -1 })).toThrow(/priceChangeLimit/);
    expect(() => parseOrderRuleSettings({ disabledRules: ["nope"] })).toThrow(/disabledRules/);
    expect(() => parseOrderRuleSettings("x")).toThrow(/审单设置无效/);
  });

  it("disabledRules turns a rule off", () => {
    expect(rules(order({ total: 5000 }), { disabledRules: ["high-value"] })).toEqual([]);
  });
});
