// Review drafts, page side and background side: reading N reviews off a 评价管理 page (happy-dom, the demo's
// markup repeated) and one `reviews.draft` round's work (analyse + draft + lint + tally) for the same reviews.
// The UI itself (Preact in shadow roots) is measured end to end in test/e2e/review-drafts.test.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Window } from "happy-dom";
import { findReviews } from "../../extension/features/review-drafts/extract.ts";
import { lintText } from "../../shared/lint/lint.ts";
import { BUILTIN_REVIEW_PROFILES } from "../../shared/profiles/review-pages.ts";
import { analyzeReview, draftReply, tallyReviews } from "../../shared/reviews/index.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const SIZES = [18, 200, 1000];

function pageWith(count: number, templateHtml: string): { document: Document; close(): Promise<void> } {
  const window = new Window({ url: "http://127.0.0.1/taobao/comment-manage/list/" });
  const document = window.document as unknown as Document;
  document.body.innerHTML = templateHtml;
  const list = document.getElementById("rate-list");
  const items = Array.from(document.querySelectorAll(".rate-item"));
  if (!list || items.length === 0) throw new Error("snapshot has no reviews");
  list.replaceChildren();
  for (let index = 0; index < count; index++) {
    const copy = items[index % items.length]?.cloneNode(true) as Element;
    copy.setAttribute("data-rate-id", `R${index}`);
    list.append(copy);
  }
  return { document, close: () => window.happyDOM.close() };
}

function timeMs(work: () => void, rounds: number): number {
  const started = performance.now();
  for (let round = 0; round < rounds; round++) work();
  return Math.round(((performance.now() - started) / rounds) * 100) / 100;
}

export async function run(): Promise<Record<string, unknown>> {
  const html = readFileSync(join(ROOT, "test/fixtures/demo-taobao-reviews.html"), "utf8")
    .replace(/<link\b[^>]*>/g, "")
    .replace(/^[\s\S]*<body[^>]*>|<\/body>[\s\S]*$/g, "");
  const profile = BUILTIN_REVIEW_PROFILES[0];
  if (!profile) throw new Error("no review profile");
  const result: Record<string, unknown> = {};
  for (const size of SIZES) {
    const { document, close } = pageWith(size, html);
    const found = findReviews(document, profile);
    if (found.length !== size) throw new Error(`read ${found.length} of ${size} reviews`);
    const reviews = found.map((f) => f.review);
    result[`read_${size}_ms`] = timeMs(() => findReviews(document, profile), size > 200 ? 3 : 10);
    result[`draft_round_${size}_ms`] = timeMs(
      () => {
        const analyses = reviews.map((review) => analyzeReview(review));
        for (const [index, review] of reviews.entries()) {
          const draft = draftReply(review, { analysis: analyses[index] });
          lintText(draft.text);
        }
        tallyReviews(reviews, analyses);
      },
      size > 200 ? 2 : 5,
    );
    await close();
  }
  return result;
}
