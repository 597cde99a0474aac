/**
 * The page controller in happy-dom on the demo snapshot, with the background's real drafting code behind a fake
 * message channel: one panel per review, none twice, panels for reviews added later, edits surviving a
 * re-render, everything gone after stop().
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_LINT_SETTINGS } from "../../../shared/lint/defaults.ts";
import { lintText } from "../../../shared/lint/lint.ts";
import { BUILTIN_REVIEW_PROFILES, reviewProfileForUrl } from "../../../shared/profiles/review-pages.ts";
import { DEFAULT_REVIEW_TEMPLATES, TOPIC_LABELS } from "../../../shared/reviews/index.ts";
import type { DemoReview } from "../../../test/demo/jd/jdm/comment/list/render.js";
import { reviewTable } from "../../../test/demo/pinduoduo/goods/evaluation/render.js";
import { showFixture } from "../../test-fixtures.ts";
import { draftReviews } from "./background.ts";
import { type PageOptions, ReviewDraftsPage } from "./controller.ts";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const profile = BUILTIN_REVIEW_PROFILES[0];
const calls: string[] = [];

const ask = (async (type: string, payload: Record<string, unknown>) => {
  calls.push(type);
  if (type === "reviews.draft") {
    return draftReviews(payload as never, {
      templates: DEFAULT_REVIEW_TEMPLATES,
      shopName: "",
      lint: DEFAULT_LINT_SETTINGS,
    });
  }
  if (type === "reviews.lint") return { findings: (payload.texts as string[]).map((t) => lintText(t)) };
  throw new Error(`unexpected ${type}`);
}) as unknown as PageOptions["ask"];

const settle = (ms = 200) => new Promise((resolve) => setTimeout(resolve, ms));
const panels = () => Array.from(document.querySelectorAll("kefu-review-panel"));
const draftOf = (id: string) =>
  document.querySelector(`kefu-review-panel[data-review-id="${id}"]`)?.shadowRoot?.querySelector("textarea")?.value;

let page: ReviewDraftsPage;

beforeEach(() => {
  showFixture("demo-taobao-reviews");
  calls.length = 0;
  if (!profile) throw new Error("no profile");
  page = new ReviewDraftsPage({ profile, topicLabels: TOPIC_LABELS, problems: [], ask });
});

afterEach(() => page.stop());

describe("ReviewDraftsPage", () => {
  it("mounts one panel per review and drafts them in one request", async () => {
    page.start();
    expect(panels()).toHaveLength(18);
    expect(document.querySelectorAll("kefu-review-bar")).toHaveLength(1);
    await settle();
    expect(calls.filter((c) => c === "reviews.draft")).toHaveLength(1);
    expect(draftOf("R1180234563")?.length).toBeGreaterThan(10);
    page.scan();
    page.scan();
    expect(panels()).toHaveLength(18);
  });

  it("puts the bar above a table of review rows (拼多多), not inside the table's first column", async () => {
    page.stop();
    const reviews = JSON.parse(readFileSync(join(ROOT, "test/demo/data/pinduoduo-reviews.json"), "utf8"))
      .reviews as DemoReview[];
    document.body.innerHTML = '<div id="pdd-evaluation-table"></div>';
    document.getElementById("pdd-evaluation-table")?.append(reviewTable(reviews, Date.parse("2026-11-23T08:00:00Z")));
    const pdd = reviewProfileForUrl(BUILTIN_REVIEW_PROFILES, "http://127.0.0.1:8790/pinduoduo/goods/evaluation/");
    if (!pdd) throw new Error("no 拼多多 review profile");
    page = new ReviewDraftsPage({ profile: pdd, topicLabels: TOPIC_LABELS, problems: [], ask });
    page.start();
    expect(panels().length).toBeGreaterThan(0);
    const bars = document.querySelectorAll("kefu-review-bar");
    expect(bars).toHaveLength(1);
    expect(bars[0]?.closest("table")).toBeNull();
    expect(bars[0]?.nextElementSibling?.tagName).toBe("TABLE");
    page.scan();
    expect(document.querySelectorAll("kefu-review-bar")).toHaveLength(1);
  });

  it("adds panels for reviews rendered later, and keeps an edit across a re-render", async () => {
    page.start();
    await settle();
    const list = document.getElementById("rate-list") as HTMLElement;
    const copy = list.querySelector(".rate-item")?.cloneNode(true) as HTMLElement;
    for (const host of copy.querySelectorAll("kefu-review-panel")) host.remove();
    copy.setAttribute("data-rate-id", "R-NEW");
    list.append(copy);
    await settle();
    expect(panels()).toHaveLength(19);
    expect(draftOf("R-NEW")?.length).toBeGreaterThan(10);

    // The agent edits a draft; the page then re-renders that review's reply column (the panel host is dropped).
    const area = document
      .querySelector('kefu-review-panel[data-review-id="R1180234566"]')
      ?.shadowRoot?.querySelector("textarea") as HTMLTextAreaElement;
    area.value = "我的修改";
    area.dispatchEvent(new Event("input", { bubbles: true }));
    const reply = document.querySelector('.rate-item[data-rate-id="R1180234566"] .rate-reply') as HTMLElement;
    reply.querySelector("kefu-review-panel")?.remove();
    await settle();
    expect(panels()).toHaveLength(19);
    expect(draftOf("R1180234566")).toBe("我的修改");
  });

  it("drafts a long page in batches", async () => {
    const list = document.getElementById("rate-list") as HTMLElement;
    const items = Array.from(list.querySelectorAll(".rate-item"));
    for (let index = 0; index < 432; index++) {
      const copy = items[index % items.length]?.cloneNode(true) as HTMLElement;
      copy.setAttribute("data-rate-id", `X${index}`);
      list.append(copy);
    }
    page.start();
    expect(panels()).toHaveLength(450);
    await vi.waitFor(() => expect(draftOf("X431")?.length).toBeGreaterThan(10), { timeout: 15_000 });
    expect(calls.filter((c) => c === "reviews.draft")).toHaveLength(3);
  });

  it("removes every panel and stops watching after stop()", async () => {
    page.start();
    await settle();
    page.stop();
    expect(panels()).toHaveLength(0);
    expect(document.querySelectorAll("kefu-review-bar")).toHaveLength(0);
    const list = document.getElementById("rate-list") as HTMLElement;
    list.append(list.querySelector(".rate-item")?.cloneNode(true) as HTMLElement);
    await settle();
    expect(panels()).toHaveLength(0);
  });
});
