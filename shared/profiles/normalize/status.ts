/** The platforms' status words → the Order's status, presale (定金/尾款) state and refund state. */
import type { OrderStatus } from "../../model.ts";
import { normalizeDateTime } from "./dates.ts";
import { normalizeText } from "./text.ts";
import type { NormalizeEnv, RawValue } from "./types.ts";

export interface PresaleState {
  depositPaid: boolean;
  balancePaid: boolean;
  balanceDueAt?: string;
}

const STATUS_NAME = /^(unpaid|paid|shipped|completed|closed|unknown)$/;
const DEPOSIT_PAID = /定金已付|已付定金|待付尾款|付尾款|待支付尾款/;
const BALANCE_PAID = /尾款已付|已付尾款/;
const REFUND_NAME = /^(none|requested|in-progress|done)$/;
const REFUND_DONE = /退款成功|已退款|退款完成|售后完成/;
const REFUND_REQUESTED = /申请退款|待处理|待商家处理/;
const REFUND_IN_PROGRESS = /退款中|售后中|处理中|退货中|退款/;
const REFUND_NONE = /无售后|无退款/;

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

/** The status words applied to one raw value, uncached (the reference for normalizeStatusText's per-text cache). */
export function statusOfText(raw: RawValue): OrderStatus {
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
