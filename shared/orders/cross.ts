/**
 * Cross-order rules: `mergeable` (same buyer and address, not yet shipped) and `duplicate-order` (same buyer,
 * same items, placed close together). The index is built once per page/file; re-checking one changed row
 * looks it up instead of rescanning every order.
 */
import type { Order } from "../model.ts";
import type { CheckContext } from "./context.ts";
import type { OrderWarning } from "./types.ts";

export interface IndexedOrder {
  order: Order;
  /** createdAt in epoch ms (NaN when unknown), parsed once. */
  created: number;
  /** Merge key for unshipped orders ("" when not mergeable). */
  shipKey: string;
}

export interface OrderIndex {
  /** buyer + receiver + compact address → unshipped orders. */
  byShipment: Map<string, Order[]>;
  /** buyer → orders that are not closed. */
  byBuyer: Map<string, IndexedOrder[]>;
  /** order id → what the index derived from it, so re-checking one indexed order does not recompute it. */
  byId: Map<string, IndexedOrder>;
  /** Entries in the order the orders were given (checkOrders walks these directly). */
  entries: IndexedOrder[];
}

const WHITESPACE = /[\s,，]+/g;
const HAS_WHITESPACE = /[\s,，]/;

function shipmentKey(order: Order): string {
  const r = order.receiver;
  const raw = (r?.address ?? "").trim();
  const address = HAS_WHITESPACE.test(raw) ? raw.replace(WHITESPACE, "") : raw;
  if (!address || !order.buyer) return "";
  return `${order.buyer}\u0000${(r?.name ?? "").trim()}\u0000${address}`;
}

const itemSignatures = new WeakMap<Order, string>();

/** Items as an order-independent string: item id (or title) + SKU values + quantity. */
function itemsSignature(order: Order): string {
  let sig = itemSignatures.get(order);
  if (sig !== undefined) return sig;
  const parts = (order.items ?? []).map((item) => {
    const props = Object.entries(item.skuProps ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .sort()
      .join(";");
    return `${item.itemId || item.title}|${props}|${item.quantity}`;
  });
  sig = parts.sort().join("\u0001");
  itemSignatures.set(order, sig);
  return sig;
}

function addTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildOrderIndex(orders: readonly Order[]): OrderIndex {
  const index: OrderIndex = { byShipment: new Map(), byBuyer: new Map(), byId: new Map(), entries: [] };
  for (const order of orders) {
    const entry = indexEntry(order);
    index.entries.push(entry);
    index.byId.set(order.id, entry);
    if (entry.shipKey) addTo(index.byShipment, entry.shipKey, order);
    if (order.status !== "closed" && order.buyer) addTo(index.byBuyer, order.buyer, entry);
  }
  return index;
}

function indexEntry(order: Order): IndexedOrder {
  return {
    order,
    created: Date.parse(order.createdAt ?? ""),
    shipKey: order.status === "paid" ? shipmentKey(order) : "",
  };
}

export function checkCrossOrder(order: Order, ctx: CheckContext, index: OrderIndex, out: OrderWarning[]): void {
  const indexed = index.byId.get(order.id);
  // A changed row (new object) is re-derived; an indexed one reuses what the index computed.
  checkCrossEntry(indexed && indexed.order === order ? indexed : indexEntry(order), ctx, index, out);
}

export function checkCrossEntry(self: IndexedOrder, ctx: CheckContext, index: OrderIndex, out: OrderWarning[]): void {
  const order = self.order;
  if (ctx.enabled("mergeable") && order.status === "paid") {
    const key = self.shipKey;
    const bucket = key ? index.byShipment.get(key) : undefined;
    const others =
      bucket && (bucket.length > 1 || bucket[0]?.id !== order.id) ? bucket.filter((o) => o.id !== order.id) : [];
    if (others.length > 0) {
      const ids = others.map((o) => o.id);
      out.push({
        orderId: order.id,
        rule: "mergeable",
        severity: "info",
        message: `同一买家同一地址还有未发货订单 ${ids.join("、")}，可合并发货`,
        evidence: ids.join(","),
        actions: [],
      });
    }
  }
  const sameBuyer = order.buyer ? index.byBuyer.get(order.buyer) : undefined;
  if (
    ctx.enabled("duplicate-order") &&
    order.status !== "closed" &&
    sameBuyer &&
    (sameBuyer.length > 1 || sameBuyer[0]?.order.id !== order.id)
  ) {
    const created = self.created;
    if (Number.isNaN(created)) return;
    const windowMs = ctx.settings.duplicateWindowMinutes * 60_000;
    let sig: string | undefined;
    const dupes: { id: string; minutes: number }[] = [];
    for (const other of sameBuyer) {
      if (other.order.id === order.id) continue;
      if (Number.isNaN(other.created) || Math.abs(other.created - created) > windowMs) continue;
      sig ??= itemsSignature(order);
      if (itemsSignature(other.order) !== sig) continue;
      dupes.push({ id: other.order.id, minutes: Math.round(Math.abs(other.created - created) / 60_000) });
    }
    if (dupes.length > 0) {
      const first = dupes[0];
      out.push({
        orderId: order.id,
        rule: "duplicate-order",
        severity: "warning",
        message: `与订单 ${dupes.map((d) => d.id).join("、")} 商品相同、下单相隔 ${first?.minutes ?? 0} 分钟，可能重复下单，请与买家确认`,
        evidence: dupes.map((d) => d.id).join(","),
        actions: [],
      });
    }
  }
}
