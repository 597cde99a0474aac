import { askBackground } from "../messaging/protocol.ts";
import type { Feature } from "./feature.ts";
import { watchUrl } from "./url-changes.ts";

/**
 * Loads the review drafts (entrypoints/review-drafts.content.ts) only where they run: once the page is first idle,
 * and after each SPA navigation, it asks the background "reviews.load" for this URL, and the background injects the
 * review-drafts script into this frame when the URL is a review page. Once injected, that script follows navigation
 * itself, so the loader stops asking. A failed ask (background restarting, frame gone) is only logged: the next
 * navigation asks again, as the review drafts did when they ran in this script.
 */
export const reviewDraftsLoader: Feature = {
  id: "review-drafts-loader",
  start(ctx) {
    let loaded = false;
    const load = async (url: string) => {
      if (loaded) return;
      try {
        if ((await askBackground("reviews.load", { url })).loaded) {
          loaded = true;
          stopWatching(); // the injected script follows navigation itself
        }
      } catch (err) {
        console.warn("[kefu] review drafts: not loaded", err);
      }
    };
    // Seller back offices are single-page apps: the review list may be reached without a page load.
    const stopWatching = watchUrl(ctx, (url) => void load(url));
    // When the page is first idle, not in its first busy milliseconds: a review list has time, while on an order page
    // the overlay's first scan is racing the page's load for the same thread and the same background, and this
    // question sent beside its first chunks only slowed it down. (Where idle callbacks are missing, the next task.)
    if (typeof requestIdleCallback === "function")
      ctx.requestIdleCallback(() => void load(location.href), { timeout: 1000 });
    else ctx.setTimeout(() => void load(location.href), 0);
  },
};
