/**
 * The background for happy-dom tests (imported by tests only): handlers behind fakeBrowser's runtime messaging, as
 * entrypoints/background.ts wires them.
 */
import { fakeBrowser } from "wxt/testing/fake-browser";
import { dispatch, type Envelope, type Handlers } from "./messaging/protocol.ts";

/** Answers the extension's messages with these handlers; `seen` (when given) collects each message's type. */
export function serveHandlers(handlers: Partial<Handlers>, seen?: string[]): void {
  fakeBrowser.runtime.onMessage.addListener(
    (message: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
      seen?.push((message as Envelope).kefu);
      void dispatch(handlers, message as Envelope).then(sendResponse);
      return true;
    },
  );
}
