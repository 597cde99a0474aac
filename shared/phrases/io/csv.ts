import Papa from "papaparse";
import { type ImportIssue, type IoPhrase, issue } from "./types.ts";
import { FIELD, type RawRecord } from "./validate.ts";

type Column = "group" | "code" | "content" | "image" | "tags";

/** Header spellings seen in 千牛 exports and in sheets people make by hand, normalised (see `normaliseHeader`). */
const HEADER_ALIASES: Record<Column, string[]> = {
  group: ["分组", "分组名称", "分组名", "短语分组", "所属分组", "group", "groupname"],
  code: ["快捷编码", "快捷短语", "快捷码", "编码", "快捷键", "短语编码", "code", "shortcut", "quickcode"],
  content: ["短语内容", "内容", "短语", "回复内容", "话术", "话术内容", "content", "text", "phrase"],
  image: ["图片", "图片地址", "图片链接", "图片url", "image", "imageurl", "img"],
  tags: ["标签", "tags", "tag"],
};

function normaliseHeader(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/[（(][^）)]*[）)]/g, "") // "快捷编码（选填）" → "快捷编码"
    .replace(/[\s*＊:：_-]/g, "")
    .toLowerCase();
}

function columnOf(header: string): Column | undefined {
  const key = normaliseHeader(header);
  for (const [column, aliases] of Object.entries(HEADER_ALIASES) as [Column, string[]][]) {
    if (aliases.includes(key)) return column;
  }
  return undefined;
}

/** Excel runs cells starting with these as formulas; exports prefix them with ' and imports take it off again. */
const FORMULA_START = /^[=+\-@\t\r]/;

export interface CsvRead {
  records: RawRecord[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

export function readCsv(text: string): CsvRead {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: "" });
  for (const err of parsed.errors) {
    if (err.type === "Delimiter") continue; // single-column files: the header check says what is wrong
    const row = err.row !== undefined ? err.row + 1 : undefined;
    const what = err.type === "Quotes" ? '引号未闭合或位置不对（内容里的引号要写成两个 ""）' : "无法解析";
    errors.push(issue(`${what}（${err.message}）`, row !== undefined ? { row } : {}));
  }
  const rows = parsed.data;
  const headerIndex = rows.findIndex((cells) => cells.some((cell) => cell.trim() !== ""));
  if (headerIndex < 0) return { records: [], errors: [issue("文件为空，没有表头和短语")], warnings };

  const header = rows[headerIndex] ?? [];
  const columns = new Map<Column, number>();
  header.forEach((cell, index) => {
    const column = columnOf(cell);
    if (column && !columns.has(column)) columns.set(column, index);
    else if (!column && cell.trim())
      warnings.push(issue(`不认识的列「${cell.trim()}」，已忽略`, { row: headerIndex + 1, field: "表头" }));
  });
  const missing = (["code", "content"] as const).filter((column) => !columns.has(column));
  if (missing.length) {
    const names = missing.map((column) => FIELD[column]).join("、");
    const found =
      header
        .map((cell) => cell.trim())
        .filter(Boolean)
        .join("、") || "无";
    errors.push(
      issue(`缺少「${names}」列；需要 分组、快捷编码、短语内容（可选 图片）。找到的列：${found}`, {
        row: headerIndex + 1,
        field: "表头",
      }),
    );
    return { records: [], errors, warnings };
  }

  const records: RawRecord[] = [];
  for (let index = headerIndex + 1; index < rows.length; index++) {
    const cells = rows[index] ?? [];
    if (cells.every((cell) => cell.trim() === "")) continue;
    const row = index + 1;
    const extra = cells.slice(header.length).filter((cell) => cell.trim() !== "");
    if (extra.length) {
      errors.push(issue(`比表头多出 ${extra.length} 列：内容里有逗号时，整格要用英文双引号括起来`, { row }));
      continue;
    }
    const cell = (column: Column) => {
      const at = columns.get(column);
      const value = at === undefined ? "" : (cells[at] ?? "");
      return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
    };
    records.push({
      row,
      group: cell("group"),
      code: cell("code"),
      content: cell("content"),
      image: cell("image"),
      tags: cell("tags"),
    });
  }
  return { records, errors, warnings };
}

const BOM = "\uFEFF";

/** 千牛-compatible CSV, UTF-8 with BOM so Excel in China opens it without mojibake; CRLF line ends. */
export function writeCsv(phrases: IoPhrase[]): string {
  const guard = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);
  const rows = phrases.map((p) => [
    guard(p.groupName),
    guard(p.code),
    guard(p.content.replace(/\r?\n/g, "\r\n")),
    guard(p.image ?? ""),
    guard((p.tags ?? []).join(",")),
  ]);
  const body = Papa.unparse(
    { fields: [FIELD.group, FIELD.code, FIELD.content, FIELD.image, FIELD.tags], data: rows },
    { quotes: true, newline: "\r\n" },
  );
  return `${BOM}${body}\r\n`;
}
