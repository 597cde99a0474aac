import { defineContentScript } from "wxt/utils/define-content-script";
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
  cssInjectionMode: "ui",
  async main(ctx) {
    try {
      phrasePicker.start(ctx);
    } catch (err) {
      console.error("[kefu] feature phrase-picker failed to start", err);
    }
    if (window.top !== window) return;
    try {
      await statusChip.start(ctx);
    } catch (err) {
      console.error("[kefu] feature status-chip failed to start", err);
    }
  },
});
