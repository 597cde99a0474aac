/**
 * The lint chip and its panel as the content script runs them: the picker feature started with a real context, the
 * background's `picker.lint` answered by the shared lint through WXT's fake browser, keys and clicks dispatched on a
 * textarea like the page's.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { ContentScriptContext } from "wxt/utils/content-script-context";
import { lintText } from "../../../shared/lint/index.ts";
import type { Handlers } from "../../messaging/protocol.ts";
import { HOTKEY_STORAGE_KEY } from "../../search-index/stamp.ts";
import { serveHandlers } from "../../test-background.ts";
import { phrasePicker } from "../phrase-picker.tsx";

const settle = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));
const shadow = (name: string) => document.querySelector(`[data-kefu-host="${name}"]`)?.shadowRoot ?? undefined;
const chip = () => shadow("lint-chip")?.querySelector<HTMLElement>('[data-kefu="lint-chip"]') ?? null;
const panel = () => shadow("lint-chip")?.querySelector<HTMLElement>('[data-kefu="lint-panel"]') ?? null;
const replaceButton = () => shadow("lint-chip")?.querySelector<HTMLElement>('[data-kefu="lint-replace"]') ?? null;

let ctx: ContentScriptContext;
let box: HTMLTextAreaElement;
let linted: string[];

beforeEach(() => {
  fakeBrowser.reset();
  linted = [];
  const handlers: Partial<Handlers> = {
    "picker.lint": ({ text }) => {
      linted.push(text);
      return { findings: lintText(text), enabled: true };
    },
  };
  serveHandlers(handlers);
  box = document.createElement("textarea");
  document.body.append(box);
  box.focus();
});

afterEach(() => {
  ctx.abort();
  document.body.replaceChildren();
});

function start() {
  ctx = new ContentScriptContext("content");
  phrasePicker.start(ctx);
}

function type(text: string) {
  box.value = text;
  box.setSelectionRange(text.length, text.length);
  box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: text }));
}

function press(init: KeyboardEventInit, target: EventTarget = box): KeyboardEvent {
  const event = new KeyboardEvent("keydown", { bubbles: true, cancelable: true, composed: true, ...init });
  target.dispatchEvent(event);
  return event;
}
const altL = { key: "l", code: "KeyL", altKey: true };

describe("lint chip and panel", () => {
  it("a click on the chip shows why and a suggestion; 替换 rewrites the words in the box; Esc closes", async () => {
    start();
    type("亲，这个我不知道呢");
    await expect.poll(() => chip()?.textContent, { timeout: 3000 }).toContain("我不知道");
    expect(panel()).toBeNull(); // the chip alone until the agent asks
    const down = new MouseEvent("mousedown", { bubbles: true, cancelable: true, composed: true });
    chip()?.dispatchEvent(down);
    expect(down.defaultPrevented).toBe(true); // the caret stays in the box
    chip()?.click();
    const row = panel()?.querySelector('[data-kefu="lint-finding"]');
    expect(row?.querySelector("mark")?.textContent).toBe("我不知道");
    expect(row?.querySelector(".why")?.textContent).toContain("服务禁语");
    expect(row?.querySelector(".suggest")?.textContent).toContain("建议：这个问题我马上帮您确认一下");

    const inputs: string[] = [];
    box.addEventListener("input", () => inputs.push(box.value));
    replaceButton()?.click();
    expect(box.value).toBe("亲，这个这个问题我马上帮您确认一下,请稍等哦呢");
    expect(inputs).toEqual([box.value]); // the page's framework hears about it
    // Checked again at once: nothing left, the chip goes and the panel says so.
    await expect.poll(() => panel()?.querySelector(".note")?.textContent).toBe("没有发现问题 (no issues found)");
    expect(chip()).toBeNull();
    expect(press({ key: "Escape" }).defaultPrevented).toBe(true);
    expect(panel()).toBeNull();
    // Closed, Esc is the page's again.
    expect(press({ key: "Escape" }).defaultPrevented).toBe(false);
  });

  it("Alt+L in the box lints at once and opens the panel; a click in the box keeps it, a click outside closes it", async () => {
    start();
    type("这款是最好的");
    const key = press(altL);
    expect(key.defaultPrevented).toBe(true); // no "¬" typed on a Mac
    await expect.poll(() => panel()?.querySelectorAll('[data-kefu="lint-finding"]').length).toBe(1);
    expect(linted).toEqual(["这款是最好的"]); // without waiting for the typing pause
    // Advice, not a wording: no 替换.
    expect(replaceButton()).toBeNull();
    box.dispatchEvent(new MouseEvent("mousedown", { bubbles: true, composed: true }));
    expect(panel()).not.toBeNull();
    document.body.dispatchEvent(new MouseEvent("mousedown", { bubbles: true, composed: true }));
    expect(panel()).toBeNull();
    expect(chip()).not.toBeNull();
  });

  it("does not replace when the box changed since the lint: it checks again instead", async () => {
    start();
    type("我不知道");
    press(altL);
    await expect.poll(() => replaceButton()).not.toBeNull();
    box.value = "我不知道啊"; // typed, the debounced lint has not run yet
    replaceButton()?.click();
    expect(box.value).toBe("我不知道啊");
    await expect.poll(() => linted.at(-1)).toBe("我不知道啊");
    await expect.poll(() => replaceButton()).not.toBeNull(); // fresh findings, fresh offsets
    replaceButton()?.click();
    expect(box.value).toBe("这个问题我马上帮您确认一下,请稍等哦啊");
  });

  it("leaves Alt+L to the picker when the team made it the picker's hotkey, and keys outside boxes alone", async () => {
    await fakeBrowser.storage.local.set({ [HOTKEY_STORAGE_KEY]: "Alt+L" });
    start();
    await settle();
    type("我不知道");
    press(altL);
    await settle();
    expect(shadow("phrase-picker")?.querySelector('[data-kefu="phrase-picker"]')).not.toBeNull();
    expect(panel()).toBeNull();
    expect(linted).toEqual([]);
    const outside = document.createElement("button");
    document.body.append(outside);
    expect(press({ key: "l", code: "KeyL", altKey: true }, outside).defaultPrevented).toBe(false);
  });

  it("removes the chip and panel when the content script goes away", async () => {
    start();
    type("我不知道");
    press(altL);
    await expect.poll(() => panel()).not.toBeNull();
    ctx.abort();
    expect(document.querySelector('[data-kefu-host="lint-chip"]')).toBeNull();
  });
});
