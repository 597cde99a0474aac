/**
 * watchUrl as Chromium drives it: the Navigation API's `navigate` event fires before the URL commits (that is what
 * WXT's "wxt:locationchange" listens to), so a listener reading location.href then would see the old URL; back/forward
 * commit later still, then fire popstate. happy-dom has no Navigation API; a stand-in with the same order of events
 * is installed before WXT loads.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ContentScriptContext } from "wxt/utils/content-script-context";
import { watchUrl } from "./url-changes.ts";

const navigation = vi.hoisted(() => {
  const target = new EventTarget();
  (globalThis as unknown as { navigation: EventTarget }).navigation = target;
  return target;
});

/** A single-page app's move as Chromium orders it: `navigate` first (old URL still showing), then the commit. */
function spaMove(path: string, { cancel = false } = {}) {
  const event = Object.assign(new Event("navigate"), { destination: { url: new URL(path, location.href).href } });
  navigation.dispatchEvent(event);
  if (!cancel) history.pushState({}, "", path);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const startUrl = location.href;
let ctx: ContentScriptContext;

beforeEach(() => {
  history.replaceState({}, "", "/trade/sold");
  ctx = new ContentScriptContext("content");
});

afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
  history.replaceState({}, "", startUrl);
});

describe("watchUrl", () => {
  it("reports the committed new URL after the navigate event, once", async () => {
    const seen: string[] = [];
    watchUrl(ctx, (url) => seen.push(new URL(url).pathname));
    spaMove("/comment-manage/list");
    expect(seen).toEqual([]); // not inside the event, where location.href is still the old URL
    await tick();
    expect(seen).toEqual(["/comment-manage/list"]);
    await new Promise((resolve) => setTimeout(resolve, 600)); // the poll sees the same URL: no second report
    expect(seen).toEqual(["/comment-manage/list"]);
  });

  it("reports nothing for a navigation the page cancelled", async () => {
    const seen: string[] = [];
    watchUrl(ctx, (url) => seen.push(url));
    spaMove("/comment-manage/list", { cancel: true });
    await tick();
    expect(seen).toEqual([]);
  });

  it("reports back/forward as soon as the URL has committed (popstate), without waiting for the poll", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] }); // the poll never runs here
    const seen: string[] = [];
    watchUrl(ctx, (url) => seen.push(new URL(url).pathname));
    // A traversal: Chromium commits it asynchronously, later than the task after `navigate`, then fires popstate.
    navigation.dispatchEvent(
      Object.assign(new Event("navigate"), { destination: { url: new URL("/trade/list", location.href).href } }),
    );
    await tick();
    expect(seen).toEqual([]);
    history.replaceState({}, "", "/trade/list");
    window.dispatchEvent(new PopStateEvent("popstate"));
    expect(seen).toEqual(["/trade/list"]);
  });

  it("catches a URL change without any event on its poll", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const seen: string[] = [];
    watchUrl(ctx, (url) => seen.push(new URL(url).pathname), 500);
    history.replaceState({}, "", "/trade/detail");
    vi.advanceTimersByTime(500);
    expect(seen).toEqual(["/trade/detail"]);
  });

  it("stops when told to, the content script going on", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const seen: string[] = [];
    const stop = watchUrl(ctx, (url) => seen.push(url), 500);
    stop();
    spaMove("/comment-manage/list");
    window.dispatchEvent(new PopStateEvent("popstate"));
    await tick();
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([]);
    expect(ctx.isValid).toBe(true);
  });

  it("one content script's watches share one poll; each hears a change once, and stopping one keeps the other", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const polls = vi.spyOn(window, "setInterval");
    const first: string[] = [];
    const second: string[] = [];
    const stopFirst = watchUrl(ctx, (url) => first.push(new URL(url).pathname), 500);
    watchUrl(ctx, (url) => second.push(new URL(url).pathname), 500);
    expect(polls.mock.calls.filter(([, ms]) => ms === 500)).toHaveLength(1);
    spaMove("/trade/list");
    await tick();
    vi.advanceTimersByTime(1000);
    expect(first).toEqual(["/trade/list"]);
    expect(second).toEqual(["/trade/list"]);
    stopFirst();
    history.replaceState({}, "", "/trade/detail");
    vi.advanceTimersByTime(500);
    expect(first).toEqual(["/trade/list"]);
    expect(second).toEqual(["/trade/list", "/trade/detail"]);
    // A watch started later reports changes from its own start on, on the same poll.
    const third: string[] = [];
    watchUrl(ctx, (url) => third.push(new URL(url).pathname), 500);
    history.replaceState({}, "", "/trade/sold");
    vi.advanceTimersByTime(500);
    expect(third).toEqual(["/trade/sold"]);
    expect(polls.mock.calls.filter(([, ms]) => ms === 500)).toHaveLength(1);
    polls.mockRestore();
  });

  it("stops with the content script", async () => {
    const seen: string[] = [];
    watchUrl(ctx, (url) => seen.push(url));
    ctx.abort();
    spaMove("/comment-manage/list");
    await tick();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(seen).toEqual([]);
  });
});
