/** Prices and quantities as pages print them. */
import { asString } from "./text.ts";
import type { RawValue } from "./types.ts";

const THOUSANDS_SEPARATOR = /[,，](?=\d{3}\b)/g;
const DECIMAL = /-?\d+(?:\.\d+)?/;
const DIGITS = /\d+/;

/** "¥1,299.00", "￥39.9", "39.90元", 39.9 → 元 as a number. */
export function normalizePrice(raw: RawValue): number | undefined {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : undefined;
  const shown = asString(raw);
  // Thousands separators go first (¥1,299.00); most prices have none, and then the replace is skipped.
  const plain = shown.includes(",") || shown.includes("，") ? shown.replace(THOUSANDS_SEPARATOR, "") : shown;
  const match = plain.match(DECIMAL);
  if (!match) return undefined;
  const value = Number(match[0]);
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : undefined;
}

/** "×2", "x 3", "2件", 2 → integer. */
export function normalizeInt(raw: RawValue): number | undefined {
  if (typeof raw === "number") return Number.isInteger(raw) ? raw : undefined;
  const match = asString(raw).match(DIGITS);
  return match ? Number(match[0]) : undefined;
}
