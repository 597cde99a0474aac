/** Types for render.js (plain JS served to the browser as is; unit tests render the same cards). */
import type { DemoReview } from "../../../../jd/jdm/comment/list/render.js";
export declare const REPLY_LIMIT: number;
export declare function reviewCard(review: DemoReview, now: number): HTMLElement;
export declare function reviewCards(reviews: DemoReview[], now: number): HTMLElement[];
