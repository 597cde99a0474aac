/** Plain text off a page: the raw value as a string, whitespace collapsed, "nothing" placeholders, yes/no words. */
import type { RawValue } from "./types.ts";

/** Shared with the countdown reader, which removes whitespace runs too. */
export const WHITESPACE_RUNS = /\s+/g;

/** Placeholders pages print for "nothing": 拼多多 （空）, 千牛 "-". */
const EMPTY_MARKERS = new Set(["-", "--", "—", "——", "（空）", "(空)", "空", "无", "暂无", "null", "undefined"]);

export function asString(raw: RawValue): string {
  if (raw === null || raw === undefined) return "";
  if (typeof raw === "string") return raw;
  if (typeof raw === "number" || typeof raw === "boolean") return String(raw);
  return "";
}

/** Whitespace other than " " (tabs, line breaks, U+3000…). */
const OTHER_WHITESPACE = /[^\S ]/;
/** Longest placeholder in EMPTY_MARKERS: longer text skips the set lookup (and hashing the text). */
const LONGEST_EMPTY_MARKER = Math.max(...[...EMPTY_MARKERS].map((m) => m.length));

/**
 * Would collapsing and trimming change the text (whitespace at either end, two in a row, or any but " ")? Most
 * page text has none: these native checks cost less than the replace, and allocate nothing.
 */
function needsCollapsing(text: string): boolean {
  return text.startsWith(" ") || text.endsWith(" ") || text.includes("  ") || OTHER_WHITESPACE.test(text);
}

/** Trimmed text with runs of whitespace collapsed; placeholders for "nothing" become "". */
export function normalizeText(raw: RawValue): string {
  const shown = asString(raw);
  const text = needsCollapsing(shown) ? shown.replace(WHITESPACE_RUNS, " ").trim() : shown;
  return text.length <= LONGEST_EMPTY_MARKER && EMPTY_MARKERS.has(text) ? "" : text;
}

/** true/1/是/present → true; false/0/否/"" → false. */
export function normalizeBool(raw: RawValue): boolean {
  if (typeof raw === "boolean") return raw;
  if (typeof raw === "number") return raw !== 0;
  const text = normalizeText(raw).toLowerCase();
  return text !== "" && !["0", "false", "否", "no", "n"].includes(text);
}
