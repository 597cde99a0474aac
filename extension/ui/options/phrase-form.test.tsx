import { render } from "preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { LibraryView, PhraseView } from "../../store/view.ts";
import { formNotes, PhraseForm } from "./PhraseForm.tsx";
import { byTestIdIn, mountRoot, serveHandlers, submitForm, typeInto, unmountRoot } from "./test-dom.ts";

function phrase(id: string, code: string, scope: PhraseView["scope"] = "team"): PhraseView {
  return { id, code, content: "亲～", groupId: "g1", tags: [], scope, rev: 1, pending: false, editable: true };
}
const library: LibraryView = {
  phrases: [phrase("p1", "hd"), phrase("p2", "wdq", "personal")],
  groups: [{ id: "g1", name: "售前接待", order: 0, rev: 1, pending: false }],
  conflicts: [],
  settingsPending: [],
  pendingCount: 0,
};

describe("phrase form notes", () => {
  it("warns that a quick code is already taken (any case), but not for the phrase's own code", () => {
    expect(formNotes(library, undefined, " HD ", "亲")).toEqual([
      "编码 /hd 已被另一条团队短语使用，输入时会同时列出两条 · Code already used",
    ]);
    expect(formNotes(library, undefined, "wdq", "亲")[0]).toContain("个人短语");
    expect(formNotes(library, "p1", "hd", "亲")).toEqual([]);
    expect(formNotes(library, undefined, "hd2", "亲")).toEqual([]);
  });

  it("points at template mistakes that would be inserted as literal text", () => {
    const notes = formNotes(library, undefined, "new", "{买家}您好，{收货人姓名} 请确认 {订单号");
    expect(notes.some((n) => n.includes("{收货人姓名}"))).toBe(true);
    expect(notes.some((n) => n.includes('"{" 没有配对'))).toBe(true);
    expect(formNotes(library, undefined, "new", "{买家}您好，{填写:尺码=M}码")).toEqual([]);
  });
});

describe("phrase form", () => {
  const root = document.createElement("div");
  afterEach(() => render(null, root));

  it("shows the notes under the fields as the lead types, and keeps hostile text as text", async () => {
    render(<PhraseForm library={library} defaultGroupId="g1" onDone={() => {}} />, root);
    expect(root.querySelector('[data-testid="phrase-form-notes"]')).toBeNull();
    const code = root.querySelector<HTMLInputElement>('[data-testid="phrase-code"]');
    if (!code) throw new Error("no code field");
    code.value = "hd";
    code.dispatchEvent(new Event("input", { bubbles: true }));
    const content = root.querySelector<HTMLTextAreaElement>('[data-testid="phrase-content"]');
    if (!content) throw new Error("no content field");
    content.value = "{<img src=x onerror=alert(1)>}";
    content.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((r) => setTimeout(r, 20));
    const notes = root.querySelector('[data-testid="phrase-form-notes"]');
    expect(notes?.textContent).toContain("/hd 已被另一条团队短语使用");
    expect(notes?.querySelector("img")).toBeNull();
  });
});

describe("phrase form checks (our messages, not the browser's bubbles)", () => {
  let root: HTMLElement;
  afterEach(() => unmountRoot(root));

  function open() {
    fakeBrowser.reset();
    const save = vi.fn(async () => ({ id: "new" }));
    serveHandlers({ "phrase.save": save });
    root = mountRoot();
    const onDone = vi.fn();
    render(<PhraseForm library={library} defaultGroupId="g1" onDone={onDone} />, root);
    const field = <T extends HTMLElement>(id: string) => byTestIdIn<T>(root, id);
    return { save, onDone, field, form: field<HTMLFormElement>("phrase-form") };
  }

  it("an empty phrase: Chinese messages at the code and content, focus on the code, nothing saved", async () => {
    const { save, field, form } = open();
    expect(form?.noValidate).toBe(true);
    expect(field<HTMLInputElement>("phrase-code")?.hasAttribute("required")).toBe(false);
    await typeInto(field("phrase-tags"), "售前");
    await submitForm(form);
    expect(field("field-error-code")?.textContent).toBe("请填写快捷编码 (quick code required)");
    expect(field("field-error-content")?.textContent).toBe("请填写短语内容 (content required)");
    expect(field("phrase-code")?.getAttribute("aria-invalid")).toBe("true");
    expect(field("phrase-content")?.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(field("phrase-code"));
    expect(field<HTMLInputElement>("phrase-tags")?.value).toBe("售前");
    expect(save).not.toHaveBeenCalled();
  });

  it("says what the schema would refuse: a bad code, too long content, a non-http image link, a long tag", async () => {
    const { save, onDone, field, form } = open();
    await typeInto(field("phrase-code"), "hd-1");
    const long = "亲".repeat(5001);
    await typeInto(field("phrase-content"), long);
    await typeInto(field("phrase-image"), "javascript:alert(1)");
    await typeInto(field("phrase-tags"), "售前 这是一个非常非常非常非常非常非常长的标签啊");
    await submitForm(form);
    expect(field("field-error-code")?.textContent).toContain("快捷编码只能用汉字、字母和数字");
    expect(field("field-error-content")?.textContent).toContain("短语内容最多 5000 个字，现在 5001 个");
    expect(field("field-error-imageUrl")?.textContent).toContain("图片链接须以 http:// 或 https:// 开头");
    expect(field("field-error-tags")?.textContent).toContain("每个最多 20 个字");
    // Nothing was cut short: the lead fixes the text instead of retyping it.
    expect(field<HTMLTextAreaElement>("phrase-content")?.value).toBe(long);
    expect(save).not.toHaveBeenCalled();

    await typeInto(field("phrase-code"), "/hd1"); // a typed leading "/" is dropped by the store, so it is fine
    await typeInto(field("phrase-content"), "亲，{买家}您好");
    await typeInto(field("phrase-image"), "https://img.example.com/a.png");
    await typeInto(field("phrase-tags"), "售前, 议价");
    expect(root.querySelector(".field-error")).toBeNull();
    await submitForm(form);
    await new Promise((r) => setTimeout(r, 20));
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]).toMatchObject([
      { phrase: { code: "/hd1", imageUrl: "https://img.example.com/a.png", tags: ["售前", "议价"] } },
    ]);
    expect(onDone).toHaveBeenCalled();
  });
});
