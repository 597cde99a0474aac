import { defineContentScript } from "wxt/utils/define-content-script";
import { KEFU_VERSION } from "../../../shared/version.ts";
import { startFeatures } from "../../features/feature.ts";
import { orderOverlay } from "../../features/order-overlay.tsx";
import { phrasePicker } from "../../features/phrase-picker.tsx";
import { reviewDraftsLoader } from "../../features/review-drafts-loader.ts";
import { statusChip } from "../../features/status-chip.tsx";
import { SELLER_SITE_MATCHES } from "../../sites/matches.ts";

export default defineContentScript({
  matches: SELLER_SITE_MATCHES,
  allFrames: true,
  // Every UI styles itself inside its shadow root and no content CSS is built: "ui" would fetch a missing,
  // non-web-accessible content-scripts/*.css on each mount (a failed chrome-extension://invalid/ load in the
  // seller page's console).
  cssInjectionMode: "manual",
  // WXT tells an older copy of this script to stop with a DOM event. Its extra window.postMessage, kept for WXT
  // before 0.20, handed every seller page's message listeners the extension's id on each load (our page-json hook
  // took it too, during the overlay's first scan). No copy of ours needs it (test/e2e: order-overlay, review-drafts).
  noScriptStartedPostMessage: true,
  main(ctx) {
    // "Content script start" for the overlay benchmark (issue 5: content script start → all badges).
    performance.mark("kefu:content:start");
    return startFeatures(ctx, {
      everyFrame: [phrasePicker],
      // The order overlay first: it asks the background for the team's settings before anything else goes out.
      topFrame: [orderOverlay, reviewDraftsLoader, statusChip],
      beforeTopFrame: () => {
        document.documentElement.dataset.kefuKit = KEFU_VERSION;
        ctx.onInvalidated(() => delete document.documentElement.dataset.kefuKit);
      },
    });
  },
});
