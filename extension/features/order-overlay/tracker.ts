/**
 * Keeps one badge per order row in step with a single-page app: rows added, removed, re-rendered or paged.
 * Rows are keyed by element and order id; a row whose text did not change is not re-read or re-checked, and a
 * re-rendered row with the same text reuses its last result. Rows are read here (DOM only); the background
 * normalises and checks them and answers with the warnings and the few keys the cross-order rules need, not the
 * orders (a whole order per row made the answers ~7× larger, and the page spent more time taking them in than the
 * background spent checking). Cross-order rules (mergeable, duplicate-order) run over the keys of every order
 * currently on the page after each scan (a targeted scan re-checks only the buyers it touched).
 */
import type { Order } from "../../../shared/model.ts";
import type { CheckContext } from "../../../shared/orders/context.ts";
import { buildKeysIndex, type CrossKeys, checkCrossKeys } from "../../../shared/orders/cross.ts";
import type { OrderRuleSettings, RuleId } from "../../../shared/orders/settings.ts";
import type { OrderWarning } from "../../../shared/orders/types.ts";
import type { RawOrder } from "../../../shared/profiles/order.ts";
import type { SiteProfile } from "../../../shared/profiles/schema.ts";
import { extractRawRow, findRows, profileForChecks, rowId } from "../../sites/extract.ts";
import { anyBadgeMade, BADGE_ATTR, type Badge, createBadge, listenForBadgeClicks, updateBadge } from "./badges.ts";

/**
 * Rows per background request: the background checks one chunk while the page reads the next. The first chunk
 * starts the background early, the middle ones are large and they shrink towards the end of a full scan, so what is
 * left to wait for after the last row is read is a small chunk. Each message costs the page, the browser process and
 * the service worker a turn: on a 500-order list, 5 chunks (125, 188, 94, 75, 18) measured 10–20% faster from
 * content start to badges than 8 (50, 150, …) and much faster than 15 smaller ones (2 cores, A/B over 32 loads).
 */
const FIRST_CHUNK = 125;
const MAX_CHUNK = 400;
const MIN_CHUNK = 75;
function chunkLimit(sentSoFar: number, rowsLeft: number): number {
  if (sentSoFar === 0) return FIRST_CHUNK;
  return Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, Math.ceil(rowsLeft / 2)));
}

/** Where a tracked order came from: the raw strings of its row, or the page's own JSON (京东, 抖店). */
export type TrackedSource = { raw: RawOrder } | { order: Order };

/**
 * A row's text when its result was made (plus its JSON version), to tell an unchanged row from a changed one.
 * Undefined until computed: a row seen for the first time has nothing to compare with, and its whole-row
 * textContent cost ~10% of a 500-order page's first scan, so it is taken when the page is idle (fillSignatures).
 */
type Signature = string | undefined;

export interface TrackedOrder {
  row: Element;
  id: string;
  sig: Signature;
  /** What the background needs to build the order again (the panel's actions). */
  source: TrackedSource;
  keys: CrossKeys;
  single: OrderWarning[];
  warnings: OrderWarning[];
  badge?: Badge;
}

export interface TrackerDeps {
  profile: SiteProfile;
  /** The team's order-rule settings (may still be on their way from the background when a scan starts). */
  settings: OrderRuleSettings | Promise<OrderRuleSettings>;
  /** The page's clock (fixed by `?now=` on the demo). */
  now(): number;
  /** Single-order checks and cross keys for these orders, index-aligned (the background runs them). */
  checkSingle(orders: Order[], nowMs: number): Promise<{ keys: CrossKeys[]; warnings: OrderWarning[][] }>;
  /** Rows read off the page as raw strings → cross keys (null: not an order) and single-order warnings,
   * index-aligned (the background normalises with the profile's normalisers, then checks). */
  checkRows(
    rows: RawOrder[],
    nowMs: number,
  ): Promise<{ keys: (CrossKeys | null)[]; warnings: OrderWarning[][]; ms?: number }>;
  /** Orders read from the page's own JSON (京东, 抖店) by id, with a version that changes when the data does. */
  jsonOrder?(id: string): { order: Order; version: number } | undefined;
  onOpen(orderId: string, host: HTMLElement): void;
}

/** A row read in this scan that the background must build and/or check. */
interface PendingRow {
  row: Element;
  id: string;
  sig: Signature;
  /** The row's entry before this scan (its old order stays in force until the answer arrives). */
  entry: TrackedOrder | undefined;
  /** DOM rows: raw strings for the background to normalise; rows known from the page's JSON: already an order. */
  source: TrackedSource;
}

/** The chunks keep the two kinds apart, so each side's source is known. */
const rawOf = (p: PendingRow) => (p.source as { raw: RawOrder }).raw;
const orderOf = (p: PendingRow) => (p.source as { order: Order }).order;

export interface ScanStats {
  rows: number;
  changed: number;
  removed: number;
  /** When the scan started and how long it took to its last badge (performance.now() clock). */
  startedAt: number;
  ms: number;
  /** Where the time went: reading rows, the background's single-order checks, cross-order checks + badges. */
  readMs: number;
  /** Handing the chunks to the background (serialising the messages); the rest of the round trip is checkMs. */
  sendMs: number;
  checkMs: number;
  /** The background's own time building and checking the rows (summed over chunks; it overlaps reading). */
  backgroundMs: number;
  crossMs: number;
}

export interface Tracker {
  /** Everything (no argument), or just these rows. */
  scan(dirty?: Iterable<Element>): Promise<ScanStats>;
  /**
   * Takes the signatures the scans left for later, while `more()` says there is time (an idle period's deadline);
   * true when none is left. Call it only while no scan runs or waits: a row that changed since it was read is then
   * waiting for its scan, and its text now would be taken for the text its result came from.
   */
  fillSignatures(more: () => boolean): boolean;
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
  /** Rows are read for the rules only: fields no rule reads (the memo flag, the shipping fee) stay on the page. */
  const reading = profileForChecks(profile);
  const byRow = new Map<Element, TrackedOrder>();
  /** Last result per order id, so a row re-rendered with the same text is not re-read or re-checked. */
  const lastById = new Map<
    string,
    { sig: Signature; source: TrackedSource; keys: CrossKeys; single: OrderWarning[] }
  >();
  /** Entries whose signature is still to be taken (see fillSignatures). */
  const unsigned = new Set<TrackedOrder>();
  const readsDom = Object.keys(profile.fields).length > 0 || profile.items !== undefined;
  /** The buyer each entry had at its last cross check: a changed buyer affects the old buyer's orders too. */
  const lastBuyer = new WeakMap<TrackedOrder, string>();
  /** Which entry each of our badges belongs to (a badge the page copied into another row is not in here). */
  const entryOfBadge = new WeakMap<HTMLElement, TrackedOrder>();
  const listening = new AbortController();
  listenForBadgeClicks(
    document,
    (host) => {
      const entry = entryOfBadge.get(host);
      if (entry?.badge?.host === host) deps.onOpen(entry.id, host);
    },
    listening.signal,
  );

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
    if (!entry.badge) {
      entry.badge = createBadge(entry.id);
      entryOfBadge.set(entry.badge.host, entry);
    }
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

  /** The same for a full scan, in one query over the page instead of one per row (8+ ms on 500 rows). */
  function sweepStrays(): void {
    const ours = new Set<Element>();
    for (const entry of byRow.values()) if (entry.badge) ours.add(entry.badge.host);
    for (const el of document.querySelectorAll(`[${BADGE_ATTR}]`)) if (!ours.has(el)) el.remove();
  }

  /** Reads one row; returns what the background must build/check, undefined when unchanged or not an order. */
  function readRow(row: Element, stats: { reused: number; full: boolean }): PendingRow | undefined {
    const id = rowId(row, profile);
    const existing = byRow.get(row);
    if (!id) {
      if (existing) removeBadge(existing);
      byRow.delete(row);
      return undefined;
    }
    const cached = lastById.get(id);
    const known = existing?.id === id ? existing.sig : undefined;
    // The row's whole text is only worth taking when there is an earlier result to compare it with: a row seen for
    // the first time is read and checked, and its signature is taken when the page is idle (fillSignatures).
    const sig = known !== undefined || cached?.sig !== undefined ? signature(row, id) : undefined;
    if (existing && sig !== undefined && known === sig) {
      place(existing);
      // A part of the row re-rendered from the app's own copy may carry a dead copy of our badge.
      if (!stats.full) dropStrays(existing);
      return undefined;
    }
    if (cached && sig !== undefined && cached.sig === sig) {
      // The app re-rendered this order with the same text (or paged back to it): reuse the last result.
      const entry = existing ?? { row, id, ...cached, sig, warnings: [] };
      entry.id = id;
      entry.sig = sig;
      entry.source = cached.source;
      entry.keys = cached.keys;
      entry.single = cached.single;
      byRow.set(row, entry);
      if (!stats.full) dropStrays(entry);
      stats.reused++;
      return undefined;
    }
    const json = deps.jsonOrder?.(id);
    if (json) return { row, id, sig, entry: existing, source: { order: json.order } };
    if (readsDom) return { row, id, sig, entry: existing, source: { raw: extractRawRow(row, reading, id) } };
    // 京东/抖店 rows whose JSON has not arrived yet: no badge until it does.
    if (existing) removeBadge(existing);
    byRow.delete(row);
    return undefined;
  }

  /**
   * Full scan (`dirty` undefined): every row on the page, rows gone are dropped. Targeted scan: only the rows the
   * mutations touched. Rows are read in chunks and each chunk goes to the background while the next is read, so
   * reading here and normalising + checking there overlap.
   */
  async function scan(dirty?: Iterable<Element>): Promise<ScanStats> {
    const started = performance.now();
    const nowMs = deps.now();
    const full = !dirty;
    const strays = full && anyBadgeMade();
    const changed = new Set<TrackedOrder>();
    const pending: Promise<void>[] = [];
    const stats = { reused: 0, full };
    let sent = 0;
    let removed = 0;
    let readMs = 0;
    let rawChunk: PendingRow[] = [];
    let orderChunk: PendingRow[] = [];

    /** The background's answer for one read row: its cross keys (null = not an order) and single-order warnings. */
    const settle = (p: PendingRow, keys: CrossKeys | null | undefined, single: OrderWarning[]) => {
      const { source } = p;
      if (!keys) {
        if (p.entry && byRow.get(p.row) === p.entry) {
          removeBadge(p.entry);
          byRow.delete(p.row);
        }
        return;
      }
      const entry = p.entry ?? { row: p.row, id: p.id, sig: p.sig, source, keys, single, warnings: [] };
      entry.id = p.id;
      entry.sig = p.sig;
      entry.source = source;
      entry.keys = keys;
      entry.single = single;
      byRow.set(p.row, entry);
      if (!full) dropStrays(entry);
      lastById.set(p.id, { sig: p.sig, source, keys, single });
      if (p.sig === undefined) unsigned.add(entry);
      else unsigned.delete(entry);
      changed.add(entry);
    };
    let sendMs = 0;
    let backgroundMs = 0;
    /** One chunk to the background; its answer settles the chunk's rows. */
    const send = (
      batch: PendingRow[],
      ask: () => Promise<{ keys: (CrossKeys | null)[]; warnings: OrderWarning[][]; ms?: number }>,
    ) => {
      if (batch.length === 0) return;
      pending.push(
        ask().then(({ keys, warnings, ms }) => {
          backgroundMs += ms ?? 0;
          for (const [i, p] of batch.entries()) settle(p, keys[i], warnings[i] ?? []);
        }),
      );
    };
    const flush = () => {
      const sendStart = performance.now();
      const rows = rawChunk;
      const orders = orderChunk;
      rawChunk = [];
      orderChunk = [];
      send(rows, () => deps.checkRows(rows.map(rawOf), nowMs));
      send(orders, () => deps.checkSingle(orders.map(orderOf), nowMs));
      sendMs += performance.now() - sendStart;
    };
    let chunkStart = performance.now();
    let limit = FIRST_CHUNK;
    /** `rowsLeft`: rows after this one still to read. */
    const take = (row: Element, rowsLeft: number) => {
      const read = readRow(row, stats);
      if (!read) return;
      sent++;
      ("raw" in read.source ? rawChunk : orderChunk).push(read);
      if (rawChunk.length + orderChunk.length >= limit) {
        limit = chunkLimit(sent, rowsLeft);
        readMs += performance.now() - chunkStart;
        flush();
        chunkStart = performance.now();
      }
    };
    if (dirty) {
      const rows = new Set(dirty);
      let left = rows.size;
      for (const row of rows) {
        left--;
        if (row.isConnected) take(row, left);
        else if (byRow.has(row)) {
          removeBadge(byRow.get(row) as TrackedOrder);
          byRow.delete(row);
          removed++;
        }
      }
    } else {
      const seen = new Set<Element>();
      const rows = findRows(document, profile);
      for (const [i, row] of rows.entries()) {
        if (seen.has(row)) continue;
        seen.add(row);
        take(row, rows.length - i - 1);
      }
      for (const [row, entry] of byRow) {
        if (seen.has(row)) continue;
        removeBadge(entry);
        byRow.delete(row);
        unsigned.delete(entry);
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
    const index = buildKeysIndex(current.map((e) => e.keys));
    const ctx = crossContext(await deps.settings, nowMs);
    // A targeted scan re-checks only the orders that share a buyer with a changed/removed one.
    const buyers = dirty && removed === 0 && stats.reused === 0 ? new Set<string>() : undefined;
    if (buyers) for (const entry of changed) buyers.add(entry.keys.buyer).add(lastBuyer.get(entry) ?? "");
    for (const entry of current) {
      // Untouched by this targeted scan: its row did not change (or it would be dirty), so neither does its badge.
      if (buyers && !buyers.has(entry.keys.buyer) && !changed.has(entry)) continue;
      const cross: OrderWarning[] = [];
      checkCrossKeys(entry.keys, ctx, index, cross);
      entry.warnings = cross.length > 0 ? [...entry.single, ...cross] : entry.single;
      lastBuyer.set(entry, entry.keys.buyer);
      place(entry);
    }
    if (strays) sweepStrays();
    if (lastById.size > 5000) lastById.clear(); // a long session paging through many orders
    const done = performance.now();
    return {
      rows: byRow.size,
      changed: sent,
      removed,
      startedAt: started,
      ms: done - started,
      readMs,
      sendMs,
      checkMs,
      backgroundMs,
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

  function fillSignatures(more: () => boolean): boolean {
    for (const entry of unsigned) {
      if (!more()) return false;
      unsigned.delete(entry);
      if (entry.sig !== undefined || byRow.get(entry.row) !== entry || !entry.row.isConnected) continue;
      entry.sig = signature(entry.row, entry.id);
      const cached = lastById.get(entry.id);
      if (cached && cached.source === entry.source) cached.sig = entry.sig;
    }
    return true;
  }

  return {
    scan,
    fillSignatures,
    rowsOf,
    entries: () => [...byRow.values()],
    byOrderId: (id) => [...byRow.values()].find((e) => e.id === id),
    destroy() {
      listening.abort();
      for (const entry of byRow.values()) removeBadge(entry);
      byRow.clear();
      lastById.clear();
      unsigned.clear();
    },
  };
}
