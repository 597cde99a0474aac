/** Type guards for data that crossed a boundary (messages, storage, files, page globals). */

/** A plain object one can read fields of: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
