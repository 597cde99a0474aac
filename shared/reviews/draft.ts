import { fnv1a } from "../hash.ts";
import type { Review, Sentiment } from "../model.ts";
import { analyzeReview, type ReviewAnalysis, type ReviewLike, type TopicFinding } from "./analyze.ts";
import { DEFAULT_REVIEW_TEMPLATES, type ReviewTemplates, type SentimentTemplates } from "./templates.ts";
import type { TopicId } from "./topics.ts";

/** Taobao caps a seller's explanation at 500 汉字. */
export const MAX_REPLY_HAN = 500;
/** Item titles are keyword-stuffed; only their start reads well inside a sentence. */
const MAX_ITEM_CHARS = 24;
const MAX_BUYER_CHARS = 20;

export interface DraftOptions {
  shopName?: string;
  templates?: ReviewTemplates;
  /** Reuse an analysis already made for this review. */
  analysis?: ReviewAnalysis;
}

export interface ReviewDraft {
  text: string;
  sentiment: Sentiment;
  topics: TopicFinding[];
}

export type DraftableReview = ReviewLike & Partial<Pick<Review, "buyer" | "item">>;

type Variables = Partial<Record<string, string>>;

const TOPICS_WITHOUT_PHOTOS: ReadonlySet<TopicId> = new Set<TopicId>(["shipping", "service", "price"]);

/** The same review always gets the same wording (a stable hash of the seed picks the variant). */
function pick(variants: readonly string[], seed: string): string | undefined {
  if (variants.length === 0) return undefined;
  return variants[fnv1a(seed) % variants.length];
}

/** A value for a placeholder: one line of plain text, trimmed to a readable length; empty means unknown. */
function cleanValue(value: string | undefined, maxChars: number): string | undefined {
  if (typeof value !== "string") return undefined;
  // Control characters and line breaks would break the reply box; everything else is kept as literal text.
  const oneLine = value
    .replace(/[\p{Cc}\p{Cf}]+/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
  if (!oneLine) return undefined;
  const chars = Array.from(oneLine);
  return chars.length > maxChars ? chars.slice(0, maxChars).join("") : oneLine;
}

/**
 * The buyer's nickname as a greeting may use it. Review pages mask nicknames ("t**9", "大**糖"); greeting a
 * buyer by a masked name reads like a form letter, so a masked name counts as unknown and the greeting goes.
 */
function buyerName(value: string | undefined): string | undefined {
  const name = cleanValue(value, MAX_BUYER_CHARS);
  return name && /[*＊]/u.test(name) ? undefined : name;
}

/**
 * The item as a reply names it: listing titles are keyword lists ("【直播间专享】山东烟台红富士苹果 5斤装 脆甜多汁"),
 * so promo tags in 【】 go and the title is cut at a space rather than mid-word when it is long.
 */
function itemName(title: string | undefined): string | undefined {
  const cleaned = cleanValue(title?.replace(/[【[][^】\]]{0,20}[】\]]/gu, " "), 200);
  if (!cleaned) return undefined;
  const chars = Array.from(cleaned);
  if (chars.length <= MAX_ITEM_CHARS) return cleaned;
  const head = chars.slice(0, MAX_ITEM_CHARS + 1).join("");
  const lastSpace = head.lastIndexOf(" ");
  return lastSpace >= 4 ? head.slice(0, lastSpace) : chars.slice(0, MAX_ITEM_CHARS).join("");
}

const PLACEHOLDER = /\{([^{}\s]{1,12})\}/gu;
const CLAUSE = /[^，。！？；,!?;]+[，。！？；,!?;]*/gu;

function hasUnknownPlaceholder(text: string, variables: Variables): boolean {
  for (const match of text.matchAll(PLACEHOLDER)) if (!variables[match[1] ?? ""]) return true;
  return false;
}

/**
 * Fills {商品} {买家} {店铺}. An optional [part] with an unknown value disappears as a whole; any other clause
 * holding an unknown placeholder is dropped, so no raw placeholder ever reaches the buyer. Values are inserted
 * in one pass and never re-read, so a buyer named "{店铺}" stays literally that.
 */
export function fillTemplate(template: string, variables: Variables): string {
  const withoutOptional = template.replace(/\[([^[\]]*)\]/gu, (_whole, inner: string) =>
    hasUnknownPlaceholder(inner, variables) ? "" : inner,
  );
  const clauses = withoutOptional.match(CLAUSE) ?? [];
  const kept = clauses.filter((clause) => !hasUnknownPlaceholder(clause, variables));
  let text = kept.join("").replace(PLACEHOLDER, (_whole, name: string) => variables[name] ?? "");
  // Dropping a clause can leave "，。" or a leading comma: tidy the punctuation.
  text = text.replace(/^[，,、；;\s]+/u, "").replace(/[，,、；;]+([。！？!?])/gu, "$1");
  if (text && !/[。！？!?]$/u.test(text)) text = `${text.replace(/[，,、；;]+$/u, "")}。`;
  return text;
}

function countHan(text: string): number {
  return text.match(/\p{Script=Han}/gu)?.length ?? 0;
}

/** Cuts at the last sentence end that keeps the reply within the limit. */
function truncateToLimit(text: string): string {
  if (countHan(text) <= MAX_REPLY_HAN) return text;
  let result = "";
  for (const sentence of text.match(/[^。！？!?]+[。！？!?]*/gu) ?? []) {
    if (countHan(result + sentence) > MAX_REPLY_HAN) break;
    result += sentence;
  }
  if (result) return result;
  let han = 0;
  return Array.from(text)
    .filter((char) => (/\p{Script=Han}/u.test(char) ? ++han <= MAX_REPLY_HAN : han < MAX_REPLY_HAN))
    .join("");
}

/** Topic lines for the reply, complaints first: the reply answers what the buyer is unhappy about. */
function topicLines(templates: ReviewTemplates, sentiment: Sentiment, topics: TopicFinding[], seed: string): string[] {
  const lines: string[] = [];
  const add = (set: SentimentTemplates, finding: TopicFinding) => {
    const line = pick(set.topics[finding.id] ?? [], `${seed}|${finding.id}`);
    if (line && !lines.includes(line)) lines.push(line);
  };
  const negative = topics.filter((topic) => topic.sentiment === "negative");
  const neutral = topics.filter((topic) => topic.sentiment === "neutral");
  const positive = topics.filter((topic) => topic.sentiment === "positive");
  if (sentiment === "negative") {
    for (const topic of (negative.length > 0 ? negative : neutral).slice(0, 3)) add(templates.negative, topic);
  } else if (sentiment === "positive") {
    for (const topic of positive.slice(0, 2)) add(templates.positive, topic);
    // Praise with a "就是物流慢了点": answer the small complaint too.
    for (const topic of negative.slice(0, 1)) add(templates.neutral, topic);
  } else {
    for (const topic of [...negative, ...neutral].slice(0, 2)) add(templates.neutral, topic);
    for (const topic of positive.slice(0, 1)) add(templates.positive, topic);
  }
  return lines;
}

/**
 * A reply draft for one review: the sentiment's opening, lines about the topics the buyer raised, and for
 * complaints the 全力解决 / 真诚道歉 / 感谢理解 steps. Wording varies by review id, deterministically.
 */
export function draftReply(review: DraftableReview, options: DraftOptions = {}): ReviewDraft {
  const analysis = options.analysis ?? analyzeReview(review);
  const templates = options.templates ?? DEFAULT_REVIEW_TEMPLATES;
  const set = templates[analysis.sentiment];
  const seed = review.id && review.id !== "" ? review.id : review.text;
  const variables: Variables = {
    商品: itemName(review.item),
    买家: buyerName(review.buyer),
    店铺: cleanValue(options.shopName, MAX_BUYER_CHARS),
  };
  // Photos help judge the goods; for a late parcel or a rude reply they are just a chore for the buyer.
  const complaints = analysis.topics.filter((topic) => topic.sentiment === "negative");
  if (complaints.length === 0 || complaints.some((topic) => !TOPICS_WITHOUT_PHOTOS.has(topic.id))) {
    variables.照片 = "商品照片";
  }
  const topics = topicLines(templates, analysis.sentiment, analysis.topics, seed);
  const body = topics.length > 0 ? topics : [pick(set.general, `${seed}|general`)];
  const opening = pick(set.opening, `${seed}|opening`);
  const tail = [
    pick(set.resolve, `${seed}|resolve`),
    pick(set.apology, `${seed}|apology`),
    pick(set.closing, `${seed}|closing`),
  ];
  const compose = () =>
    [opening, ...body, ...tail]
      .filter((part): part is string => typeof part === "string")
      .map((part) => fillTemplate(part, variables))
      .join("");
  let text = compose();
  // Over the limit with long custom templates: drop topic lines from the end before cutting sentences.
  while (countHan(text) > MAX_REPLY_HAN && body.length > 1) {
    body.pop();
    text = compose();
  }
  return { text: truncateToLimit(text), sentiment: analysis.sentiment, topics: analysis.topics };
}
