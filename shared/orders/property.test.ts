import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Order } from "../model.ts";
import { checkOrders, parseAddress, parseOrderRuleSettings, RULE_IDS } from "./index.ts";

const text = fc.oneof(
  fc.string(),
  fc.constantFrom("", "<script>alert(1)</script>", "发红色", "不要XL", "广东深圳南山区", "138****5678", "急", "\u0000"),
);
const time = fc.oneof(
  fc.constant(undefined),
  fc.constant("not a date"),
  fc.integer({ min: 1.7e12, max: 1.8e12 }).map((ms) => new Date(ms).toISOString()),
);

const orderArb: fc.Arbitrary<Order> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 6 }),
  platform: fc.constant("taobao" as const),
  status: fc.constantFrom("unpaid", "paid", "shipped", "completed", "closed", "unknown" as const),
  buyer: fc.constantFrom("", "a", "b", "<b>"),
  items: fc.array(
    fc.record({
      title: text,
      skuProps: fc.dictionary(fc.constantFrom("颜色分类", "尺码", "适用型号", "x"), text),
      quantity: fc.integer({ min: 0, max: 50 }),
      price: fc.double({ min: 0, max: 1e5, noNaN: true }),
      originalPrice: fc.option(fc.double({ min: 0, max: 1e5, noNaN: true }), { nil: undefined }),
    }),
    { maxLength: 3 },
  ),
  total: fc.double({ min: 0, max: 1e6, noNaN: true }),
  buyerMessage: fc.option(text, { nil: undefined }),
  sellerMemo: fc.option(text, { nil: undefined }),
  receiver: fc.record({ name: text, phone: text, address: text }),
  createdAt: time,
  paidAt: time,
  shipDeadline: time,
  addressChanged: fc.boolean(),
  refund: fc.constantFrom("none", "requested", "in-progress", "done" as const),
}) as fc.Arbitrary<Order>;

describe("properties", () => {
  it("checkOrders never throws on arbitrary orders and every warning is well formed", () => {
    const settings = parseOrderRuleSettings({
      blacklist: { buyers: ["a"] },
      courierCoverage: [{ courier: "中通", excluded: ["西藏"] }],
      defaultCourier: "中通",
    });
    fc.assert(
      fc.property(fc.array(orderArb, { maxLength: 8 }), (orders) => {
        const ids = new Set(orders.map((o) => o.id));
        for (const w of checkOrders(orders, settings, "2026-11-23T04:00:00Z")) {
          expect(RULE_IDS).toContain(w.rule);
          expect(ids.has(w.orderId)).toBe(true);
          expect(w.message.length).toBeGreaterThan(0);
          expect(["error", "warning", "info"]).toContain(w.severity);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("parseAddress keeps the detail as a suffix of the input", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const p = parseAddress(s);
        expect(s.trim().endsWith(p.detail)).toBe(true);
      }),
    );
  });
});
