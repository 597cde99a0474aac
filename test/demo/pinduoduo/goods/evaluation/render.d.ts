/** Types for render.js (plain JS served to the browser as is; unit tests render the same rows). */
import type { DemoReview } from "../../../jd/jdm/comment/list/render.js";
export declare const REPLY_LIMIT: number;
export declare function reviewRow(review: DemoReview, now: number): HTMLTableRowElement;
export declare function reviewTable(reviews: DemoReview[], now: number): HTMLTableElement;
