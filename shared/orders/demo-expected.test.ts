/**
 * The demo back office's orders (test/demo/data/orders.json) against the problems put in on purpose
 * (test/demo/data/expected-warnings.json, written from the domain, not from this code): checkOrders over ALL
 * demo orders must raise exactly the listed rule ids for every order — no more, no fewer — so the rules and
 * the fixture cannot drift apart. When they disagree, decide from the domain which one is wrong and fix that.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Order } from "../model.ts";
import { checkOrders, DEFAULT_ORDER_RULE_SETTINGS, RULE_IDS } from "./index.ts";

const DATA = new URL("../../test/demo/data/", import.meta.url);
const stored = (JSON.parse(readFileSync(new URL("orders.json", DATA), "utf8")) as { orders: { id: string }[] }).orders;
const expected = JSON.parse(readFileSync(new URL("expected-warnings.json", DATA), "utf8")) as Record<string, string[]>;

/** The demo pages' own materializer (plain JS, shared with the browser), so times match what the pages show. */
const DEMO_CORE = "../../test/demo/lib/orders-core.js";
const { materializeOrder, syntheticOrders } = (await import(DEMO_CORE)) as {
  materializeOrder(raw: unknown, nowMs: number): Order;
  /** The `?count=N` pages' generated orders and the problem planted in each (id → rule ids). */
  syntheticOrders(count: number, nowMs: number): { orders: Order[]; expected: Record<string, string[]> };
};

function rulesByOrder(now: string): Record<string, string[]> {
  const nowMs = Date.parse(now);
  const orders = stored.map((raw) => materializeOrder(raw, nowMs));
  const warnings = checkOrders(orders, DEFAULT_ORDER_RULE_SETTINGS, now);
  const byOrder: Record<string, string[]> = Object.fromEntries(orders.map((o) => [o.id, []]));
  for (const w of warnings) {
    const list = byOrder[w.orderId];
    expect(list, `warning for an unknown order ${w.orderId}`).toBeDefined();
    if (list && !list.includes(w.rule)) list.push(w.rule);
  }
  for (const list of Object.values(byOrder)) list.sort();
  return byOrder;
}

const sortedExpected = Object.fromEntries(Object.entries(expected).map(([id, rules]) => [id, [...rules].sort()]));

describe("demo orders vs expected-warnings.json", () => {
  it("lists every demo order once, with known rule ids only", () => {
    expect(Object.keys(expected).sort()).toEqual(stored.map((o) => o.id).sort());
    const known = new Set<string>(RULE_IDS);
    for (const [id, rules] of Object.entries(expected)) {
      for (const rule of rules) expect(known.has(rule), `${id}: ${rule}`).toBe(true);
    }
  });

  it.each([15, 500, 2000])("the %i generated orders of ?count=N raise exactly their planted problem", (count) => {
    const nowMs = Date.parse("2026-11-23T08:00:00.000Z");
    const { orders, expected: planted } = syntheticOrders(count, nowMs);
    const got: Record<string, string[]> = Object.fromEntries(orders.map((o) => [o.id, []]));
    for (const w of checkOrders(orders, DEFAULT_ORDER_RULE_SETTINGS, nowMs)) got[w.orderId]?.push(w.rule);
    const sorted = (m: Record<string, string[]>) =>
      Object.fromEntries(Object.entries(m).map(([id, rules]) => [id, [...new Set(rules)].sort()]));
    expect(sorted(got)).toEqual(sorted(planted));
    expect(Object.values(planted).filter((rules) => rules.length > 0).length).toBeGreaterThan(count / 5);
  });

  // The demo stores times relative to "now", so any clock must give the same answer.
  it.each(["2026-11-23T08:00:00.000Z", "2027-02-10T23:59:30.000Z"])(
    "checkOrders gives exactly the listed rules at %s",
    (now) => {
      expect(rulesByOrder(now)).toEqual(sortedExpected);
    },
  );
});
