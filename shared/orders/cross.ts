/**
 * Cross-order rules: `mergeable` (same buyer and address, not yet shipped) and `duplicate-order` (same buyer,
 * same items, placed close together). Both need the same buyer, so the index is one buyer → orders map;
 * everything else (creation time, item signature) is derived lazily, only for buyers with more
 * than one order. Re-checking one changed row looks the index up instead of rescanning every order.
 */

import { digest53 } from "../hash.ts";
import type { Order, OrderStatus } from "../model.ts";
import type { CheckContext } from "./context.ts";
import { buildMemo } from "./memo.ts";
import { parseTimestamp } from "./time.ts";
import type { OrderWarning } from "./types.ts";

/**
 * What the cross-order rules read of one order, small enough to travel with its warnings: the background builds
 * these next to the single-order checks, so a page that only needs the cross rules keeps no copy of each order.
 */
export interface CrossKeys {
  id: string;
  buyer: string;
  status: OrderStatus;
  /**
   * Digest of the receiver name and address with spaces and commas removed; "" when the address has no letters
   * (never matches). Digests, not the text: the rules only compare these for equality, and the page keeps the keys
   * of every order on it (the text made the background's answers for a 500-order page a fifth larger).
   */
  shipTo: string;
  /** createdAt in epoch ms; null when unknown. */
  created: number | null;
  /** Digest of the items as an order-independent string ("" for no items). */
  items: string;
}

export interface IndexedOrder {
  id: string;
  buyer: string;
  /**
   * order.status, copied when indexed: every pair of a buyer's orders reads it, and the small entries sit
   * together in memory while the orders themselves are spread over the heap (cache misses dominate here).
   */
  status: OrderStatus;
  /** The order itself, or only its keys (a page holding what the background sent). */
  order: Order | undefined;
  keys: CrossKeys | undefined;
  /** createdAt in epoch ms (NaN when unknown): set while indexing for buyers with 2+ orders, else on demand. */
  created: number | undefined;
  /** Derived on demand: items as an order-independent string. */
  itemsKey: string | undefined;
  /** Derived on demand when only one side of a pair has the order: CrossKeys.shipTo. */
  shipTo: string | undefined;
  /** The buyer's entries (set by buildOrderIndex; saves a map lookup per order). */
  group: IndexedOrder[] | undefined;
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
function sameShipToOrders(a: Order, b: Order): boolean {
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

/** The same comparison as one digest per order: equal keys (not "") ⇔ sameShipToOrders (up to 53-bit collisions). */
function shipToKey(order: Order): string {
  const address = order.receiver?.address ?? "";
  let compact = "";
  for (let i = 0; i < address.length; i++) {
    if (!isAddressSpace(address.charCodeAt(i))) compact += address[i];
  }
  if (compact === "") return "";
  const name = (order.receiver?.name ?? "").trim();
  // Length-prefixed: no name/address split can make two different pairs look alike.
  return digest53(`${name.length}:${name}${compact}`);
}

function shipToOf(e: IndexedOrder): string {
  if (e.keys) return e.keys.shipTo;
  e.shipTo ??= e.order ? shipToKey(e.order) : "";
  return e.shipTo;
}

function sameShipTo(a: IndexedOrder, b: IndexedOrder): boolean {
  if (a.order && b.order) return sameShipToOrders(a.order, b.order);
  const key = shipToOf(a);
  return key !== "" && key === shipToOf(b);
}

function createdOf(e: IndexedOrder): number {
  e.created ??= e.order ? parseTimestamp(e.order.createdAt) : (e.keys?.created ?? Number.NaN);
  return e.created;
}

function itemsKey(order: Order): string {
  const parts = (order.items ?? []).map((item) => {
    const props = Object.entries(item.skuProps ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .sort()
      .join(";");
    return `${item.itemId || item.title}|${props}|${item.quantity}`;
  });
  return digest53(parts.sort().join("\u0001"));
}

function itemsKeyOf(e: IndexedOrder): string {
  e.itemsKey ??= e.order ? itemsKey(e.order) : (e.keys?.items ?? "");
  return e.itemsKey;
}

/** The keys the cross-order rules need of one order (what the background sends the page). */
export function crossKeysOf(order: Order): CrossKeys {
  const created = parseTimestamp(order.createdAt);
  return {
    id: order.id,
    buyer: order.buyer,
    status: order.status,
    shipTo: shipToKey(order),
    created: Number.isNaN(created) ? null : created,
    items: itemsKey(order),
  };
}

/** All fields present from the start: one object shape for every entry keeps the property reads monomorphic. */
function entryOf(order: Order, group: IndexedOrder[] | undefined): IndexedOrder {
  return {
    id: order.id,
    buyer: order.buyer,
    status: order.status,
    order,
    keys: undefined,
    created: undefined,
    itemsKey: undefined,
    shipTo: undefined,
    group,
  };
}

function entryOfKeys(keys: CrossKeys, group: IndexedOrder[] | undefined): IndexedOrder {
  return {
    id: keys.id,
    buyer: keys.buyer,
    status: keys.status,
    order: undefined,
    keys,
    created: undefined,
    itemsKey: undefined,
    shipTo: undefined,
    group,
  };
}

function indexEntries(entries: IndexedOrder[]): OrderIndex {
  const index: OrderIndex = { byBuyer: new Map(), entries };
  for (const entry of entries) {
    if (entry.status === "closed" || !entry.buyer) continue;
    let group = index.byBuyer.get(entry.buyer);
    if (group) {
      // A buyer's second order: the times are read now, while this order is in cache, not later per pair.
      if (group.length === 1 && group[0]) createdOf(group[0]);
      createdOf(entry);
      group.push(entry);
    } else {
      group = [entry];
      index.byBuyer.set(entry.buyer, group);
    }
    entry.group = group;
  }
  return index;
}

export function buildOrderIndex(orders: readonly Order[]): OrderIndex {
  return indexEntries(orders.map((order) => entryOf(order, undefined)));
}

/** The same index over keys only (a page holding what the background sent). */
export function buildKeysIndex(keys: readonly CrossKeys[]): OrderIndex {
  return indexEntries(keys.map((k) => entryOfKeys(k, undefined)));
}

/** Cross-order warnings for one order, which may be a changed row not (or no longer) in the index. */
export function checkCrossOrder(order: Order, ctx: CheckContext, index: OrderIndex, out: OrderWarning[]): void {
  const sameBuyer = order.buyer ? index.byBuyer.get(order.buyer) : undefined;
  const indexed = sameBuyer?.find((e) => e.order === order);
  checkCrossEntry(indexed ?? entryOf(order, sameBuyer), ctx, index, out);
}

/** The same for an order known by its keys only (see CrossKeys). */
export function checkCrossKeys(keys: CrossKeys, ctx: CheckContext, index: OrderIndex, out: OrderWarning[]): void {
  const sameBuyer = keys.buyer ? index.byBuyer.get(keys.buyer) : undefined;
  const indexed = sameBuyer?.find((e) => e.keys === keys);
  checkCrossEntry(indexed ?? entryOfKeys(keys, sameBuyer), ctx, index, out);
}

export function checkCrossEntry(self: IndexedOrder, ctx: CheckContext, index: OrderIndex, out: OrderWarning[]): void {
  const id = self.id;
  if (!self.buyer || self.status === "closed") return;
  const sameBuyer = self.group ?? index.byBuyer.get(self.buyer);
  if (!sameBuyer || (sameBuyer.length === 1 && sameBuyer[0]?.id === id)) return;

  if (ctx.enabled("mergeable") && self.status === "paid") {
    let ids: string[] | undefined;
    for (const other of sameBuyer) {
      if (other === self || other.status !== "paid" || other.id === id) continue;
      if (!sameShipTo(self, other)) continue;
      ids ??= [];
      ids.push(other.id);
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
        orderId: id,
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
      if (other.id === id) continue; // the indexed version of a changed row
      if (itemsKeyOf(other) !== itemsKeyOf(self)) continue;
      dupes ??= [];
      dupes.push({ id: other.id, minutes: Math.round(Math.abs(otherCreated - created) / 60_000) });
    }
    if (dupes) {
      const ids = dupes.map((d) => d.id);
      out.push({
        orderId: id,
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
