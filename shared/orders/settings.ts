/**
 * Team settings for the order checks (the `orderRules` section of the team settings).
 * Defaults come from the training manuals (seeds 001/002) and common ERP practice; every list is editable.
 */
import * as v from "valibot";

export const RULE_IDS = [
  "missing-receiver",
  "missing-phone",
  "missing-address",
  "phone-invalid",
  "phone-masked",
  "phone-virtual",
  "address-incomplete",
  "remote-area",
  "out-of-coverage",
  "memo-sku-conflict",
  "address-changed",
  "message-keyword",
  "ship-due-soon",
  "ship-overdue",
  "unpaid-reminder",
  "refund-active",
  "presale-balance",
  "mergeable",
  "duplicate-order",
  "price-over-limit",
  "blacklist",
  "high-value",
  "high-quantity",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

const nonEmptyText = v.pipe(v.string(), v.trim(), v.minLength(1, "不能为空 must not be empty"));
const textList = v.array(nonEmptyText);
const nonNegative = v.pipe(v.number(), v.finite(), v.minValue(0, "不能为负数 must be ≥ 0"));

export const CourierCoverageSchema = v.object({
  /** Courier name as the team writes it (中通, 顺丰, 邮政…). */
  courier: nonEmptyText,
  /** Regions the courier does not deliver to: 省 ("西藏"), or 省+市 ("新疆喀什地区"). */
  excluded: textList,
});

export const OrderRuleSettingsSchema = v.object({
  disabledRules: v.optional(v.array(v.picklist(RULE_IDS)), []),
  /** Remote areas (偏远地区, usually no free shipping): 省 or 省+市 names, full or short. */
  remoteAreas: v.optional(textList, ["新疆", "西藏", "内蒙古", "宁夏", "青海", "甘肃"]),
  courierCoverage: v.optional(v.array(CourierCoverageSchema), []),
  /** Courier used when the order names none; its coverage decides `out-of-coverage`. */
  defaultCourier: v.optional(v.string(), ""),
  messageKeywords: v.optional(textList, [
    "改地址",
    "顺丰",
    "发票",
    "加急",
    "急",
    "备注",
    "换",
    "退款",
    "退货",
    "别发",
    "送人",
  ]),
  /**
   * Everyday phrases that contain a keyword but ask for nothing special: "别发错了" (send the right one) is
   * not "别发" (hold the parcel). A keyword inside one of these is not reported.
   */
  messageKeywordExceptions: v.optional(v.array(nonEmptyText), ["别发错", "别发漏"]),
  /** Paid orders must ship within this many hours when the page shows no deadline (淘宝 default 48 h). */
  shipWithinHours: v.optional(nonNegative, 48),
  shipDueSoonHours: v.optional(nonNegative, 6),
  unpaidReminderMinutes: v.optional(nonNegative, 30),
  /** Quick code of the team's 催付 script. */
  unpaidScriptCode: v.optional(nonEmptyText, "催付"),
  /** Agents may grant up to this many 元 off on their own (seed 002: 20 元); more needs a supervisor. */
  priceChangeLimit: v.optional(nonNegative, 20),
  duplicateWindowMinutes: v.optional(nonNegative, 60),
  blacklist: v.optional(
    v.object({
      buyers: v.optional(textList, []),
      phones: v.optional(textList, []),
      addressKeywords: v.optional(textList, []),
    }),
    {},
  ),
  highValueTotal: v.optional(nonNegative, 2000),
  highQuantity: v.optional(nonNegative, 10),
});

export type OrderRuleSettings = v.InferOutput<typeof OrderRuleSettingsSchema>;
export type OrderRuleSettingsInput = v.InferInput<typeof OrderRuleSettingsSchema>;

/** Thrown for settings that do not fit the schema; the message names every bad field. */
export class OrderRuleSettingsError extends Error {}

/** Validates the `orderRules` section (undefined/null → all defaults) and fills defaults. Throws on bad input. */
export function parseOrderRuleSettings(input: unknown): OrderRuleSettings {
  const result = v.safeParse(OrderRuleSettingsSchema, input ?? {});
  if (result.success) return result.output;
  const problems = result.issues.map((issue) => {
    const path = v.getDotPath(issue) ?? "(root)";
    return `${path}: ${issue.message}`;
  });
  throw new OrderRuleSettingsError(`审单设置无效 invalid order-rule settings: ${problems.join("; ")}`);
}

export const DEFAULT_ORDER_RULE_SETTINGS: OrderRuleSettings = parseOrderRuleSettings({});
