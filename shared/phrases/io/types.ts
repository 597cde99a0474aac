/**
 * Plain data for phrase import/export. Kept independent of the sync schema so files can be previewed
 * before anything touches a store: the store maps a preview onto its own records when the user applies it.
 */

import { LIMITS } from "../schema.ts";

/** Limits (the sync contract's, so anything previewed can be stored) every imported record must respect; errors name the limit that was broken. */
export const PHRASE_LIMITS = {
  codeMaxChars: LIMITS.codeLength,
  contentMaxChars: LIMITS.contentLength,
  groupNameMaxChars: LIMITS.groupNameLength,
  imageMaxChars: LIMITS.imageUrlLength,
  tagMaxChars: LIMITS.tagLength,
  maxTags: LIMITS.tagsPerPhrase,
  maxPhrases: LIMITS.teamItems,
  maxFileBytes: 10 * 1024 * 1024,
} as const;

export type PhraseScope = "team" | "personal";
export type ImportFormat = "csv" | "xml" | "json";

export interface IoGroup {
  /** Id from the file when it has one (XML/JSON); CSV groups are identified by name only. */
  id?: string;
  name: string;
  scope?: PhraseScope;
}

export interface IoPhrase {
  id?: string;
  /** Name of the group, resolved from the file's group id where the format uses ids. */
  groupName: string;
  code: string;
  content: string;
  image?: string;
  tags?: string[];
  scope?: PhraseScope;
}

/** One problem, located: `row` is the spreadsheet row (header = 1) or the record number in XML/JSON. */
export interface ImportIssue {
  row?: number;
  field?: string;
  message: string;
  /** The whole sentence for people, e.g. "第 12 行 快捷编码：超过 32 个字符". */
  text: string;
}

export interface ImportPreview {
  format: ImportFormat;
  encoding: string;
  groups: IoGroup[];
  phrases: IoPhrase[];
  /** Team settings carried by a JSON backup; opaque here, validated by the store that applies it. */
  settings?: unknown;
  warnings: ImportIssue[];
}

export type ImportResult = { ok: true; preview: ImportPreview } | { ok: false; errors: ImportIssue[] };

/** Rows are spreadsheet rows (行) in CSV and record numbers (条) in XML/JSON. */
export type RowUnit = "行" | "条";

/** Builds an issue whose text reads "第 12 行 快捷编码：超过 32 个字符". */
export function issue(message: string, at: { row?: number; field?: string; unit?: RowUnit } = {}): ImportIssue {
  const where = at.row !== undefined ? `第 ${at.row} ${at.unit ?? "行"}` : "";
  const head = [where, at.field ?? ""].filter(Boolean).join(" ");
  const result: ImportIssue = { message, text: head ? `${head}：${message}` : message };
  if (at.row !== undefined) result.row = at.row;
  if (at.field) result.field = at.field;
  return result;
}
