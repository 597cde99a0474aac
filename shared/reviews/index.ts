/** Review analysis, reply drafting and topic tallies: pure functions over plain data. */
export { analyzeReview, type ReviewAnalysis, type ReviewLike, sentimentOf, type TopicFinding } from "./analyze.ts";
export {
  type DraftableReview,
  type DraftOptions,
  draftReply,
  fillTemplate,
  MAX_REPLY_HAN,
  type ReviewDraft,
} from "./draft.ts";
export { normalizeReviewText } from "./normalize.ts";
export { type ReviewTally, type TopicExample, type TopicTally, tallyReviews } from "./tally.ts";
export {
  DEFAULT_REVIEW_TEMPLATES,
  parseReviewTemplateSettings,
  type ReviewTemplates,
  ReviewTemplatesSchema,
  type SentimentTemplates,
  validateReviewTemplateSettings,
} from "./templates.ts";
export { TOPIC_IDS, TOPIC_KEYWORDS, TOPIC_LABELS, type TopicId } from "./topics.ts";
