/**
 * Phrase import/export: 千牛-compatible CSV and XML, and our own JSON backup. Pure functions over bytes and
 * plain data. `parseImport` never applies anything: it returns a preview or the full list of errors, and the
 * caller applies a preview all at once (all-or-nothing).
 */
import { readBackup, writeBackup } from "./backup.ts";
import { readCsv, writeCsv } from "./csv.ts";
import { decodeBytes } from "./decode.ts";
import { type ImportFormat, type ImportResult, issue, PHRASE_LIMITS } from "./types.ts";
import { validateRecords } from "./validate.ts";
import { readXml, writeXml } from "./xml.ts";

export { BACKUP_KIND, type BackupInput, type PhraseBackup } from "./backup.ts";
export * from "./types.ts";
export { DEFAULT_GROUP_NAME } from "./validate.ts";
export { decodeBytes, writeBackup, writeCsv, writeXml };

export function detectFormat(fileName: string, text: string): ImportFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".xml")) return "xml";
  if (lower.endsWith(".csv") || lower.endsWith(".txt") || lower.endsWith(".tsv")) return "csv";
  const head = text.trimStart();
  if (head.startsWith("<")) return "xml";
  if (head.startsWith("{")) return "json";
  return "csv";
}

export function parseImport(bytes: Uint8Array, fileName: string): ImportResult {
  if (bytes.length === 0) return { ok: false, errors: [issue("文件为空（0 字节）")] };
  if (bytes.length > PHRASE_LIMITS.maxFileBytes) {
    const mb = PHRASE_LIMITS.maxFileBytes / 1024 / 1024;
    return { ok: false, errors: [issue(`文件太大：${(bytes.length / 1024 / 1024).toFixed(1)} MB，最多 ${mb} MB`)] };
  }
  const { text, encoding } = decodeBytes(bytes);
  const format = detectFormat(fileName, text);
  const read =
    format === "csv"
      ? { ...readCsv(text), groups: [], settings: undefined, unit: "行" as const }
      : format === "xml"
        ? { ...readXml(text), settings: undefined, unit: "条" as const }
        : { ...readBackup(text), warnings: [], unit: "条" as const };
  if (read.errors.length && !read.records.length) return { ok: false, errors: read.errors };
  const checked = validateRecords(read.records, read.unit, read.groups);
  const errors = [...read.errors, ...checked.errors].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  if (errors.length) return { ok: false, errors };
  if (!checked.phrases.length) return { ok: false, errors: [issue("文件里没有短语（只有表头）")] };
  const preview = {
    format,
    encoding,
    groups: checked.groups,
    phrases: checked.phrases,
    warnings: [...read.warnings, ...checked.warnings],
    ...(read.settings !== undefined ? { settings: read.settings } : {}),
  };
  return { ok: true, preview };
}

/** UTF-8 bytes of an export, for a download Blob or a file. */
export function encodeUtf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
