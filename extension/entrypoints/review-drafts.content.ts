import { defineContentScript } from "wxt/utils/define-content-script";
import { startFeatures } from "../features/feature.ts";
import { reviewDrafts } from "../features/review-drafts.ts";

/**
 * Review-reply drafts, kept out of the main content script (its size is what every seller page pays): the main
 * script's loader (features/review-drafts-loader.ts) asks the background "reviews.load", which injects this file
 * into that frame only when its URL is a review page. From then on the feature follows the page's SPA navigation.
 */
export default defineContentScript({
  registration: "runtime",
  matches: [],
  // Every UI styles itself inside its shadow root and no content CSS is built (see content/index.ts).
  cssInjectionMode: "manual",
  // No window.postMessage into the page when the script starts (see content/index.ts).
  noScriptStartedPostMessage: true,
  main(ctx) {
    return startFeatures(ctx, { everyFrame: [], topFrame: [reviewDrafts] });
  },
});
