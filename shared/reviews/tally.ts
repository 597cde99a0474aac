import type { Sentiment } from "../model.ts";
import { analyzeReview, type ReviewAnalysis, type ReviewLike } from "./analyze.ts";
import { TOPIC_IDS, type TopicId } from "./topics.ts";

/** How many examples each topic keeps: enough to show the team what buyers say, small enough to read. */
export const MAX_EXAMPLES_PER_TOPIC = 5;

export interface TopicExample {
  id: string;
  sentiment: Sentiment;
  evidence: string;
}

export interface TopicTally {
  positive: number;
  neutral: number;
  negative: number;
  examples: TopicExample[];
}

export interface ReviewTally {
  total: number;
  sentiment: Record<Sentiment, number>;
  topics: Record<TopicId, TopicTally>;
}

/**
 * Problems (and praise) by topic across many reviews, as the manuals ask (collect review problems by category).
 * Examples prefer complaints: those are what the team acts on. Pass `analyses` to reuse earlier results.
 */
export function tallyReviews(reviews: readonly ReviewLike[], analyses?: readonly ReviewAnalysis[]): ReviewTally {
  const topics = Object.fromEntries(
    TOPIC_IDS.map((id) => [id, { positive: 0, neutral: 0, negative: 0, examples: [] as TopicExample[] }]),
  ) as Record<TopicId, TopicTally>;
  const sentiment: Record<Sentiment, number> = { positive: 0, neutral: 0, negative: 0 };
  reviews.forEach((review, index) => {
    const analysis = analyses?.[index] ?? analyzeReview(review);
    sentiment[analysis.sentiment]++;
    for (const finding of analysis.topics) {
      const tally = topics[finding.id];
      tally[finding.sentiment]++;
      const example = { id: review.id ?? String(index + 1), sentiment: finding.sentiment, evidence: finding.evidence };
      if (tally.examples.length < MAX_EXAMPLES_PER_TOPIC) tally.examples.push(example);
      else if (finding.sentiment === "negative") {
        // Replace a non-complaint example so complaints are shown first.
        const replaceAt = tally.examples.findIndex((kept) => kept.sentiment !== "negative");
        if (replaceAt >= 0) tally.examples[replaceAt] = example;
      }
    }
  });
  return { total: reviews.length, sentiment, topics };
}
