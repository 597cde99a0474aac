// Pieces every demo 评价管理 page shows for a review, each in the platform's own markup (class names and labels
// come from the caller, because the built-in review profiles read them).
import { h } from "./dom.js";
import { formatDateTime } from "./orders-core.js";

const DAY = 86_400_000;
const MAX_STARS = 5;

/** When the review was written, "YYYY-MM-DD HH:mm:ss" (China time) on the demo clock. */
export function reviewCreatedAt(review, now) {
  return formatDateTime(new Date(now - review.createdDaysAgo * DAY).toISOString());
}

/**
 * The rating as five stars: `rating` ★, then the rest as ☆ text, or as ★ inside a span of `dimmedClass` when the
 * platform greys them out with a class.
 */
export function starRating(tag, attrs, rating, dimmedClass) {
  const rest = MAX_STARS - rating;
  return h(
    tag,
    attrs,
    "★".repeat(rating),
    dimmedClass ? h("span", { class: dimmedClass }, "★".repeat(rest)) : "☆".repeat(rest),
  );
}

/** The buyer's 追评 (nothing when there is none): the platform's label, then the text in a span of `textClass`. */
export function followUpBlock(review, boxClass, label, textClass) {
  if (!review.followUp) return null;
  return h("div", { class: boxClass }, label, h("span", { class: textClass }, review.followUp));
}
