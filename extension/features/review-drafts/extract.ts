/**
 * Reads the reviews on a page through a review-page profile (DOM only; textContent and attributes, never HTML),
 * then shared/profiles/review-pages turns the raw strings into `Review`.
 */
import type { Review } from "../../../shared/model.ts";
import { buildReview, type RawReview, type ReviewPageProfile } from "../../../shared/profiles/review-pages.ts";
import { readDomField } from "../../sites/extract.ts";

export interface PageReview {
  element: Element;
  review: Review;
}

function queryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return []; // an invalid selector in a team profile reads as "no reviews"
  }
}

/** Every review container under `root`, in page order, with its review; containers that are no review are skipped. */
export function findReviews(root: ParentNode, profile: ReviewPageProfile): PageReview[] {
  const out: PageReview[] = [];
  for (const element of queryAll(root, profile.items.selector)) {
    const raw: RawReview = {};
    const id = readDomField(element, profile.items.id);
    if (id !== undefined) raw.id = id;
    for (const [field, spec] of Object.entries(profile.fields) as [keyof RawReview, typeof profile.items.id][]) {
      if (!spec) continue;
      const value = readDomField(element, spec);
      if (value !== undefined) raw[field] = value;
    }
    const review = buildReview(raw, profile.platform);
    if (review) out.push({ element, review });
  }
  return out;
}

/** The review's own reply box (looked up inside its container only, so a draft never lands in another review). */
export function replyBoxOf(element: Element, profile: ReviewPageProfile): HTMLElement | null {
  try {
    return element.querySelector<HTMLElement>(profile.reply.input);
  } catch {
    return null;
  }
}

/** Where the review's panel goes: the profile's anchor, else the reply box's parent, else the container itself. */
export function panelParentOf(element: Element, profile: ReviewPageProfile): Element {
  if (profile.reply.anchor) {
    try {
      const anchor = element.querySelector(profile.reply.anchor);
      if (anchor) return anchor;
    } catch {}
  }
  return replyBoxOf(element, profile)?.parentElement ?? element;
}
