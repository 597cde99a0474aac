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

/** Placeholders pages print for "nothing": 拼多多 （空）, 千牛 "-". */
const EMPTY_MARKERS = new Set(["-", "--", "—", "——", "（空）", "(空)", "空", "无", "暂无", "null", "undefined"]);

function asString(raw: RawValue): string {
  if (raw === null || raw === undefined) return "";
  if (typeof raw === "string") return raw;
  if (typeof raw === "number" || typeof raw === "boolean") return String(raw);
  return "";
}

/** Trimmed text with runs of whitespace collapsed; placeholders for "nothing" become "". */
export function normalizeText(raw: RawValue): string {
  const text = asString(raw).replace(/\s+/g, " ").trim();
  return EMPTY_MARKERS.has(text) ? "" : text;
}

/** "¥1,299.00", "￥39.9", "39.90元", 39.9 → 元 as a number. */
export function normalizePrice(raw: RawValue): number | undefined {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : undefined;
  const match = asString(raw)
    .replace(/[,，](?=\d{3}\b)/g, "")
    .match(/-?\d+(?:\.\d+)?/);
  if (!match) return undefined;
  const value = Number(match[0]);
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : undefined;
}

/** "×2", "x 3", "2件", 2 → integer. */
export function normalizeInt(raw: RawValue): number | undefined {
  if (typeof raw === "number") return Number.isInteger(raw) ? raw : undefined;
  const match = asString(raw).match(/\d+/);
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
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  }
  const text = asString(raw).trim();
  if (!text) return undefined;
  if (/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}.*(?:Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
  }
  if (/^\d{10}(\d{3})?$/.test(text)) return normalizeDateTime(Number(text), env);
  const m = text.match(DATE_TIME);
  if (!m) return undefined;
  const chinaNow = new Date(env.nowMs + CHINA_OFFSET_MS);
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

/**
 * Countdowns next to the ship deadline: "发货剩余46小时26分", "剩余 1天2小时", "还剩30分钟", "已超时3小时5分" → the
 * deadline as ISO, counted from the page's clock. A text holding a date-time is read as that date-time.
 */
export function normalizeCountdown(raw: RawValue, env: NormalizeEnv): string | undefined {
  const shown = asString(raw);
  // A full date-time wins ("最晚出库：2026-11-25 15:11:00", "2026-11-25 11:01:00（剩余43小时1分）").
  if (/\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}/.test(shown)) return normalizeDateTime(shown, env);
  const text = shown.replace(/\s+/g, "");
  if (!text) return undefined;
  const parts = {
    day: text.match(/(\d+)(?:天|日)/),
    hour: text.match(/(\d+)(?:小时|时|h)/i),
    minute: text.match(/(\d+)(?:分钟|分|min|m(?!s))/i),
  };
  if (!parts.day && !parts.hour && !parts.minute) return normalizeDateTime(shown, env);
  const minutes =
    Number(parts.day?.[1] ?? 0) * 1440 + Number(parts.hour?.[1] ?? 0) * 60 + Number(parts.minute?.[1] ?? 0);
  const overdue = /超时|超过|逾期|已过/.test(text);
  return new Date(env.nowMs + (overdue ? -minutes : minutes) * MINUTE).toISOString();
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
  const text = normalizeText(raw);
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

const FLAG_WORDS: [RegExp, FlagColor][] = [
  [/red|红|^1$/i, "red"],
  [/yellow|黄|^2$/i, "yellow"],
  [/green|绿|^3$/i, "green"],
  [/blue|蓝|^4$/i, "blue"],
  [/purple|pink|紫|粉|^5$/i, "purple"],
  [/none|grey|gray|灰|^0$/i, "none"],
];

/** Memo flag: "flag-red", "红旗", "red", 1 (淘宝 numbering 0 grey … 5 purple) → FlagColor. */
export function normalizeFlagColor(raw: RawValue): FlagColor | undefined {
  const text = asString(raw).trim();
  if (!text) return undefined;
  for (const [pattern, colour] of FLAG_WORDS) if (pattern.test(text)) return colour;
  return undefined;
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
  const text = normalizeText(raw);
  if (/^(unpaid|paid|shipped|completed|closed|unknown)$/.test(text)) return text as OrderStatus;
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
  if (/定金已付|已付定金|待付尾款|付尾款|待支付尾款/.test(text)) return { depositPaid: true, balancePaid: false };
  if (/尾款已付|已付尾款/.test(text)) return { depositPaid: true, balancePaid: true };
  return undefined;
}

/** Refund words → the Order's refund state; "" or unknown words → undefined. */
export function normalizeRefund(raw: RawValue): "none" | "requested" | "in-progress" | "done" | undefined {
  const text = normalizeText(raw);
  if (!text) return undefined;
  if (/^(none|requested|in-progress|done)$/.test(text)) return text as "none" | "requested" | "in-progress" | "done";
  if (/退款成功|已退款|退款完成|售后完成/.test(text)) return "done";
  if (/申请退款|待处理|待商家处理/.test(text)) return "requested";
  if (/退款中|售后中|处理中|退货中|退款/.test(text)) return "in-progress";
  if (/无售后|无退款/.test(text)) return "none";
  return undefined;
}

/** true/1/是/present → true; false/0/否/"" → false. */
export function normalizeBool(raw: RawValue): boolean {
  if (typeof raw === "boolean") return raw;
  if (typeof raw === "number") return raw !== 0;
  const text = normalizeText(raw).toLowerCase();
  return text !== "" && !["0", "false", "否", "no", "n"].includes(text);
}

/** Applies the named normaliser; the default is `text`. */
export function normalizeValue(name: NormalizerName | undefined, raw: RawValue, env: NormalizeEnv): unknown {
  switch (name ?? "text") {
    case "text":
      return normalizeText(raw);
    case "raw":
      return typeof raw === "object" && raw !== null ? raw : asString(raw);
    case "price":
      return normalizePrice(raw);
    case "int":
      return normalizeInt(raw);
    case "datetime":
      return normalizeDateTime(raw, env);
    case "countdown":
      return normalizeCountdown(raw, env);
    case "skuProps":
      return normalizeSkuProps(raw);
    case "flagColor":
      return normalizeFlagColor(raw);
    case "statusText":
      return normalizeStatusText(raw);
    case "presaleText":
      return normalizePresale(raw, env);
    case "refund":
      return normalizeRefund(raw);
    case "bool":
      return normalizeBool(raw);
  }
}
