/**
 * Seller-memo builder following the flag convention of seed 002 ("whoever handles it writes the memo"):
 * price change → yellow + agent; unshipped → reason + agent/date, purple; shipped → blue; special courier → red;
 * refundable → green; after-sale returns → blue. 淘宝 memos hold at most 1000 bytes.
 */
import type { FlagColor } from "../model.ts";

export type MemoKind = "price-change" | "unshipped" | "shipped" | "special-courier" | "refundable" | "after-sale";

export const MEMO_MAX_BYTES = 1000;

const MEMO_STYLE: Record<MemoKind, { flag: FlagColor; label: string }> = {
  "price-change": { flag: "yellow", label: "改价" },
  unshipped: { flag: "purple", label: "未发货" },
  shipped: { flag: "blue", label: "已发货" },
  "special-courier": { flag: "red", label: "特殊快递" },
  refundable: { flag: "green", label: "可退款" },
  "after-sale": { flag: "blue", label: "售后" },
};

export interface MemoInput {
  kind: MemoKind;
  /** Why (or, for special-courier, which courier: "发顺丰"). */
  reason: string;
  agent: string;
  /** A Date, an ISO timestamp, or an already formatted date (2026-11-23). Shown as China time (UTC+8). */
  date: Date | string;
}

export interface BuiltMemo {
  text: string;
  flag: FlagColor;
}

const encoder = new TextEncoder();

/** UTF-8 byte length, counted from the UTF-16 code units (no encoding, no allocation). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** YYYY-MM-DD in China time. Strings that do not parse as dates are used as written. */
export function formatChinaDate(date: Date | string): string {
  const ms = typeof date === "string" ? Date.parse(date) : date.getTime();
  if (Number.isNaN(ms)) return typeof date === "string" ? date.trim() : "";
  if (typeof date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(date.trim())) return date.trim();
  // The checks stamp thousands of memos with the same clock: remember the last answer.
  if (ms === lastStamp.ms) return lastStamp.text;
  const text = new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
  lastStamp = { ms, text };
  return text;
}
let lastStamp = { ms: Number.NaN, text: "" };

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Cuts `text` to at most `maxBytes` UTF-8 bytes on a character boundary, marking the cut with "…". */
export function truncateUtf8(text: string, maxBytes: number): string {
  // A UTF-16 code unit never needs more than 3 UTF-8 bytes: short texts need no encoding at all.
  if (text.length * 3 <= maxBytes || utf8Length(text) <= maxBytes) return text;
  const budget = maxBytes - 3; // "…" is 3 bytes
  let bytes = 0;
  let out = "";
  for (const ch of text) {
    const size = encoder.encode(ch).length;
    if (bytes + size > budget) break;
    bytes += size;
    out += ch;
  }
  return `${out}…`;
}

export function buildMemo(input: MemoInput): BuiltMemo {
  const style = MEMO_STYLE[input.kind];
  if (!style) throw new Error(`未知的备注类型 unknown memo kind: ${String(input.kind)}`);
  const agent = oneLine(input.agent) || "客服";
  const stamp = `${agent}/${formatChinaDate(input.date)}`;
  const suffix = ` ${stamp}`;
  const head = `【${style.label}】`;
  const reason = oneLine(input.reason);
  const budget = MEMO_MAX_BYTES - utf8Length(head + suffix);
  const text = `${head}${truncateUtf8(reason, budget)}${suffix}`;
  return { text, flag: style.flag };
}
