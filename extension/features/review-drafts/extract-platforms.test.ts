/**
 * The built-in review profiles on the four demo 评价管理 pages: 千牛 from its rendered snapshot
 * (test/fixtures/demo-taobao-reviews.html), 拼多多, 京东 and 抖店 from their own DOM (each page's render.js in
 * happy-dom). One table, one set of checks: every review of the data file is read with id, stars, text, 追评, buyer,
 * goods, spec and date, hostile text stays text, each reply box found is that review's own, and a broken team
 * selector reads nothing without throwing.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Platform } from "../../../shared/model.ts";
import { BUILTIN_REVIEW_PROFILES, reviewProfileForUrl } from "../../../shared/profiles/review-pages.ts";
import { reviewCards } from "../../../test/demo/douyin/ffa/g/comment/render.js";
import { type DemoReview, reviewTable } from "../../../test/demo/jd/jdm/comment/list/render.js";
import { reviewTable as pinduoduoTable } from "../../../test/demo/pinduoduo/goods/evaluation/render.js";
import { findReviews, panelParentOf, replyBoxOf } from "./extract.ts";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const NOW = Date.parse("2026-11-23T08:00:00.000Z");
const load = (file: string) =>
  JSON.parse(readFileSync(join(ROOT, "test/demo/data", file), "utf8")).reviews as DemoReview[];
const taobaoReviews = load("reviews.json");
const pinduoduoReviews = load("pinduoduo-reviews.json");
const jdReviews = load("jd-reviews.json");
const douyinReviews = load("douyin-reviews.json");

interface PageCase {
  name: string;
  platform: Platform;
  profileId: string;
  demoUrl: string;
  liveUrl: string;
  reviews: DemoReview[];
  /** The page with its reviews, fresh on each call: the page's own rendering, or its rendered snapshot. */
  render(): ParentNode;
  /** The container of one review, as the page builds it. */
  container: string;
  /** The element holding the reply textarea, which the draft panel goes next to. */
  replyPanel: string;
}

/** The page's own render.js output as the only content of the test document's body. */
function inBody(content: HTMLElement | HTMLElement[]): HTMLElement {
  document.body.replaceChildren(...[content].flat());
  return document.body;
}

const CASES: PageCase[] = [
  {
    name: "千牛 评价管理",
    platform: "taobao",
    profileId: "taobao-reviews",
    demoUrl: "http://127.0.0.1:8790/taobao/comment-manage/list/",
    liveUrl: "https://myseller.taobao.com/comment-manage/list",
    reviews: taobaoReviews,
    render: () => {
      // Stylesheet links are dropped: happy-dom does not load CSS and extraction never depends on it.
      const html = readFileSync(join(ROOT, "test/fixtures/demo-taobao-reviews.html"), "utf8");
      return new DOMParser().parseFromString(html.replace(/<link\b[^>]*>/g, ""), "text/html");
    },
    container: ".rate-item",
    replyPanel: ".rate-reply",
  },
  {
    name: "拼多多 评价管理",
    platform: "pinduoduo",
    profileId: "pinduoduo-reviews",
    demoUrl: "http://127.0.0.1:8790/pinduoduo/goods/evaluation/",
    liveUrl: "https://mms.pinduoduo.com/goods/evaluation/list",
    reviews: pinduoduoReviews,
    render: () => {
      const table = document.createElement("div");
      table.id = "pdd-evaluation-table";
      table.className = "TB_outerWrapper_5-113-0";
      table.dataset.testid = "beast-core-table";
      table.append(pinduoduoTable(pinduoduoReviews, NOW));
      return inBody(table);
    },
    container: "[data-testid=beast-core-table-row]",
    replyPanel: ".reply-box",
  },
  {
    name: "京东 京麦 评价管理",
    platform: "jd",
    profileId: "jd-reviews",
    demoUrl: "http://127.0.0.1:8790/jd/jdm/comment/list/",
    liveUrl: "https://shop.jd.com/jdm/comment/list",
    reviews: jdReviews,
    render: () => inBody(reviewTable(jdReviews, NOW)),
    container: "tr.ant-table-row",
    replyPanel: ".comment-reply",
  },
  {
    name: "抖店 评价管理",
    platform: "douyin",
    profileId: "douyin-reviews",
    demoUrl: "http://127.0.0.1:8790/douyin/ffa/g/comment/",
    liveUrl: "https://fxg.jinritemai.com/ffa/g/comment",
    reviews: douyinReviews,
    render: () => {
      const list = document.createElement("div");
      list.append(...reviewCards(douyinReviews, NOW));
      return inBody(list);
    },
    container: ".index_commentCard__7Hq2d",
    replyPanel: ".index_reply__1Pq7z",
  },
];

describe.each(CASES)("findReviews on the demo $name page", (page) => {
  const profile = reviewProfileForUrl(BUILTIN_REVIEW_PROFILES, page.demoUrl);

  it("uses the same built-in profile for the live and the demo page", () => {
    expect(profile?.id).toBe(page.profileId);
    expect(reviewProfileForUrl(BUILTIN_REVIEW_PROFILES, page.liveUrl)?.id).toBe(page.profileId);
  });

  it("reads every review with id, stars, text, 追评, buyer, goods, spec and date; hostile text stays text", () => {
    if (!profile) throw new Error(`no profile for ${page.demoUrl}`);
    const root = page.render();
    const found = findReviews(root, profile);
    expect(found.map((f) => f.review.id)).toEqual(page.reviews.map((r) => r.id));
    for (const [index, { review }] of found.entries()) {
      const source = page.reviews[index];
      if (!source) throw new Error("missing source review");
      expect(review).toMatchObject({
        platform: page.platform,
        rating: source.rating,
        text: source.text,
        buyer: source.buyer,
        item: source.item,
        sku: source.sku,
      });
      expect(review.followUp).toBe(source.followUp);
      expect(review.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}/);
    }
    const hostile = page.reviews.findIndex((r) => /<(script|img)/.test(`${r.text}${r.buyer}`));
    expect(hostile, "each demo page carries one hostile review").toBeGreaterThanOrEqual(0);
    // It arrives as the literal characters the buyer typed, and the page holds no element made from it.
    const read = found[hostile]?.review;
    expect(`${read?.text}${read?.buyer}`).toMatch(/<(script|img)/);
    expect(root.querySelectorAll("body script, body img")).toHaveLength(0);
  });

  it("finds each review's own reply box and panel place, and the page's 回复 button is the one the profile names", () => {
    if (!profile) throw new Error("no profile");
    const found = findReviews(page.render(), profile);
    const boxes = found.map((f) => replyBoxOf(f.element, profile));
    expect(new Set(boxes).size).toBe(found.length);
    for (const [index, box] of boxes.entries()) {
      const container = found[index]?.element as Element;
      expect(box?.closest(page.container)).toBe(container);
      expect(box?.tagName).toBe("TEXTAREA");
      expect(box?.getAttribute("maxlength")).toBe("500");
      const panelParent = panelParentOf(container, profile);
      expect(panelParent).toBe(box?.parentElement);
      expect(panelParent.matches(page.replyPanel)).toBe(true);
      expect(container.querySelector(profile.reply.submit ?? "")?.textContent).toBe("回复");
    }
  });

  it("reads nothing (and does not throw) with a broken team selector", () => {
    if (!profile) throw new Error("no profile");
    const broken = { ...profile, items: { ...profile.items, selector: "[[[" }, reply: { input: "!!" } };
    expect(findReviews(page.render(), broken)).toEqual([]);
    const element = page.render().querySelector(page.container) as Element;
    expect(replyBoxOf(element, broken)).toBeNull();
    expect(panelParentOf(element, broken)).toBe(element);
  });
});
