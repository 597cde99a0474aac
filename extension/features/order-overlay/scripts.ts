/**
 * The overlay's one-click texts: the 催付 / 核对地址 scripts filled with one order (the team's phrase when the
 * library has one, else a built-in text) and a seller memo stamped with agent and date (buildMemo, seed 002).
 * Built in the background, where the team's library is, when a panel opens (none of it ships in the page).
 */
import type { FlagColor, Order } from "../../../shared/model.ts";
import { type BuiltMemo, buildMemo, type MemoKind } from "../../../shared/orders/memo.ts";
import type { OrderRuleSettings } from "../../../shared/orders/settings.ts";
import type { OrderAction, OrderWarning } from "../../../shared/orders/types.ts";
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

/**
 * Fills a script with the order; placeholders the order cannot fill are dropped (never left as "{…}").
 * Whitespace inside each value is collapsed to single spaces: back offices pad address parts with runs of
 * (often full-width) spaces and line breaks, which read as typos once pasted into a chat message.
 */
export function fillScript(template: string, order: Order, context: ScriptContext): string {
  const values = orderToVariables(order, { agent: context.agent, shop: context.shop, now: context.nowMs });
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined) values[name as keyof typeof values] = value.replace(/\s+/g, " ");
  }
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

export const FLAG_NAMES: Record<FlagColor, string> = {
  none: "灰旗",
  red: "红旗",
  yellow: "黄旗",
  green: "绿旗",
  blue: "蓝旗",
  purple: "紫旗",
};

/** One button of the panel: what it says and the text it copies. */
export interface ActionText {
  id: string;
  label: string;
  text: string;
}

/** Label for a rule's own action (from shared/orders), named for what the button does here: copy. */
export function actionLabel(action: OrderAction): string {
  if (action.kind === "insert-script") return `复制${action.scriptCode ?? ""}话术`;
  if (action.kind === "copy-memo") return `复制备注（${FLAG_NAMES[action.flag ?? "none"]}）`;
  return action.label;
}

/** Rule memos are built without an agent ("客服"); stamp them with the signed-in agent's name. */
function restamp(text: string, agent: string): string {
  return agent ? text.replace(/ 客服\/(\d{4}-\d{2}-\d{2})$/, ` ${agent}/$1`) : text;
}

export interface ActionContext {
  settings: OrderRuleSettings;
  agent: string;
  shop: string;
  nowMs: number;
  /** The team's scripts by quick code (missing ones fall back to the built-in texts). */
  phrases: Record<string, string>;
}

/** The panel's buttons for one order: the rules' own actions first, then scripts by state and a memo. */
export function panelActions(order: Order, warnings: readonly OrderWarning[], ctx: ActionContext): ActionText[] {
  const actions: ActionText[] = [];
  const add = (action: ActionText) => {
    if (!actions.some((a) => a.id === action.id)) actions.push(action);
  };
  const script = (code: string) =>
    fillScript(ctx.phrases[code] ?? BUILTIN_SCRIPTS[code] ?? BUILTIN_SCRIPTS.催付 ?? "", order, ctx);
  for (const warning of warnings) {
    for (const action of warning.actions ?? []) {
      if (action.kind === "insert-script" && action.scriptCode) {
        add({ id: `script:${action.scriptCode}`, label: actionLabel(action), text: script(action.scriptCode) });
      } else if (action.kind === "copy-memo" && action.text) {
        add({ id: `memo:${warning.rule}`, label: actionLabel(action), text: restamp(action.text, ctx.agent) });
      } else if (action.text) {
        add({ id: `text:${warning.rule}`, label: action.label, text: action.text });
      }
    }
  }
  if (order.status === "unpaid") {
    const code = ctx.settings.unpaidScriptCode;
    add({ id: `script:${code}`, label: `复制${code}话术`, text: script(code) });
  }
  if (order.status === "unpaid" || order.status === "paid") {
    add({ id: "script:核对地址", label: "复制核对地址话术", text: script("核对地址") });
  }
  const memo = memoFor(order, warnings, ctx.agent, ctx.nowMs);
  add({ id: "memo", label: `复制备注（${FLAG_NAMES[memo.flag] ?? memo.flag}）`, text: memo.text });
  return actions;
}
