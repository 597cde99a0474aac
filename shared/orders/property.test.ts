import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkOrders, parseAddress, parseOrderRuleSettings, RULE_IDS } from "./index.ts";
import { orderArb } from "./order-arbitrary.ts";

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
