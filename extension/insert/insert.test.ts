import { describe, expect, it } from "vitest";
import { caretTarget, editableBoxOf, insertText, readBeforeCaret } from "./index.ts";

function textarea(value: string, caret = value.length): HTMLTextAreaElement {
  const el = document.createElement("textarea");
  document.body.append(el);
  el.value = value;
  el.focus();
  el.setSelectionRange(caret, caret);
  return el;
}

describe("text fields", () => {
  it("replaces the trigger, leaves the caret after the script and fires an input event the page sees", () => {
    const el = textarea("亲 /cf");
    const seen: string[] = [];
    el.addEventListener("input", () => seen.push(el.value));
    const before = readBeforeCaret(el);
    expect(before?.text).toBe("亲 /cf");
    const strategy = insertText(el, before?.targetFor(2) as never, "您好\n第二行");
    expect(el.value).toBe("亲 您好\n第二行");
    expect(el.selectionStart).toBe(el.value.length);
    expect(seen).toEqual(["亲 您好\n第二行"]);
    expect(["execCommand", "nativeSetter"]).toContain(strategy);
  });

  it("goes through the prototype's value setter, so an instance-level override (React's tracker) is bypassed", () => {
    const el = textarea("/hy");
    let instanceWrites = 0;
    const proto = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value");
    Object.defineProperty(el, "value", {
      configurable: true,
      get: () => proto?.get?.call(el),
      set: (v: string) => {
        instanceWrites++;
        proto?.set?.call(el, v);
      },
    });
    insertText(el, { kind: "field", start: 0, end: 3 }, "欢迎");
    expect(el.value).toBe("欢迎");
    expect(instanceWrites).toBe(0);
  });

  it("keeps text after the caret and joins lines in a single-line input", () => {
    const input = document.createElement("input");
    document.body.append(input);
    input.value = "/cf 谢谢";
    input.setSelectionRange(3, 3);
    const target = readBeforeCaret(input)?.targetFor(0);
    insertText(input, target as never, "第一行\n第二行");
    expect(input.value).toBe("第一行 第二行 谢谢");
    expect(input.selectionStart).toBe(7);
  });

  it("inserts at the caret when nothing is replaced (hotkey)", () => {
    const el = textarea("好的 再见", 3);
    insertText(el, caretTarget(el) as never, "亲，");
    expect(el.value).toBe("好的 亲，再见");
  });
});

describe("contenteditable", () => {
  it("replaces the trigger with text and <br> line breaks, caret after, as text (never HTML)", () => {
    const box = document.createElement("div");
    box.contentEditable = "true";
    box.append(document.createTextNode("好的 /hy"));
    document.body.append(box);
    const text = box.firstChild as Text;
    const selection = document.getSelection();
    selection?.removeAllRanges();
    const caret = document.createRange();
    caret.setStart(text, 6);
    caret.collapse(true);
    selection?.addRange(caret);
    expect(editableBoxOf(text)).toBe(box);
    const before = readBeforeCaret(box);
    expect(before?.text).toBe("好的 /hy");
    insertText(box, before?.targetFor(3) as never, "<b>您好</b>\n再见");
    expect(box.innerHTML).toBe("好的 &lt;b&gt;您好&lt;/b&gt;<br>再见");
    const after = document.getSelection()?.getRangeAt(0);
    expect(after?.collapsed).toBe(true);
    expect(after?.startContainer === box || after?.startContainer.parentNode === box).toBe(true);
  });

  it("finds the editable root from a nested node and ignores read-only fields", () => {
    const root = document.createElement("div");
    root.contentEditable = "true";
    const inner = document.createElement("p");
    inner.textContent = "x";
    root.append(inner);
    document.body.append(root);
    expect(editableBoxOf(inner.firstChild)).toBe(root);
    const ro = document.createElement("textarea");
    ro.readOnly = true;
    expect(editableBoxOf(ro)).toBeUndefined();
    expect(editableBoxOf(document.createElement("span"))).toBeUndefined();
  });
});
