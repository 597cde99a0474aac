import * as v from "valibot";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_REVIEW_TEMPLATES,
  parseReviewTemplateSettings,
  ReviewTemplatesSchema,
  validateReviewTemplateSettings,
} from "./templates.ts";
import { TOPIC_IDS } from "./topics.ts";

describe("review templates", () => {
  it("ships a valid default set with lines for every sentiment × topic", () => {
    expect(v.safeParse(ReviewTemplatesSchema, DEFAULT_REVIEW_TEMPLATES).success).toBe(true);
    for (const sentiment of ["positive", "neutral", "negative"] as const) {
      for (const id of TOPIC_IDS)
        expect(DEFAULT_REVIEW_TEMPLATES[sentiment].topics[id]?.length, `${sentiment}.${id}`).toBeGreaterThan(0);
    }
    expect(DEFAULT_REVIEW_TEMPLATES.negative.resolve.length).toBeGreaterThan(0);
    expect(DEFAULT_REVIEW_TEMPLATES.negative.apology.length).toBeGreaterThan(0);
  });

  it("fills defaults for anything absent or invalid and keeps valid overrides", () => {
    expect(parseReviewTemplateSettings(undefined)).toEqual(DEFAULT_REVIEW_TEMPLATES);
    expect(parseReviewTemplateSettings("garbage")).toEqual(DEFAULT_REVIEW_TEMPLATES);
    const parsed = parseReviewTemplateSettings({
      positive: { opening: ["谢谢亲！"], closing: [], topics: { shipping: ["快递小哥辛苦啦。"], bogus: ["x"] } },
      negative: { apology: 42 },
    });
    expect(parsed.positive.opening).toEqual(["谢谢亲！"]);
    expect(parsed.positive.closing).toEqual(DEFAULT_REVIEW_TEMPLATES.positive.closing);
    expect(parsed.positive.topics.shipping).toEqual(["快递小哥辛苦啦。"]);
    expect(parsed.positive.topics.quality).toEqual(DEFAULT_REVIEW_TEMPLATES.positive.topics.quality);
    expect(parsed.negative.apology).toEqual(DEFAULT_REVIEW_TEMPLATES.negative.apology);
  });

  it("does not let a caller's edits leak into the defaults", () => {
    const parsed = parseReviewTemplateSettings({});
    parsed.positive.opening.push("改了");
    expect(DEFAULT_REVIEW_TEMPLATES.positive.opening).not.toContain("改了");
  });

  it("names every ignored part", () => {
    expect(validateReviewTemplateSettings(undefined)).toEqual([]);
    expect(validateReviewTemplateSettings([])).toHaveLength(1);
    const issues = validateReviewTemplateSettings({
      positive: { closing: [], topics: { bogus: ["x"] } },
      negative: { apology: 42 },
      neutral: "x",
    });
    expect(issues.join("\n")).toMatch(/positive\.closing/);
    expect(issues.join("\n")).toMatch(/positive\.topics\.bogus/);
    expect(issues.join("\n")).toMatch(/negative\.apology/);
    expect(issues.join("\n")).toMatch(/neutral/);
  });
});
