/** Message types of the order overlay (merged into BackgroundRequests in messaging/protocol.ts). */
import type { Order, Platform } from "../../../shared/model.ts";
import type { OrderRuleSettings } from "../../../shared/orders/settings.ts";
import type { OrderWarning } from "../../../shared/orders/types.ts";
import type { NormalizerName } from "../../../shared/profiles/normalize.ts";
import type { RawOrder } from "../../../shared/profiles/order.ts";
import type { SiteProfile } from "../../../shared/profiles/schema.ts";
import type { ActionText } from "./scripts.ts";

/** Which normaliser each field of a row uses (a profile's `fields`/`items.fields` without the selectors). */
export interface RowNormalizers {
  fields: Partial<Record<string, { normalize?: NormalizerName }>>;
  items?: Partial<Record<string, { normalize?: NormalizerName }>>;
}

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
   * (mergeable, duplicate-order) run in the page over the orders it knows. */
  "orders.check": {
    request: { orders: Order[]; nowMs: number };
    /** `ms`: time the checks took in the background (the rest of a round trip is messaging). */
    response: { warnings: OrderWarning[][]; ms: number };
  };
  /** The same for rows read off the page as raw strings: the background (warm, in its own process, while the page
   * reads the next rows) normalises them into orders with the profile's normalisers and checks them; `orders` is
   * index-aligned with `rows` (null where a row does not make an order). */
  "orders.checkRows": {
    request: { rows: RawOrder[]; normalizers: RowNormalizers; platform: Platform; nowMs: number };
    response: { orders: (Order | null)[]; warnings: OrderWarning[][]; ms: number };
  };
  /** Orders in a response body the page fetched (京东, 抖店), read with the profile's `json` section; the text is
   * untrusted (parse failures and entries that do not fit give no orders). */
  "orders.fromJson": {
    request: { text: string; json: NonNullable<SiteProfile["json"]>; platform: Platform; nowMs: number };
    response: { orders: Order[] };
  };
  /** The panel's buttons for one order (scripts filled with the team's phrases, memos stamped with the agent). */
  "orders.actions": {
    request: { order: Order; warnings: OrderWarning[]; nowMs: number };
    response: { actions: ActionText[] };
  };
  /** Content of the phrases with these exact quick codes (team phrase preferred); codes without one are absent. */
  "phrases.byCode": { request: { codes: string[] }; response: { phrases: Record<string, string> } };
}
