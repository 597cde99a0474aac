/**
 * Cross-order rules: `mergeable` (same buyer and address, not yet shipped) and `duplicate-order` (same buyer,
 * same items, placed close together). Both need the same buyer, so the index is one buyer → orders map;
 * everything else (creation time, item signature) is derived lazily, only for buyers with more
 * than one order. Re-checking one changed row looks the index up instead of rescanning every order.
 */
import type { Order, OrderStatus } from "../model.ts";
import type { CheckContext } from "./context.ts";
import { buildMemo } from "./memo.ts";
import { parseTimestamp } from "./time.ts";
import type { OrderWarning } from "./types.ts";

export interface IndexedOrder {
  order: Order;
  /**
   * order.status, copied when indexed: every pair of a buyer's orders reads it, and the small entries sit
   * together in memory while the orders themselves are spread over the heap (cache misses dominate here).
   */
  status: OrderStatus;
  /** createdAt in epoch ms (NaN when unknown): set while indexing for buyers with 2+ orders, else on demand. */
  created?: number;
  /** Derived on demand: items as an order-independent string. */
  itemsKey?: string;
  /** The buyer's entries (set by buildOrderIndex; saves a map lookup per order). */
  group?: IndexedOrder[];
}

export interface OrderIndex {
  /** buyer → orders that are not closed, in the order given. */
  byBuyer: Map<string, IndexedOrder[]>;
  /** Entries in the order the orders were given (checkOrders walks these directly). */
  entries: IndexedOrder[];
}

/** What an address may differ by and still be the same place: the characters of /[\s,，]/. */
function isAddressSpace(code: number): boolean {
  if (code < 0x80) return code === 32 || code === 44 || (code >= 9 && code <= 13);
  return (
    code === 0xff0c ||
    code === 0x3000 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0xfeff
  );
}

/**
 * Same receiver name and the same address once spaces and commas are ignored (and not empty), compared in
 * place: most pairs differ within a few characters, so no compact copy of each address is built.
 */
function sameShipTo(a: Order, b: Order): boolean {
  const ra = a.receiver;
  const rb = b.receiver;
  if ((ra?.name ?? "").trim() !== (rb?.name ?? "").trim()) return false;
  const x = ra?.address ?? "";
  const y = rb?.address ?? "";
  let i = 0;
  let j = 0;
  let letters = 0;
  for (;;) {
    while (i < x.length && isAddressSpace(x.charCodeAt(i))) i++;
    while (j < y.length && isAddressSpace(y.charCodeAt(j))) j++;
    if (i === x.length || j === y.length) return i === x.length && j === y.length && letters > 0;
    if (x.charCodeAt(i) !== y.charCodeAt(j)) return false;
    i++;
    j++;
    letters++;
  }
}

function createdOf(e: IndexedOrder): number {
  e.created ??= parseTimestamp(e.order.createdAt);
  return e.created;
}

function itemsKeyOf(e: IndexedOrder): string {
  if (e.itemsKey === undefined) {
    const parts = (e.order.items ?? []).map((item) => {
      const props = Object.entries(item.skuProps ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .sort()
        .join(";");
      return `${item.itemId || item.title}|${props}|${item.quantity}`;
    });
    e.itemsKey = parts.sort().join("\u0001");
  }
  return e.itemsKey;
}

/** All fields present from the start: one object shape for every entry keeps the property reads monomorphic. */
function entryOf(order: Order, group: IndexedOrder[] | undefined): IndexedOrder {
  return { order, status: order.status, created: undefined, itemsKey: undefined, group };
}

export function buildOrderIndex(orders: readonly Order[]): OrderIndex {
  const index: OrderIndex = { byBuyer: new Map(), entries: [] };
  for (const order of orders) {
    const entry = entryOf(order, undefined);
    index.entries.push(entry);
    if (order.status === "closed" || !order.buyer) continue;
    let group = index.byBuyer.get(order.buyer);
    if (group) {
      // A buyer's second order: the times are read now, while this order is in cache, not later per pair.
      if (group.length === 1 && group[0]) createdOf(group[0]);
      createdOf(entry);
      group.push(entry);
    } else {
      group = [entry];
      index.byBuyer.set(order.buyer, group);
    }
    entry.group = group;
  }
  return index;
}

/** Cross-order warnings for one order, which may be a changed row not (or no longer) in the index. */
export function checkCrossOrder(order: Order, ctx: CheckContext, index: OrderIndex, out: OrderWarning[]): void {
  const sameBuyer = order.buyer ? index.byBuyer.get(order.buyer) : undefined;
  const indexed = sameBuyer?.find((e) => e.order === order);
  checkCrossEntry(indexed ?? entryOf(order, sameBuyer), ctx, index, out);
}

export function checkCrossEntry(self: IndexedOrder, ctx: CheckContext, index: OrderIndex, out: OrderWarning[]): void {
  const order = self.order;
  if (!order.buyer || order.status === "closed") return;
  const sameBuyer = self.group ?? index.byBuyer.get(order.buyer);
  if (!sameBuyer || (sameBuyer.length === 1 && sameBuyer[0]?.order.id === order.id)) return;

  if (ctx.enabled("mergeable") && order.status === "paid") {
    let ids: string[] | undefined;
    for (const other of sameBuyer) {
      if (other === self || other.status !== "paid" || other.order.id === order.id) continue;
      if (!sameShipTo(order, other.order)) continue;
      ids ??= [];
      ids.push(other.order.id);
    }
    if (ids) {
      // Seed 002: an unshipped order's memo says why, with agent and date, under a purple flag.
      const memo = buildMemo({
        kind: "unshipped",
        reason: `与订单 ${ids.join("、")} 合并发货`,
        agent: "",
        date: new Date(ctx.nowMs),
      });
      out.push({
        orderId: order.id,
        rule: "mergeable",
        severity: "info",
        message: `同一买家同一地址还有未发货订单 ${ids.join("、")}，可合并发货`,
        evidence: ids.join(","),
        actions: [{ kind: "copy-memo", label: "写合并发货备注（紫旗）", text: memo.text, flag: memo.flag }],
      });
    }
  }

  if (ctx.enabled("duplicate-order")) {
    const created = createdOf(self);
    if (Number.isNaN(created)) return;
    const windowMs = ctx.settings.duplicateWindowMinutes * 60_000;
    let dupes: { id: string; minutes: number }[] | undefined;
    for (const other of sameBuyer) {
      if (other === self) continue;
      const otherCreated = createdOf(other);
      if (Number.isNaN(otherCreated) || Math.abs(otherCreated - created) > windowMs) continue;
      if (other.order.id === order.id) continue; // the indexed version of a changed row
      if (itemsKeyOf(other) !== itemsKeyOf(self)) continue;
      dupes ??= [];
      dupes.push({ id: other.order.id, minutes: Math.round(Math.abs(otherCreated - created) / 60_000) });
    }
    if (dupes) {
      const ids = dupes.map((d) => d.id);
      out.push({
        orderId: order.id,
        rule: "duplicate-order",
        severity: "warning",
        message: `与订单 ${ids.join("、")} 商品相同、下单相隔 ${dupes[0]?.minutes ?? 0} 分钟，可能重复下单，请与买家确认`,
        evidence: ids.join(","),
        actions: [
          {
            kind: "copy-text",
            label: "复制确认重复下单话术",
            text: `亲，看到您拍了相同的商品（订单 ${ids.join("、")}），请问是都需要吗？如果是重复拍下，我们帮您取消多余的一单哦～`,
          },
        ],
      });
    }
  }
}
