/** Message types of the order overlay (merged into BackgroundRequests in messaging/protocol.ts). */
import type { Order } from "../../../shared/model.ts";
import type { OrderRuleSettings } from "../../../shared/orders/settings.ts";
import type { OrderWarning } from "../../../shared/orders/types.ts";
import type { SiteProfile } from "../../../shared/profiles/schema.ts";

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
  /** Content of the phrases with these exact quick codes (team phrase preferred); codes without one are absent. */
  "phrases.byCode": { request: { codes: string[] }; response: { phrases: Record<string, string> } };
}
