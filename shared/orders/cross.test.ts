import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Order } from "../model.ts";
import { compileContext } from "./context.ts";
import {
  buildKeysIndex,
  buildOrderIndex,
  type CrossKeys,
  checkCrossEntry,
  checkCrossKeys,
  checkCrossOrder,
  crossKeysOf,
} from "./cross.ts";
import { DEFAULT_ORDER_RULE_SETTINGS } from "./settings.ts";
import { cleanOrder } from "./test-orders.ts";
import type { OrderWarning } from "./types.ts";

const NOW = "2026-11-23T04:00:00Z";
const ctx = compileContext(DEFAULT_ORDER_RULE_SETTINGS, NOW);

// Small pools, with the spacing and comma variants the rule ignores, so random pages hold real pairs.
const addresses = [
  "浙江省杭州市西湖区文三路1号",
  "浙江省 杭州市，西湖区 文三路1号",
  " ",
  "",
  "上海市浦东新区张江路2号",
];
const names = ["张三", " 张三 ", "李四", "", "3:张三"];
const orderArb: fc.Arbitrary<Order> = fc.record({
  id: fc.constant(""),
  platform: fc.constant("taobao" as const),
  status: fc.constantFrom("unpaid", "paid", "paid", "shipped", "closed" as const),
  buyer: fc.constantFrom("", "tb_a", "tb_a", "tb_b"),
  items: fc.array(
    fc.record({
      itemId: fc.constantFrom("", "9"),
      title: fc.constantFrom("卫衣", "<b>卫衣</b>"),
      skuProps: fc.dictionary(fc.constantFrom("颜色分类", "尺码"), fc.constantFrom("黑色", "L")),
      quantity: fc.integer({ min: 1, max: 2 }),
      price: fc.constant(99),
    }),
    { maxLength: 1 },
  ),
  total: fc.constant(99),
  receiver: fc.record({
    name: fc.constantFrom(...names),
    phone: fc.constant(""),
    address: fc.constantFrom(...addresses),
  }),
  createdAt: fc.oneof(
    fc.constant(undefined),
    fc.constant("not a date"),
    fc.integer({ min: 0, max: 90 }).map((m) => new Date(Date.parse(NOW) - m * 60_000).toISOString()),
  ),
}) as fc.Arbitrary<Order>;

function crossByOrders(orders: Order[]): OrderWarning[][] {
  const index = buildOrderIndex(orders);
  return index.entries.map((entry) => {
    const out: OrderWarning[] = [];
    checkCrossEntry(entry, ctx, index, out);
    return out;
  });
}

function crossByKeys(keys: CrossKeys[]): OrderWarning[][] {
  const index = buildKeysIndex(keys);
  return keys.map((k) => {
    const out: OrderWarning[] = [];
    checkCrossKeys(k, ctx, index, out);
    return out;
  });
}

describe("cross-order rules over keys (what the background sends a page)", () => {
  it("give exactly the warnings the full orders give, also after a JSON round trip", () => {
    let pairs = 0;
    fc.assert(
      fc.property(fc.array(orderArb, { maxLength: 7 }), (generated) => {
        // Ids unique on a page, except sometimes the same order twice (a re-rendered row).
        const orders = generated.map((o, i) => ({ ...o, id: i === 6 ? "1" : String(i + 1) }));
        const expected = crossByOrders(orders);
        const keys = JSON.parse(JSON.stringify(orders.map(crossKeysOf))) as CrossKeys[];
        expect(crossByKeys(keys)).toEqual(expected);
        pairs += expected.filter((w) => w.length > 0).length;
      }),
      { numRuns: 1000 },
    );
    // The pools really make mergeable/duplicate pairs (else the comparison above proves little).
    expect(pairs).toBeGreaterThan(40);
  });

  it("mix: a changed row checked by keys against an index of keys, like checkCrossOrder with orders", () => {
    const a: Order = {
      id: "A",
      platform: "taobao",
      status: "paid",
      buyer: "tb_a",
      items: [],
      total: 1,
      receiver: { name: "张三", phone: "", address: "杭州市西湖区 文三路1号" },
    };
    const b: Order = {
      ...a,
      id: "B",
      buyer: "tb_b",
      receiver: { name: "张三", phone: "", address: "杭州市西湖区文三路1号" },
    };
    const keysIndex = buildKeysIndex([a, b].map(crossKeysOf));
    const orderIndex = buildOrderIndex([a, b]);
    const changed = { ...b, buyer: "tb_a" };
    const byKeys: OrderWarning[] = [];
    checkCrossKeys(crossKeysOf(changed), ctx, keysIndex, byKeys);
    const byOrder: OrderWarning[] = [];
    checkCrossOrder(changed, ctx, orderIndex, byOrder);
    expect(byKeys.map((w) => w.rule)).toEqual(["mergeable"]);
    expect(byKeys).toEqual(byOrder);
  });

  it("keys hold no receiver text beyond the comparison key, and an address without letters never matches", () => {
    const keys = crossKeysOf({
      id: "1",
      platform: "taobao",
      status: "paid",
      buyer: "b",
      items: [],
      total: 0,
      receiver: { name: "张三", phone: "13800138000", address: " ，, " },
      createdAt: "not a date",
    });
    expect(keys.shipTo).toBe("");
    expect(keys.created).toBeNull();
    expect(JSON.stringify(keys)).not.toContain("13800138000");
  });

  it("keys carry short digests of the receiver and the items, not their text, equal where the rules see equal", () => {
    const order = cleanOrder({
      id: "1",
      buyer: "tb_a",
      items: [{ title: "羊毛大衣", skuProps: { 颜色: "驼色", 尺码: "M" }, price: 279, quantity: 1 }],
      total: 279,
      receiver: { name: "王小明", phone: "", address: "浙江省 杭州市 西湖区 文三路100号" },
    });
    const keys = crossKeysOf(order);
    const text = JSON.stringify(keys);
    for (const part of ["王小明", "文三路", "羊毛大衣", "驼色"]) expect(text).not.toContain(part);
    expect(keys.shipTo).toMatch(/^[0-9a-z]{1,11}$/);
    expect(keys.items).toMatch(/^[0-9a-z]{1,11}$/);
    // The same address written with other spaces and commas, the same props in another order: same keys.
    const same = crossKeysOf({
      ...order,
      id: "2",
      items: [{ title: "羊毛大衣", skuProps: { 尺码: "M", 颜色: "驼色" }, price: 279, quantity: 1 }],
      receiver: { name: "王小明", phone: "", address: "浙江省杭州市，西湖区 文三路100号" },
    });
    expect([same.shipTo, same.items]).toEqual([keys.shipTo, keys.items]);
    const other = crossKeysOf({
      ...order,
      id: "3",
      items: [{ title: "羊毛大衣", skuProps: { 颜色: "驼色", 尺码: "L" }, price: 279, quantity: 1 }],
      receiver: { name: "王小明", phone: "", address: "浙江省 杭州市 西湖区 文三路101号" },
    });
    expect(other.shipTo).not.toBe(keys.shipTo);
    expect(other.items).not.toBe(keys.items);
  });
});
