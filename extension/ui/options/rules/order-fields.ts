/**
 * The order-check settings (`orderRules`, shared/orders/settings.ts) as form fields: Chinese names of the rules,
 * each setting under the rule it tunes, and the draft ⇄ section conversion. Only values that differ from the
 * defaults are saved, so a later improvement of a default reaches teams that never changed it.
 */
import * as v from "valibot";
import {
  DEFAULT_ORDER_RULE_SETTINGS,
  type OrderRuleSettings,
  OrderRuleSettingsSchema,
  parseOrderRuleSettings,
  RULE_IDS,
  type RuleId,
} from "../../../../shared/orders/settings.ts";
import type { JsonObject } from "../../../../shared/phrases/schema.ts";
import { sameJson } from "../../../../shared/phrases/settings-merge.ts";
import { type Built, fromLines, toLines } from "./section.tsx";

export const RULE_NAMES: Record<RuleId, string> = {
  "missing-receiver": "缺收货人",
  "missing-phone": "缺手机号",
  "missing-address": "缺收货地址",
  "phone-invalid": "手机号无效",
  "phone-masked": "手机号被打码",
  "phone-virtual": "虚拟号/隐私号",
  "address-incomplete": "地址不完整",
  "remote-area": "偏远地区",
  "out-of-coverage": "快递超区",
  "memo-sku-conflict": "留言/备注与规格不符",
  "address-changed": "买家改过地址",
  "message-keyword": "留言含关键词",
  "ship-due-soon": "即将超时发货",
  "ship-overdue": "已超时未发货",
  "unpaid-reminder": "未付款（催付）",
  "refund-active": "退款中",
  "presale-balance": "预售待付尾款",
  mergeable: "可合并发货",
  "duplicate-order": "疑似重复下单",
  "price-over-limit": "改价超限",
  blacklist: "黑名单买家",
  "high-value": "大额订单",
  "high-quantity": "数量异常多",
};

type Lists = "remoteAreas" | "messageKeywords" | "messageKeywordExceptions";
type Blacklist = "buyers" | "phones" | "addressKeywords";
type Numbers =
  | "shipWithinHours"
  | "shipDueSoonHours"
  | "unpaidReminderMinutes"
  | "priceChangeLimit"
  | "duplicateWindowMinutes"
  | "highValueTotal"
  | "highQuantity";
type Texts = "defaultCourier" | "unpaidScriptCode";

export type FieldSpec =
  | { key: Numbers; kind: "number"; label: string; unit: string }
  | { key: Texts; kind: "text"; label: string }
  | { key: Lists | `blacklist.${Blacklist}`; kind: "lines"; label: string }
  | { key: "courierCoverage"; kind: "couriers"; label: string };
export type FieldKey = FieldSpec["key"];

/** The settings each rule uses, shown under it. */
export const RULE_FIELDS: Partial<Record<RuleId, FieldSpec[]>> = {
  "remote-area": [{ key: "remoteAreas", kind: "lines", label: "偏远地区（省或省+市）· Remote areas" }],
  "out-of-coverage": [
    { key: "defaultCourier", kind: "text", label: "默认快递（订单未写快递时）· Default courier" },
    { key: "courierCoverage", kind: "couriers", label: "快递不派送的地区 · Courier coverage" },
  ],
  "message-keyword": [
    { key: "messageKeywords", kind: "lines", label: "留言关键词 · Message keywords" },
    { key: "messageKeywordExceptions", kind: "lines", label: "例外说法（含关键词但无特殊要求）· Exceptions" },
  ],
  "ship-due-soon": [{ key: "shipDueSoonHours", kind: "number", label: "距最晚发货不足 · Due within", unit: "小时" }],
  "ship-overdue": [
    { key: "shipWithinHours", kind: "number", label: "页面无期限时，付款后须发货 · Ship within", unit: "小时" },
  ],
  "unpaid-reminder": [
    { key: "unpaidReminderMinutes", kind: "number", label: "下单未付款超过 · Unpaid for", unit: "分钟" },
    { key: "unpaidScriptCode", kind: "text", label: "催付话术快捷码 · Script code" },
  ],
  "duplicate-order": [
    { key: "duplicateWindowMinutes", kind: "number", label: "同一买家同款下单间隔 · Within", unit: "分钟" },
  ],
  "price-over-limit": [{ key: "priceChangeLimit", kind: "number", label: "客服可自主改价上限 · Limit", unit: "元" }],
  blacklist: [
    { key: "blacklist.buyers", kind: "lines", label: "买家账号 · Buyers" },
    { key: "blacklist.phones", kind: "lines", label: "手机号 · Phones" },
    { key: "blacklist.addressKeywords", kind: "lines", label: "地址关键词 · Address keywords" },
  ],
  "high-value": [{ key: "highValueTotal", kind: "number", label: "订单金额达到 · Total at least", unit: "元" }],
  "high-quantity": [{ key: "highQuantity", kind: "number", label: "商品件数达到 · Quantity at least", unit: "件" }],
};
const ALL_FIELDS: FieldSpec[] = Object.values(RULE_FIELDS).flat();

export interface CourierRow {
  courier: string;
  /** Excluded regions, separated by 、，, or spaces. */
  excluded: string;
}
export interface OrderDraft {
  disabled: RuleId[];
  /** Numbers and texts as typed; lists one entry a line. */
  values: Record<Exclude<FieldKey, "courierCoverage">, string>;
  couriers: CourierRow[];
}

function fieldText(settings: OrderRuleSettings, key: Exclude<FieldKey, "courierCoverage">): string {
  if (key.startsWith("blacklist.")) return toLines(settings.blacklist[key.slice(10) as Blacklist] ?? []);
  const value = settings[key as Lists | Numbers | Texts];
  return Array.isArray(value) ? toLines(value) : String(value);
}
const splitRegions = (text: string) =>
  text
    .split(/[、，,\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);

export function orderDraftOf(settings: OrderRuleSettings): OrderDraft {
  const values = {} as OrderDraft["values"];
  for (const field of ALL_FIELDS) if (field.kind !== "couriers") values[field.key] = fieldText(settings, field.key);
  return {
    disabled: [...settings.disabledRules],
    values,
    couriers: settings.courierCoverage.map((row) => ({ courier: row.courier, excluded: row.excluded.join("、") })),
  };
}

/** The team's section read leniently: a hand-edited bad section shows the defaults (as the order checks do). */
export function orderDraftFromSection(raw: JsonObject | undefined): OrderDraft {
  try {
    return orderDraftOf(parseOrderRuleSettings(raw));
  } catch {
    return orderDraftOf(DEFAULT_ORDER_RULE_SETTINGS);
  }
}
export const DEFAULT_ORDER_DRAFT = orderDraftOf(DEFAULT_ORDER_RULE_SETTINGS);

const LABELS: Record<string, string> = {
  disabledRules: "停用的规则",
  ...Object.fromEntries(ALL_FIELDS.map((field) => [field.key.split(".")[0] ?? field.key, field.label.split(" · ")[0]])),
  blacklist: "黑名单",
};

/** The section to save (values differing from the defaults), validated with the order checks' own schema. */
export function buildOrderSection(draft: OrderDraft): Built {
  const full: Record<string, unknown> = { disabledRules: draft.disabled, blacklist: {} };
  for (const field of ALL_FIELDS) {
    if (field.kind === "couriers") {
      full.courierCoverage = draft.couriers
        .filter((row) => row.courier.trim() || row.excluded.trim())
        .map((row) => ({ courier: row.courier, excluded: splitRegions(row.excluded) }));
      continue;
    }
    const text = draft.values[field.key];
    if (field.kind === "number") {
      const number = text.trim() === "" ? Number.NaN : Number(text);
      if (!Number.isFinite(number)) return { error: `${field.label.split(" · ")[0]}：请填写数字 · enter a number` };
      full[field.key] = number;
    } else if (field.kind === "text") full[field.key] = text;
    else if (field.key.startsWith("blacklist."))
      (full.blacklist as Record<string, string[]>)[field.key.slice(10)] = fromLines(text);
    else full[field.key] = fromLines(text);
  }
  const parsed = v.safeParse(OrderRuleSettingsSchema, full);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = (issue && v.getDotPath(issue)) || "";
    const [head = "", ...rest] = path.split(".");
    const where = rest.length
      ? `（${rest.map((part) => (/^\d+$/.test(part) ? `第 ${Number(part) + 1} 项` : part)).join(" ")}）`
      : "";
    return { error: `审单规则 · ${LABELS[head] ?? head}${where}：${issue?.message ?? "无效 invalid"}` };
  }
  parseOrderRuleSettings(parsed.output); // the order checks' own parser accepts exactly what is saved
  const value: JsonObject = {};
  const defaults = DEFAULT_ORDER_RULE_SETTINGS as unknown as Record<string, unknown>;
  for (const [key, item] of Object.entries(parsed.output)) {
    if (key === "blacklist") {
      const changed = Object.fromEntries(
        Object.entries(item as Record<string, string[]>).filter(([, list]) => list.length > 0),
      );
      if (Object.keys(changed).length) value.blacklist = changed;
    } else if (!sameJson(item, defaults[key])) value[key] = item as JsonObject[string];
  }
  return { value };
}

export { RULE_IDS };
