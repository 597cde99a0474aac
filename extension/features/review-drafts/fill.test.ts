import { describe, expect, it } from "vitest";
import { cutToLength, fillReplyBox, replyBoxText, replyBoxUsable } from "./fill.ts";

function textarea(attrs: Record<string, string> = {}): HTMLTextAreaElement {
  const box = document.createElement("textarea");
  for (const [name, value] of Object.entries(attrs)) box.setAttribute(name, value);
  document.body.append(box);
  return box;
}

describe("fillReplyBox", () => {
  it("sets the value and fires bubbling input and change events", () => {
    const box = textarea();
    const events: string[] = [];
    document.body.addEventListener("input", (e) => events.push(`${e.type}:${(e.target as HTMLTextAreaElement).value}`));
    document.body.addEventListener("change", (e) => events.push(e.type));
    expect(fillReplyBox(box, "亲，感谢您的好评！")).toEqual({ ok: true, truncated: false });
    expect(box.value).toBe("亲，感谢您的好评！");
    expect(events).toEqual(["input:亲，感谢您的好评！", "change"]);
  });

  it("goes through the prototype setter, past a framework's instance-level value tracker", () => {
    const box = textarea();
    const tracked: string[] = [];
    // What React does: an own `value` property whose setter records the last value it set.
    const proto = Object.getPrototypeOf(box);
    const native = Object.getOwnPropertyDescriptor(proto, "value");
    Object.defineProperty(box, "value", {
      configurable: true,
      get() {
        return native?.get?.call(this);
      },
      set(value: string) {
        tracked.push(value);
        native?.set?.call(this, value);
      },
    });
    fillReplyBox(box, "草稿");
    expect(box.value).toBe("草稿");
    expect(tracked).toEqual([]); // the tracker still holds the old value, so the framework sees a change
  });

  it("respects maxlength, and refuses locked or missing boxes", () => {
    const box = textarea({ maxlength: "5" });
    expect(fillReplyBox(box, "一二三四五六七")).toEqual({ ok: true, truncated: true });
    expect(box.value).toBe("一二三四五");
    const done = textarea();
    done.disabled = true;
    expect(fillReplyBox(done, "x").ok).toBe(false);
    expect(done.value).toBe("");
    expect(replyBoxUsable(done)).toBe(false);
    expect(fillReplyBox(null, "x")).toEqual({ ok: false, reason: expect.stringContaining("找不到回复框") });
    expect(fillReplyBox(document.createElement("div"), "x").ok).toBe(false);
  });

  it("fills a contenteditable box with text, never markup", () => {
    const box = document.createElement("div");
    box.contentEditable = "true";
    document.body.append(box);
    const hostile = "<img src=x onerror=alert(1)>谢谢";
    expect(fillReplyBox(box, hostile).ok).toBe(true);
    expect(box.textContent).toBe(hostile);
    expect(box.querySelector("img")).toBeNull();
    expect(replyBoxText(box)).toBe(hostile);
  });

  it("cuts without splitting a surrogate pair", () => {
    expect(cutToLength("ab😀", 3)).toBe("ab");
    expect(cutToLength("ab😀", 4)).toBe("ab😀");
    expect(cutToLength("abc", -1)).toBe("abc");
  });
});
