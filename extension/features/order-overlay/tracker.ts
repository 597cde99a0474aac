/**
 * Keeps one badge per order row in step with a single-page app: rows added, removed, re-rendered or paged.
 * Rows are keyed by element and order id; a row whose text did not change is not re-read or re-checked, and a
 * re-rendered row with the same text reuses its last result. Cross-order rules (mergeable, duplicate-order) run
 * over every order currently on the page after each scan.
 */
import type { Order } from "../../../shared/model.ts";
import type { CheckContext } from "../../../shared/orders/context.ts";
import { buildOrderIndex, checkCrossOrder } from "../../../shared/orders/cross.ts";
import type { OrderRuleSettings, RuleId } from "../../../shared/orders/settings.ts";
import type { OrderWarning } from "../../../shared/orders/types.ts";
import type { SiteProfile } from "../../../shared/profiles/schema.ts";
import { extractRow, findRows, rowId } from "../../sites/extract.ts";
import { BADGE_ATTR, type Badge, createBadge, updateBadge } from "./badges.ts";

/** Orders per background request: reading the next chunk overlaps with checking this one. */
const CHECK_CHUNK = 100;

export interface TrackedOrder {
  row: Element;
  id: string;
  sig: string;
  order: Order;
  single: OrderWarning[];
  warnings: OrderWarning[];
  badge?: Badge;
}

export interface TrackerDeps {
  profile: SiteProfile;
  settings: OrderRuleSettings;
  /** The page's clock (fixed by `?now=` on the demo). */
  now(): number;
  /** Single-order checks for these orders, index-aligned (the background runs them). */
  checkSingle(orders: Order[], nowMs: number): Promise<OrderWarning[][]>;
  /** Orders read from the page's own JSON (京东, 抖店) by id, with a version that changes when the data does. */
  jsonOrder?(id: string): { order: Order; version: number } | undefined;
  onOpen(orderId: string, host: HTMLElement): void;
}

export interface ScanStats {
  rows: number;
  changed: number;
  removed: number;
  ms: number;
  /** Where the time went: reading rows, the background's single-order checks, cross-order checks + badges. */
  readMs: number;
  checkMs: number;
  crossMs: number;
}

export interface Tracker {
  /** Everything (no argument), or just these rows. */
  scan(dirty?: Iterable<Element>): Promise<ScanStats>;
  /** The tracked rows holding these nodes, or null when any node is outside a tracked row (then scan all). */
  rowsOf(nodes: Iterable<Node>): Set<Element> | null;
  entries(): TrackedOrder[];
  byOrderId(id: string): TrackedOrder | undefined;
  destroy(): void;
}

/** A context for the cross-order rules only: they read settings, the clock and which rules are on. */
function crossContext(settings: OrderRuleSettings, nowMs: number): CheckContext {
  const disabled = new Set<RuleId>(settings.disabledRules);
  return {
    settings,
    nowMs,
    enabled: (rule) => !disabled.has(rule),
    remoteAreas: [],
    coverage: [],
    defaultCourier: "",
    messageKeywords: [],
    blacklistBuyers: new Set(),
    blacklistPhones: new Set(),
    blacklistAddressKeywords: [],
    blacklistActive: false,
  };
}

export function createTracker(deps: TrackerDeps): Tracker {
  const { profile } = deps;
  const byRow = new Map<Element, TrackedOrder>();
  /** Last result per order id, so a row re-rendered with the same text is not re-read or re-checked. */
  const lastById = new Map<string, { sig: string; order: Order; single: OrderWarning[] }>();
  const readsDom = Object.keys(profile.fields).length > 0 || profile.items !== undefined;
  /** The buyer each entry had at its last cross check: a changed buyer affects the old buyer's orders too. */
  const lastBuyer = new WeakMap<TrackedOrder, string>();

  function signature(row: Element, id: string): string {
    const json = deps.jsonOrder?.(id);
    return `${json ? json.version : ""}#${row.textContent ?? ""}`;
  }

  function anchorOf(row: Element): Element {
    if (profile.rows.anchor) {
      try {
        const anchor = row.querySelector(profile.rows.anchor);
        if (anchor) return anchor;
      } catch {}
    }
    return row.querySelector("td, div, span") ?? row;
  }

  function removeBadge(entry: TrackedOrder): void {
    entry.badge?.host.remove();
    entry.badge = undefined;
  }

  /** Puts the badge next to the order id (again, if the page re-rendered that part), without duplicates. */
  function place(entry: TrackedOrder): void {
    if (entry.warnings.length === 0) {
      removeBadge(entry);
      return;
    }
    if (!entry.badge) entry.badge = createBadge(entry.id, (host) => deps.onOpen(entry.id, host));
    const host = entry.badge.host;
    host.dataset.kefuOrderId = entry.id;
    updateBadge(entry.badge, entry.warnings);
    if (!host.isConnected || !entry.row.contains(host)) {
      const anchor = anchorOf(entry.row);
      if (anchor === entry.row) entry.row.prepend(host);
      else anchor.after(host);
    }
  }

  /** Badges copied into a row by the page (cloned rows) or left from an earlier id are not ours to keep. */
  function dropStrays(entry: TrackedOrder): void {
    for (const el of entry.row.querySelectorAll(`[${BADGE_ATTR}]`)) {
      if (el !== entry.badge?.host) el.remove();
    }
  }

  /** Reads one row; returns the entry when it needs checking, undefined when unchanged or not an order. */
  function readRow(row: Element, nowMs: number, stats: { reused: number }): TrackedOrder | undefined {
    const id = rowId(row, profile);
    const existing = byRow.get(row);
    if (!id) {
      if (existing) removeBadge(existing);
      byRow.delete(row);
      return undefined;
    }
    const sig = signature(row, id);
    if (existing && existing.id === id && existing.sig === sig) {
      place(existing);
      return undefined;
    }
    const entry: TrackedOrder = existing ?? {
      row,
      id,
      sig,
      order: undefined as unknown as Order,
      single: [],
      warnings: [],
    };
    entry.id = id;
    entry.sig = sig;
    const cached = lastById.get(id);
    if (cached && cached.sig === sig) {
      // The app re-rendered this order with the same text (or paged back to it): reuse the last result.
      entry.order = cached.order;
      entry.single = cached.single;
      byRow.set(row, entry);
      dropStrays(entry);
      stats.reused++;
      return undefined;
    }
    const order = deps.jsonOrder?.(id)?.order ?? (readsDom ? extractRow(row, profile, { nowMs }, id) : undefined);
    if (!order) {
      // 京东/抖店 rows whose JSON has not arrived yet: no badge until it does.
      if (existing) removeBadge(existing);
      byRow.delete(row);
      return undefined;
    }
    entry.order = order;
    byRow.set(row, entry);
    dropStrays(entry);
    return entry;
  }

  /**
   * Full scan (`dirty` undefined): every row on the page, rows gone are dropped. Targeted scan: only the rows the
   * mutations touched. Rows are read in chunks and each chunk goes to the background while the next is read, so
   * reading and checking overlap.
   */
  async function scan(dirty?: Iterable<Element>): Promise<ScanStats> {
    const started = performance.now();
    const nowMs = deps.now();
    const changed: TrackedOrder[] = [];
    const pending: Promise<void>[] = [];
    const stats = { reused: 0 };
    let removed = 0;
    let readMs = 0;
    let chunk: TrackedOrder[] = [];
    const flush = () => {
      if (chunk.length === 0) return;
      const batch = chunk;
      chunk = [];
      pending.push(
        deps
          .checkSingle(
            batch.map((e) => e.order),
            nowMs,
          )
          .then((results) => {
            batch.forEach((entry, i) => {
              entry.single = results[i] ?? [];
              lastById.set(entry.id, { sig: entry.sig, order: entry.order, single: entry.single });
            });
          }),
      );
    };
    const take = (row: Element) => {
      const entry = readRow(row, nowMs, stats);
      if (!entry) return;
      changed.push(entry);
      chunk.push(entry);
      if (chunk.length >= CHECK_CHUNK) {
        readMs += performance.now() - chunkStart;
        flush();
        chunkStart = performance.now();
      }
    };
    let chunkStart = performance.now();
    if (dirty) {
      for (const row of new Set(dirty)) {
        if (row.isConnected) take(row);
        else if (byRow.has(row)) {
          removeBadge(byRow.get(row) as TrackedOrder);
          byRow.delete(row);
          removed++;
        }
      }
    } else {
      const seen = new Set<Element>();
      for (const row of findRows(document, profile)) {
        if (seen.has(row)) continue;
        seen.add(row);
        take(row);
      }
      for (const [row, entry] of byRow) {
        if (seen.has(row)) continue;
        removeBadge(entry);
        byRow.delete(row);
        removed++;
      }
    }
    readMs += performance.now() - chunkStart;
    flush();
    const waitStart = performance.now();
    await Promise.all(pending);
    const checkMs = performance.now() - waitStart;
    const crossStart = performance.now();
    // Cross-order rules over the orders on the page now (rows may have left while the background answered).
    const current = [...byRow.values()];
    const index = buildOrderIndex(current.map((e) => e.order));
    const ctx = crossContext(deps.settings, nowMs);
    // A targeted scan re-checks only the orders that share a buyer with a changed/removed one.
    const buyers = dirty && removed === 0 && stats.reused === 0 ? new Set<string>() : undefined;
    if (buyers) for (const entry of changed) buyers.add(entry.order.buyer).add(lastBuyer.get(entry) ?? "");
    for (const entry of current) {
      if (buyers && !buyers.has(entry.order.buyer) && !changed.includes(entry)) {
        place(entry);
        continue;
      }
      const cross: OrderWarning[] = [];
      checkCrossOrder(entry.order, ctx, index, cross);
      entry.warnings = cross.length > 0 ? [...entry.single, ...cross] : entry.single;
      lastBuyer.set(entry, entry.order.buyer);
      place(entry);
    }
    if (lastById.size > 5000) lastById.clear(); // a long session paging through many orders
    const done = performance.now();
    return {
      rows: byRow.size,
      changed: changed.length,
      removed,
      ms: done - started,
      readMs,
      checkMs,
      crossMs: done - crossStart,
    };
  }

  /** Rows of the profile that contain these nodes (the rows a mutation touched); null = not inside any row. */
  function rowsOf(nodes: Iterable<Node>): Set<Element> | null {
    const rows = new Set<Element>();
    for (const node of nodes) {
      const el = node instanceof Element ? node : node.parentElement;
      let row: Element | null = null;
      try {
        row = el?.closest(profile.rows.selector) ?? null;
      } catch {}
      if (!row || !byRow.has(row)) return null;
      rows.add(row);
    }
    return rows;
  }

  return {
    scan,
    rowsOf,
    entries: () => [...byRow.values()],
    byOrderId: (id) => [...byRow.values()].find((e) => e.id === id),
    destroy() {
      for (const entry of byRow.values()) removeBadge(entry);
      byRow.clear();
      lastById.clear();
    },
  };
}
