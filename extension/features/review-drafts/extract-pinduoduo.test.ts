/**
 * The built-in 拼多多 review profile on the demo 评价管理 page's own rows (test/demo/pinduoduo/goods/evaluation,
 * rendered by the page's render.js in happy-dom): every review of the data file is read with its stars, text,
 * 追加评价, buyer, goods and spec, and each reply box found is that row's own.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_REVIEW_PROFILES, reviewProfileForUrl } from "../../../shared/profiles/review-pages.ts";
import { type DemoPinduoduoReview, reviewTable } from "../../../test/demo/pinduoduo/goods/evaluation/render.js";
import { findReviews, panelParentOf, replyBoxOf } from "./extract.ts";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const stored = JSON.parse(readFileSync(join(ROOT, "test/demo/data/pinduoduo-reviews.json"), "utf8"))
  .reviews as DemoPinduoduoReview[];
const NOW = Date.parse("2026-11-23T08:00:00.000Z");

function renderPage(): HTMLElement {
  document.body.innerHTML =
    '<div id="pdd-evaluation-table" class="TB_outerWrapper_5-113-0" data-testid="beast-core-table"></div>';
  const container = document.getElementById("pdd-evaluation-table") as HTMLElement;
  container.append(reviewTable(stored, NOW));
  return container;
}

const profile = reviewProfileForUrl(BUILTIN_REVIEW_PROFILES, "http://127.0.0.1:8790/pinduoduo/goods/evaluation/");
const liveProfile = reviewProfileForUrl(BUILTIN_REVIEW_PROFILES, "https://mms.pinduoduo.com/goods/evaluation/list");

describe("findReviews on the demo 拼多多 评价管理 page", () => {
  it("uses the same built-in profile for the live and the demo page", () => {
    expect(profile?.id).toBe("pinduoduo-reviews");
    expect(liveProfile?.id).toBe("pinduoduo-reviews");
  });

  it("reads every review with id, stars, text, 追加评价, buyer, goods and spec", () => {
    if (!profile) throw new Error("no profile for the demo 拼多多 review page");
    const found = findReviews(renderPage(), profile);
    expect(found.map((f) => f.review.id)).toEqual(stored.map((r) => r.id));
    for (const [index, { review }] of found.entries()) {
      const source = stored[index];
      if (!source) throw new Error("missing source review");
      expect(review).toMatchObject({
        platform: "pinduoduo",
        rating: source.rating,
        text: source.text,
        buyer: source.buyer,
        item: source.item,
        sku: source.sku,
      });
      expect(review.followUp).toBe(source.followUp);
      expect(review.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}/);
    }
    // Hostile text arrives as the literal characters the buyer typed, and no element was made from it.
    const hostile = found.find((f) => f.review.text.includes("onerror"));
    expect(hostile?.review.text).toContain(`<img src=x onerror="alert('pdd')">`);
    expect(hostile?.element.querySelector("img")).toBeNull();
  });

  it("finds each row's own reply box, and the page's 回复 button is the one the profile names", () => {
    if (!profile) throw new Error("no profile");
    const found = findReviews(renderPage(), profile);
    const boxes = found.map((f) => replyBoxOf(f.element, profile));
    expect(new Set(boxes).size).toBe(found.length);
    for (const [index, box] of boxes.entries()) {
      const row = found[index]?.element as Element;
      expect(box?.closest("[data-testid=beast-core-table-row]")).toBe(row);
      expect(box?.tagName).toBe("TEXTAREA");
      expect(panelParentOf(row, profile)).toBe(box?.parentElement);
      const submit = row.querySelector(profile.reply.submit ?? "");
      expect(submit?.textContent).toBe("回复");
    }
  });
});
