/**
 * The review-reply templates (`reviewTemplates`, shared/reviews/templates.ts) as a form draft: per sentiment,
 * per slot or topic, one wording a line. Only slots that differ from the defaults are saved (the drafting merges
 * the team's parts over the defaults), validated by `validateReviewTemplateSettings` first.
 */
import type { Sentiment } from "../../../../shared/model.ts";
import type { JsonObject } from "../../../../shared/phrases/schema.ts";
import {
  DEFAULT_REVIEW_TEMPLATES,
  parseReviewTemplateSettings,
  type ReviewTemplates,
  SENTIMENTS,
  type TemplateSlot,
  validateReviewTemplateSettings,
} from "../../../../shared/reviews/templates.ts";
import { TOPIC_IDS, TOPIC_LABELS, type TopicId } from "../../../../shared/reviews/topics.ts";
import { type Built, fromLines, toLines } from "./section.tsx";

export const SENTIMENT_LABELS: Record<Sentiment, string> = { positive: "好评", neutral: "中评", negative: "差评" };
export const SLOT_LABELS: Record<TemplateSlot, string> = {
  opening: "开头（安抚/致谢）",
  general: "通用内容（评价没提到具体话题时）",
  resolve: "解决方案（全力解决）",
  apology: "道歉（真诚道歉）",
  closing: "结尾（感谢理解/欢迎再来）",
};
/** A slot key: a template slot, or `topic:<id>` for the lines about one topic. */
export type SlotKey = TemplateSlot | `topic:${TopicId}`;
export const SLOT_KEYS: SlotKey[] = [
  "opening",
  ...TOPIC_IDS.map((id) => `topic:${id}` as const),
  "general",
  "resolve",
  "apology",
  "closing",
];
export function slotLabel(key: SlotKey): string {
  return key.startsWith("topic:") ? `话题：${TOPIC_LABELS[key.slice(6) as TopicId]}` : SLOT_LABELS[key as TemplateSlot];
}

export type ReviewDraftForm = Record<Sentiment, Record<SlotKey, string>>;

function linesOf(templates: ReviewTemplates, sentiment: Sentiment, key: SlotKey): string[] {
  const set = templates[sentiment];
  return key.startsWith("topic:") ? (set.topics[key.slice(6) as TopicId] ?? []) : set[key as TemplateSlot];
}

export function reviewDraftOf(templates: ReviewTemplates): ReviewDraftForm {
  const form = {} as ReviewDraftForm;
  for (const sentiment of SENTIMENTS) {
    form[sentiment] = Object.fromEntries(
      SLOT_KEYS.map((key) => [key, toLines(linesOf(templates, sentiment, key))]),
    ) as Record<SlotKey, string>;
  }
  return form;
}
export const reviewDraftFromSection = (raw: JsonObject | undefined) => reviewDraftOf(parseReviewTemplateSettings(raw));
export const DEFAULT_REVIEW_DRAFT = reviewDraftOf(DEFAULT_REVIEW_TEMPLATES);

/** The team's overrides: only the slots whose lines differ from the defaults. */
export function reviewSectionOf(form: ReviewDraftForm): JsonObject {
  const section: JsonObject = {};
  for (const sentiment of SENTIMENTS) {
    const slots: Record<string, unknown> = {};
    const topics: Record<string, string[]> = {};
    for (const key of SLOT_KEYS) {
      const lines = fromLines(form[sentiment][key]);
      if (lines.join("\n") === DEFAULT_REVIEW_DRAFT[sentiment][key]) continue;
      if (key.startsWith("topic:")) topics[key.slice(6)] = lines;
      else slots[key] = lines;
    }
    if (Object.keys(topics).length) slots.topics = topics;
    if (Object.keys(slots).length) section[sentiment] = slots;
  }
  return section;
}

const ISSUE_WORDS: [RegExp, string][] = [
  [/Invalid length: Expected >=1/i, "至少写一句 · at least one line"],
  [/Invalid length: Expected <=300/i, "每句最多 300 字 · at most 300 characters a line"],
  [/Invalid length: Expected <=20/i, "最多 20 种说法 · at most 20 wordings"],
];

export function buildReviewSection(form: ReviewDraftForm): Built {
  const section = reviewSectionOf(form);
  const issue = validateReviewTemplateSettings(section)[0];
  if (issue) {
    const [path = "", ...rest] = issue.split(": ");
    const [sentiment, slot, topic] = path.split(".") as [Sentiment, string, string | undefined];
    const where = topic ? slotLabel(`topic:${topic as TopicId}`) : slotLabel(slot as TemplateSlot);
    let why = rest.join(": ");
    for (const [pattern, words] of ISSUE_WORDS) if (pattern.test(why)) why = words;
    return { error: `评价模板 · ${SENTIMENT_LABELS[sentiment] ?? sentiment} · ${where}：${why}` };
  }
  return { value: section };
}
