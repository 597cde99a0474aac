/**
 * Background side of the order overlay: team settings for the page, the single-order checks (they need the full
 * 省/市/区 table, which stays out of the content script), and team scripts by quick code.
 */

import { browser } from "wxt/browser";
import { isRecord } from "../../../shared/guards.ts";
import type { Order, Platform } from "../../../shared/model.ts";
import type { CrossKeys } from "../../../shared/orders/cross.ts";
import {
  type CheckContext,
  checkOrder,
  compileContext,
  crossKeysOf,
  parseOrderRuleSettings,
} from "../../../shared/orders/index.ts";
import { DEFAULT_ORDER_RULE_SETTINGS, type OrderRuleSettings } from "../../../shared/orders/settings.ts";
import type { OrderWarning } from "../../../shared/orders/types.ts";
import { BUILTIN_PROFILES } from "../../../shared/profiles/builtin.ts";
import { buildOrder, type RawOrder, rawOrdersFromJson } from "../../../shared/profiles/order.ts";
import { type ResolvedProfiles, resolveProfiles } from "../../../shared/profiles/resolve.ts";
import type { SiteProfile } from "../../../shared/profiles/schema.ts";
import { dispatch, type Envelope, type Handlers } from "../../messaging/protocol.ts";
import { type RowNormalizers, rowNormalizers } from "../../sites/extract.ts";
import { readView } from "../../store/edits.ts";
import { readTeamSettings } from "../../store/settings-edits.ts";
import { connectionItem, libraryItem, outboxItem } from "../../store/state.ts";
import type { PhraseView } from "../../store/view.ts";
import { type CheckRequestType, ORDER_CHECK_PORT, type PortLike, type PortReply } from "./channel.ts";
import { panelActions } from "./scripts.ts";
import { WARM_ROWS } from "./warm.ts";

export type OrderOverlayRequestType =
  | "getTeamSettings"
  | "orders.check"
  | "orders.checkRows"
  | "orders.fromJson"
  | "orders.actions"
  | "orders.build"
  | "orders.warm"
  | "phrases.byCode";

/** Settings are parsed once per settings object, not per page (nor per chunk of rows). */
let cached: { source: unknown; json: string; orderRules: OrderRuleSettings } | undefined;
let cachedProfiles: { source: unknown; resolved: ResolvedProfiles } | undefined;

function profilesOf(section: unknown): ResolvedProfiles {
  const hit = cachedProfiles;
  if (hit && hit.source === section) return hit.resolved;
  const resolved = resolveProfiles(section);
  for (const problem of resolved.problems) console.warn(`[kefu] ${problem}`);
  cachedProfiles = { source: section, resolved };
  return resolved;
}

function orderRulesOf(section: unknown): OrderRuleSettings {
  const hit = cached;
  if (hit && hit.source === section) return hit.orderRules;
  // An admin's queued edit is read from storage afresh each time (a new object with the same content): keep the
  // parsed rules, and so the compiled check context, while the content stays the same.
  const json = JSON.stringify(section) ?? "";
  if (hit && hit.json === json) {
    hit.source = section;
    return hit.orderRules;
  }
  let orderRules = DEFAULT_ORDER_RULE_SETTINGS;
  try {
    orderRules = parseOrderRuleSettings(section);
  } catch (err) {
    console.warn("[kefu] 审单设置无效，使用默认设置 invalid orderRules, using defaults:", err);
  }
  cached = { source: section, json, orderRules };
  return orderRules;
}

/** The team's settings as this browser shows them: the synced copy with an admin's queued (not yet synced) edit
 * applied, so the overlay follows an edit at once. */
async function teamSettings() {
  const [settings, connection] = await Promise.all([readTeamSettings(), connectionItem.getValue()]);
  const me = connection?.me;
  return {
    orderRules: orderRulesOf(settings?.orderRules),
    siteProfiles: profilesOf(settings?.siteProfiles).profiles,
    siteProfileProblems: profilesOf(settings?.siteProfiles).problems,
    agentName: (me && (settings?.agents[me.agentId] ?? me.name)) || "",
    shopName: settings?.shopName ?? me?.shopName ?? "",
  };
}

/**
 * The order rules in force (queued edit included). This runs for every chunk of rows, so the read is kept until
 * the library or the outbox changes in storage (a storage read and a turn in the store's queue per chunk would
 * add to the page's wait after its last row); parsing is cached above.
 */
let rulesRead: Promise<OrderRuleSettings> | undefined;
function currentOrderRules(): Promise<OrderRuleSettings> {
  if (!rulesRead) {
    const read = readTeamSettings().then((settings) => orderRulesOf(settings?.orderRules));
    rulesRead = read;
    read.catch(() => {
      if (rulesRead === read) rulesRead = undefined;
    });
  }
  return rulesRead;
}
const SETTINGS_SOURCES = [libraryItem.key, outboxItem.key].map((key) => key.replace(/^local:/, ""));
function forgetRulesOnChange(changes: Record<string, unknown>, area: string): void {
  if (area === "local" && SETTINGS_SOURCES.some((key) => key in changes)) rulesRead = undefined;
}

const MAX_ORDERS_PER_CHECK = 5000;

/** The compiled settings (region matchers…) are reused while the settings object stays the same. */
let compiled: { rules: OrderRuleSettings; ctx: CheckContext } | undefined;

function checkSingle(orders: Order[], nowMs: number, orderRules: OrderRuleSettings): OrderWarning[][] {
  if (!Array.isArray(orders)) throw new Error("orders must be an array");
  if (orders.length > MAX_ORDERS_PER_CHECK) throw new Error(`too many orders (> ${MAX_ORDERS_PER_CHECK})`);
  const clock = Number.isFinite(nowMs) ? nowMs : Date.now();
  const hit = compiled;
  const base = hit && hit.rules === orderRules ? hit.ctx : compileContext(orderRules, clock);
  compiled = { rules: orderRules, ctx: base };
  const ctx: CheckContext = { ...base, nowMs: clock };
  return orders.map((order) => {
    try {
      return checkOrder(order, ctx);
    } catch (err) {
      // One malformed order must not hide the warnings of the others.
      console.warn("[kefu] order check failed", order?.id, err);
      return [];
    }
  });
}

/** Raw rows → orders with the page profile's normalisers; a row that is not an order (or is malformed) → null. */
export function buildRows(
  rows: RawOrder[],
  normalizers: RowNormalizers,
  platform: Platform,
  nowMs: number,
): (Order | null)[] {
  if (!Array.isArray(rows)) throw new Error("rows must be an array");
  if (rows.length > MAX_ORDERS_PER_CHECK) throw new Error(`too many rows (> ${MAX_ORDERS_PER_CHECK})`);
  if (!isRecord(normalizers) || !isRecord(normalizers.fields)) throw new Error("normalizers.fields must be an object");
  if (typeof platform !== "string") throw new Error("platform must be a string");
  const specs = { fields: normalizers.fields, items: isRecord(normalizers.items) ? normalizers.items : {} };
  const env = { nowMs: Number.isFinite(nowMs) ? nowMs : Date.now() };
  return rows.map((row) => {
    if (!isRecord(row) || !isRecord(row.fields) || !Array.isArray(row.items)) return null;
    try {
      return buildOrder(row, specs, platform, env) ?? null;
    } catch (err) {
      console.warn("[kefu] order row unreadable", err);
      return null;
    }
  });
}

/** The order a panel is about: sent whole (page JSON) or as its row's raw strings, built here like checkRows. */
function orderOfSource(source: unknown, nowMs: number): Order | undefined {
  if (!isRecord(source)) return undefined;
  if (isRecord(source.order)) return source.order as unknown as Order;
  if (!isRecord(source.raw)) return undefined;
  const [order] = buildRows(
    [source.raw as unknown as RawOrder],
    source.normalizers as RowNormalizers,
    source.platform as Platform,
    nowMs,
  );
  return order ?? undefined;
}

/** Largest response body read (the page hook sends nothing bigger either). */
const MAX_JSON_TEXT = 8_000_000;

/** Orders in one page response body through a profile's `json` section; not JSON, or no list → none. */
export function ordersFromPageJson(
  text: string,
  json: NonNullable<SiteProfile["json"]>,
  platform: Platform,
  nowMs: number,
): Order[] {
  if (typeof text !== "string" || text.length > MAX_JSON_TEXT) throw new Error("text must be a string under 8 MB");
  if (!isRecord(json) || typeof json.listPath !== "string" || !isRecord(json.fields)) {
    throw new Error("json must have listPath and fields");
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return []; // not JSON after all
  }
  const specs = { fields: json.fields, items: json.items?.fields };
  const env = { nowMs: Number.isFinite(nowMs) ? nowMs : Date.now() };
  const orders: Order[] = [];
  for (const raw of rawOrdersFromJson(body, json)) {
    const order = buildOrder(raw, specs, platform, env);
    if (order) orders.push(order);
  }
  return orders;
}

/** Content of the phrases with these quick codes: the team's phrase first (the team standardises its scripts),
 * then the agent's own; within each, the exact quick code, then a phrase titled or tagged with it (the starter
 * library's 催付 is code "cf"). */
async function phrasesByCode(codes: unknown): Promise<Record<string, string>> {
  const wanted = new Set((Array.isArray(codes) ? codes : []).slice(0, 50).map(String));
  const view = await readView();
  const phrases: Record<string, string> = {};
  const matchers = [
    (p: PhraseView, code: string) => p.code === code,
    (p: PhraseView, code: string) => p.title === code,
    (p: PhraseView, code: string) => p.tags.includes(code),
  ];
  for (const code of wanted) {
    search: for (const scope of ["team", "personal"]) {
      for (const matches of matchers) {
        const found = view.phrases.find((p) => p.scope === scope && matches(p, code));
        if (found) {
          phrases[code] = found.content;
          break search;
        }
      }
    }
  }
  return phrases;
}

/**
 * Raw rows → orders → single-order checks, index-aligned with `rows` (null keys where a row makes no order): what
 * "orders.checkRows" answers, and what the warm-up runs.
 */
function checkRows(
  rows: RawOrder[],
  normalizers: RowNormalizers,
  platform: Platform,
  nowMs: number,
  orderRules: OrderRuleSettings,
): { keys: (CrossKeys | null)[]; warnings: OrderWarning[][] } {
  const orders = buildRows(rows, normalizers, platform, nowMs);
  const checked = checkSingle(
    orders.filter((o) => o !== null),
    nowMs,
    orderRules,
  );
  let next = 0;
  const warnings = orders.map((order) => (order ? (checked[next++] ?? []) : []));
  const keys = orders.map((order) => (order ? crossKeysOf(order) : null));
  return { keys, warnings };
}

/** See warm.ts: once per worker life, the order checks' first run, on sample rows through a page's path. */
let warmed = false;
async function warmOrderChecks(): Promise<{ ms: number; orders: number }> {
  if (warmed) return { ms: 0, orders: 0 };
  warmed = true;
  const started = performance.now();
  const orderRules = await currentOrderRules();
  const profile = BUILTIN_PROFILES.find((p) => p.id === "taobao-sold");
  if (!profile) return { ms: performance.now() - started, orders: 0 };
  const { keys } = checkRows(WARM_ROWS, rowNormalizers(profile), profile.platform, Date.now(), orderRules);
  return { ms: performance.now() - started, orders: keys.filter((k) => k !== null).length };
}

export function createOrderOverlayHandlers(): Pick<Handlers, OrderOverlayRequestType> {
  rulesRead = undefined;
  warmed = false;
  browser.storage.onChanged.removeListener(forgetRulesOnChange);
  browser.storage.onChanged.addListener(forgetRulesOnChange);
  return {
    getTeamSettings: () => teamSettings(),
    "orders.check": async ({ orders, nowMs }) => {
      const orderRules = await currentOrderRules();
      const started = performance.now();
      const warnings = checkSingle(orders, nowMs, orderRules);
      return { warnings, keys: orders.map(crossKeysOf), ms: performance.now() - started };
    },
    "orders.checkRows": async ({ rows, normalizers, platform, nowMs }) => {
      const orderRules = await currentOrderRules();
      const started = performance.now();
      return { ...checkRows(rows, normalizers, platform, nowMs, orderRules), ms: performance.now() - started };
    },
    "orders.fromJson": async ({ text, json, platform, nowMs }) => ({
      orders: ordersFromPageJson(text, json, platform, nowMs),
    }),
    "orders.build": async ({ source, nowMs }) => ({ order: orderOfSource(source, nowMs) ?? null }),
    "orders.actions": async ({ source, warnings, nowMs }) => {
      const order = orderOfSource(source, nowMs);
      if (!order || !Array.isArray(order.items) || !Array.isArray(warnings)) {
        throw new Error("order and warnings required");
      }
      const team = await teamSettings();
      const codes = [team.orderRules.unpaidScriptCode, "催付", "核对地址"];
      const clock = Number.isFinite(nowMs) ? nowMs : Date.now();
      return {
        actions: panelActions(order, warnings, {
          settings: team.orderRules,
          agent: team.agentName,
          shop: team.shopName,
          nowMs: clock,
          phrases: await phrasesByCode(codes),
        }),
      };
    },
    "orders.warm": () => warmOrderChecks(),
    "phrases.byCode": async ({ codes }) => ({ phrases: await phrasesByCode(codes) }),
  };
}

/**
 * Serves the overlay's check channel on one port (see channel.ts): each request carries an id, each reply the same
 * id; only the order-check request types are answered here.
 */
export function servePort(port: PortLike, handlers: Pick<Handlers, CheckRequestType>): void {
  port.onMessage.addListener(async (message: unknown) => {
    if (!isRecord(message) || typeof message.id !== "number") return;
    const { id, kefu } = message;
    const reply =
      kefu === "orders.check" || kefu === "orders.checkRows"
        ? await dispatch(handlers, message as unknown as Envelope)
        : { ok: false as const, error: `Unknown request "${String(kefu)}"` };
    try {
      port.postMessage({ id, ...reply } as PortReply);
    } catch {
      // The page went away while its orders were being checked.
    }
  });
}

/** Wires the check channel: call once when the service worker starts (next to the onMessage listener). */
export function listenForOrderChecks(handlers: Pick<Handlers, CheckRequestType>): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === ORDER_CHECK_PORT) servePort(port, handlers);
  });
}
