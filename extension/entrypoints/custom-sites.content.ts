import { defineContentScript } from "wxt/utils/define-content-script";
import { startFeatures } from "../features/feature.ts";
import { phrasePicker } from "../features/phrase-picker.tsx";
import { statusChip } from "../features/status-chip.tsx";

/**
 * The content script for URL patterns a team adds in settings (features/custom-sites.ts registers it at run time
 * for the patterns this browser has permission for). Only the phrase picker and the status chip run there: the
 * order overlay and review drafts need the seller back offices' own pages.
 */
export default defineContentScript({
  registration: "runtime",
  matches: [],
  allFrames: true,
  // Every UI styles itself inside its shadow root and no content CSS is built: "ui" would fetch a missing,
  // non-web-accessible content-scripts/*.css on each mount (a failed chrome-extension://invalid/ load in the
  // seller page's console).
  cssInjectionMode: "manual",
  // No window.postMessage into the page when the script starts (see content/index.ts).
  noScriptStartedPostMessage: true,
  main(ctx) {
    return startFeatures(ctx, { everyFrame: [phrasePicker], topFrame: [statusChip] });
  },
});
