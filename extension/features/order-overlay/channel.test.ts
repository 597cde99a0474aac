/**
 * The order-check channel against the background's port server, paired in memory: replies find their request
 * by id, errors come back as errors, a dropped port sends what was waiting through sendMessage, and stopping
 * the overlay rejects what is left.
 */
import { describe, expect, it, vi } from "vitest";
import type { Handlers } from "../../messaging/protocol.ts";
import { servePort } from "./background.ts";
import { type Ask, type CheckRequestType, createCheckChannel, type PortLike } from "./channel.ts";

type Listener<T extends unknown[]> = (...args: T) => void;

/** Two ends of one port; messages are delivered asynchronously, as in the browser. */
function portPair() {
  const make = () => {
    const messages: Listener<[unknown]>[] = [];
    const disconnects: Listener<[]>[] = [];
    return { messages, disconnects };
  };
  const a = make();
  const b = make();
  let open = true;
  const end = (self: typeof a, other: typeof a): PortLike & { posted: unknown[] } => {
    const posted: unknown[] = [];
    return {
      posted,
      postMessage(message) {
        if (!open) throw new Error("Attempting to use a disconnected port object");
        posted.push(message);
        const copy = JSON.parse(JSON.stringify(message)) as unknown; // messages cross as JSON
        setTimeout(() => {
          for (const l of other.messages) l(copy);
        }, 0);
      },
      disconnect() {
        open = false;
      },
      onMessage: { addListener: (l) => self.messages.push(l) },
      onDisconnect: { addListener: (l) => self.disconnects.push(l) },
    };
  };
  const page = end(a, b);
  const background = end(b, a);
  /** The background went away (service worker stopped): the page's end hears of it. */
  const drop = () => {
    open = false;
    for (const l of a.disconnects) l();
  };
  return { page, background, drop };
}

const handlers: Pick<Handlers, CheckRequestType> = {
  "orders.check": async ({ orders }) => ({ warnings: orders.map(() => []), keys: [], ms: 0 }),
  "orders.checkRows": async ({ rows }) => {
    if (rows.length === 0) throw new Error("no rows");
    return { keys: rows.map(() => null), warnings: rows.map(() => []), ms: 1 };
  },
};

const noFallback: Ask = () => Promise.reject(new Error("fallback not expected"));

describe("order check channel", () => {
  it("matches replies to requests over one port, errors included", async () => {
    const pair = portPair();
    servePort(pair.background, handlers);
    let connects = 0;
    const ask = createCheckChannel({
      connect: () => {
        connects++;
        return pair.page;
      },
      fallback: noFallback,
      signal: new AbortController().signal,
    });
    const raw = { fields: { id: "1" }, items: [] };
    const [a, b] = await Promise.all([
      ask("orders.check", { orders: [], nowMs: 0 }),
      ask("orders.checkRows", { rows: [raw, raw], normalizers: { fields: {} }, platform: "demo", nowMs: 0 }),
    ]);
    expect(a).toEqual({ warnings: [], keys: [], ms: 0 });
    expect(b).toEqual({ keys: [null, null], warnings: [[], []], ms: 1 });
    await expect(
      ask("orders.checkRows", { rows: [], normalizers: { fields: {} }, platform: "demo", nowMs: 0 }),
    ).rejects.toThrow("no rows");
    expect(connects).toBe(1);
    expect(pair.page.posted.map((m) => (m as { id: number }).id)).toEqual([1, 2, 3]);
  });

  it("the server answers only order checks", async () => {
    const pair = portPair();
    servePort(pair.background, handlers);
    const replies: unknown[] = [];
    pair.page.onMessage.addListener((m) => replies.push(m));
    pair.page.postMessage({ id: 7, kefu: "getTeamSettings", payload: {} });
    pair.page.postMessage("not a request");
    await vi.waitFor(() => expect(replies).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(replies).toEqual([{ id: 7, ok: false, error: 'Unknown request "getTeamSettings"' }]);
  });

  it("a dropped port re-sends what was waiting through sendMessage; the next request opens a new port", async () => {
    const first = portPair(); // nobody serves it: requests wait until it drops
    const second = portPair();
    servePort(second.background, handlers);
    const ports = [first.page, second.page];
    const viaFallback: string[] = [];
    const ask = createCheckChannel({
      connect: () => ports.shift(),
      fallback: (async (type: CheckRequestType) => {
        viaFallback.push(type);
        return { warnings: [["fallback"]], keys: [], ms: 0 };
      }) as unknown as Ask,
      signal: new AbortController().signal,
    });
    const waiting = ask("orders.check", { orders: [], nowMs: 0 });
    first.drop();
    expect(await waiting).toEqual({ warnings: [["fallback"]], keys: [], ms: 0 });
    expect(viaFallback).toEqual(["orders.check"]);
    expect(await ask("orders.check", { orders: [], nowMs: 0 })).toEqual({ warnings: [], keys: [], ms: 0 });
    expect(viaFallback).toHaveLength(1);
  });

  it("without a port every request goes through sendMessage", async () => {
    const ask = createCheckChannel({
      connect: () => {
        throw new Error("Extension context invalidated");
      },
      fallback: (async () => ({ warnings: [], ms: 5 })) as unknown as Ask,
      signal: new AbortController().signal,
    });
    expect(await ask("orders.check", { orders: [], nowMs: 0 })).toEqual({ warnings: [], ms: 5 });
  });

  it("stopping the overlay rejects what is waiting and everything after", async () => {
    const pair = portPair(); // unserved
    const stop = new AbortController();
    const ask = createCheckChannel({ connect: () => pair.page, fallback: noFallback, signal: stop.signal });
    const waiting = ask("orders.check", { orders: [], nowMs: 0 });
    stop.abort();
    await expect(waiting).rejects.toThrow("stopped");
    await expect(ask("orders.check", { orders: [], nowMs: 0 })).rejects.toThrow("stopped");
  });
});
