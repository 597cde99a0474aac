import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { DEFAULT_LINT_SETTINGS } from "../../../shared/lint/defaults.ts";
import { emptyLibrary } from "../../../shared/phrases/merge.ts";
import { defaultTeamSettings } from "../../../shared/phrases/schema.ts";
import { DEFAULT_REVIEW_TEMPLATES } from "../../../shared/reviews/index.ts";
import { saveTeamSettings } from "../../store/settings-edits.ts";
import { connectionItem, libraryItem } from "../../store/state.ts";
import { createReviewDraftHandlers, draftReviews, MAX_REVIEWS_PER_REQUEST, sanitizeReview } from "./background.ts";

const complaint = {
  id: "R1",
  rating: 1,
  text: "鞋子偏小一码，穿了一天脚后跟磨破了，质量太差",
  buyer: "大熊爱吃糖",
  item: "运动鞋",
};
const praise = { id: "R2", rating: 5, text: "质量很好，物流也快，客服态度很好，推荐！" };
const settings = { templates: DEFAULT_REVIEW_TEMPLATES, shopName: "", lint: DEFAULT_LINT_SETTINGS };

beforeEach(() => {
  fakeBrowser.reset();
  libraryItem.dropCache();
});

describe("reviews.draft", () => {
  it("drafts with the defaults when the team has no settings", async () => {
    const handlers = createReviewDraftHandlers();
    const { results, tally } = await handlers["reviews.draft"]({ reviews: [complaint, praise] });
    expect(results.map((r) => r.sentiment)).toEqual(["negative", "positive"]);
    expect(results[0]?.draft).toContain("大熊爱吃糖");
    expect(results[0]?.topics.map((t) => t.id)).toContain("size");
    expect(tally).toBeUndefined();
  });

  it("uses the team's shopName and reviewTemplates, and lints the draft with the team's lint settings", async () => {
    const settings = {
      ...defaultTeamSettings("南极潮服旗舰店"),
      reviewTemplates: { positive: { opening: ["{店铺}感谢您的支持！"], closing: ["这是最佳的选择。"] } },
    };
    await libraryItem.setValue({ ...emptyLibrary(), settings });
    const handlers = createReviewDraftHandlers();
    const { results } = await handlers["reviews.draft"]({ reviews: [praise] });
    expect(results[0]?.draft.startsWith("南极潮服旗舰店感谢您的支持！")).toBe(true);
    expect(results[0]?.lint.map((f) => f.text)).toContain("最佳");

    await libraryItem.setValue({ ...emptyLibrary(), settings: { ...settings, lint: { enabled: false } } });
    const again = await createReviewDraftHandlers()["reviews.draft"]({ reviews: [praise] });
    expect(again.results[0]?.lint).toEqual([]);
  });

  it("gives another wording on 重新生成 and a tally on request", () => {
    const first = draftReviews({ reviews: [complaint] }, settings);
    const draft = first.results[0]?.draft ?? "";
    const other = draftReviews({ reviews: [complaint], avoid: [draft] }, settings);
    expect(other.results[0]?.draft).not.toBe(draft);
    expect(other.results[0]?.sentiment).toBe("negative");
    const tallied = draftReviews({ reviews: [complaint, praise], tally: true }, settings);
    expect(tallied.tally?.total).toBe(2);
    expect(tallied.tally?.topics.size.negative).toBe(1);
  });

  it("treats the page's input as untrusted", () => {
    expect(sanitizeReview({ id: 5, text: ["x"], rating: "5", buyer: "<b>x</b>" }, 2)).toEqual({
      id: "#3",
      text: "",
      buyer: "<b>x</b>",
    });
    expect(sanitizeReview(null, 0)).toEqual({ id: "#1", text: "" });
    expect(() => draftReviews({ reviews: "x" }, settings)).toThrow(/array/);
    const many = Array.from({ length: MAX_REVIEWS_PER_REQUEST + 1 }, () => praise);
    expect(() => draftReviews({ reviews: many }, settings)).toThrow(/too many/);
  });
});

describe("reviews.page and reviews.lint", () => {
  it("answers the profile for review pages only, with topic labels", async () => {
    const handlers = createReviewDraftHandlers();
    const page = await handlers["reviews.page"]({ url: "https://myseller.taobao.com/comment-manage/list/rateWait4PC" });
    expect(page.profile?.id).toBe("taobao-reviews");
    expect(page.topicLabels.shipping).toBe("物流");
    expect(
      (await handlers["reviews.page"]({ url: "https://myseller.taobao.com/trade-platform/tp/sold" })).profile,
    ).toBe(null);
  });

  it("names the broken parts of the team's templates on review pages (drafting still uses the defaults there)", async () => {
    const settings = {
      ...defaultTeamSettings("小店"),
      reviewTemplates: { positive: { opening: 5, topics: { nope: ["x"] } }, negative: { closing: ["谢谢您！"] } },
    };
    await libraryItem.setValue({ ...emptyLibrary(), settings });
    const handlers = createReviewDraftHandlers();
    const page = await handlers["reviews.page"]({ url: "https://myseller.taobao.com/comment-manage/list/rateWait4PC" });
    expect(page.problems).toHaveLength(2);
    expect(page.problems.join("\n")).toMatch(/positive\.opening/);
    expect(page.problems.join("\n")).toMatch(/positive\.topics\.nope/);
    const other = await handlers["reviews.page"]({ url: "https://myseller.taobao.com/trade-platform/tp/sold" });
    expect(other.problems).toEqual([]);
    const { results } = await handlers["reviews.draft"]({ reviews: [praise, complaint] });
    expect(results[0]?.draft.length).toBeGreaterThan(10);
    expect(results[1]?.draft.endsWith("谢谢您！")).toBe(true);
  });

  it("lints the agent's edits", async () => {
    const { findings } = await createReviewDraftHandlers()["reviews.lint"]({ texts: ["这不是我的错", "谢谢您"] });
    expect(findings[0]?.map((f) => f.rule)).toEqual(["banned"]);
    expect(findings[1]).toEqual([]);
  });

  it("an admin's queued settings edit applies at once, before the Worker accepts it", async () => {
    await libraryItem.setValue({ ...emptyLibrary(), settings: defaultTeamSettings("小美的店") });
    await connectionItem.setValue({
      workerUrl: "http://127.0.0.1:1",
      token: "t",
      connectedAt: 1,
      me: { teamId: "t1", shopName: "小美的店", tokenId: "k1", agentId: "a1", name: "lead", role: "admin" },
    });
    const handlers = createReviewDraftHandlers();
    expect((await handlers["reviews.lint"]({ texts: ["亲，包您满意"] })).findings[0]).toEqual([]);
    await saveTeamSettings({ lint: { bannedPhrases: [{ text: "包您满意", suggestion: "希望您满意" }] } });
    const { findings } = await handlers["reviews.lint"]({ texts: ["亲，包您满意"] });
    expect(findings[0]?.map((f) => [f.rule, f.text, f.suggestion])).toEqual([["banned", "包您满意", "希望您满意"]]);
    // Queued templates and shop name are used for drafts too.
    await saveTeamSettings({ shopName: "新店名", reviewTemplates: { positive: { closing: ["{店铺}欢迎您再来！"] } } });
    const { results } = await handlers["reviews.draft"]({ reviews: [{ id: "x", rating: 5, text: "很好" }] });
    expect(results[0]?.draft).toContain("新店名欢迎您再来！");
  });
});
