/**
 * Background side of the order overlay: team settings for the page, the single-order checks (they need the full
 * 省/市/区 table, which stays out of the content script), and team scripts by quick code.
 */
import type { Order } from "../../../shared/model.ts";
import { type CheckContext, checkOrder, compileContext, parseOrderRuleSettings } from "../../../shared/orders/index.ts";
import { DEFAULT_ORDER_RULE_SETTINGS, type OrderRuleSettings } from "../../../shared/orders/settings.ts";
import type { OrderWarning } from "../../../shared/orders/types.ts";
import { type ResolvedProfiles, resolveProfiles } from "../../../shared/profiles/resolve.ts";
import type { Handlers } from "../../messaging/protocol.ts";
import { readView } from "../../store/edits.ts";
import { connectionItem, libraryItem } from "../../store/state.ts";
import type { PhraseView } from "../../store/view.ts";

export type OrderOverlayRequestType = "getTeamSettings" | "orders.check" | "phrases.byCode";

/** Settings are parsed once per settings object, not per page. */
let cached: { source: unknown; orderRules: OrderRuleSettings } | undefined;
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
  let orderRules = DEFAULT_ORDER_RULE_SETTINGS;
  try {
    orderRules = parseOrderRuleSettings(section);
  } catch (err) {
    console.warn("[kefu] 审单设置无效，使用默认设置 invalid orderRules, using defaults:", err);
  }
  cached = { source: section, orderRules };
  return orderRules;
}

async function teamSettings() {
  const [library, connection] = await Promise.all([libraryItem.getValue(), connectionItem.getValue()]);
  const settings = library.settings;
  const me = connection?.me;
  return {
    orderRules: orderRulesOf(settings?.orderRules),
    siteProfiles: profilesOf(settings?.siteProfiles).profiles,
    siteProfileProblems: profilesOf(settings?.siteProfiles).problems,
    agentName: (me && (settings?.agents[me.agentId] ?? me.name)) || "",
    shopName: settings?.shopName ?? me?.shopName ?? "",
  };
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

export function createOrderOverlayHandlers(): Pick<Handlers, OrderOverlayRequestType> {
  return {
    getTeamSettings: () => teamSettings(),
    "orders.check": async ({ orders, nowMs }) => {
      // Only the library (kept in memory by the store) is read here: this runs for every chunk of rows.
      const orderRules = orderRulesOf((await libraryItem.getValue()).settings?.orderRules);
      const started = performance.now();
      const warnings = checkSingle(orders, nowMs, orderRules);
      return { warnings, ms: performance.now() - started };
    },
    "phrases.byCode": async ({ codes }) => {
      const wanted = new Set((Array.isArray(codes) ? codes : []).slice(0, 50).map(String));
      const view = await readView();
      const phrases: Record<string, string> = {};
      // The team's phrase first (the team standardises its scripts), then the agent's own; within each, the
      // exact quick code, then a phrase titled or tagged with it (the starter library's 催付 is code "cf").
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
      return { phrases };
    },
  };
}
