/** Types for render.js (plain JS served to the browser as is; unit tests render the same rows). */
export interface DemoPinduoduoReview {
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
export declare function reviewRow(review: DemoPinduoduoReview, now: number): HTMLTableRowElement;
export declare function reviewTable(reviews: DemoPinduoduoReview[], now: number): HTMLTableElement;
