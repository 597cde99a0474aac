/**
 * The picker's UI: a list of matches, a small form for fill-in fields ({填写:…}, {选择:…}) and variables the page
 * could not fill, and the lint check before inserting. Rendered by Preact into a shadow root (page CSS kept out).
 * Keys for the list and the lint view are handled by the feature (focus stays in the page's box); the form has
 * its own inputs and handles Enter / Esc itself.
 */
import type { LintFinding } from "../../../shared/lint/lint.ts";
import type { PhraseWithKeys } from "../../../shared/search/types.ts";
import { FindingRow } from "./lint-panel.tsx";

export type FormField =
  | { kind: "text"; label: string; value: string; hint?: string }
  | { kind: "choice"; label: string; options: string[]; value: string };

export type PanelState =
  | { view: "list"; query: string; hits: PhraseWithKeys[]; selected: number; note?: string }
  | { view: "form"; phrase: PhraseWithKeys; fields: FormField[] }
  | { view: "lint"; phrase: PhraseWithKeys; text: string; findings: LintFinding[] };

export interface PanelProps {
  state: PanelState;
  onPick(index: number): void;
  onHover(index: number): void;
  onSubmitForm(values: Record<string, string>): void;
  onInsertAnyway(): void;
  onClose(): void;
}

/** Compact on purpose: this string ships in every seller page's content script. */
export const PANEL_CSS =
  ":host{all:initial}" +
  `.panel{position:fixed;z-index:2147483646;width:360px;max-height:320px;overflow:auto;box-sizing:border-box;background:#fff;color:#1f2937;border:1px solid #cbd5e1;border-radius:6px;box-shadow:0 6px 20px rgba(15,23,42,.18);font:13px/1.45 system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif}` +
  ".head{padding:4px 10px;font-size:12px;color:#64748b;border-bottom:1px solid #e2e8f0;display:flex;justify-content:space-between}" +
  ".item{padding:5px 10px;cursor:pointer;border-left:3px solid transparent}" +
  `.item[aria-selected="true"]{background:#eff6ff;border-left-color:#2563eb}` +
  ".code{color:#2563eb;font-weight:600;margin-right:6px}.title{font-weight:600}" +
  ".preview{color:#475569;font-size:12px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}" +
  ".note{padding:8px 10px;color:#64748b}form{padding:8px 10px;display:grid;gap:6px}" +
  "label{display:grid;gap:2px;font-size:12px;color:#334155}" +
  "input,select{font:inherit;padding:3px 6px;border:1px solid #cbd5e1;border-radius:4px}" +
  ".buttons{display:flex;gap:8px;justify-content:flex-end;padding:6px 10px 8px}" +
  "button{font:inherit;padding:3px 10px;border-radius:4px;border:1px solid #cbd5e1;background:#f8fafc;cursor:pointer}" +
  "button.primary{background:#2563eb;border-color:#2563eb;color:#fff}" +
  ".finding{padding:6px 10px;border-bottom:1px solid #f1f5f9}" +
  ".why{color:#475569;font-size:12px}.suggest{color:#15803d;font-size:12px}" +
  ".text{padding:6px 10px;white-space:pre-wrap;color:#334155;background:#f8fafc;font-size:12px}" +
  ".chip{width:auto;max-width:320px;padding:2px 8px;font-size:12px;color:#92400e;background:#fffbeb;border-color:#fcd34d}" +
  ".ctx{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}mark{background:#fee2e2;color:#b91c1c}" +
  ".suggest button{margin-left:6px;padding:0 6px;font-size:12px}";

function ListView(props: PanelProps & { state: Extract<PanelState, { view: "list" }> }) {
  const { state } = props;
  return (
    <>
      <div class="head">
        {/* With nothing typed the list holds only the phrases used most and lately: say so, or it looks truncated. */}
        <span data-kefu="picker-title">
          快捷短语 {state.query ? `“${state.query}”` : state.hits.length ? "· 常用" : ""}
        </span>
        <span>↑↓ 选择 · Enter/Tab 插入 · Esc 关闭</span>
      </div>
      {state.hits.length === 0 ? (
        <div class="note" data-kefu="picker-empty">
          {state.note ?? "没有匹配的短语 (no match)"}
        </div>
      ) : (
        <div role="listbox">
          {state.hits.map((phrase, i) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: keys are handled in the page's box, where focus stays
            <div
              key={phrase.id}
              class="item"
              role="option"
              tabIndex={-1}
              data-kefu="picker-item"
              data-code={phrase.code}
              aria-selected={i === state.selected ? "true" : "false"}
              onMouseDown={(e) => e.preventDefault()}
              onMouseMove={() => i !== state.selected && props.onHover(i)}
              onClick={() => props.onPick(i)}
            >
              <div>
                <span class="code">/{phrase.code}</span>
                <span class="title">{phrase.title ?? ""}</span>
              </div>
              <div class="preview">{phrase.content}</div>
            </div>
          ))}
        </div>
      )}
    </>
  );
}

function FormView(props: PanelProps & { state: Extract<PanelState, { view: "form" }> }) {
  const { state } = props;
  const submit = (form: HTMLFormElement) => {
    const values: Record<string, string> = {};
    for (const field of state.fields) {
      const el = form.elements.namedItem(field.label) as HTMLInputElement | HTMLSelectElement | null;
      values[field.label] = el?.value ?? "";
    }
    props.onSubmitForm(values);
  };
  return (
    <form
      data-kefu="picker-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit(e.currentTarget);
      }}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === "Escape") {
          e.preventDefault();
          props.onClose();
        }
      }}
    >
      <div class="title">
        /{state.phrase.code} {state.phrase.title ?? ""} · 请填写
      </div>
      {state.fields.map((field) => (
        // biome-ignore lint/a11y/noLabelWithoutControl: the label wraps its input or select (one of the two branches)
        <label key={field.label}>
          {field.label}
          {field.kind === "choice" ? (
            <select name={field.label} data-kefu="picker-field">
              {field.options.map((option) => (
                <option key={option} value={option} selected={option === field.value}>
                  {option}
                </option>
              ))}
            </select>
          ) : (
            <input name={field.label} data-kefu="picker-field" value={field.value} placeholder={field.hint ?? ""} />
          )}
        </label>
      ))}
      <div class="buttons">
        <button type="button" onClick={props.onClose}>
          取消 Esc
        </button>
        <button type="submit" class="primary" data-kefu="picker-form-submit">
          插入 Enter
        </button>
      </div>
    </form>
  );
}

function LintView(props: PanelProps & { state: Extract<PanelState, { view: "lint" }> }) {
  const { state } = props;
  return (
    <div data-kefu="picker-lint">
      <div class="head">
        <span>话术提醒：发送前请确认</span>
        <span>Enter 仍然插入 · Esc 取消</span>
      </div>
      {state.findings.map((finding) => (
        <FindingRow
          key={`${finding.start}-${finding.rule}`}
          text={state.text}
          finding={finding}
          kefu="picker-finding"
        />
      ))}
      <div class="text">{state.text}</div>
      <div class="buttons">
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={props.onClose}>
          取消
        </button>
        <button
          type="button"
          class="primary"
          data-kefu="picker-insert-anyway"
          onMouseDown={(e) => e.preventDefault()}
          onClick={props.onInsertAnyway}
        >
          仍然插入
        </button>
      </div>
    </div>
  );
}

export function Panel(props: PanelProps) {
  const { state } = props;
  if (state.view === "list") return <ListView {...props} state={state} />;
  if (state.view === "form") return <FormView {...props} state={state} />;
  return <LintView {...props} state={state} />;
}

/** Where the picker or the lint chip renders: a fixed host element and the mount inside its shadow root. */
export interface PanelHost {
  host: HTMLElement;
  mount: HTMLElement;
}

/** A shadow-root host in the outer same-origin page; page CSS stays out. */
export function createPanelHost(doc: Document, name: string): PanelHost {
  const host = doc.createElement("div");
  host.setAttribute("data-kefu-host", name);
  host.style.cssText = "position:fixed;top:0;left:0;width:0;height:0;z-index:2147483646;";
  const root = host.attachShadow({ mode: "open" });
  const style = doc.createElement("style");
  style.textContent = PANEL_CSS;
  const mount = doc.createElement("div");
  root.append(style, mount);
  doc.documentElement.append(host);
  return { host, mount };
}
