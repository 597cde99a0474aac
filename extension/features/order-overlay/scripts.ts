/**
 * The overlay's one-click texts: the 催付 / 核对地址 scripts filled with one order (the team's phrase when the
 * library has one, else a built-in text) and a seller memo stamped with agent and date (buildMemo, seed 002).
 */
import type { Order } from "../../../shared/model.ts";
import { type BuiltMemo, buildMemo, type MemoKind } from "../../../shared/orders/memo.ts";
import type { OrderWarning } from "../../../shared/orders/types.ts";
import { renderTemplate } from "../../../shared/templates/template.ts";
import { orderToVariables } from "../../../shared/templates/variables.ts";
import { ruleLabel } from "./labels.ts";

export const BUILTIN_SCRIPTS: Record<string, string> = {
  催付: "亲，您好，看到您拍下的{商品}还没有付款，是支付上遇到问题了吗？需要帮忙随时找我，付款后我们会尽快为您安排发货。",
  核对地址:
    "亲，跟您核对一下订单{订单号}的收货信息：{收货人}，{手机}，{收货地址}。信息无误请回复“对”，需要修改请直接告诉我哦。",
};

export interface ScriptContext {
  agent: string;
  shop: string;
  nowMs: number;
}

/** Fills a script with the order; placeholders the order cannot fill are dropped (never left as "{…}"). */
export function fillScript(template: string, order: Order, context: ScriptContext): string {
  const values = orderToVariables(order, { agent: context.agent, shop: context.shop, now: context.nowMs });
  return renderTemplate(template, values).text;
}

/** Memo kind by the order's state, following seed 002's flag convention. */
function memoKind(order: Order, warnings: readonly OrderWarning[]): MemoKind {
  if (warnings.some((w) => w.rule === "price-over-limit")) return "price-change";
  if (order.refund === "requested" || order.refund === "in-progress") return "after-sale";
  if (order.status === "shipped" || order.status === "completed") return "shipped";
  return "unshipped";
}

/** A memo naming what the agent checked on this order, stamped with agent and China date. */
export function memoFor(order: Order, warnings: readonly OrderWarning[], agent: string, nowMs: number): BuiltMemo {
  const reasons = [...new Set(warnings.map((w) => ruleLabel(w.rule)))];
  const reason = reasons.length > 0 ? `已核对：${reasons.join("、")}` : "已核对订单";
  return buildMemo({ kind: memoKind(order, warnings), reason, agent: agent || "客服", date: new Date(nowMs) });
}
