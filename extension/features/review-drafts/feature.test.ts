/**
 * The feature as the content script starts it: asks the background (WXT's fake browser, real handlers) whether
 * this is a review page, shows panels, and removes everything when the content script context is invalidated.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { ContentScriptContext } from "wxt/utils/content-script-context";
import { BUILTIN_REVIEW_PROFILES } from "../../../shared/profiles/review-pages.ts";
import { libraryItem } from "../../store/state.ts";
import { serveHandlers } from "../../test-background.ts";
import { showFixture } from "../../test-fixtures.ts";
import { reviewDrafts } from "../review-drafts.ts";
import { createReviewDraftHandlers } from "./background.ts";

const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));
const panels = () => document.querySelectorAll("kefu-review-panel").length;

let ctx: ContentScriptContext;

beforeEach(() => {
  fakeBrowser.reset();
  libraryItem.dropCache();
  showFixture("demo-taobao-reviews");
  ctx = new ContentScriptContext("content");
});

afterEach(() => {
  ctx.abort();
  document.body.replaceChildren();
});

describe("reviewDrafts feature", () => {
  it("shows panels on a review page and removes them when the context is invalidated", async () => {
    const real = createReviewDraftHandlers();
    // This test page's URL is not a seller URL: answer with the 千牛 profile as the background would there.
    serveHandlers({
      ...real,
      "reviews.page": async () => ({
        ...(await real["reviews.page"]({ url: "https://myseller.taobao.com/comment-manage/list/rateWait4PC" })),
      }),
    });
    await reviewDrafts.start(ctx);
    await settle();
    expect(panels()).toBe(18);
    const draft = document.querySelector("kefu-review-panel")?.shadowRoot?.querySelector("textarea")?.value;
    expect(draft?.length).toBeGreaterThan(10);
    ctx.abort();
    expect(panels()).toBe(0);
    expect(document.querySelectorAll("kefu-review-bar")).toHaveLength(0);
  });

  it("does nothing on pages no review profile matches", async () => {
    const real = createReviewDraftHandlers();
    const asked: string[] = [];
    serveHandlers({
      ...real,
      "reviews.page": async (payload) => {
        asked.push(payload.url);
        return real["reviews.page"](payload);
      },
    });
    await reviewDrafts.start(ctx);
    await settle();
    expect(asked).toEqual([location.href]);
    expect(BUILTIN_REVIEW_PROFILES.some((p) => p.urls.some((u) => new RegExp(u, "u").test(location.host)))).toBe(false);
    expect(panels()).toBe(0);
  });
});
