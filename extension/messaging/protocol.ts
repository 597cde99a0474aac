import { browser } from "wxt/browser";
import { KEFU_VERSION } from "../../shared/version.ts";
import type { OrderOverlayRequests } from "../features/order-overlay/messages.ts";
import type { ReviewDraftRequests } from "../features/review-drafts/messages.ts";
import type { PickerRequests } from "../search-index/messages.ts";
import type { StoreRequests } from "../store/messages.ts";

/**
 * Typed messages from content scripts and extension pages to the background store.
 * Content scripts never call the Worker: they ask the background, which owns the data and the sync loop.
 */
export interface BackgroundRequests extends StoreRequests, OrderOverlayRequests, ReviewDraftRequests, PickerRequests {
  ping: { request: Record<string, never>; response: { ok: true; version: string } };
}

export type RequestType = keyof BackgroundRequests;
export type RequestOf<T extends RequestType> = BackgroundRequests[T]["request"];
export type ResponseOf<T extends RequestType> = BackgroundRequests[T]["response"];

export interface Envelope<T extends RequestType = RequestType> {
  kefu: T;
  payload: RequestOf<T>;
}

/** Answer shape on the wire: errors cross the message boundary as data, never as thrown objects. */
export type Reply<T extends RequestType> = { ok: true; value: ResponseOf<T> } | { ok: false; error: string };

export async function askBackground<T extends RequestType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  const reply = (await browser.runtime.sendMessage({ kefu: type, payload } satisfies Envelope<T>)) as
    | Reply<T>
    | undefined;
  if (!reply) throw new Error(`No answer from the background for "${type}"`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/**
 * Who sent a message (the fields of runtime.MessageSender the handlers use). Only handlers that act on the
 * sender's own tab or frame read it; a content script's message has `tab` and `frameId`, an extension page's has no
 * `tab`.
 */
export interface MessageSender {
  tab?: { id?: number };
  frameId?: number;
  url?: string;
}

export type Handlers = {
  [T in RequestType]: (payload: RequestOf<T>, sender?: MessageSender) => Promise<ResponseOf<T>> | ResponseOf<T>;
};

export function isEnvelope(message: unknown): message is Envelope {
  return typeof message === "object" && message !== null && typeof (message as Envelope).kefu === "string";
}

/**
 * Dispatches one envelope to its handler and wraps the outcome; unknown types are an error, not a hang.
 * Takes a partial map so tests can wire a subset; background.ts builds a full `Handlers`, so production misses none.
 * `sender` (runtime.onMessage's) is passed on as the handler's second argument.
 */
export async function dispatch(
  handlers: Partial<Handlers>,
  message: Envelope,
  sender?: MessageSender,
): Promise<Reply<RequestType>> {
  const handler = handlers[message.kefu] as ((payload: unknown, sender?: MessageSender) => unknown) | undefined;
  if (!handler) return { ok: false, error: `Unknown request "${String(message.kefu)}"` };
  try {
    // No sender (tests, in-process calls): the handler is called with the payload alone, as before senders existed.
    const value = sender === undefined ? await handler(message.payload) : await handler(message.payload, sender);
    return { ok: true, value: value as ResponseOf<RequestType> };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

export const baseHandlers: Pick<Handlers, "ping"> = {
  ping: () => ({ ok: true, version: KEFU_VERSION }),
};
