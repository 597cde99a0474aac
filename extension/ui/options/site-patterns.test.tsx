import { render } from "preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { defaultTeamSettings } from "../../../shared/phrases/schema.ts";
import { parsePatternLines, SitePatterns } from "./SitePatterns.tsx";

describe("site patterns editor: parsePatternLines", () => {
  it("takes one pattern a line, trimmed, blank lines skipped", () => {
    expect(parsePatternLines(" https://crm.example.com/* \n\nhttp://127.0.0.2/*\n")).toEqual({
      patterns: ["https://crm.example.com/*", "http://127.0.0.2/*"],
    });
    expect(parsePatternLines("")).toEqual({ patterns: [] });
  });

  it("names the line of the first bad pattern and why", () => {
    const answer = parsePatternLines("https://crm.example.com/*\n<all_urls>");
    expect("error" in answer && answer.error).toMatch(/^第 2 行 · line 2：.*开头/);
    const broad = parsePatternLines("*://*/*");
    expect("error" in broad && broad.error).toContain("所有网站");
  });

  it("refuses duplicates and too many lines", () => {
    const twice = parsePatternLines("https://a.example.com/*\nhttps://a.example.com/*");
    expect("error" in twice && twice.error).toContain("重复");
    const many = Array.from({ length: 21 }, (_, i) => `https://s${i}.example.com/*`).join("\n");
    expect("error" in parsePatternLines(many)).toBe(true);
  });
});

describe("site patterns editor: the panel", () => {
  const settings = { ...defaultTeamSettings("小美的店"), customSites: { patterns: ["https://crm.example.com/*"] } };
  let root: HTMLElement;
  let calls: string[];
  let savedPatches: unknown[];
  let saveError: string | undefined;

  beforeEach(() => {
    fakeBrowser.reset();
    calls = [];
    savedPatches = [];
    saveError = undefined;
    // Chrome asks the person; here the answer is "allowed" and the call order is recorded.
    fakeBrowser.permissions.request = (async (request: { origins?: string[] }) => {
      calls.push(`request ${request.origins?.join(",")}`);
      return true;
    }) as typeof fakeBrowser.permissions.request;
    fakeBrowser.runtime.onMessage.addListener(
      (message: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
        const envelope = message as { kefu: string; payload: { patch: unknown } };
        calls.push(envelope.kefu);
        if (saveError) sendResponse({ ok: false, error: saveError });
        else {
          savedPatches.push(envelope.payload.patch);
          sendResponse({ ok: true, value: { settings } });
        }
        return true;
      },
    );
    root = document.createElement("div");
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  const byTestId = <T extends Element = HTMLElement>(id: string) => root.querySelector<T>(`[data-testid="${id}"]`);
  const settle = () => new Promise((r) => setTimeout(r, 30));
  async function typeDraft(value: string) {
    const input = byTestId<HTMLTextAreaElement>("site-patterns-input") as HTMLTextAreaElement;
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await settle();
  }

  it("lists the team's patterns; agents see no editor", async () => {
    render(<SitePatterns settings={settings} isAdmin={false} />, root);
    await settle();
    expect(root.querySelector('[data-testid="site-pattern-row"]')?.textContent).toContain("https://crm.example.com/*");
    expect(byTestId("site-patterns-input")).toBeNull();
  });

  it("asks Chrome first (the click's gesture), then queues only the customSites key", async () => {
    render(<SitePatterns settings={settings} isAdmin />, root);
    await settle();
    await typeDraft("https://crm.example.com/*\nhttp://erp.example.cn/*");
    byTestId("site-patterns-save")?.click();
    await settle();
    expect(calls).toEqual(["request https://crm.example.com/*,http://erp.example.cn/*", "settings.save"]);
    expect(savedPatches).toEqual([
      { customSites: { patterns: ["https://crm.example.com/*", "http://erp.example.cn/*"] } },
    ]);
    expect(byTestId("site-patterns-note")?.textContent).toContain("已保存");
  });

  it("a bad line is named, nothing is asked or saved, the draft stays", async () => {
    render(<SitePatterns settings={settings} isAdmin />, root);
    await settle();
    await typeDraft("https://crm.example.com/*\nftp://x.example.com/*");
    byTestId("site-patterns-save")?.click();
    await settle();
    expect(calls).toEqual([]);
    expect(byTestId("site-patterns-error")?.textContent).toContain("第 2 行");
    expect(byTestId<HTMLTextAreaElement>("site-patterns-input")?.value).toContain("ftp://x.example.com/*");
  });

  it("a refused save says why and keeps the draft", async () => {
    saveError = "只有管理员可以修改团队设置 · Only admins edit team settings";
    render(<SitePatterns settings={settings} isAdmin />, root);
    await settle();
    await typeDraft("http://erp.example.cn/*");
    byTestId("site-patterns-save")?.click();
    await settle();
    expect(byTestId("site-patterns-error")?.textContent).toContain("草稿仍在");
    expect(byTestId("site-patterns-error")?.textContent).toContain("只有管理员");
    expect(byTestId<HTMLTextAreaElement>("site-patterns-input")?.value).toBe("http://erp.example.cn/*");
  });
});
