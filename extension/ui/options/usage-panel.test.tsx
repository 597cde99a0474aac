import { render } from "preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { baseHandlers } from "../../messaging/protocol.ts";
import { createPickerHandlers } from "../../search-index/index.ts";
import { byTestIdIn, mountRoot, serveHandlers, unmountRoot, until } from "./test-dom.ts";
import { UsagePanel } from "./UsagePanel.tsx";

let root: HTMLElement;

/** The real picker handlers behind fakeBrowser's runtime messaging, as background.ts wires them. */
beforeEach(() => {
  fakeBrowser.reset();
  const handlers = { ...baseHandlers, ...createPickerHandlers() };
  serveHandlers(handlers);
  root = mountRoot();
});
afterEach(() => {
  unmountRoot(root);
});

const byTestId = <T extends Element = HTMLElement>(id: string) => byTestIdIn<T>(root, id);

describe("options: phrase picker card", () => {
  it("says a saved hotkey works in open pages at once (the background broadcasts it), below the field", async () => {
    render(<UsagePanel />, root);
    const input = await until(
      () =>
        byTestId<HTMLInputElement>("picker-hotkey")?.value === "Alt+K" && byTestId<HTMLInputElement>("picker-hotkey"),
      "the stored hotkey",
    );
    expect(byTestId("picker-hotkey-note")).toBeNull();
    input.value = "ctrl+shift+y";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((r) => setTimeout(r, 20));
    byTestId<HTMLButtonElement>("picker-hotkey-save")?.click();
    const note = await until(() => byTestId("picker-hotkey-note"), "the saved note");
    expect(note.textContent).toContain("Ctrl+Shift+Y");
    expect(note.textContent).toContain("立即生效");
    expect(note.textContent).not.toContain("刷新");
    // The note is its own line, not squeezed into the field's row.
    expect(note.closest(".row")).toBeNull();
    expect(byTestId<HTMLButtonElement>("picker-hotkey-save")?.textContent).toBe("保存 · Save");
  });

  it("explains the usage counts before they are loaded, and shows the reason when loading fails", async () => {
    render(<UsagePanel />, root);
    const hint = await until(() => byTestId("usage-hint"), "the usage hint");
    expect(hint.textContent).toContain("点“加载”");
    byTestId<HTMLButtonElement>("usage-load")?.click();
    const error = await until(() => byTestId("usage-error"), "the not-connected error");
    expect(error.textContent).toContain("未连接团队");
    expect(byTestId("usage-hint")).toBeNull();
    expect(byTestId<HTMLButtonElement>("usage-load")?.disabled).toBe(false);
  });
});
