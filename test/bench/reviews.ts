// Review analysis bench: sentiment accuracy on the labelled dev set (when present; label 1 = positive,
// 0 = negative, neutral counts as wrong) and drafting throughput.
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

export async function run(): Promise<Record<string, unknown>> {
  let texts = SAMPLE_REVIEWS;
  let accuracy: number | null = null;
  let devRows = 0;
  let neutral = 0;
  if (existsSync(DEV_SET)) {
    const rows = Papa.parse<Record<string, string>>(readFileSync(DEV_SET, "utf8"), {
      header: true,
      skipEmptyLines: "greedy",
    }).data.filter((row) => row.label === "0" || row.label === "1");
    let correct = 0;
    for (const row of rows) {
      const { sentiment } = analyzeReview({ text: row.review ?? "" });
      if (sentiment === "neutral") neutral++;
      if (sentiment === (row.label === "1" ? "positive" : "negative")) correct++;
    }
    devRows = rows.length;
    accuracy = rows.length > 0 ? Math.round((correct / rows.length) * 10_000) / 10_000 : null;
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
    dev_neutral_predictions: neutral,
    analyses_per_s: Math.round(analysed / analysisSeconds),
    drafts_per_s: Math.round(drafted / seconds),
  };
}
