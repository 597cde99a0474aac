/** Message types of the order overlay (merged into BackgroundRequests in messaging/protocol.ts). */
import type { Order, Platform } from "../../../shared/model.ts";
import type { CrossKeys } from "../../../shared/orders/cross.ts";
import type { OrderRuleSettings } from "../../../shared/orders/settings.ts";
import type { OrderWarning } from "../../../shared/orders/types.ts";
import type { RawOrder } from "../../../shared/profiles/order.ts";
import type { SiteProfile } from "../../../shared/profiles/schema.ts";
import type { RowNormalizers } from "../../sites/extract.ts";
import type { ActionText } from "./scripts.ts";

/** One order as the page knows it: the order itself (page JSON), or its row's raw strings and how to read them. */
export type OrderSource = { order: Order } | { raw: RawOrder; normalizers: RowNormalizers; platform: Platform };

export interface OrderOverlayRequests {
  /** Parsed team settings for content scripts: order rules (defaults when absent/invalid), the site profiles in
   * force (built-ins overridden by valid team profiles; `siteProfileProblems` names the rejected ones), and who
   * the agent is (for memo stamps). */
  getTeamSettings: {
    request: Record<string, never>;
    response: {
      orderRules: OrderRuleSettings;
      siteProfiles: SiteProfile[];
      siteProfileProblems: string[];
      agentName: string;
      shopName: string;
    };
  };
  /** Single-order checks (address table lives in the background); index-aligned with `orders`. Cross-order rules
   * (mergeable, duplicate-order) run in the page over the `keys` of the orders it knows. */
  "orders.check": {
    request: { orders: Order[]; nowMs: number };
    /** `ms`: time the checks took in the background (the rest of a round trip is messaging). */
    response: { warnings: OrderWarning[][]; keys: CrossKeys[]; ms: number };
  };
  /** The same for rows read off the page as raw strings: the background (warm, in its own process, while the page
   * reads the next rows) normalises them into orders with the profile's normalisers and checks them. The answer
   * holds each order's warnings and cross keys, not the order (the page keeps the raw row); `keys` is index-aligned
   * with `rows` (null where a row does not make an order). */
  "orders.checkRows": {
    request: { rows: RawOrder[]; normalizers: RowNormalizers; platform: Platform; nowMs: number };
    response: { keys: (CrossKeys | null)[]; warnings: OrderWarning[][]; ms: number };
  };
  /** Orders in a response body the page fetched (京东, 抖店), read with the profile's `json` section; the text is
   * untrusted (parse failures and entries that do not fit give no orders). */
  "orders.fromJson": {
    request: { text: string; json: NonNullable<SiteProfile["json"]>; platform: Platform; nowMs: number };
    response: { orders: Order[] };
  };
  /** One order built from what the page holds (the phrase picker's variables on an order page): the background
   * normalises, so the content script carries no normalisers. `order` is null when the row makes no order. */
  "orders.build": {
    request: { source: OrderSource; nowMs: number };
    response: { order: Order | null };
  };
  /** The panel's buttons for one order (scripts filled with the team's phrases, memos stamped with the agent). */
  "orders.actions": {
    request: { source: OrderSource; warnings: OrderWarning[]; nowMs: number };
    response: { actions: ActionText[] };
  };
  /** Sent by the wake content script as a seller page starts loading: the order checks' first run in this worker
   * (alias tables, compiled code) on sample rows, so a page's first scan does not pay for it. `orders`: sample
   * orders built and checked (0: done before in this worker). */
  "orders.warm": { request: Record<string, never>; response: { ms: number; orders: number } };
  /** Content of the phrases with these exact quick codes (team phrase preferred); codes without one are absent. */
  "phrases.byCode": { request: { codes: string[] }; response: { phrases: Record<string, string> } };
}
