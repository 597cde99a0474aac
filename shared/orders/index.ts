/**
 * Order checks (售中 审单): the public entry points.
 *
 *   checkOrders(orders, settings, now)         – every rule, including cross-order ones, for a page or a file.
 *   const ctx = compileContext(settings, now); const index = buildOrderIndex(orders);
 *   checkOrder(order, ctx, index)              – re-check one changed row against the page's index.
 */
import type { Order } from "../model.ts";
import { type CheckContext, compileContext } from "./context.ts";
import { buildOrderIndex, checkCrossEntry, checkCrossOrder, type OrderIndex } from "./cross.ts";
import { checkSingleOrder, orderFacts } from "./rules.ts";
import type { OrderRuleSettings } from "./settings.ts";
import type { OrderWarning } from "./types.ts";

export { type ParsedAddress, parseAddress, provinceName, shortProvinceName } from "./address.ts";
export { type CheckContext, compileContext } from "./context.ts";
export {
  buildKeysIndex,
  buildOrderIndex,
  type CrossKeys,
  checkCrossKeys,
  crossKeysOf,
  type OrderIndex,
} from "./cross.ts";
export { type BuiltMemo, buildMemo, MEMO_MAX_BYTES, type MemoInput, type MemoKind } from "./memo.ts";
export { classifyPhone, normalizePhone, type PhoneKind } from "./phone.ts";
export { ADDRESS_SCRIPT_CODE } from "./rules.ts";
export {
  DEFAULT_ORDER_RULE_SETTINGS,
  type OrderRuleSettings,
  OrderRuleSettingsError,
  type OrderRuleSettingsInput,
  OrderRuleSettingsSchema,
  parseOrderRuleSettings,
  RULE_IDS,
  type RuleId,
} from "./settings.ts";
export type { OrderAction, OrderWarning, Severity } from "./types.ts";

/** Warnings for one order. Pass the page's index to include the cross-order rules. */
export function checkOrder(order: Order, ctx: CheckContext, index?: OrderIndex): OrderWarning[] {
  const out: OrderWarning[] = [];
  checkSingleOrder(orderFacts(order), ctx, out);
  if (index) checkCrossOrder(order, ctx, index, out);
  return out;
}

/** Warnings for all orders, in order. `now` fixes the clock (Date, epoch ms or ISO string). */
export function checkOrders(
  orders: readonly Order[],
  settings: OrderRuleSettings,
  now: Date | number | string = Date.now(),
): OrderWarning[] {
  const ctx = compileContext(settings, now);
  const index = buildOrderIndex(orders);
  const out: OrderWarning[] = [];
  for (const [i, entry] of index.entries.entries()) {
    checkSingleOrder(orderFacts(orders[i] as Order), ctx, out);
    checkCrossEntry(entry, ctx, index, out);
  }
  return out;
}
