import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeReview } from "./analyze.ts";
import { draftReply, MAX_REPLY_HAN } from "./draft.ts";
import { parseReviewTemplateSettings } from "./templates.ts";

const hanCount = (text: string) => text.match(/\p{Script=Han}/gu)?.length ?? 0;
// Review-like text: opinion words, punctuation, markup and arbitrary unicode mixed.
const pieces = fc.constantFrom(
  "很好",
  "不",
  "差",
  "物流",
  "但是",
  "就是",
  "没有",
  "！",
  "？",
  "，",
  "<b>",
  "{店铺}",
  "[",
  "質量",
  "😡",
  "👍",
  " ",
);
const reviewText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.array(pieces, { maxLength: 60 }).map((parts) => parts.join("")),
);

describe("draftReply on arbitrary input", () => {
  it("never throws, never leaves a placeholder, stays within 500 汉字, sentiment agrees with analysis", () => {
    fc.assert(
      fc.property(
        reviewText,
        fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
        fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
        (text, buyer, rating, shopName) => {
          const review = { id: "p", text, buyer, rating };
          const draft = draftReply(review, { shopName });
          expect(draft.sentiment).toBe(analyzeReview(review).sentiment);
          expect(hanCount(draft.text)).toBeLessThanOrEqual(MAX_REPLY_HAN);
          expect(draft.text.length).toBeGreaterThan(10);
          // Placeholders may only come from the buyer's or shop's own text, never from a template.
          const fromValues = `${buyer ?? ""}${shopName ?? ""}`;
          if (!fromValues.includes("{")) expect(draft.text).not.toMatch(/\{(商品|买家|店铺)\}/);
          const analysis = analyzeReview(review);
          expect(analysis.score).toBeGreaterThanOrEqual(-1);
          expect(analysis.score).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("keeps custom templates with unknown placeholders from leaking them", () => {
    const templates = parseReviewTemplateSettings({
      positive: { opening: ["{买家}，{订单号}已收到好评，谢谢！"], closing: ["{店铺}欢迎您。"] },
    });
    const { text } = draftReply({ id: "u", text: "很满意" }, { templates });
    expect(text).not.toMatch(/[{}]/);
    expect(text).toContain("谢谢");
  });
});
