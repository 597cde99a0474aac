/**
 * The main content script's loader: asks "reviews.load" once per URL of this document (the first time when the page
 * is idle), again after SPA navigation until the background has loaded the review drafts, then never again; a
 * background error is retried on the next navigation.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { ContentScriptContext } from "wxt/utils/content-script-context";
import type { Handlers } from "../messaging/protocol.ts";
import { serveHandlers } from "../test-background.ts";
import { reviewDraftsLoader } from "./review-drafts-loader.ts";

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const startUrl = location.href;

let ctx: ContentScriptContext;
let asked: string[];
let answer: (url: string) => Promise<{ loaded: boolean }>;

/** An SPA navigation as WXT sees it: the URL changes and its location watcher (1 s poll) fires. */
async function navigate(path: string) {
  history.pushState({}, "", path);
  vi.advanceTimersByTime(1000);
  await flush();
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
  fakeBrowser.reset();
  asked = [];
  answer = async () => ({ loaded: false });
  const handlers: Partial<Handlers> = {
    "reviews.load": async ({ url }) => {
      asked.push(new URL(url).pathname);
      return answer(url);
    },
  };
  serveHandlers(handlers);
  ctx = new ContentScriptContext("content");
});

afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
  history.replaceState({}, "", startUrl);
});

describe("reviewDraftsLoader", () => {
  it("asks once on start, again on each navigation until loaded, then stops", async () => {
    history.replaceState({}, "", "/trade/sold");
    reviewDraftsLoader.start(ctx);
    await flush();
    expect(asked).toEqual(["/trade/sold"]);
    await navigate("/trade/sold"); // same URL: no new question
    expect(asked).toEqual(["/trade/sold"]);
    answer = async (url) => ({ loaded: url.includes("comment") });
    await navigate("/comment-manage/list");
    expect(asked).toEqual(["/trade/sold", "/comment-manage/list"]);
    // Loaded: the injected script follows navigation itself.
    await navigate("/trade/sold");
    await navigate("/comment-manage/other");
    expect(asked).toEqual(["/trade/sold", "/comment-manage/list"]);
  });

  it("survives a background error and asks again on the next navigation", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    answer = async () => {
      throw new Error("background restarting");
    };
    history.replaceState({}, "", "/comment-manage/list");
    reviewDraftsLoader.start(ctx);
    await flush();
    expect(asked).toEqual(["/comment-manage/list"]);
    expect(warn).toHaveBeenCalledTimes(1);
    answer = async () => ({ loaded: true });
    await navigate("/comment-manage/list?page=2");
    expect(asked).toEqual(["/comment-manage/list", "/comment-manage/list"]);
    await navigate("/comment-manage/list?page=3");
    expect(asked).toHaveLength(2);
    warn.mockRestore();
  });

  it("asks when the page is first idle, not while it loads (an order page's first scan needs the background)", async () => {
    const idle: { callback: () => void; timeout?: number }[] = [];
    vi.stubGlobal("requestIdleCallback", (callback: () => void, options?: { timeout?: number }) => {
      idle.push({ callback, ...(options?.timeout !== undefined ? { timeout: options.timeout } : {}) });
      return idle.length;
    });
    vi.stubGlobal("cancelIdleCallback", () => {});
    try {
      history.replaceState({}, "", "/comment-manage/list");
      reviewDraftsLoader.start(ctx);
      await flush();
      expect(asked).toEqual([]);
      expect(idle).toHaveLength(1);
      expect(idle[0]?.timeout).toBeLessThanOrEqual(1000); // a busy page still gets its drafts within a second
      idle[0]?.callback();
      await flush();
      expect(asked).toEqual(["/comment-manage/list"]);
    } finally {
      ctx.abort(); // cancels through the stubbed cancelIdleCallback
      vi.unstubAllGlobals();
    }
  });

  it("stops asking when the content script is invalidated", async () => {
    history.replaceState({}, "", "/trade/sold");
    reviewDraftsLoader.start(ctx);
    await flush();
    ctx.abort();
    await navigate("/comment-manage/list");
    expect(asked).toEqual(["/trade/sold"]);
  });
});

describe("the review-drafts script injected twice into one document", () => {
  it("keeps one running copy: a newer context of the same script invalidates the older one", () => {
    const first = new ContentScriptContext("review-drafts");
    const other = new ContentScriptContext("content");
    const second = new ContentScriptContext("review-drafts");
    expect(first.isInvalid).toBe(true);
    expect(second.isValid).toBe(true);
    expect(other.isValid).toBe(true);
    second.abort();
    other.abort();
  });
});
