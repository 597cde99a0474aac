import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Order } from "../model.ts";
import { ITEM_FIELDS_NO_RULE_READS, ORDER_FIELDS_NO_RULE_READS } from "./fields.ts";
import { checkOrders, crossKeysOf, parseOrderRuleSettings } from "./index.ts";
import { orderArb } from "./order-arbitrary.ts";
import { NOW } from "./test-orders.ts";

// Every rule on, with the lists and thresholds that make the most of them fire.
const settings = parseOrderRuleSettings({
  blacklist: { buyers: ["a"], phones: ["13800138000"], addressKeywords: ["南山"] },
  courierCoverage: [{ courier: "中通", excluded: ["西藏"] }],
  defaultCourier: "中通",
  messageKeywords: ["急", "发红色"],
});

function without(orders: Order[], orderFields: readonly string[], itemFields: readonly string[]): Order[] {
  return orders.map((order) => {
    const copy: Record<string, unknown> = { ...order };
    for (const field of orderFields) delete copy[field];
    copy.items = order.items.map((item) => {
      const itemCopy: Record<string, unknown> = { ...item };
      for (const field of itemFields) delete itemCopy[field];
      return itemCopy;
    });
    return copy as unknown as Order;
  });
}

const sameOutcome = (orderFields: readonly string[], itemFields: readonly string[]) =>
  fc.property(fc.array(orderArb, { minLength: 1, maxLength: 8 }), (orders) => {
    const stripped = without(orders, orderFields, itemFields);
    expect(checkOrders(stripped, settings, NOW)).toEqual(checkOrders(orders, settings, NOW));
    expect(stripped.map(crossKeysOf)).toEqual(orders.map(crossKeysOf));
  });

describe("fields no order rule reads", () => {
  it("an order without them gets the same warnings, actions and cross-order keys", () => {
    fc.assert(sameOutcome(ORDER_FIELDS_NO_RULE_READS, ITEM_FIELDS_NO_RULE_READS), { numRuns: 500 });
  });

  it("the property notices a field a rule does read", () => {
    // The same check with a field the rules use must find a counterexample, or it proves nothing.
    for (const [orderFields, itemFields] of [
      [["buyerMessage"], []],
      [["createdAt"], []],
      [[], ["originalPrice"]],
      [[], ["itemId"]],
    ] as const) {
      expect(() => fc.assert(sameOutcome(orderFields, itemFields), { numRuns: 500 })).toThrow();
    }
  });
});
