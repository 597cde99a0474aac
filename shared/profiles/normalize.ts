/**
 * Normalisers: the raw strings (or JSON values) a site shows → the values of `Order`. Pure and total: bad input
 * yields `undefined` (the field is then absent), never an exception, and text stays text (no HTML parsing).
 */
import type { FlagColor, OrderStatus } from "../model.ts";

export const NORMALIZER_NAMES = [
  "text",
  "raw",
  "price",
  "int",
  "datetime",
  "countdown",
  "skuProps",
  "flagColor",
  "statusText",
  "presaleText",
  "refund",
  "bool",
] as const;
export type NormalizerName = (typeof NORMALIZER_NAMES)[number];

export type RawValue = string | number | boolean | null | undefined | object;

export interface NormalizeEnv {
  /** The page's clock, for countdowns ("发货剩余5小时") and dates shown without a year. */
  nowMs: number;
}

export interface PresaleState {
  depositPaid: boolean;
  balancePaid: boolean;
  balanceDueAt?: string;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;
const MINUTE = 60_000;

const DAY_MS = 86_400_000;
/** Latest epoch ms with a 4-digit year (9999-12-31T23:59:59.999Z). */
const MAX_FOUR_DIGIT_YEAR_MS = 253_402_300_799_999;

/** The characters of "2026-11-23T" by day number since 1970 (bounded): the orders of one list fall on a few days. */
const isoDayPrefixes = new Map<number, number[]>();

/**
 * `new Date(ms).toISOString()` for whole ms in 1970–9999 (every order time), with the date part formatted once per
 * day: toISOString costs ~1.5 µs a call, about a fifth of normalising a whole row, and a list's times share days.
 * Built with one String.fromCharCode, so the result is a flat string (a template literal gives a tree of pieces
 * that the rules' timestamp parser then has to flatten). Anything else (negative, fractional, out of range, NaN)
 * goes to toISOString itself, errors included.
 */
export function isoFromEpochMs(ms: number): string {
  if (!(ms >= 0 && ms <= MAX_FOUR_DIGIT_YEAR_MS) || !Number.isInteger(ms)) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  let d = isoDayPrefixes.get(day);
  if (d === undefined) {
    if (isoDayPrefixes.size >= 1000) isoDayPrefixes.clear();
    const prefix = new Date(day * DAY_MS).toISOString();
    d = Array.from({ length: 11 }, (_, i) => prefix.charCodeAt(i));
    isoDayPrefixes.set(day, d);
  }
  let rest = ms - day * DAY_MS;
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / MINUTE);
  rest -= minute * MINUTE;
  const second = Math.floor(rest / 1000);
  const milli = rest - second * 1000;
  return String.fromCharCode(
    d[0] as number,
    d[1] as number,
    d[2] as number,
    d[3] as number,
    d[4] as number,
    d[5] as number,
    d[6] as number,
    d[7] as number,
    d[8] as number,
    d[9] as number,
    d[10] as number,
    48 + Math.floor(hour / 10),
    48 + (hour % 10),
    58, // :
    48 + Math.floor(minute / 10),
    48 + (minute % 10),
    58,
    48 + Math.floor(second / 10),
    48 + (second % 10),
    46, // .
    48 + Math.floor(milli / 100),
    48 + (Math.floor(milli / 10) % 10),
    48 + (milli % 10),
    90, // Z
  );
}

/**
 * Every pattern is compiled once here: a regex literal inside a function makes a new RegExp object each time it
 * runs (cheap once optimised, but not while a freshly started service worker still interprets this code).
 */
const WHITESPACE = /\s/;
const WHITESPACE_RUNS = /\s+/g;
const THOUSANDS_SEPARATOR = /[,，](?=\d{3}\b)/g;
const DECIMAL = /-?\d+(?:\.\d+)?/;
const DIGITS = /\d+/;
const ISO_WITH_ZONE = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}.*(?:Z|[+-]\d{2}:?\d{2})$/;
const EPOCH_DIGITS = /^\d{10}(\d{3})?$/;
const FULL_DATE = /\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}/;
const OVERDUE = /超时|超过|逾期|已过/;
const STATUS_NAME = /^(unpaid|paid|shipped|completed|closed|unknown)$/;
const DEPOSIT_PAID = /定金已付|已付定金|待付尾款|付尾款|待支付尾款/;
const BALANCE_PAID = /尾款已付|已付尾款/;
const REFUND_NAME = /^(none|requested|in-progress|done)$/;
const REFUND_DONE = /退款成功|已退款|退款完成|售后完成/;
const REFUND_REQUESTED = /申请退款|待处理|待商家处理/;
const REFUND_IN_PROGRESS = /退款中|售后中|处理中|退货中|退款/;
const REFUND_NONE = /无售后|无退款/;

/** Placeholders pages print for "nothing": 拼多多 （空）, 千牛 "-". */
const EMPTY_MARKERS = new Set(["-", "--", "—", "——", "（空）", "(空)", "空", "无", "暂无", "null", "undefined"]);

function asString(raw: RawValue): string {
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

const DATE_TIME =
  /(?:(\d{4})[-/.年])?(\d{1,2})[-/.月](\d{1,2})日?(?:[\sT]+(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2}))?)?/;

/**
 * Date-times as the back offices show them, in China time without a zone ("创建时间：2026-11-23 14:25:00",
 * "2026/11/23 14:25", "11-23 09:05" = this year), ISO strings with a zone, or epoch seconds/ms → ISO (UTC).
 */
export function normalizeDateTime(raw: RawValue, env: NormalizeEnv): string | undefined {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw) || raw <= 0) return undefined;
    const date = new Date(raw < 1e11 ? raw * 1000 : raw);
    const ms = date.getTime();
    return Number.isNaN(ms) ? undefined : isoFromEpochMs(ms);
  }
  const text = asString(raw).trim();
  if (!text) return undefined;
  // Each pattern needs a "T" or exactly 10/13 characters: most page text skips both regexes on these checks.
  if (text.includes("T") && ISO_WITH_ZONE.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : isoFromEpochMs(ms);
  }
  if ((text.length === 10 || text.length === 13) && EPOCH_DIGITS.test(text)) {
    return normalizeDateTime(Number(text), env);
  }
  const m = text.match(DATE_TIME);
  if (!m) return undefined;
  const year = m[1] ? Number(m[1]) : new Date(env.nowMs + CHINA_OFFSET_MS).getUTCFullYear();
  const month = Number(m[2] ?? 0);
  const day = Number(m[3] ?? 0);
  const hour = Number(m[4] ?? 0);
  const minute = Number(m[5] ?? 0);
  const second = Number(m[6] ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second) - CHINA_OFFSET_MS;
  return Number.isNaN(ms) ? undefined : isoFromEpochMs(ms);
}

/**
 * Countdowns next to the ship deadline: "发货剩余46小时26分", "剩余 1天2小时", "还剩30分钟", "已超时3小时5分" → the
 * deadline as ISO, counted from the page's clock. A text holding a date-time is read as that date-time.
 */
export function normalizeCountdown(raw: RawValue, env: NormalizeEnv): string | undefined {
  const shown = asString(raw);
  // A full date-time wins ("最晚出库：2026-11-25 15:11:00", "2026-11-25 11:01:00（剩余43小时1分）").
  if (FULL_DATE.test(shown)) return normalizeDateTime(shown, env);
  const text = WHITESPACE.test(shown) ? shown.replace(WHITESPACE_RUNS, "") : shown;
  if (!text) return undefined;
  const parts = countdownParts(text);
  if (parts.day === undefined && parts.hour === undefined && parts.minute === undefined) {
    return normalizeDateTime(shown, env);
  }
  const minutes = Number(parts.day ?? 0) * 1440 + Number(parts.hour ?? 0) * 60 + Number(parts.minute ?? 0);
  const overdue = OVERDUE.test(text);
  return isoFromEpochMs(env.nowMs + (overdue ? -minutes : minutes) * MINUTE);
}

/**
 * A run of digits and its unit: 天/日 (day), 小时/时/h (hour), 分钟/分/min/m-not-followed-by-s (minute). For each
 * unit, the first run followed by it is what `/(\d+)(?:天|日)/`, `/(\d+)(?:小时|时|h)/i` and
 * `/(\d+)(?:分钟|分|min|m(?!s))/i` would capture: the units start with different characters, so one scan finds all
 * three (a regex, native even while this code is still cold).
 */
const COUNTDOWN_PART = /(\d+)(?:(天|日)|(小时|时|h)|(分钟|分|min|m(?!s)))/gi;

function countdownParts(text: string): { day?: string; hour?: string; minute?: string } {
  const parts: { day?: string; hour?: string; minute?: string } = {};
  COUNTDOWN_PART.lastIndex = 0;
  for (let m = COUNTDOWN_PART.exec(text); m; m = COUNTDOWN_PART.exec(text)) {
    if (m[2] !== undefined) parts.day ??= m[1];
    else if (m[3] !== undefined) parts.hour ??= m[1];
    else parts.minute ??= m[1];
  }
  return parts;
}

const SKU_KEY = /([^\s;；,，/|：:]+)\s*[：:]\s*/g;
const SKU_TRIM = /^[\s;；,，/|]+|[\s;；,，/|]+$/g;

/**
 * SKU text → properties: "颜色分类：黑色;尺码：XL", "颜色分类：白色，长度：2米", "颜色：军绿色 / 尺码：XL",
 * "颜色：白色 容量：1.2L". Text without any "key：" is kept whole under 规格.
 */
export function normalizeSkuProps(raw: RawValue): Record<string, string> {
  if (raw && typeof raw === "object" && !Array.isArray(raw)) {
    const out: Record<string, string> = {};
    for (const [k, value] of Object.entries(raw)) {
      const text = normalizeText(value as RawValue);
      if (k.trim() && text) out[k.trim()] = text;
    }
    return out;
  }
  if (typeof raw !== "string") return skuPropsOfText(raw);
  // A shop's SKU texts repeat across its orders: each is split once (bounded); every caller gets its own copy.
  let props = skuPropsByText.get(raw);
  if (props === undefined) {
    if (skuPropsByText.size >= 2000) skuPropsByText.clear();
    props = skuPropsOfText(raw);
    skuPropsByText.set(raw, { ...props });
    return props;
  }
  return { ...props };
}

const skuPropsByText = new Map<string, Readonly<Record<string, string>>>();

function skuPropsOfText(raw: RawValue): Record<string, string> {
  const text = normalizeText(raw);
  const out: Record<string, string> = {};
  if (!text) return out;
  SKU_KEY.lastIndex = 0;
  let key = SKU_KEY.exec(text);
  if (!key) return { 规格: text };
  while (key) {
    const start = key.index + key[0].length;
    const next = SKU_KEY.exec(text);
    const value = trimSkuValue(text.slice(start, next ? next.index : text.length));
    const name = key[1] ?? "";
    if (name && value) out[name] = value;
    key = next;
  }
  return out;
}

/** A separator at either end of a SKU value (what SKU_TRIM removes); values without one skip the replace. */
const SKU_EDGE = /^[\s;；,，/|]|[\s;；,，/|]$/;

function trimSkuValue(value: string): string {
  return SKU_EDGE.test(value) ? value.replace(SKU_TRIM, "") : value;
}

const FLAG_WORDS: [RegExp, FlagColor][] = [
  [/red|红|^1$/i, "red"],
  [/yellow|黄|^2$/i, "yellow"],
  [/green|绿|^3$/i, "green"],
  [/blue|蓝|^4$/i, "blue"],
  [/purple|pink|紫|粉|^5$/i, "purple"],
  [/none|grey|gray|灰|^0$/i, "none"],
];

function flagByWords(text: string): FlagColor | undefined {
  for (const [pattern, colour] of FLAG_WORDS) if (pattern.test(text)) return colour;
  return undefined;
}

/**
 * What FLAG_WORDS gives for the words the profiles' `flag-(\w+)` captures and the pages print most, worked out
 * from FLAG_WORDS itself at load: one lookup instead of up to six pattern tests per row.
 */
const FLAG_BY_EXACT_WORD = new Map(
  ["none", "red", "yellow", "green", "blue", "purple", "pink", "grey", "gray", "0", "1", "2", "3", "4", "5"].map(
    (word) => [word, flagByWords(word)] as const,
  ),
);

/** Memo flag: "flag-red", "红旗", "red", 1 (淘宝 numbering 0 grey … 5 purple) → FlagColor. */
export function normalizeFlagColor(raw: RawValue): FlagColor | undefined {
  const text = asString(raw).trim();
  if (!text) return undefined;
  return FLAG_BY_EXACT_WORD.has(text) ? FLAG_BY_EXACT_WORD.get(text) : flagByWords(text);
}

const STATUS_WORDS: [RegExp, OrderStatus][] = [
  [/关闭|取消|closed|cancel/i, "closed"],
  [/交易成功|已完成|已签收|交易完成|completed/i, "completed"],
  [/尾款|待付款|待支付|等待买家付款|未付款|unpaid/i, "unpaid"],
  [/已发货|待收货|确认收货|待签收|运输中|配送中|shipped/i, "shipped"],
  [/已付款|待发货|等待出库|备货中|等待卖家发货|待出库|paid/i, "paid"],
];

/** The platform's status words → OrderStatus ("unknown" when nothing fits). */
export function normalizeStatusText(raw: RawValue): OrderStatus {
  if (typeof raw !== "string") return statusOfText(raw);
  // A list shows a handful of status texts on every row: each is worked out once (bounded, as the team's words vary).
  let status = statusByText.get(raw);
  if (status === undefined) {
    if (statusByText.size >= 200) statusByText.clear();
    status = statusOfText(raw);
    statusByText.set(raw, status);
  }
  return status;
}

const statusByText = new Map<string, OrderStatus>();

function statusOfText(raw: RawValue): OrderStatus {
  const text = normalizeText(raw);
  if (STATUS_NAME.test(text)) return text as OrderStatus;
  for (const [pattern, status] of STATUS_WORDS) if (pattern.test(text)) return status;
  return "unknown";
}

/** Presale state from status words ("定金已付，等待买家付尾款", "预售·定金已付") or a JSON object. */
export function normalizePresale(raw: RawValue, env: NormalizeEnv): PresaleState | undefined {
  if (raw && typeof raw === "object" && !Array.isArray(raw)) {
    const o = raw as Record<string, unknown>;
    if (typeof o.depositPaid !== "boolean" || typeof o.balancePaid !== "boolean") return undefined;
    const state: PresaleState = { depositPaid: o.depositPaid, balancePaid: o.balancePaid };
    const due = normalizeDateTime(o.balanceDueAt as RawValue, env);
    if (due) state.balanceDueAt = due;
    return state;
  }
  const text = normalizeText(raw);
  if (DEPOSIT_PAID.test(text)) return { depositPaid: true, balancePaid: false };
  if (BALANCE_PAID.test(text)) return { depositPaid: true, balancePaid: true };
  return undefined;
}

/** Refund words → the Order's refund state; "" or unknown words → undefined. */
export function normalizeRefund(raw: RawValue): "none" | "requested" | "in-progress" | "done" | undefined {
  const text = normalizeText(raw);
  if (!text) return undefined;
  if (REFUND_NAME.test(text)) return text as "none" | "requested" | "in-progress" | "done";
  if (REFUND_DONE.test(text)) return "done";
  if (REFUND_REQUESTED.test(text)) return "requested";
  if (REFUND_IN_PROGRESS.test(text)) return "in-progress";
  if (REFUND_NONE.test(text)) return "none";
  return undefined;
}

/** true/1/是/present → true; false/0/否/"" → false. */
export function normalizeBool(raw: RawValue): boolean {
  if (typeof raw === "boolean") return raw;
  if (typeof raw === "number") return raw !== 0;
  const text = normalizeText(raw).toLowerCase();
  return text !== "" && !["0", "false", "否", "no", "n"].includes(text);
}

/** A normaliser as a function of the raw value and the page's clock. */
export type Normalizer = (raw: RawValue, env: NormalizeEnv) => unknown;

// The functions themselves (they take the clock as their second argument or ignore it): no wrapper call per value.
const NORMALIZERS: Record<NormalizerName, Normalizer> = {
  text: normalizeText,
  raw: (raw) => (typeof raw === "object" && raw !== null ? raw : asString(raw)),
  price: normalizePrice,
  int: normalizeInt,
  datetime: normalizeDateTime,
  countdown: normalizeCountdown,
  skuProps: normalizeSkuProps,
  flagColor: normalizeFlagColor,
  statusText: normalizeStatusText,
  presaleText: normalizePresale,
  refund: normalizeRefund,
  bool: normalizeBool,
};
const UNKNOWN_NORMALIZER: Normalizer = () => undefined;

/**
 * The named normaliser as a function (the default is `text`; a name that is not a normaliser gives undefined for
 * every value), so callers that apply the same one to many rows look the name up once.
 */
export function normalizerFor(name: NormalizerName | undefined): Normalizer {
  const key = name ?? "text";
  // Names come from team profiles and page messages: only an own key that is a string names a normaliser.
  return typeof key === "string" && Object.hasOwn(NORMALIZERS, key) ? NORMALIZERS[key] : UNKNOWN_NORMALIZER;
}

/** Applies the named normaliser; the default is `text`. */
export function normalizeValue(name: NormalizerName | undefined, raw: RawValue, env: NormalizeEnv): unknown {
  return normalizerFor(name)(raw, env);
}
