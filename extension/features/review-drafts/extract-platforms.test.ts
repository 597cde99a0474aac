/**
 * The built-in 拼多多, 京东 and 抖店 review profiles on the demo 评价管理 pages' own DOM (rendered by each page's
 * render.js in happy-dom): every review of the data file is read with stars, text, 追评, buyer, goods and spec, and
 * each reply box found is that review's own. (千牛's page is read from its rendered snapshot in extract.test.ts.)
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
  /** The page's own rendering of its reviews. */
  render(): HTMLElement;
  /** The container of one review, as the page builds it. */
  container: string;
}

const CASES: PageCase[] = [
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
      return table;
    },
    container: "[data-testid=beast-core-table-row]",
  },
  {
    name: "京东 京麦 评价管理",
    platform: "jd",
    profileId: "jd-reviews",
    demoUrl: "http://127.0.0.1:8790/jd/jdm/comment/list/",
    liveUrl: "https://shop.jd.com/jdm/comment/list",
    reviews: jdReviews,
    render: () => reviewTable(jdReviews, NOW),
    container: "tr.ant-table-row",
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
      return list;
    },
    container: ".index_commentCard__7Hq2d",
  },
];

function renderPage(page: PageCase): HTMLElement {
  document.body.replaceChildren(page.render());
  return document.body;
}

describe.each(CASES)("findReviews on the demo $name page", (page) => {
  const profile = reviewProfileForUrl(BUILTIN_REVIEW_PROFILES, page.demoUrl);

  it("uses the same built-in profile for the live and the demo page", () => {
    expect(profile?.id).toBe(page.profileId);
    expect(reviewProfileForUrl(BUILTIN_REVIEW_PROFILES, page.liveUrl)?.id).toBe(page.profileId);
  });

  it("reads every review with id, stars, text, 追评, buyer, goods and spec; hostile text stays text", () => {
    if (!profile) throw new Error(`no profile for ${page.demoUrl}`);
    const found = findReviews(renderPage(page), profile);
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
    const hostile = page.reviews.find((r) => /<(script|img)/.test(`${r.text}${r.buyer}`));
    expect(hostile, "each demo page carries one hostile review").toBeDefined();
    expect(document.querySelectorAll("body script, body img")).toHaveLength(0);
  });

  it("finds each review's own reply box, and the page's 回复 button is the one the profile names", () => {
    if (!profile) throw new Error("no profile");
    const found = findReviews(renderPage(page), profile);
    const boxes = found.map((f) => replyBoxOf(f.element, profile));
    expect(new Set(boxes).size).toBe(found.length);
    for (const [index, box] of boxes.entries()) {
      const container = found[index]?.element as Element;
      expect(box?.closest(page.container)).toBe(container);
      expect(box?.tagName).toBe("TEXTAREA");
      expect(panelParentOf(container, profile)).toBe(box?.parentElement);
      expect(container.querySelector(profile.reply.submit ?? "")?.textContent).toBe("回复");
    }
  });
});
