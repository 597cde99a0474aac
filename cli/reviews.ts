/**
 * `kefu reviews FILE [--tally] [--shop NAME]`: sentiment, topics and a reply draft for each review in a CSV
 * (a `review` column, optional `id`, `rating`, `buyer`, `item`; UTF-8 with or without BOM, or GBK as Excel
 * saves it) or a JSON array (or an object holding one under "reviews"). One JSON line per review, or with --tally one JSON object of topic counts.
 * Exit codes: 0 done, 2 bad arguments or malformed file (the message names the row).
 */
import { readFile } from "node:fs/promises";
import iconv from "iconv-lite";
import Papa from "papaparse";
import { analyzeReview, draftReply, type ReviewLike, tallyReviews } from "../shared/reviews/index.ts";

const USAGE = `用法 Usage: kefu reviews FILE [--tally] [--shop NAME]
  FILE     CSV（列 review，可选 id、rating（1–5 或 好评/中评/差评）、buyer、item；UTF-8 或 GBK）或 JSON 数组（或 {"reviews": [...]}）
           CSV with a review column (optional id, rating, buyer, item; UTF-8 or GBK) or a JSON array (or {"reviews": [...]})
  --tally  输出各话题的好中差统计 / print topic counts instead of one line per review
  --shop   店铺名，用于回复草稿 / shop name used in the drafts`;

export interface InputReview extends ReviewLike {
  id: string;
  buyer?: string;
  item?: string;
}

/** A problem in the input file; the message says where. */
export class InputError extends Error {}

// Header names buyers' exports use for each field (lower-cased, trimmed).
const COLUMN_ALIASES: Record<"review" | "id" | "rating" | "buyer" | "item", readonly string[]> = {
  review: ["review", "text", "评价", "评价内容", "评论", "评论内容", "内容"],
  id: ["id", "编号", "评价id", "订单号"],
  rating: ["rating", "stars", "评分", "星级"],
  buyer: ["buyer", "买家", "买家昵称"],
  item: ["item", "商品", "宝贝", "商品名称", "宝贝名称"],
};

/** UTF-8 (BOM optional) when the bytes are valid UTF-8, UTF-16 by BOM, otherwise GBK (Excel's Chinese CSV). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16be");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), "gbk");
  }
}

// Platforms with three levels export words instead of stars (see Review.rating).
const RATING_WORDS: Record<string, number> = { 好评: 5, 中评: 3, 差评: 1 };

function parseRating(value: unknown, where: string): number | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const written = String(value)
    .trim()
    .replace(/\s*(星|stars?)$/iu, "");
  const rating =
    typeof value === "number" ? value : (RATING_WORDS[written] ?? (written === "" ? Number.NaN : Number(written)));
  if (!Number.isFinite(rating) || rating < 1 || rating > 5) {
    throw new InputError(
      `${where}: rating 应为 1–5 的数字 / rating must be a number from 1 to 5, got ${JSON.stringify(value)}`,
    );
  }
  return rating;
}

function optionalText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  return text === "" ? undefined : text;
}

function fromJson(text: string): InputReview[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(`JSON 格式错误 / invalid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  // Exports often wrap the list: { "reviews": [...] } is read like the bare array.
  if (typeof data === "object" && data !== null && !Array.isArray(data) && "reviews" in data)
    data = (data as { reviews: unknown }).reviews;
  if (!Array.isArray(data))
    throw new InputError(
      'JSON 须为数组或 {"reviews": [...]} / JSON input must be an array of reviews (or {"reviews": [...]})',
    );
  return data.map((entry, index) => {
    const where = `第 ${index + 1} 条 / item ${index + 1}`;
    if (typeof entry === "string") return { id: String(index + 1), text: entry };
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
      throw new InputError(`${where}: 应为对象或字符串 / must be an object or a string`);
    }
    const record = entry as Record<string, unknown>;
    const body = record.review ?? record.text;
    if (typeof body !== "string")
      throw new InputError(`${where}: 缺少 review 文本 / missing "review" (or "text") string`);
    const followUp = optionalText(record.followUp);
    return {
      id: optionalText(record.id) ?? String(index + 1),
      text: body,
      rating: parseRating(record.rating, where),
      ...(followUp ? { followUp } : {}),
      buyer: optionalText(record.buyer),
      item: optionalText(record.item),
    };
  });
}

function fromCsv(text: string): InputReview[] {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: "greedy" });
  // A one-column file has no delimiter to detect; Papa then uses the comma, which is right.
  const firstError = parsed.errors.find((error) => error.code !== "UndetectableDelimiter");
  if (firstError) {
    const row = firstError.row === undefined ? "" : `第 ${firstError.row + 1} 行 / row ${firstError.row + 1}: `;
    throw new InputError(`${row}CSV 格式错误 / malformed CSV: ${firstError.message}`);
  }
  const [header, ...rows] = parsed.data;
  if (!header) throw new InputError("文件为空 / the file is empty");
  const names = header.map((name) => name.trim().toLowerCase());
  const column = (field: keyof typeof COLUMN_ALIASES) =>
    names.findIndex((name) => COLUMN_ALIASES[field].includes(name));
  const reviewColumn = column("review");
  if (reviewColumn < 0) {
    throw new InputError(`第 1 行 / row 1: 缺少 review 列 / no "review" column in header: ${header.join(",")}`);
  }
  const [idColumn, ratingColumn, buyerColumn, itemColumn] = (["id", "rating", "buyer", "item"] as const).map(column);
  return rows.map((cells, index) => {
    const line = index + 2;
    const where = `第 ${line} 行 / row ${line}`;
    if (cells.length !== header.length) {
      throw new InputError(
        `${where}: 有 ${cells.length} 列，表头有 ${header.length} 列 / has ${cells.length} fields, header has ${header.length}`,
      );
    }
    const cell = (at: number | undefined) => (at === undefined || at < 0 ? undefined : cells[at]);
    return {
      id: optionalText(cell(idColumn)) ?? String(index + 1),
      text: cell(reviewColumn) ?? "",
      rating: parseRating(cell(ratingColumn), where),
      buyer: optionalText(cell(buyerColumn)),
      item: optionalText(cell(itemColumn)),
    };
  });
}

/** Reviews from CSV or JSON text (JSON when the content starts with "["). */
export function parseReviewFile(text: string): InputReview[] {
  return /^[[{]/u.test(text.trimStart()) ? fromJson(text) : fromCsv(text);
}

export async function run(argv: string[]): Promise<number> {
  let file: string | undefined;
  let tally = false;
  let shopName: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === "--help" || arg === "-h") {
      console.log(USAGE);
      return 0;
    }
    if (arg === "--tally") tally = true;
    else if (arg === "--shop") {
      shopName = argv[++index];
      if (shopName === undefined || shopName.startsWith("--")) {
        console.error(`kefu reviews: --shop 需要店铺名 / --shop needs a name\n${USAGE}`);
        return 2;
      }
    } else if (arg?.startsWith("--")) {
      console.error(`kefu reviews: 未知选项 / unknown option ${arg}\n${USAGE}`);
      return 2;
    } else if (file === undefined) file = arg;
    else {
      console.error(`kefu reviews: 只能处理一个文件 / one file at a time (got ${file} and ${arg})`);
      return 2;
    }
  }
  if (!file) {
    console.error(USAGE);
    return 2;
  }
  let reviews: InputReview[];
  try {
    reviews = parseReviewFile(decodeText(await readFile(file)));
  } catch (err) {
    const reason =
      err instanceof InputError
        ? err.message
        : `无法读取 / cannot read: ${err instanceof Error ? err.message : String(err)}`;
    console.error(`kefu reviews: ${file}: ${reason}`);
    return 2;
  }
  // A reader that stops early (kefu reviews big.csv | head) closes the pipe: that is no error, just stop.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  const analyses = reviews.map((review) => analyzeReview(review));
  if (tally) {
    console.log(JSON.stringify(tallyReviews(reviews, analyses)));
    return 0;
  }
  const lines: string[] = [];
  reviews.forEach((review, index) => {
    const analysis = analyses[index] ?? analyzeReview(review);
    const draft = draftReply(review, { shopName, analysis });
    lines.push(
      JSON.stringify({ id: review.id, sentiment: analysis.sentiment, topics: analysis.topics, draft: draft.text }),
    );
  });
  process.stdout.write(lines.length > 0 ? `${lines.join("\n")}\n` : "");
  return 0;
}
