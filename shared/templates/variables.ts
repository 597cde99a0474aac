/**
 * Script variables (话术变量): the canonical Chinese names, their accepted aliases, and how an order fills them.
 */
import type { Order } from "../model.ts";

export const VARIABLE_NAMES = [
  "买家",
  "订单号",
  "商品",
  "规格",
  "收货人",
  "收货地址",
  "手机",
  "付款金额",
  "最晚发货",
  "店铺",
  "客服",
  "日期",
] as const;
export type VariableName = (typeof VARIABLE_NAMES)[number];
export type VariableValues = Partial<Record<VariableName, string>>;

/** Aliases (case-insensitive for Latin) → canonical name. The canonical names map to themselves. */
const ALIASES: Record<string, VariableName> = {
  买家昵称: "买家",
  旺旺: "买家",
  buyer: "买家",
  buyernick: "买家",
  订单编号: "订单号",
  order: "订单号",
  orderid: "订单号",
  orderno: "订单号",
  宝贝: "商品",
  商品名称: "商品",
  item: "商品",
  product: "商品",
  sku: "规格",
  spec: "规格",
  颜色尺码: "规格",
  receiver: "收货人",
  consignee: "收货人",
  地址: "收货地址",
  address: "收货地址",
  电话: "手机",
  手机号: "手机",
  phone: "手机",
  mobile: "手机",
  金额: "付款金额",
  实付: "付款金额",
  实付金额: "付款金额",
  amount: "付款金额",
  total: "付款金额",
  发货时间: "最晚发货",
  最晚发货时间: "最晚发货",
  shipdeadline: "最晚发货",
  deadline: "最晚发货",
  店名: "店铺",
  shop: "店铺",
  store: "店铺",
  客服名: "客服",
  agent: "客服",
  今天: "日期",
  date: "日期",
  today: "日期",
};
for (const name of VARIABLE_NAMES) ALIASES[name] = name;

/** The canonical variable for a placeholder name or alias, or undefined when unknown. */
export function resolveVariable(name: string): VariableName | undefined {
  const key = name
    .trim()
    .replace(/[\s_-]/g, "")
    .toLowerCase();
  return Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined;
}

/** Accepts values keyed by canonical names or aliases; later keys do not override earlier canonical ones. */
export function canonicalValues(values: Readonly<Record<string, unknown>> | undefined): VariableValues {
  const out: VariableValues = {};
  if (!values) return out;
  for (const [key, value] of Object.entries(values)) {
    const name = resolveVariable(key);
    if (!name || value === undefined || value === null) continue;
    const text = String(value);
    if (text.trim() === "") continue;
    if (out[name] === undefined || key === name) out[name] = text;
  }
  return out;
}

export interface OrderVariableContext {
  shop?: string;
  agent?: string;
  /** "Now" for {日期}, epoch ms (default Date.now()). */
  now?: number;
}

/** Dates in the shops' own time zone (China Standard Time, UTC+8, no daylight saving). */
function chinaDate(epochMs: number, withTime: boolean): string {
  const d = new Date(epochMs + 8 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return withTime ? `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : date;
}

function money(amount: number): string {
  return Number.isFinite(amount) ? String(Number(amount.toFixed(2))) : "";
}

/** The variables an order provides. Fields the order lacks are left out, so rendering reports them missing. */
export function orderToVariables(order: Order, context: OrderVariableContext = {}): VariableValues {
  const items = order.items ?? [];
  const specs = items
    .map((item) =>
      Object.values(item.skuProps ?? {})
        .filter(Boolean)
        .join(" "),
    )
    .filter((spec) => spec !== "");
  const deadline = order.shipDeadline ? Date.parse(order.shipDeadline) : Number.NaN;
  const raw: Record<VariableName, string | undefined> = {
    买家: order.buyer,
    订单号: order.id,
    商品: items
      .map((item) => item.title)
      .filter(Boolean)
      .join("、"),
    规格: specs.join(";"),
    收货人: order.receiver?.name,
    收货地址: order.receiver?.address,
    手机: order.receiver?.phone,
    付款金额: money(order.total),
    最晚发货: Number.isFinite(deadline) ? chinaDate(deadline, true) : undefined,
    店铺: context.shop,
    客服: context.agent,
    日期: chinaDate(context.now ?? Date.now(), false),
  };
  const out: VariableValues = {};
  for (const name of VARIABLE_NAMES) {
    const value = raw[name]?.trim();
    if (value) out[name] = value;
  }
  return out;
}
