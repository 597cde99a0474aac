import { describe, expect, it } from "vitest";
import { MAX_EXAMPLES_PER_TOPIC, tallyReviews } from "./tally.ts";

describe("tallyReviews", () => {
  it("counts sentiment per topic with examples", () => {
    const tally = tallyReviews([
      { id: "1", text: "物流很快，质量很好" },
      { id: "2", text: "物流太慢了，等了一个星期" },
      { id: "3", text: "快递三天到的" },
      { id: "4", text: "少发了一件，很生气" },
    ]);
    expect(tally.total).toBe(4);
    expect(tally.topics.shipping).toMatchObject({ positive: 1, neutral: 1, negative: 1 });
    expect(tally.topics.quality.positive).toBe(1);
    expect(tally.topics["wrong-or-missing"].negative).toBe(1);
    expect(tally.topics.color).toEqual({ positive: 0, neutral: 0, negative: 0, examples: [] });
    expect(tally.topics.shipping.examples.map((example) => example.id)).toEqual(["1", "2", "3"]);
    expect(tally.sentiment.negative).toBe(2);
  });

  it("keeps complaints among a bounded set of examples", () => {
    const reviews = Array.from({ length: 20 }, (_, index) => ({ id: `p${index}`, text: "物流很快" }));
    reviews.push({ id: "bad", text: "物流太慢了" });
    const tally = tallyReviews(reviews);
    expect(tally.topics.shipping.examples).toHaveLength(MAX_EXAMPLES_PER_TOPIC);
    expect(tally.topics.shipping.examples.some((example) => example.id === "bad")).toBe(true);
    expect(tally.topics.shipping.positive).toBe(20);
  });
});
