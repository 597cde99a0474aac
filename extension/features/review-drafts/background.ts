/**
 * Background side of the review drafts: which review profile fits a URL, and the analysis, drafting and tally
 * (shared/reviews, with its lexicon and OpenCC tables, too big for every seller page's content script).
 */

import { browser } from "wxt/browser";
import { DEFAULT_LINT_SETTINGS, type LintSettings } from "../../../shared/lint/defaults.ts";
import { lintText } from "../../../shared/lint/lint.ts";
import { parseLintSettings } from "../../../shared/lint/settings.ts";
import type { Review } from "../../../shared/model.ts";
import { resolveReviewProfiles, reviewProfileForUrl } from "../../../shared/profiles/review-pages.ts";
import {
  analyzeReview,
  draftReply,
  parseReviewTemplateSettings,
  type ReviewTemplates,
  TOPIC_LABELS,
  tallyReviews,
  validateReviewTemplateSettings,
} from "../../../shared/reviews/index.ts";
import type { Handlers } from "../../messaging/protocol.ts";
import { readTeamSettings } from "../../store/settings-edits.ts";
import { connectionItem } from "../../store/state.ts";
import type { ReviewDraftResult } from "./messages.ts";

export type ReviewDraftRequestType = "reviews.page" | "reviews.load" | "reviews.draft" | "reviews.lint";

/** The review-drafts content script (entrypoints/review-drafts.content.ts), injected only into review pages. */
export const REVIEW_DRAFTS_SCRIPT_FILE = "content-scripts/review-drafts.js";

/** A page of reviews is 10–50; a few thousand covers "load everything" pages without letting a page flood us. */
export const MAX_REVIEWS_PER_REQUEST = 2000;
const MAX_TEXT = 5000;
const REGENERATE_TRIES = 16;

/** Parsed once per settings object (the store hands out the same object until the next sync changes it). */
function memo<T>(parse: (section: unknown) => T): (section: unknown) => T {
  let last: { section: unknown; value: T } | undefined;
  return (section) => {
    if (last && last.section === section) return last.value;
    const value = parse(section);
    last = { section, value };
    return value;
  };
}
const templatesOf = memo<ReviewTemplates>(parseReviewTemplateSettings);
const lintOf = memo<LintSettings>((section) =>
  section === undefined ? DEFAULT_LINT_SETTINGS : parseLintSettings(section),
);
const profilesOf = memo(resolveReviewProfiles);
/** A broken part of the team's templates falls back to the default; the bar says which part, so it gets fixed. */
const templateProblemsOf = memo((section) =>
  validateReviewTemplateSettings(section).map((issue) => `回评模板 ${issue}（已改用默认模板 / default used）`),
);

/** The settings as this browser shows them: an admin's queued edit applies here at once, before the Worker's ack. */
async function teamSettings() {
  const [settings, connection] = await Promise.all([readTeamSettings(), connectionItem.getValue()]);
  return {
    templates: templatesOf(settings?.reviewTemplates),
    lint: lintOf(settings?.lint),
    shopName: settings?.shopName || connection?.me?.shopName || "",
    siteProfiles: settings?.siteProfiles,
    templateProblems: templateProblemsOf(settings?.reviewTemplates),
  };
}

const str = (value: unknown, max: number): string | undefined =>
  typeof value === "string" ? value.slice(0, max) : undefined;

/** The page is untrusted: keep only well-typed fields of each review. */
export function sanitizeReview(input: unknown, index: number): Review {
  const raw = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  const review: Review = { id: str(raw.id, 200) || `#${index + 1}`, text: str(raw.text, MAX_TEXT) ?? "" };
  if (typeof raw.rating === "number" && Number.isFinite(raw.rating)) review.rating = raw.rating;
  const followUp = str(raw.followUp, MAX_TEXT);
  if (followUp) review.followUp = followUp;
  for (const key of ["buyer", "item", "sku"] as const) {
    const value = str(raw[key], 200);
    if (value) review[key] = value;
  }
  return review;
}

export function draftReviews(
  input: { reviews: unknown; avoid?: unknown; tally?: unknown },
  settings: { templates: ReviewTemplates; shopName: string; lint: LintSettings },
) {
  if (!Array.isArray(input.reviews)) throw new Error("reviews must be an array");
  if (input.reviews.length > MAX_REVIEWS_PER_REQUEST) {
    throw new Error(`too many reviews in one request (> ${MAX_REVIEWS_PER_REQUEST})`);
  }
  const reviews = input.reviews.map(sanitizeReview);
  const avoid = Array.isArray(input.avoid) ? input.avoid : [];
  const analyses = reviews.map((review) => analyzeReview(review));
  const results: ReviewDraftResult[] = reviews.map((review, index) => {
    const analysis = analyses[index] ?? analyzeReview(review);
    const options = { shopName: settings.shopName, templates: settings.templates, analysis };
    let draft = draftReply(review, options);
    const unwanted = avoid[index];
    // The wording is picked by a hash of the id: random seeds give other wordings (重新生成), so pressing it again
    // keeps moving through the variants. A few tries find a different one unless every slot has one variant.
    for (let tries = 0; typeof unwanted === "string" && draft.text === unwanted && tries < REGENERATE_TRIES; tries++) {
      draft = draftReply({ ...review, id: `${review.id}#${Math.random().toString(36).slice(2)}` }, options);
    }
    return {
      sentiment: analysis.sentiment,
      score: analysis.score,
      topics: analysis.topics,
      draft: draft.text,
      lint: lintText(draft.text, settings.lint),
    };
  });
  return input.tally === true ? { results, tally: tallyReviews(reviews, analyses) } : { results };
}

/** The review profile for a URL (team overrides applied; null = not a review page), and the profiles' problems. */
async function reviewPageOf(url: unknown) {
  const settings = await teamSettings();
  const { profiles, problems } = profilesOf(settings.siteProfiles);
  return { settings, problems, profile: reviewProfileForUrl(profiles, String(url)) ?? null };
}

export function createReviewDraftHandlers(): Pick<Handlers, ReviewDraftRequestType> {
  return {
    "reviews.page": async ({ url }) => {
      const { settings, problems, profile } = await reviewPageOf(url);
      return {
        profile,
        topicLabels: TOPIC_LABELS,
        problems: profile ? [...problems, ...settings.templateProblems] : [],
      };
    },
    "reviews.load": async ({ url }, sender) => {
      const tabId = sender?.tab?.id;
      if (tabId === undefined) throw new Error("reviews.load: only a content script in a tab can ask (no sender tab)");
      if (!(await reviewPageOf(url)).profile) return { loaded: false };
      // Into the asking frame only. Injected twice into one document (two quick navigations), WXT's context stops
      // the older copy when the newer one starts, so the page never gets two review UIs.
      await browser.scripting.executeScript({
        target: { tabId, frameIds: [sender?.frameId ?? 0] },
        files: [REVIEW_DRAFTS_SCRIPT_FILE],
      });
      return { loaded: true };
    },
    "reviews.draft": async (payload) => draftReviews(payload, await teamSettings()),
    "reviews.lint": async ({ texts }) => {
      if (!Array.isArray(texts) || texts.length > MAX_REVIEWS_PER_REQUEST)
        throw new Error("texts must be a short array");
      const { lint } = await teamSettings();
      return { findings: texts.map((text) => lintText(String(text).slice(0, MAX_TEXT), lint)) };
    },
  };
}
