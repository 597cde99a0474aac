import { describe, expect, it } from "vitest";
import {
  BUILTIN_REVIEW_PROFILES,
  buildReview,
  cleanReviewText,
  parseRating,
  ratingLevel,
  resolveReviewProfiles,
  reviewProfileForUrl,
} from "./review-pages.ts";

const builtins = BUILTIN_REVIEW_PROFILES;

describe("reviewProfileForUrl", () => {
  it.each([
    ["https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC?current=1", undefined],
    ["https://myseller.taobao.com/comment-manage/list/rateWait4PC?current=1", "taobao-reviews"],
    ["https://qn.taobao.com/comment-manage/list/rateList", "taobao-reviews"],
    ["http://127.0.0.1:8790/taobao/comment-manage/list/?now=2026-11-23T08:00:00Z", "taobao-reviews"],
    ["http://localhost:3000/taobao/comment-manage/list/", "taobao-reviews"],
    ["https://mms.pinduoduo.com/goods/evaluation/index", "pinduoduo-reviews"],
    ["https://shop.jd.com/jdm/comment/list", "jd-reviews"],
    ["https://shop.jd.com/jdm/trade/orders/order-list", undefined],
    ["http://127.0.0.1:8790/jd/jdm/comment/list/", "jd-reviews"],
    ["https://fxg.jinritemai.com/ffa/g/comment?tab=1", "douyin-reviews"],
    ["https://fxg.jinritemai.com/ffa/morder/order/list", undefined],
    ["http://127.0.0.1:8790/douyin/ffa/g/comment/", "douyin-reviews"],
    ["https://myseller.taobao.com/trade-platform/tp/sold", undefined],
    ["http://127.0.0.1:8790/taobao/trade-platform/tp/sold/", undefined],
    ["https://evil.example/myseller.taobao.com/comment-manage/list/", undefined],
    ["not a url", undefined],
  ])("%s → %s", (url, id) => {
    expect(reviewProfileForUrl(builtins, url)?.id).toBe(id);
  });
});

describe("resolveReviewProfiles", () => {
  it("uses the built-ins when the team has no overrides", () => {
    for (const section of [undefined, null, {}, { profiles: {} }]) {
      const { profiles, problems } = resolveReviewProfiles(section);
      expect(profiles.map((p) => p.id)).toEqual([
        "taobao-reviews",
        "pinduoduo-reviews",
        "jd-reviews",
        "douyin-reviews",
      ]);
      expect(problems).toEqual([]);
    }
  });

  it("lets a team fix a selector by id", () => {
    const fixed = { ...builtins[0], items: { selector: ".new-rate-row", id: { attr: "data-id" } } };
    const { profiles, problems } = resolveReviewProfiles({ reviewPages: { "taobao-reviews": fixed } });
    expect(problems).toEqual([]);
    expect(profiles.find((p) => p.id === "taobao-reviews")?.items.selector).toBe(".new-rate-row");
  });

  it("accepts the order profiles' DomField shape (a normaliser name is ignored: review fields are text)", () => {
    const fixed = {
      ...builtins[0],
      fields: { rating: { selector: ".stars", attr: "title", regex: String.raw`(\d)星`, normalize: "int" } },
    };
    const { profiles, problems } = resolveReviewProfiles({ reviewPages: { "taobao-reviews": fixed } });
    expect(problems).toEqual([]);
    expect(profiles[0]?.fields.rating).toEqual({ selector: ".stars", attr: "title", regex: String.raw`(\d)星` });
  });

  it("keeps the built-in and names the problem when a team profile is broken", () => {
    const broken = { ...builtins[0], urls: ["(unclosed"], reply: { input: "" } };
    const { profiles, problems } = resolveReviewProfiles({ reviewPages: { "taobao-reviews": broken } });
    expect(profiles.find((p) => p.id === "taobao-reviews")?.urls).toEqual(builtins[0]?.urls);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("taobao-reviews");
    expect(problems[0]).toMatch(/urls\.0|reply\.input/);
  });

  it("rejects a key that differs from the id, a non-object section, and honours disabled", () => {
    const other = { ...builtins[0], id: "other" };
    expect(resolveReviewProfiles({ reviewPages: { "taobao-reviews": other } }).problems[0]).toContain("不一致");
    expect(resolveReviewProfiles({ reviewPages: [] }).problems).toHaveLength(1);
    const { profiles } = resolveReviewProfiles({ disabled: ["pinduoduo-reviews", 7, "douyin-reviews"] });
    expect(profiles.map((p) => p.id)).toEqual(["taobao-reviews", "jd-reviews"]);
  });

  it("adds a new team profile for another page", () => {
    const jd = {
      id: "jd-pop-reviews",
      platform: "jd",
      urls: [String.raw`^shop\.jd\.com/comment/`],
      items: { selector: ".comment-row", id: { attr: "data-id" } },
      reply: { input: "textarea" },
    };
    const { profiles, problems } = resolveReviewProfiles({ reviewPages: { "jd-pop-reviews": jd } });
    expect(problems).toEqual([]);
    const found = reviewProfileForUrl(profiles, "https://shop.jd.com/comment/list");
    expect(found?.id).toBe("jd-pop-reviews");
    expect(found?.fields).toEqual({});
    expect(found?.label).toBe("");
  });
});

describe("parseRating", () => {
  it.each([
    ["5", 5],
    [" 4.0 ", 4],
    ["1星", 1],
    ["★★★", 3],
    ["★★★☆☆", 3],
    ["好评", 5],
    ["中评", 3],
    ["差评", 1],
    ["0", undefined],
    ["9", undefined],
    ["", undefined],
    ["很好", undefined],
    [undefined, undefined],
  ])("%j → %j", (raw, stars) => {
    expect(parseRating(raw)).toBe(stars);
  });

  it("maps stars to the platform's levels", () => {
    expect([5, 4, 3, 2, 1, undefined].map(ratingLevel)).toEqual([
      "positive",
      "positive",
      "neutral",
      "negative",
      "negative",
      undefined,
    ]);
  });
});

describe("buildReview", () => {
  it("builds a review from the raw strings of one container", () => {
    const review = buildReview(
      {
        id: " R1 ",
        rating: "1",
        text: "  我备注了要红色，\n\n  结果发了黑色！！！ ",
        followUp: "再也不买了",
        buyer: "大**糖",
        item: "南极人加绒卫衣",
        sku: "颜色分类：黑色;尺码：L",
        createdAt: "2026-11-20",
      },
      "taobao",
    );
    expect(review).toEqual({
      id: "R1",
      platform: "taobao",
      rating: 1,
      text: "我备注了要红色，\n结果发了黑色！！！",
      followUp: "再也不买了",
      buyer: "大**糖",
      item: "南极人加绒卫衣",
      sku: "颜色分类：黑色;尺码：L",
      createdAt: "2026-11-20",
    });
  });

  it("keeps hostile text as literal text", () => {
    const text = `坏了<script>alert('x')</script><img src=x onerror=alert(1)>`;
    expect(buildReview({ id: "R2", text }, "demo")?.text).toBe(text);
  });

  it("derives a stable id when the page shows none, and skips containers with neither id nor text", () => {
    const a = buildReview({ text: "很好", buyer: "a**" }, "pinduoduo");
    const b = buildReview({ text: "很好", buyer: "a**" }, "pinduoduo");
    const c = buildReview({ text: "很好", buyer: "b**" }, "pinduoduo");
    expect(a?.id).toMatch(/^h-[0-9a-z]+$/);
    expect(a?.id).toBe(b?.id);
    expect(a?.id).not.toBe(c?.id);
    expect(buildReview({ text: "  -  " }, "pinduoduo")).toBeUndefined();
    expect(buildReview({}, "pinduoduo")).toBeUndefined();
    // An id without text is still a review (the buyer left stars only).
    expect(buildReview({ id: "R3", rating: "5" }, "taobao")).toEqual({
      id: "R3",
      platform: "taobao",
      rating: 5,
      text: "",
    });
  });

  it("caps very long text", () => {
    expect(buildReview({ id: "R4", text: "好".repeat(20_000) }, "taobao")?.text).toHaveLength(5000);
    expect(cleanReviewText("（空）")).toBe("");
  });
});
