/**
 * The overlay's page-level UI (one shadow root): the summary pill in the bottom-left corner and the panel that opens
 * from a badge with the order's warnings and one-click copy actions. Preact renders every page-derived string
 * as text.
 */
import type { OrderWarning } from "../../../shared/orders/types.ts";
import { ruleLabel, SEVERITY_ICONS, SEVERITY_LABELS, SEVERITY_ORDER } from "./labels.ts";
import type { ActionText } from "./scripts.ts";

/** One button: its label and the text it copies (built by the background, see scripts.ts). */
export type PanelAction = ActionText;

export interface OpenPanel {
  orderId: string;
  warnings: OrderWarning[];
  actions: PanelAction[];
  /** Where the badge is, in viewport coordinates. */
  top: number;
  left: number;
}

export interface OverlayState {
  summary: { orders: number; needAction: number; bySeverity: Record<string, number> };
  panel?: OpenPanel;
  copied?: { actionId: string; text: string; ok: boolean };
}

/** Compact (one rule a line, no optional spaces): it ships in every seller page's content script. */
export const OVERLAY_CSS = `
.kefu{font:13px/1.5 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;color:#1f2937}
.summary{position:fixed;left:12px;bottom:12px;background:#fff;border:1px solid #e5e7eb;border-radius:999px;box-shadow:0 2px 8px rgba(0,0,0,.15);padding:1px 10px;font-size:12px;pointer-events:auto}
.summary.ok{border-color:#99f6e4}
.summary b{color:#dc2626}
.summary .next{margin:0 -6px 0 6px}
.panel{position:fixed;width:380px;max-height:60vh;overflow:auto;background:#fff;border:1px solid #d1d5db;border-radius:8px;box-shadow:0 6px 24px rgba(0,0,0,.2);padding:10px 12px;pointer-events:auto}
.panel header{display:flex;justify-content:space-between;align-items:center;font-weight:600;margin-bottom:6px}
.panel ul{list-style:none;margin:0;padding:0}
.panel li{border-top:1px solid #f3f4f6;padding:6px 0}
.panel .rule{font-weight:600;margin-right:6px}
.panel .rule.error{color:#dc2626}
.panel .rule.warning{color:#b45309}
.panel .rule.info{color:#2563eb}
.panel .msg{word-break:break-all}
.actions{display:flex;flex-wrap:wrap;gap:6px;margin-top:8px}
button{font:inherit;border:1px solid #d1d5db;background:#f9fafb;border-radius:6px;padding:2px 8px;cursor:pointer}
button:hover{background:#eef2ff}
textarea{width:100%;box-sizing:border-box;margin-top:8px;font:12px/1.5 inherit;min-height:64px}
.status{color:#0f766e;font-size:12px}
.status.fail{color:#b45309}
`;

/**
 * A small pill in the bottom-left corner (over the back offices' side nav, clear of the content's pagination and
 * the status chip on the right): the count and 下一个 only; the bilingual sentence and the counts by severity
 * are its tooltip.
 */
function Summary(props: { summary: OverlayState["summary"]; onNext(): void }) {
  const { orders, needAction, bySeverity } = props.summary;
  if (orders === 0) return null;
  const detail = SEVERITY_ORDER.filter((s) => (bySeverity[s] ?? 0) > 0)
    .map((s) => ` · ${SEVERITY_ICONS[s]} ${SEVERITY_LABELS[s]} ${bySeverity[s]}`)
    .join("");
  return (
    <div
      class={`summary${needAction === 0 ? " ok" : ""}`}
      data-kefu="order-summary"
      data-need-action={needAction}
      title={
        needAction > 0
          ? `${needAction} 个订单需要处理 · ${needAction} orders need action${detail}`
          : `${orders} 个订单已检查，无需处理 · ${orders} orders OK`
      }
    >
      {needAction > 0 ? <b>{needAction}</b> : `✓ ${orders}`}
      {needAction > 0 ? " 单待处理" : " 单无需处理"}
      {needAction > 1 ? (
        <button type="button" class="next" data-kefu-action="next-order" onClick={props.onNext}>
          下一个 ›
        </button>
      ) : null}
    </div>
  );
}

function Panel(props: {
  panel: OpenPanel;
  copied: OverlayState["copied"];
  onAction(action: PanelAction): void;
  onClose(): void;
}) {
  const { panel, copied } = props;
  const top = Math.max(8, Math.min(panel.top, window.innerHeight - 240));
  const left = Math.max(8, Math.min(panel.left, window.innerWidth - 396));
  return (
    <div
      class="panel"
      data-kefu="order-panel"
      data-order-id={panel.orderId}
      style={{ top: `${top}px`, left: `${left}px` }}
    >
      <header>
        <span>订单 {panel.orderId} · 审单提示 Order checks</span>
        <button type="button" data-kefu-action="close" onClick={props.onClose} aria-label="关闭 Close">
          ×
        </button>
      </header>
      <ul>
        {panel.warnings.map((w, i) => (
          <li key={`${w.rule}-${i}`} data-kefu-rule={w.rule} data-severity={w.severity}>
            <span class={`rule ${w.severity}`}>
              {SEVERITY_ICONS[w.severity]} {ruleLabel(w.rule)}
            </span>
            <span class="msg">{w.message}</span>
          </li>
        ))}
      </ul>
      <div class="actions">
        {panel.actions.map((action) => (
          <button
            type="button"
            key={action.id}
            data-kefu-action={action.id}
            title={`${action.label} · Copy to clipboard`}
            onClick={() => props.onAction(action)}
          >
            {action.label}
          </button>
        ))}
      </div>
      {copied ? (
        <div>
          <textarea readOnly data-kefu="copied-text" data-action={copied.actionId} value={copied.text} />
          <div class={`status${copied.ok ? "" : " fail"}`} data-kefu="copy-status">
            {copied.ok ? "已复制到剪贴板 · Copied" : "请选中上面的文字手动复制 · Select and copy the text above"}
          </div>
        </div>
      ) : null}
    </div>
  );
}

export function OverlayView(props: {
  state: OverlayState;
  onAction(action: PanelAction): void;
  onClose(): void;
  onNext(): void;
}) {
  return (
    <div class="kefu">
      <Summary summary={props.state.summary} onNext={props.onNext} />
      {props.state.panel ? (
        <Panel
          panel={props.state.panel}
          copied={props.state.copied}
          onAction={props.onAction}
          onClose={props.onClose}
        />
      ) : null}
    </div>
  );
}
