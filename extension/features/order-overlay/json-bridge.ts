/**
 * Content-script side of the page JSON hook: accepts bodies posted by page-hook.ts from this window only, for
 * the profile's URLs only, and has the background parse them (as untrusted JSON, off the page's thread) into
 * orders through the profile.
 */
import type { Order } from "../../../shared/model.ts";
import type { SiteProfile } from "../../../shared/profiles/schema.ts";
import { askBackground } from "../../messaging/protocol.ts";
import { CONFIG_MESSAGE, JSON_MESSAGE } from "./page-hook.ts";

export interface JsonOrders {
  get(id: string): { order: Order; version: number } | undefined;
}

export function listenForPageJson(
  profile: SiteProfile,
  now: () => number,
  onOrders: (orders: Order[]) => void,
  signal: AbortSignal,
): JsonOrders {
  const byId = new Map<string, { order: Order; version: number }>();
  let version = 0;
  const json = profile.json;
  if (!json) return { get: () => undefined };
  window.addEventListener(
    "message",
    (event: MessageEvent) => {
      if (event.source !== window || event.origin !== location.origin) return;
      const data = event.data as { kefu?: unknown; url?: unknown; text?: unknown } | null;
      if (!data || data.kefu !== JSON_MESSAGE || typeof data.url !== "string" || typeof data.text !== "string") return;
      const url = data.url;
      if (!json.urlIncludes.some((part) => url.includes(part))) return;
      void askBackground("orders.fromJson", {
        text: data.text,
        json,
        platform: profile.platform,
        nowMs: now(),
      }).then(
        ({ orders }) => accept(orders),
        (err) => console.warn("[kefu] page JSON not read", err),
      );
    },
    { signal },
  );
  const accept = (orders: Order[]) => {
    if (signal.aborted) return;
    if (orders.length === 0) return;
    version++;
    for (const order of orders) byId.set(order.id, { order, version });
    if (byId.size > 5000) {
      for (const key of [...byId.keys()].slice(0, byId.size - 5000)) byId.delete(key);
    }
    onOrders(orders);
  };
  // Tell the hook what to send (and to replay what it kept from before this script started).
  window.postMessage({ kefu: CONFIG_MESSAGE, urlIncludes: json.urlIncludes }, location.origin);
  return { get: (id) => byId.get(id) };
}
