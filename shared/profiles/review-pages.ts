/**
 * Review-page profiles: how to read buyer reviews (and find each review's reply box) on one seller page, as plain
 * JSON-able data like the order profiles in schema.ts. A team lead fixes a broken selector once in the team
 * settings (`siteProfiles.reviewPages`, profiles by id) and every agent gets the fix with the next sync.
 *
 *   const { profiles } = resolveReviewProfiles(teamSettings.siteProfiles);
 *   const profile = reviewProfileForUrl(profiles, location.href);
 *   buildReview(raw, profile.platform); // raw strings read with the profile's DomFields
 */
import * as v from "valibot";
import { isRecord } from "../guards.ts";
import { fnv1a } from "../hash.ts";
import type { Platform, Review } from "../model.ts";
import { firstProfileForUrl } from "./match.ts";
// Type only: schema.ts builds its valibot schemas at module load, which would put valibot into the content script.
import type { DomField } from "./schema.ts";
import { describeIssues, regexSourceSchema, selectorSchema } from "./schema-parts.ts";

/** Review fields a profile may read; `id` comes from `items.id`. */
export const REVIEW_FIELDS = ["rating", "text", "followUp", "buyer", "item", "sku", "createdAt"] as const;
export type ReviewField = (typeof REVIEW_FIELDS)[number];

export interface ReviewPageProfile {
  id: string;
  platform: Platform;
  label: string;
  /** Regular expressions over "host/path" (no scheme, no query). */
  urls: string[];
  /** One container per review, and the value that identifies it. */
  items: { selector: string; id: DomField };
  fields: Partial<Record<ReviewField, DomField>>;
  /**
   * The review's reply box (textarea, input or contenteditable) inside its container, the page's own submit button
   * (never clicked by Kefu Kit; named so tests and the team can check it stays untouched), and the element the
   * drafting panel is appended to (default: the reply box's parent).
   */
  reply: { input: string; submit?: string; anchor?: string };
}

// Plain string literals, not String.raw: a tagged template is a call, which would keep this data in bundles that
// only use buildReview.
const DEMO_HOST = "^(?:127\\.0\\.0\\.1|localhost)(?::\\d+)?";

/**
 * 千牛 评价管理 (来自买家的评价 / 待回复). The demo page copies the hooks; on the live page they are the first
 * guess a team lead corrects in settings when 千牛 ships a new build.
 */
const taobaoReviews: ReviewPageProfile = {
  id: "taobao-reviews",
  platform: "taobao",
  label: "千牛 评价管理",
  urls: [
    "^(?:myseller|qn)\\.taobao\\.com/comment-manage/",
    "^rate\\.taobao\\.com/",
    `${DEMO_HOST}/taobao/comment-manage/`,
  ],
  items: { selector: ".rate-item[data-rate-id]", id: { attr: "data-rate-id" } },
  fields: {
    rating: { selector: ".rate-stars", attr: "data-rating" },
    text: { selector: ".rate-content" },
    followUp: { selector: ".rate-append-content" },
    buyer: { selector: ".rate-user" },
    item: { selector: ".item-title" },
    sku: { selector: ".item-sku" },
    createdAt: { selector: ".rate-date" },
  },
  reply: { input: "textarea.rate-reply-input", submit: "button.rate-reply-submit", anchor: ".rate-reply" },
};

/**
 * 拼多多 评价管理 (商品评价). Not checked against the live page (no access from here): beast-core hooks and
 * class fragments as on the order pages; the review id falls back to a hash of buyer, item and text.
 */
const pinduoduoReviews: ReviewPageProfile = {
  id: "pinduoduo-reviews",
  platform: "pinduoduo",
  label: "拼多多 商品评价",
  urls: ["^mms\\.pinduoduo\\.com/goods/evaluation/", `${DEMO_HOST}/pinduoduo/goods/evaluation/`],
  items: {
    selector: "[data-testid=beast-core-table-body] > [data-testid=beast-core-table-row], [class*=evaluation-item]",
    id: { selector: "[class*=review-id], [data-review-id]", regex: "\\d{6,}" },
  },
  fields: {
    rating: { selector: "[class*=rate-star], [class*=star]", attr: "data-score" },
    text: { selector: "[class*=comment-content], [class*=evaluation-content]" },
    followUp: { selector: "[class*=append-content], [class*=additional]" },
    buyer: { selector: "[class*=buyer-name], [class*=nickname]" },
    item: { selector: ".goods-name, [class*=goods-name]" },
    sku: { selector: ".goods-spec, [class*=goods-spec]" },
    createdAt: { selector: "[class*=comment-time], [class*=time]" },
  },
  reply: { input: "textarea", submit: "[data-testid=beast-core-button][class*=primary]" },
};

/**
 * 京东 京麦 评价管理. Not checked against the live page (no access from here): antd table rows keyed by the comment
 * id as in the 京麦 order sub-app; stars read from their ★ text.
 */
const jdReviews: ReviewPageProfile = {
  id: "jd-reviews",
  platform: "jd",
  label: "京麦 评价管理",
  urls: ["^shop\\.jd\\.com/jdm/[^?#]*comment", `${DEMO_HOST}/jd/jdm/comment/`],
  items: { selector: "tr.ant-table-row[data-row-key]", id: { attr: "data-row-key" } },
  fields: {
    rating: { selector: "[class*=comment-score], .ant-rate", attr: "title" },
    text: { selector: "[class*=comment-content]" },
    followUp: { selector: "[class*=after-content]" },
    buyer: { selector: "[class*=comment-user]" },
    item: { selector: ".goods-name" },
    sku: { selector: ".sku-attr" },
    createdAt: { selector: "[class*=comment-time]" },
  },
  reply: { input: "textarea", submit: "button.ant-btn-primary" },
};

/**
 * 抖店 评价管理. Not checked against the live page: CSS-module class names carry a build hash, so the selectors match
 * on the stable part (index_commentCard__…); the review id is read from the 评价ID text.
 */
const douyinReviews: ReviewPageProfile = {
  id: "douyin-reviews",
  platform: "douyin",
  label: "抖店 评价管理",
  urls: ["^fxg\\.jinritemai\\.com/ffa/g/comment", `${DEMO_HOST}/douyin/ffa/g/comment/`],
  items: { selector: "[class*=commentCard]", id: { selector: "[class*=commentId]", regex: "\\d{6,}" } },
  fields: {
    rating: { selector: "[class*=score]" },
    text: { selector: "[class*=commentText]" },
    followUp: { selector: "[class*=appendText]" },
    buyer: { selector: "[class*=userName]" },
    item: { selector: "[class*=productName]" },
    sku: { selector: "[class*=skuInfo]" },
    createdAt: { selector: "[class*=commentTime]" },
  },
  reply: { input: "textarea", submit: "button.auxo-btn-primary" },
};

export const BUILTIN_REVIEW_PROFILES: readonly ReviewPageProfile[] = [
  taobaoReviews,
  pinduoduoReviews,
  jdReviews,
  douyinReviews,
];

// ---------------------------------------------------------------------------------------------------------------
// Team overrides

/**
 * The valibot schema for a team's review profile. Built on first use, so the content script (which only needs
 * `buildReview`) does not carry valibot.
 */
export function reviewPageProfileSchema() {
  schema ??= makeSchema();
  return schema;
}
let schema: ReturnType<typeof makeSchema> | undefined;

function makeSchema() {
  const RegexSource = regexSourceSchema();
  const Selector = selectorSchema();
  // DomField as in schema.ts, without `normalize`: review fields are read as text (buildReview normalises them).
  const DomFieldSchema = v.object({
    selector: v.optional(Selector),
    label: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(100))),
    attr: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(100))),
    regex: v.optional(RegexSource),
    present: v.optional(v.boolean()),
  });
  return v.object({
    id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "id: 小写字母、数字和 - lowercase, digits and -")),
    platform: v.picklist(["taobao", "pinduoduo", "jd", "douyin", "demo"]),
    label: v.optional(v.pipe(v.string(), v.maxLength(100)), ""),
    urls: v.pipe(v.array(RegexSource), v.minLength(1, "至少一个网址规则 at least one URL pattern")),
    items: v.object({ selector: Selector, id: DomFieldSchema }),
    fields: v.optional(v.partial(v.object(Object.fromEntries(REVIEW_FIELDS.map((f) => [f, DomFieldSchema])))), {}),
    reply: v.object({ input: Selector, submit: v.optional(Selector), anchor: v.optional(Selector) }),
  });
}

export interface ResolvedReviewProfiles {
  profiles: ReviewPageProfile[];
  /** One readable line per rejected team profile. */
  problems: string[];
}

/**
 * The review profiles in force: built-ins overridden per id by `siteProfiles.reviewPages` of the team settings,
 * minus the ids in `siteProfiles.disabled`. A broken team profile is reported and the built-in one kept.
 */
export function resolveReviewProfiles(siteProfilesSection: unknown): ResolvedReviewProfiles {
  const problems: string[] = [];
  const byId = new Map(BUILTIN_REVIEW_PROFILES.map((p) => [p.id, p]));
  const section = isRecord(siteProfilesSection) ? siteProfilesSection : {};
  const overrides = section.reviewPages;
  if (overrides !== undefined && !isRecord(overrides)) {
    problems.push("siteProfiles.reviewPages 应为对象，使用内置配置 (must be an object, using built-ins)");
  } else if (overrides) {
    for (const [id, raw] of Object.entries(overrides)) {
      const result = v.safeParse(reviewPageProfileSchema(), raw);
      if (!result.success) {
        problems.push(
          `评价页配置 ${id} 无效，使用内置配置 (review profile "${id}" rejected): ${describeIssues(result.issues)}`,
        );
        continue;
      }
      if (result.output.id !== id) {
        problems.push(`评价页配置键 ${id} 与 id ${result.output.id} 不一致 (key and id differ), ignored`);
        continue;
      }
      byId.set(id, result.output as ReviewPageProfile);
    }
  }
  if (Array.isArray(section.disabled)) for (const id of section.disabled) if (typeof id === "string") byId.delete(id);
  return { profiles: [...byId.values()], problems };
}

/** The first review-page profile whose URL patterns match "host/path" of `url`. */
export function reviewProfileForUrl(
  profiles: readonly ReviewPageProfile[],
  url: string | URL,
): ReviewPageProfile | undefined {
  return firstProfileForUrl(profiles, url);
}

// ---------------------------------------------------------------------------------------------------------------
// Raw strings → Review

/** The raw strings one review container yielded (absent = the page did not show it). */
export type RawReview = Partial<Record<ReviewField | "id", string>>;

const RATING_WORDS: Record<string, number> = { 好评: 5, 中评: 3, 差评: 1 };
/** Pages print these where a buyer left no text or no follow-up. */
const EMPTY_TEXT = new Set(["", "-", "--", "（空）", "(空)", "无", "暂无"]);

/** "5", "4.0", "★★★☆☆", "5星", "好评" → 1–5; undefined when it says nothing usable. */
export function parseRating(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  for (const [word, stars] of Object.entries(RATING_WORDS)) if (text.includes(word)) return stars;
  const number = /(\d+(?:\.\d+)?)/.exec(text);
  if (number?.[1] !== undefined) {
    const value = Math.round(Number(number[1]));
    return value >= 1 && value <= 5 ? value : undefined;
  }
  // Filled stars only: "★★★☆☆" is 3.
  const filled = Array.from(text).filter((ch) => ch === "★").length;
  return filled >= 1 && filled <= 5 ? filled : undefined;
}

/** Review text as shown: line breaks kept, other whitespace runs collapsed; placeholders → "". */
export function cleanReviewText(raw: string | undefined): string {
  if (raw === undefined) return "";
  const text = raw
    .split(/\r?\n/)
    .map((line) => line.replace(/[ \t\f\v\u00a0\u3000]+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
  return EMPTY_TEXT.has(text) ? "" : text;
}

/** A stable id when the page shows none. */
const hash = (text: string): string => fnv1a(text).toString(36);

/** Longest review text kept: far above any platform's limit, small enough for a message to the background. */
const MAX_TEXT = 5000;

/**
 * One `Review` from raw strings; undefined when there is neither an id nor any text (not a review). A missing id
 * becomes "h-" + a hash of buyer, item and text, stable across re-renders of the same review.
 */
export function buildReview(raw: RawReview, platform: Platform): Review | undefined {
  const text = cleanReviewText(raw.text).slice(0, MAX_TEXT);
  const followUp = cleanReviewText(raw.followUp).slice(0, MAX_TEXT);
  const oneLine = (value: string | undefined) => cleanReviewText(value).replace(/\s+/g, " ").slice(0, 200);
  const buyer = oneLine(raw.buyer);
  const item = oneLine(raw.item);
  let id = oneLine(raw.id);
  if (!id) {
    if (!text && !followUp) return undefined;
    id = `h-${hash(`${buyer}|${item}|${text}|${followUp}`)}`;
  }
  const review: Review = { id, platform, text };
  const rating = parseRating(raw.rating);
  if (rating !== undefined) review.rating = rating;
  if (followUp) review.followUp = followUp;
  if (buyer) review.buyer = buyer;
  if (item) review.item = item;
  const sku = oneLine(raw.sku);
  if (sku) review.sku = sku;
  const createdAt = oneLine(raw.createdAt);
  if (createdAt) review.createdAt = createdAt;
  return review;
}

/** Star level as the platform names it: 4–5 好评, 3 中评, 1–2 差评. */
export function ratingLevel(rating: number | undefined): "positive" | "neutral" | "negative" | undefined {
  if (rating === undefined) return undefined;
  return rating >= 4 ? "positive" : rating === 3 ? "neutral" : "negative";
}
