/**
 * Where the caret is on screen, in the viewport of the top-most same-origin document, so the picker can sit under
 * it even when the box is inside a small same-origin iframe (the picker is drawn in the outer page, not clipped).
 */
import { type EditableBox, isTextField } from "../../insert/index.ts";

export interface CaretBox {
  left: number;
  top: number;
  bottom: number;
}

/** Styles that decide where text wraps in a textarea; copied to a hidden mirror to measure the caret. */
const MIRRORED = [
  "boxSizing",
  "width",
  "paddingTop",
  "paddingRight",
  "paddingBottom",
  "paddingLeft",
  "borderTopWidth",
  "borderRightWidth",
  "borderBottomWidth",
  "borderLeftWidth",
  "fontFamily",
  "fontSize",
  "fontWeight",
  "fontStyle",
  "letterSpacing",
  "lineHeight",
  "textTransform",
  "wordSpacing",
  "textIndent",
  "tabSize",
] as const;

function fieldCaret(box: HTMLTextAreaElement | HTMLInputElement): CaretBox {
  const doc = box.ownerDocument;
  const style = getComputedStyle(box);
  const mirror = doc.createElement("div");
  for (const prop of MIRRORED) mirror.style[prop] = style[prop];
  Object.assign(mirror.style, {
    position: "fixed",
    visibility: "hidden",
    top: "0",
    left: "-9999px",
    overflow: "hidden",
    whiteSpace: box.tagName === "TEXTAREA" ? "pre-wrap" : "pre",
    overflowWrap: "break-word",
  });
  const caret = box.selectionEnd ?? box.value.length;
  mirror.textContent = box.value.slice(0, caret);
  const marker = doc.createElement("span");
  marker.textContent = "\u200b";
  mirror.append(marker);
  doc.body.append(mirror);
  const rect = box.getBoundingClientRect();
  const left = rect.left + marker.offsetLeft - box.scrollLeft;
  const top = rect.top + marker.offsetTop - box.scrollTop;
  const height = marker.offsetHeight || Number.parseFloat(style.lineHeight) || 16;
  mirror.remove();
  const clampedTop = Math.min(Math.max(top, rect.top), rect.bottom - height);
  return { left: Math.min(left, rect.right), top: clampedTop, bottom: clampedTop + height };
}

function editableCaret(box: HTMLElement): CaretBox {
  const selection = box.ownerDocument.getSelection();
  const boxRect = box.getBoundingClientRect();
  if (selection && selection.rangeCount > 0) {
    const range = selection.getRangeAt(0).cloneRange();
    range.collapse(false);
    const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
    if (rect && (rect.top !== 0 || rect.left !== 0)) return { left: rect.left, top: rect.top, bottom: rect.bottom };
  }
  return { left: boxRect.left, top: boxRect.top, bottom: boxRect.top + 18 };
}

/** The outermost same-origin window (where the picker is drawn) and this window's offset inside it. */
export function hostWindow(win: Window = window): { win: Window; dx: number; dy: number } {
  let current = win;
  let dx = 0;
  let dy = 0;
  for (;;) {
    let frame: Element | null = null;
    try {
      frame = current.frameElement;
      if (!frame || !current.parent || current.parent === current) break;
      void current.parent.document.body; // throws for a cross-origin parent
    } catch {
      break;
    }
    const rect = frame.getBoundingClientRect();
    dx += rect.left + frame.clientLeft;
    dy += rect.top + frame.clientTop;
    current = current.parent;
  }
  return { win: current, dx, dy };
}

export function caretBox(box: EditableBox): CaretBox {
  const local = isTextField(box) ? fieldCaret(box) : editableCaret(box);
  const { dx, dy } = hostWindow(box.ownerDocument.defaultView ?? window);
  return { left: local.left + dx, top: local.top + dy, bottom: local.bottom + dy };
}

/** The box's own rectangle in the host window (for the lint chip). */
export function boxRect(box: EditableBox): { left: number; top: number; right: number; bottom: number } {
  const rect = box.getBoundingClientRect();
  const { dx, dy } = hostWindow(box.ownerDocument.defaultView ?? window);
  return { left: rect.left + dx, top: rect.top + dy, right: rect.right + dx, bottom: rect.bottom + dy };
}
