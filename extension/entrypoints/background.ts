import { browser } from "wxt/browser";
import { defineBackground } from "wxt/utils/define-background";
import { baseHandlers, dispatch, type Handlers, isEnvelope } from "../messaging/protocol.ts";

// The background service worker owns the store and the sync loop; this file only wires handlers.
export default defineBackground(() => {
  const handlers: Handlers = { ...baseHandlers };
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isEnvelope(message)) return undefined;
    return dispatch(handlers, message);
  });
});
