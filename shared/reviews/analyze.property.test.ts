import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeReview } from "./analyze.ts";

// Review-like text from opinion words, modifiers, contrast, rating talk, traditional characters and noise.
const pieces = fc.constantFrom(
  "很好",
  "不错",
  "不",
  "没",
  "差",
  "太",
  "有点",
  "一般",
  "物流",
  "客服",
  "但是",
  "就是",
  "唯一",
  "希望",
  "五星",
  "给",
  "看在",
  "的份上",
  "好不好",
  "严重",
  "！",
  "？",
  "，",
  "。",
  "質量",
  "😡",
  "👍",
  "<b>",
  " ",
);
const reviewText = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join("")),
);
const stars = fc.integer({ min: 1, max: 5 });

describe("analyzeReview on arbitrary input", () => {
  it("never throws and keeps the score in [-1, 1], agreeing with the sentiment's sign", () => {
    fc.assert(
      fc.property(reviewText, fc.option(stars, { nil: undefined }), (text, rating) => {
        const { score, sentiment } = analyzeReview({ text, rating });
        expect(score).toBeGreaterThanOrEqual(-1);
        expect(score).toBeLessThanOrEqual(1);
        if (sentiment === "positive") expect(score).toBeGreaterThan(0);
        if (sentiment === "negative") expect(score).toBeLessThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it("never scores a review lower for more stars", () => {
    fc.assert(
      fc.property(reviewText, fc.integer({ min: 1, max: 4 }), (text, rating) => {
        const fewer = analyzeReview({ text, rating }).score;
        const more = analyzeReview({ text, rating: rating + 1 }).score;
        expect(more).toBeGreaterThanOrEqual(fewer);
      }),
      { numRuns: 400 },
    );
  });

  it("never scores a review higher when a complaint sentence is added, whatever the stars", () => {
    fc.assert(
      fc.property(
        reviewText,
        stars,
        fc.constantFrom("质量太差了，再也不买了", "差评！", "客服不理人，失望", "發錯貨了，很生氣"),
        (text, rating, complaint) => {
          const before = analyzeReview({ text, rating }).score;
          const after = analyzeReview({ text: `${text}\n${complaint}`, rating }).score;
          expect(after).toBeLessThanOrEqual(before);
        },
      ),
      { numRuns: 400 },
    );
  });
});
