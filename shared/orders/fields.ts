/**
 * What of an order no order rule reads, single or cross-order. The overlay leaves these out when it reads a page's
 * rows (on the 千牛 list the memo flag's class attribute and the pay cell's shipping-fee regex were about a tenth of
 * reading 500 rows, for nothing). A property test (fields.test.ts) holds every rule to this list: an order without
 * these gets the same warnings, actions and cross-order keys.
 */
import type { Order, OrderItem } from "../model.ts";

export const ORDER_FIELDS_NO_RULE_READS = ["shippingFee", "flag"] as const satisfies readonly (keyof Order)[];
export const ITEM_FIELDS_NO_RULE_READS = ["skuId"] as const satisfies readonly (keyof OrderItem)[];
