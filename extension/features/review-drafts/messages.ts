/** Message types of the review drafts (merged into BackgroundRequests in messaging/protocol.ts). */

import type { LintFinding } from "../../../shared/lint/lint.ts";
import type { Review, Sentiment } from "../../../shared/model.ts";
import type { ReviewPageProfile } from "../../../shared/profiles/review-pages.ts";
import type { ReviewTally, TopicFinding } from "../../../shared/reviews/index.ts";

/** Analysis and reply draft of one review. */
export interface ReviewDraftResult {
  sentiment: Sentiment;
  score: number;
  topics: TopicFinding[];
  draft: string;
  /** The language lint (team settings) on `draft`. */
  lint: LintFinding[];
}

export interface ReviewDraftRequests {
  /**
   * The review-page profile for this URL (team overrides applied; null = not a review page).
   */
  "reviews.page": {
    request: { url: string };
    response: {
      profile: ReviewPageProfile | null;
      /** 中文 names of the topic ids (TOPIC_LABELS), so the page needs no copy of the topic tables. */
      topicLabels: Record<string, string>;
      problems: string[];
    };
  };
  /**
   * From the main content script's loader: when this URL is a review page (as "reviews.page" decides), the
   * background injects the review-drafts content script (content-scripts/review-drafts.js) into the asking tab
   * and frame, so the review UI's code stays off every other seller page. Fails for a sender without a tab.
   */
  "reviews.load": { request: { url: string }; response: { loaded: boolean } };
  /**
   * Analyses and drafts (team templates and shop name) for the reviews on the page, index-aligned. `avoid[i]`
   * (重新生成) asks for a wording other than that text when the templates have one. With `tally`, also the topic
   * tally over all of `reviews`.
   * Runs in the background: the sentiment lexicon and the traditional→simplified tables stay out of the page.
   */
  "reviews.draft": {
    request: { reviews: Review[]; avoid?: (string | null)[]; tally?: boolean };
    response: { results: ReviewDraftResult[]; tally?: ReviewTally };
  };
  /** The language lint with the team's settings, for the agent's edits (lint stays out of the content script). */
  "reviews.lint": { request: { texts: string[] }; response: { findings: LintFinding[][] } };
}
