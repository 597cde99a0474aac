// Review analysis bench: sentiment accuracy on the labelled dev set (when present; label 1 = positive,
// 0 = negative, neutral counts as wrong) and drafting throughput. The dev set is also split in two fixed halves
// by a hash of the row id: the method is tuned on half A only, and half B shows whether that tuning generalises.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import Papa from "papaparse";
import { analyzeReview, draftReply } from "../../shared/reviews/index.ts";

const DEV_SET = "/work/shared/data/reviews-dev.csv";

// Used for throughput when the dev set is absent.
const SAMPLE_REVIEWS = [
  "质量很好，物流也快，下次还来",
  "尺码偏大，颜色也有色差，退货了",
  "发错货了，客服还不理人，差评",
  "还行吧，包装一般",
  "用了一周头发顺滑了很多，味道也好闻，就是价格有点贵",
];

/** Half "a" or "b" of the dev set, fixed by the row id (not by position, so re-sorting the file changes nothing). */
export function devHalf(id: string): "a" | "b" {
  return (createHash("md5").update(id).digest()[0] ?? 0) % 2 === 0 ? "a" : "b";
}

const ratio = (correct: number, total: number) => (total > 0 ? Math.round((correct / total) * 10_000) / 10_000 : null);

export async function run(): Promise<Record<string, unknown>> {
  let texts = SAMPLE_REVIEWS;
  let accuracy: number | null = null;
  let devRows = 0;
  let neutral = 0;
  const halves = { a: { rows: 0, correct: 0 }, b: { rows: 0, correct: 0 } };
  if (existsSync(DEV_SET)) {
    const rows = Papa.parse<Record<string, string>>(readFileSync(DEV_SET, "utf8"), {
      header: true,
      skipEmptyLines: "greedy",
    }).data.filter((row) => row.label === "0" || row.label === "1");
    let correct = 0;
    for (const row of rows) {
      const { sentiment } = analyzeReview({ text: row.review ?? "" });
      if (sentiment === "neutral") neutral++;
      const right = sentiment === (row.label === "1" ? "positive" : "negative");
      const half = halves[devHalf(row.id ?? "")];
      half.rows++;
      if (right) {
        correct++;
        half.correct++;
      }
    }
    devRows = rows.length;
    accuracy = ratio(correct, rows.length);
    texts = rows.map((row) => row.review ?? "");
  }
  let analysed = 0;
  const analysisStarted = performance.now();
  while (performance.now() - analysisStarted < 1000) {
    for (const text of texts) analyzeReview({ text });
    analysed += texts.length;
  }
  const analysisSeconds = (performance.now() - analysisStarted) / 1000;
  // Drafting includes analysis, as the CLI and the extension use it.
  let drafted = 0;
  const started = performance.now();
  while (performance.now() - started < 1000) {
    for (const [index, text] of texts.entries()) draftReply({ id: String(index), text }, { shopName: "测试小店" });
    drafted += texts.length;
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    dev_sentiment_accuracy: accuracy,
    dev_rows: devRows,
    dev_half_a_accuracy: ratio(halves.a.correct, halves.a.rows),
    dev_half_b_accuracy: ratio(halves.b.correct, halves.b.rows),
    dev_neutral_predictions: neutral,
    analyses_per_s: Math.round(analysed / analysisSeconds),
    drafts_per_s: Math.round(drafted / seconds),
  };
}
