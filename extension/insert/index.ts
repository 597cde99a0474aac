/**
 * Writing a script into a page's input box so the page's own framework sees it, the caret ends after it and, where
 * the browser allows, Ctrl+Z takes it back. An ordered chain of strategies (like Briskine's): the first one whose
 * result checks out wins.
 *
 * - Text fields (textarea / input): execCommand("insertText") (native undo, a real `input` event), else the native
 *   value setter + an `input` event (React/Preact/Vue controlled inputs read the event, not a plain `.value =`).
 * - contenteditable: execCommand("insertText") (the editor's own line-break handling and undo), else a
 *   Selection/Range insert with text nodes and <br> per line + an `input` event.
 *
 * Text is always inserted as text, never parsed as HTML.
 */

export type TextField = HTMLTextAreaElement | HTMLInputElement;
export type EditableBox = TextField | HTMLElement;

/** Where the text goes: offsets in a text field, or a live Range in a contenteditable. */
export type InsertTarget = { kind: "field"; start: number; end: number } | { kind: "range"; range: Range };

const TEXT_INPUT_TYPES = new Set(["text", "search", ""]);

export function isTextField(el: Element): el is TextField {
  const tag = el.tagName;
  if (tag === "TEXTAREA") return true;
  return tag === "INPUT" && TEXT_INPUT_TYPES.has((el as HTMLInputElement).type);
}

/** The editable box an event target belongs to (a text field, or the contenteditable root), if any. */
export function editableBoxOf(target: EventTarget | null): EditableBox | undefined {
  if (!target || !(target as Node).nodeType) return undefined;
  const el = (target as Node).nodeType === 1 ? (target as Element) : (target as Node).parentElement;
  if (!el) return undefined;
  if (isTextField(el)) return (el as TextField).readOnly || (el as TextField).disabled ? undefined : (el as TextField);
  const html = el as HTMLElement;
  if (!html.isContentEditable) return undefined;
  let root = html;
  while (root.parentElement?.isContentEditable) root = root.parentElement;
  return root;
}

/**
 * The text before the caret that a trigger may use, and how to address offsets in it. For a contenteditable only
 * the caret's own text node counts: a "/" at its start is treated as the start of a line (after a <br> or block).
 */
export function readBeforeCaret(
  box: EditableBox,
): { text: string; targetFor(start: number): InsertTarget } | undefined {
  if (isTextField(box)) {
    const { selectionStart, selectionEnd } = box;
    if (selectionStart === null || selectionStart !== selectionEnd) return undefined;
    return {
      text: box.value.slice(0, selectionStart),
      targetFor: (start) => ({ kind: "field", start, end: selectionStart }),
    };
  }
  const selection = box.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.isCollapsed) return undefined;
  const { startContainer: node, startOffset: offset } = selection.getRangeAt(0);
  if (!box.contains(node)) return undefined;
  if (node.nodeType !== Node.TEXT_NODE) {
    return { text: "", targetFor: () => ({ kind: "range", range: selection.getRangeAt(0).cloneRange() }) };
  }
  const text = (node as Text).data.slice(0, offset);
  return {
    text,
    targetFor(start) {
      const range = box.ownerDocument.createRange();
      range.setStart(node, start);
      range.setEnd(node, offset);
      return { kind: "range", range };
    },
  };
}

/** The current caret as a target (nothing replaced): the hotkey opens the picker without a "/" trigger. */
export function caretTarget(box: EditableBox): InsertTarget | undefined {
  if (isTextField(box)) {
    const start = box.selectionStart ?? box.value.length;
    return { kind: "field", start, end: box.selectionEnd ?? start };
  }
  const selection = box.ownerDocument.getSelection();
  if (selection && selection.rangeCount > 0 && box.contains(selection.getRangeAt(0).startContainer)) {
    return { kind: "range", range: selection.getRangeAt(0).cloneRange() };
  }
  const range = box.ownerDocument.createRange();
  range.selectNodeContents(box);
  range.collapse(false);
  return { kind: "range", range };
}

function fieldText(box: TextField, text: string): string {
  // A single-line input cannot hold line breaks: join the lines with a space, as a paste would.
  return box.tagName === "INPUT" ? text.replace(/\r?\n/g, " ") : text;
}

function nativeValueSetter(box: TextField): ((value: string) => void) | undefined {
  const proto = box.tagName === "TEXTAREA" ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, "value")?.set;
  return setter ? (value) => setter.call(box, value) : undefined;
}

function fireInput(box: EditableBox, data: string) {
  const view = box.ownerDocument.defaultView ?? window;
  box.dispatchEvent(new view.InputEvent("input", { bubbles: true, inputType: "insertText", data }));
}

type Strategy = (box: EditableBox, target: InsertTarget, text: string) => boolean;

const fieldExecCommand: Strategy = (box, target, text) => {
  if (!isTextField(box) || target.kind !== "field") return false;
  const value = fieldText(box, text);
  const original = box.value;
  box.focus();
  box.setSelectionRange(target.start, target.end);
  try {
    box.ownerDocument.execCommand("insertText", false, value);
  } catch {
    // Falls through to the next strategy.
  }
  // Any change counts (a page may reformat what it receives); running another strategy would insert twice.
  return box.value !== original;
};

const fieldNativeSetter: Strategy = (box, target, text) => {
  if (!isTextField(box) || target.kind !== "field") return false;
  const value = fieldText(box, text);
  const expected = box.value.slice(0, target.start) + value + box.value.slice(target.end);
  const setter = nativeValueSetter(box);
  if (!setter) return false;
  box.focus();
  setter(expected);
  const caret = target.start + value.length;
  box.setSelectionRange(caret, caret);
  fireInput(box, value);
  return box.value === expected;
};

function selectRange(box: HTMLElement, range: Range): Selection | null {
  box.focus();
  const selection = box.ownerDocument.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  return selection;
}

const editableExecCommand: Strategy = (box, target, text) => {
  if (isTextField(box) || target.kind !== "range") return false;
  const before = box.innerHTML;
  selectRange(box, target.range);
  try {
    box.ownerDocument.execCommand("insertText", false, text);
  } catch {
    // Falls through to the Range strategy.
  }
  // Any change counts (the editor may restructure it); running another strategy would insert twice.
  return box.innerHTML !== before;
};

const editableRange: Strategy = (box, target, text) => {
  if (isTextField(box) || target.kind !== "range") return false;
  const doc = box.ownerDocument;
  const range = target.range;
  range.deleteContents();
  const fragment = doc.createDocumentFragment();
  text.split(/\r?\n/).forEach((line, i) => {
    if (i > 0) fragment.append(doc.createElement("br"));
    if (line) fragment.append(doc.createTextNode(line));
  });
  // A trailing <br> at the end of a block is not rendered; a second one keeps the last empty line visible.
  if (text.endsWith("\n")) fragment.append(doc.createElement("br"));
  const last = fragment.lastChild;
  range.insertNode(fragment);
  if (last) {
    range.setStartAfter(last);
    range.collapse(true);
  }
  selectRange(box, range);
  fireInput(box, text);
  return true;
};

export const STRATEGIES: readonly { name: string; run: Strategy }[] = [
  { name: "execCommand", run: fieldExecCommand },
  { name: "nativeSetter", run: fieldNativeSetter },
  { name: "execCommand", run: editableExecCommand },
  { name: "range", run: editableRange },
];

/**
 * Replaces `target` in `box` with `text` (the "/query" trigger, or nothing at the caret) and leaves the caret after
 * it. Answers which strategy worked; throws when none did (the caller tells the agent, nothing is half-written).
 */
export function insertText(box: EditableBox, target: InsertTarget, text: string): string {
  for (const strategy of STRATEGIES) {
    if (strategy.run(box, target, text)) return strategy.name;
  }
  throw new Error("无法写入输入框 (no insertion strategy worked for this box)");
}
