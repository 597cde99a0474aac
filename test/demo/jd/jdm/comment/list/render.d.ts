/** Types for render.js (plain JS served to the browser as is; unit tests render the same rows). */
export interface DemoReview {
  id: string;
  rating: number;
  buyer: string;
  item: string;
  sku: string;
  createdDaysAgo: number;
  text: string;
  followUp?: string;
}
export declare const REPLY_LIMIT: number;
export declare function reviewRow(review: DemoReview, now: number): HTMLElement;
export declare function reviewTable(reviews: DemoReview[], now: number): HTMLElement;
