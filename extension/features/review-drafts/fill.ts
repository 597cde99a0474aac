/**
 * Puts text into a page's reply box so the page's framework (React, Vue, Preact) sees it as typed: the native
 * value setter, then bubbling input and change events. Never presses the page's submit button.
 */
export type FillOutcome = { ok: true; truncated: boolean } | { ok: false; reason: string };

/** Cuts to `max` UTF-16 units (what maxlength counts) without splitting a surrogate pair. */
export function cutToLength(text: string, max: number): string {
  if (max < 0 || text.length <= max) return text;
  let cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut;
}

function setNativeValue(box: HTMLTextAreaElement | HTMLInputElement, value: string): void {
  // The prototype's setter, not the instance's: frameworks shadow `value` on the instance to track changes.
  let proto: object | null = Object.getPrototypeOf(box);
  while (proto) {
    const setter = Object.getOwnPropertyDescriptor(proto, "value")?.set;
    if (setter) {
      setter.call(box, value);
      return;
    }
    proto = Object.getPrototypeOf(proto);
  }
  box.value = value;
}

export function fillReplyBox(box: Element | null, text: string): FillOutcome {
  if (!box) return { ok: false, reason: "找不到回复框 no reply box" };
  const doc = box.ownerDocument;
  const view = doc.defaultView;
  if (view && (box instanceof view.HTMLTextAreaElement || box instanceof view.HTMLInputElement)) {
    if (box.disabled || box.readOnly) return { ok: false, reason: "回复框不可编辑（可能已回复）reply box is locked" };
    const value = box.maxLength > 0 ? cutToLength(text, box.maxLength) : text;
    setNativeValue(box, value);
    box.dispatchEvent(new view.InputEvent("input", { bubbles: true, inputType: "insertReplacementText", data: value }));
    box.dispatchEvent(new view.Event("change", { bubbles: true }));
    return { ok: true, truncated: value.length < text.length };
  }
  if (box instanceof HTMLElement && box.isContentEditable) {
    box.focus();
    const selection = doc.getSelection();
    selection?.selectAllChildren(box);
    // execCommand goes through the editor's own input pipeline (Draft.js, Slate); textContent is the fallback.
    const inserted = typeof doc.execCommand === "function" && doc.execCommand("insertText", false, text);
    if (!inserted || box.textContent !== text) {
      box.textContent = text;
      box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertReplacementText", data: text }));
    }
    return { ok: true, truncated: false };
  }
  return { ok: false, reason: "回复框类型不支持 unsupported reply box" };
}

/** The reply box's current text ("" when empty or unreadable). */
export function replyBoxText(box: Element | null): string {
  if (!box) return "";
  if ("value" in box && typeof box.value === "string") return box.value;
  return box.textContent ?? "";
}

/** A box the agent can still type into (not disabled, not read-only). */
export function replyBoxUsable(box: Element | null): boolean {
  if (!box) return false;
  if ("disabled" in box && box.disabled === true) return false;
  if ("readOnly" in box && box.readOnly === true) return false;
  return true;
}
