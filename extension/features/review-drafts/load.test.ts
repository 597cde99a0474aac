/**
 * "reviews.load": the background injects the review-drafts content script into the asking tab and frame only when
 * that frame's URL is a review page (team overrides applied), and refuses senders without a tab.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { emptyLibrary } from "../../../shared/phrases/merge.ts";
import { defaultTeamSettings } from "../../../shared/phrases/schema.ts";
import { dispatch } from "../../messaging/protocol.ts";
import { libraryItem } from "../../store/state.ts";
import { createReviewDraftHandlers, REVIEW_DRAFTS_SCRIPT_FILE } from "./background.ts";

const REVIEW_URL = "https://myseller.taobao.com/comment-manage/list/rateWait4PC";
const ORDERS_URL = "https://myseller.taobao.com/trade-platform/tp/sold";
const contentScript = { tab: { id: 7 }, frameId: 3, url: REVIEW_URL };

// The fake browser has no chrome.scripting: this stands in for it (and records the calls).
const scripting = fakeBrowser.scripting as unknown as { executeScript: unknown };
const notMocked = scripting.executeScript;
let executeScript: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fakeBrowser.reset();
  libraryItem.dropCache();
  executeScript = vi.fn(async () => [{ frameId: 3, documentId: "d", result: undefined }]);
  scripting.executeScript = executeScript;
});

afterEach(() => {
  scripting.executeScript = notMocked;
});

describe("reviews.load", () => {
  it("injects the review-drafts script into the sender's tab and frame on a review page", async () => {
    const answer = await createReviewDraftHandlers()["reviews.load"]({ url: REVIEW_URL }, contentScript);
    expect(answer).toEqual({ loaded: true });
    expect(executeScript).toHaveBeenCalledTimes(1);
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 7, frameIds: [3] },
      files: ["content-scripts/review-drafts.js"],
    });
    expect(REVIEW_DRAFTS_SCRIPT_FILE).toBe("content-scripts/review-drafts.js");
  });

  it("injects nothing on other pages", async () => {
    const answer = await createReviewDraftHandlers()["reviews.load"]({ url: ORDERS_URL }, contentScript);
    expect(answer).toEqual({ loaded: false });
    expect(executeScript).not.toHaveBeenCalled();
  });

  it("follows the team's profile overrides like reviews.page (a disabled review profile loads nothing)", async () => {
    const settings = { ...defaultTeamSettings("小店"), siteProfiles: { disabled: ["taobao-reviews"] } };
    await libraryItem.setValue({ ...emptyLibrary(), settings });
    const handlers = createReviewDraftHandlers();
    expect((await handlers["reviews.page"]({ url: REVIEW_URL })).profile).toBe(null);
    expect(await handlers["reviews.load"]({ url: REVIEW_URL }, contentScript)).toEqual({ loaded: false });
    expect(executeScript).not.toHaveBeenCalled();
  });

  it("answers a clear error to a sender without a tab (an extension page), through dispatch", async () => {
    const handlers = createReviewDraftHandlers();
    const envelope = { kefu: "reviews.load" as const, payload: { url: REVIEW_URL } };
    const reply = await dispatch(handlers, envelope, { url: "chrome-extension://x/options.html" });
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/no sender tab/) });
    expect(await dispatch(handlers, envelope)).toMatchObject({ ok: false });
    expect(executeScript).not.toHaveBeenCalled();
    // The same envelope from a content script goes through, with the sender passed on.
    expect(await dispatch(handlers, envelope, contentScript)).toEqual({ ok: true, value: { loaded: true } });
  });

  it("passes a failed injection on as an error (the loader asks again later)", async () => {
    executeScript.mockRejectedValueOnce(new Error("Frame with ID 3 was removed."));
    const handlers = createReviewDraftHandlers();
    const reply = await dispatch(handlers, { kefu: "reviews.load", payload: { url: REVIEW_URL } }, contentScript);
    expect(reply).toEqual({ ok: false, error: "Frame with ID 3 was removed." });
  });
});
