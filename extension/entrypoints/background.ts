import { browser } from "wxt/browser";
import { defineBackground } from "wxt/utils/define-background";
import { watchCustomSites } from "../features/custom-sites.ts";
import { createOrderOverlayHandlers, listenForOrderChecks } from "../features/order-overlay/background.ts";
import { createReviewDraftHandlers } from "../features/review-drafts/background.ts";
import { baseHandlers, dispatch, type Handlers, isEnvelope } from "../messaging/protocol.ts";
import { createPickerHandlers, watchLibraryForKeys } from "../search-index/index.ts";
import { createStoreHandlers } from "../store/handlers.ts";
import { startSyncLoop } from "../sync/loop.ts";

// The background service worker owns the store and the sync loop; this file only wires handlers.
export default defineBackground(() => {
  const handlers: Handlers = {
    ...baseHandlers,
    ...createStoreHandlers(),
    ...createOrderOverlayHandlers(),
    ...createReviewDraftHandlers(),
    ...createPickerHandlers(),
  };
  // Registers the alarm listener synchronously, so an alarm can wake a stopped service worker.
  void startSyncLoop();
  watchLibraryForKeys();
  // The picker on URL patterns the team added in settings (dynamic content script, this browser's permissions).
  watchCustomSites();
  listenForOrderChecks(handlers); // the order overlay's own port (cheaper than a sendMessage per chunk or edit)
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isEnvelope(message)) return undefined;
    return dispatch(handlers, message, sender);
  });
});
