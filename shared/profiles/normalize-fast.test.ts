/**
 * The normalisers' fast paths (scans instead of regexes, a hand-made ISO formatter, exact-word lookups, a per-text
 * cache) against the plain versions they stand for: the regex versions they replaced, kept here, and for the status
 * and flag words the modules' own uncached paths (one word table each). On random text over the characters that
 * matter (digits, date and unit words, every kind of whitespace, SKU separators) both must give the same result.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flagByWords } from "./normalize/flag.ts";
import { statusOfText } from "./normalize/status.ts";
import {
  isoFromEpochMs,
  normalizeCountdown,
  normalizeDateTime,
  normalizeFlagColor,
  normalizePrice,
  normalizerFor,
  normalizeSkuProps,
  normalizeStatusText,
  normalizeText,
  normalizeValue,
  type RawValue,
} from "./normalize.ts";

// ---- Reference: the regex-only versions (as they were before the fast paths) ----

const CHINA_OFFSET_MS = 8 * 3_600_000;
const EMPTY_MARKERS = new Set(["-", "--", "—", "——", "（空）", "(空)", "空", "无", "暂无", "null", "undefined"]);
const asString = (raw: RawValue): string =>
  raw === null || raw === undefined
    ? ""
    : typeof raw === "string"
      ? raw
      : typeof raw === "number" || typeof raw === "boolean"
        ? String(raw)
        : "";

function refText(raw: RawValue): string {
  const text = asString(raw).replace(/\s+/g, " ").trim();
  return EMPTY_MARKERS.has(text) ? "" : text;
}

function refPrice(raw: RawValue): number | undefined {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : undefined;
  const match = asString(raw)
    .replace(/[,，](?=\d{3}\b)/g, "")
    .match(/-?\d+(?:\.\d+)?/);
  if (!match) return undefined;
  const value = Number(match[0]);
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : undefined;
}

const DATE_TIME =
  /(?:(\d{4})[-/.年])?(\d{1,2})[-/.月](\d{1,2})日?(?:[\sT]+(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2}))?)?/;

function refDateTime(raw: RawValue, nowMs: number): string | undefined {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw) || raw <= 0) return undefined;
    const date = new Date(raw < 1e11 ? raw * 1000 : raw);
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  }
  const text = asString(raw).trim();
  if (!text) return undefined;
  if (/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}.*(?:Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
  }
  if (/^\d{10}(\d{3})?$/.test(text)) return refDateTime(Number(text), nowMs);
  const m = text.match(DATE_TIME);
  if (!m) return undefined;
  const chinaNow = new Date(nowMs + CHINA_OFFSET_MS);
  const year = m[1] ? Number(m[1]) : chinaNow.getUTCFullYear();
  const [month, day, hour, minute, second] = [m[2], m[3], m[4], m[5], m[6]].map((s) => Number(s ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second) - CHINA_OFFSET_MS;
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

function refCountdown(raw: RawValue, nowMs: number): string | undefined {
  const shown = asString(raw);
  if (/\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}/.test(shown)) return refDateTime(shown, nowMs);
  const text = shown.replace(/\s+/g, "");
  if (!text) return undefined;
  const parts = {
    day: text.match(/(\d+)(?:天|日)/),
    hour: text.match(/(\d+)(?:小时|时|h)/i),
    minute: text.match(/(\d+)(?:分钟|分|min|m(?!s))/i),
  };
  if (!parts.day && !parts.hour && !parts.minute) return refDateTime(shown, nowMs);
  const minutes =
    Number(parts.day?.[1] ?? 0) * 1440 + Number(parts.hour?.[1] ?? 0) * 60 + Number(parts.minute?.[1] ?? 0);
  const overdue = /超时|超过|逾期|已过/.test(text);
  return new Date(nowMs + (overdue ? -minutes : minutes) * 60_000).toISOString();
}

const SKU_KEY = /([^\s;；,，/|：:]+)\s*[：:]\s*/g;
const SKU_TRIM = /^[\s;；,，/|]+|[\s;；,，/|]+$/g;

function refSkuProps(raw: string): Record<string, string> {
  const text = refText(raw);
  const out: Record<string, string> = {};
  if (!text) return out;
  const keys = [...text.matchAll(SKU_KEY)];
  if (keys.length === 0) return { 规格: text };
  keys.forEach((match, i) => {
    const start = (match.index ?? 0) + match[0].length;
    const end = keys[i + 1]?.index ?? text.length;
    const value = text.slice(start, end).replace(SKU_TRIM, "");
    const key = match[1] ?? "";
    if (key && value) out[key] = value;
  });
  return out;
}

/** The word tables themselves are the modules' own: these are the slow paths the caches and lookups stand in for. */
function refFlag(raw: RawValue): string | undefined {
  const text = asString(raw).trim();
  return text ? flagByWords(text) : undefined;
}

// ---- Random text over the characters the fast paths look at ----

/** Every \s character (and U+180E, U+200B, which are not), so the whitespace scans meet all of them. */
const WHITESPACE = [
  " ",
  "  ",
  "\t",
  "\n",
  "\v",
  "\f",
  "\r",
  "\u00a0",
  "\u1680",
  "\u180e",
  "\u2000",
  "\u200a",
  "\u200b",
  "\u2028",
  "\u2029",
  "\u202f",
  "\u205f",
  "\u3000",
  "\ufeff",
];
const PIECES = [
  ...WHITESPACE,
  ..."0123456789",
  "2026",
  "11",
  "23",
  "09",
  "59",
  "60",
  "13",
  "00",
  ..."-/.:：T年月日时分天",
  "小时",
  "分钟",
  "min",
  "MIN",
  "m",
  "M",
  "s",
  "S",
  "ms",
  "h",
  "H",
  "剩余",
  "发货",
  "超时",
  "已过",
  "创建时间：",
  ..."Z+",
  "+08:00",
  "颜色分类",
  "尺码",
  "XL",
  ..."；;,，/|",
  "¥",
  "￥",
  "元",
  "1,299",
  "，000",
  "red",
  "none",
  "flag-",
  "红",
  "灰",
  "黄",
  "(空)",
  "undefined",
  "null",
  "暂无",
  "—",
  "“",
  "…",
  "a",
];
const pieceText = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join(""));
const anyText = fc.oneof(pieceText, pieceText, fc.string(), fc.string({ unit: "binary" }));
/** Date-times in the shapes pages show, some with impossible parts or stray characters around them. */
const shownDateTime = fc
  .tuple(
    fc.constantFrom("", "创建时间：", "下单时间 ", "付款 ", "T", "x1"),
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 99 }),
    fc.option(fc.integer({ min: 0, max: 99 })),
    fc.constantFrom("-", "/", ".", "年"),
    fc.constantFrom(" ", "  ", "T", "\u3000", "x"),
    fc.constantFrom("", "", "（剩余43小时1分）", "Z", " "),
    fc.constantFrom(":", ":", "：", "时", "x"),
    fc.constantFrom(":", ":", "：", "分", "x"),
  )
  .map(([label, y, mo, d, h, mi, s, sep, gap, tail, hm, ms]) => {
    const p = (n: number, w = 2) => String(n).padStart(w, "0");
    return `${label}${p(y, 4)}${sep}${p(mo)}${sep}${p(d)}${gap}${p(h)}${hm}${p(mi)}${s === null ? "" : `${ms}${p(s)}`}${tail}`;
  });
const nowMs = fc.integer({ min: Date.parse("2000-01-01T00:00:00Z"), max: Date.parse("2090-01-01T00:00:00Z") });

describe("normaliser fast paths give what the regex versions give", () => {
  it("isoFromEpochMs is toISOString", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253_402_300_799_999 }), (ms) => {
        expect(isoFromEpochMs(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 20_000 },
    );
    // Times of one list share a few days: the date part then comes from the per-day table.
    const listDays = fc.integer({ min: Date.parse("2026-11-21T00:00:00Z"), max: Date.parse("2026-11-24T00:00:00Z") });
    fc.assert(
      fc.property(listDays, (ms) => {
        expect(isoFromEpochMs(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 5000 },
    );
    for (const ms of [0, -0, 1, 951_782_400_000, 4_107_542_399_999, 253_402_300_799_999, 253_402_300_800_000]) {
      expect(isoFromEpochMs(ms)).toBe(new Date(ms).toISOString());
    }
    for (const ms of [-1, -8.64e15, 1.5, 8.64e15]) expect(isoFromEpochMs(ms)).toBe(new Date(ms).toISOString());
    expect(() => isoFromEpochMs(Number.NaN)).toThrow(RangeError);
  });

  it("text", () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        expect(normalizeText(raw)).toBe(refText(raw));
      }),
      { numRuns: 5000 },
    );
  });

  it("price", () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        expect(normalizePrice(raw)).toBe(refPrice(raw));
      }),
      { numRuns: 3000 },
    );
  });

  it("date-time", () => {
    fc.assert(
      fc.property(fc.oneof(shownDateTime, anyText), nowMs, (raw, now) => {
        expect(normalizeDateTime(raw, { nowMs: now })).toBe(refDateTime(raw, now));
      }),
      { numRuns: 10_000 },
    );
  });

  it("countdown", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, shownDateTime), nowMs, (raw, now) => {
        let want: string | undefined | Error;
        try {
          want = refCountdown(raw, now);
        } catch (err) {
          want = err as Error; // a countdown too large for a Date: both must throw the same
        }
        if (want instanceof Error) expect(() => normalizeCountdown(raw, { nowMs: now })).toThrow(want.constructor);
        else expect(normalizeCountdown(raw, { nowMs: now })).toBe(want);
      }),
      { numRuns: 10_000 },
    );
  });

  it("skuProps, also when the text was split before", () => {
    const skuText = fc.oneof(anyText, fc.constantFrom("颜色分类：黑色;尺码：XL", "规格：500g礼盒装", "均码", ""));
    fc.assert(
      fc.property(skuText, (raw) => {
        const first = normalizeSkuProps(raw);
        expect(first).toEqual(refSkuProps(raw));
        first.changed = "by the caller";
        const again = normalizeSkuProps(raw); // from the per-text table: a fresh copy, untouched by the edit above
        expect(again).toEqual(refSkuProps(raw));
        expect(again).not.toBe(first);
      }),
      { numRuns: 5000 },
    );
  });

  it("status words, also when the text was seen before", () => {
    const statusText = fc.oneof(
      anyText,
      fc.constantFrom(
        "买家已付款",
        "等待买家付款",
        "定金已付，等待买家付尾款",
        "交易关闭",
        " 交易成功 ",
        "paid",
        "PAID",
      ),
    );
    fc.assert(
      fc.property(statusText, (raw) => {
        expect(normalizeStatusText(raw)).toBe(statusOfText(raw));
        expect(normalizeStatusText(raw)).toBe(statusOfText(raw));
      }),
      { numRuns: 3000 },
    );
  });

  it("flag colour", () => {
    const words = fc.constantFrom("none", "red", "RED", "Purple", "pink", "grey", "gray", "0", "1", "5", "6", " 3 ");
    fc.assert(
      fc.property(fc.oneof(words, anyText), (raw) => {
        expect(normalizeFlagColor(raw)).toBe(refFlag(raw));
      }),
      { numRuns: 3000 },
    );
  });

  it("a normaliser is found by its own name only, as the switch over names did", () => {
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty", "", "TEXT", ["text"], 1, {}]) {
      expect(normalizeValue(name as never, "  x ", { nowMs: 0 })).toBeUndefined();
      expect(normalizerFor(name as never)("  x ", { nowMs: 0 })).toBeUndefined();
    }
    for (const none of [undefined, null]) expect(normalizeValue(none as never, "  x ", { nowMs: 0 })).toBe("x");
  });
});
