import { askBackground } from "../messaging/protocol.ts";
import type { Feature } from "./feature.ts";

/**
 * Loads the review drafts (entrypoints/review-drafts.content.ts) only where they run: on start and after each SPA
 * navigation it asks the background "reviews.load" for this URL, and the background injects the review-drafts
 * script into this frame when the URL is a review page. Once injected, that script follows navigation itself, so
 * the loader stops asking. A failed ask (background restarting, frame gone) is only logged: the next navigation asks
 * again, as the review drafts did when they ran in this script.
 */
export const reviewDraftsLoader: Feature = {
  id: "review-drafts-loader",
  start(ctx) {
    let loaded = false;
    const load = async () => {
      if (loaded) return;
      try {
        if ((await askBackground("reviews.load", { url: location.href })).loaded) loaded = true;
      } catch (err) {
        console.warn("[kefu] review drafts: not loaded", err);
      }
    };
    // Seller back offices are single-page apps: the review list may be reached without a page load.
    ctx.addEventListener(window, "wxt:locationchange", () => void load());
    // Not awaited: the other features need not wait for the background's answer.
    void load();
  },
};
