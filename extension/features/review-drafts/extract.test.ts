/**
 * The built-in 千牛 review profile on the demo page's rendered snapshot (test/fixtures/demo-taobao-reviews.html)
 * yields the reviews of test/demo/data/reviews.json, and each review's reply box is its own.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_REVIEW_PROFILES, reviewProfileForUrl } from "../../../shared/profiles/review-pages.ts";
import { findReviews, panelParentOf, replyBoxOf } from "./extract.ts";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const stored = JSON.parse(readFileSync(join(ROOT, "test/demo/data/reviews.json"), "utf8")).reviews as Array<{
  id: string;
  rating: number;
  text: string;
  followUp?: string;
  buyer: string;
  item: string;
  sku: string;
}>;

function snapshot(): Document {
  const html = readFileSync(join(ROOT, "test/fixtures/demo-taobao-reviews.html"), "utf8").replace(/<link\b[^>]*>/g, "");
  return new DOMParser().parseFromString(html, "text/html");
}

const profile = reviewProfileForUrl(BUILTIN_REVIEW_PROFILES, "http://127.0.0.1:8790/taobao/comment-manage/list/");

describe("findReviews on the demo 评价管理 snapshot", () => {
  it("reads every review with id, stars, text, 追评, buyer, item and SKU", () => {
    if (!profile) throw new Error("no profile for the demo review page");
    const found = findReviews(snapshot(), profile);
    expect(found.map((f) => f.review.id)).toEqual(stored.map((r) => r.id));
    for (const [index, { review }] of found.entries()) {
      const source = stored[index];
      if (!source) throw new Error("missing source review");
      expect(review).toMatchObject({
        platform: "taobao",
        rating: source.rating,
        text: source.text,
        buyer: source.buyer,
        item: source.item,
        sku: source.sku,
      });
      expect(review.followUp).toBe(source.followUp);
    }
    // Hostile text arrives as the literal characters the buyer typed.
    expect(found.find((f) => f.review.id === "R1180234570")?.review.text).toContain("<script>alert('review')</script>");
  });

  it("finds each review's own reply box and panel place", () => {
    if (!profile) throw new Error("no profile");
    const found = findReviews(snapshot(), profile);
    const boxes = found.map((f) => replyBoxOf(f.element, profile));
    expect(new Set(boxes).size).toBe(found.length);
    for (const [index, box] of boxes.entries()) {
      expect(box?.closest(".rate-item")).toBe(found[index]?.element);
      expect(box?.getAttribute("maxlength")).toBe("500");
      expect(panelParentOf(found[index]?.element as Element, profile).classList.contains("rate-reply")).toBe(true);
    }
  });

  it("reads nothing (and does not throw) with a broken team selector", () => {
    if (!profile) throw new Error("no profile");
    const broken = { ...profile, items: { ...profile.items, selector: "[[[" }, reply: { input: "!!" } };
    expect(findReviews(snapshot(), broken)).toEqual([]);
    const element = snapshot().querySelector(".rate-item") as Element;
    expect(replyBoxOf(element, broken)).toBeNull();
    expect(panelParentOf(element, broken)).toBe(element);
  });
});
