/** Short Chinese names of the order rules and severities, for badges, the panel and memo reasons. */
import type { RuleId } from "../../../shared/orders/settings.ts";
import type { Severity } from "../../../shared/orders/types.ts";

export const RULE_LABELS: Record<RuleId, string> = {
  "missing-receiver": "缺收货人",
  "missing-phone": "缺电话",
  "missing-address": "缺地址",
  "phone-invalid": "电话无效",
  "phone-masked": "电话打码",
  "phone-virtual": "虚拟号",
  "address-incomplete": "地址不全",
  "remote-area": "偏远地区",
  "out-of-coverage": "超区",
  "memo-sku-conflict": "留言与规格不符",
  "address-changed": "改过地址",
  "message-keyword": "留言关键词",
  "ship-due-soon": "即将超时",
  "ship-overdue": "发货超时",
  "unpaid-reminder": "待催付",
  "refund-active": "退款中",
  "presale-balance": "预售尾款",
  mergeable: "可合并",
  "duplicate-order": "疑似重复",
  "price-over-limit": "改价超限",
  blacklist: "黑名单",
  "high-value": "大额订单",
  "high-quantity": "数量大",
};

export const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];
export const SEVERITY_LABELS: Record<Severity, string> = { error: "严重", warning: "注意", info: "提示" };
export const SEVERITY_ICONS: Record<Severity, string> = { error: "✖", warning: "⚠", info: "ℹ" };

export function ruleLabel(rule: string): string {
  return (RULE_LABELS as Record<string, string>)[rule] ?? rule;
}
