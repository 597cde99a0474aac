import { defineContentScript } from "wxt/utils/define-content-script";
import { KEFU_VERSION } from "../../../shared/version.ts";
import type { Feature } from "../../features/feature.ts";
import { orderOverlay } from "../../features/order-overlay.tsx";
import { phrasePicker } from "../../features/phrase-picker.tsx";
import { reviewDrafts } from "../../features/review-drafts.ts";
import { statusChip } from "../../features/status-chip.tsx";
import { SELLER_SITE_MATCHES } from "../../sites/matches.ts";

const features: Feature[] = [statusChip, orderOverlay, reviewDrafts];

export default defineContentScript({
  matches: SELLER_SITE_MATCHES,
  allFrames: true,
  // Every UI styles itself inside its shadow root and no content CSS is built: "ui" would fetch a missing,
  // non-web-accessible content-scripts/*.css on each mount (a failed chrome-extension://invalid/ load in the
  // seller page's console).
  cssInjectionMode: "manual",
  async main(ctx) {
    // The phrase picker works in every frame (chat boxes often sit in same-origin iframes).
    try {
      phrasePicker.start(ctx);
    } catch (err) {
      console.error("[kefu] feature phrase-picker failed to start", err);
    }
    // Only the top frame shows page-level UI; frames are handled by features that need them.
    if (window.top !== window) return;
    document.documentElement.dataset.kefuKit = KEFU_VERSION;
    ctx.onInvalidated(() => delete document.documentElement.dataset.kefuKit);
    for (const feature of features) {
      try {
        await feature.start(ctx);
      } catch (err) {
        console.error(`[kefu] feature ${feature.id} failed to start`, err);
      }
    }
  },
});
