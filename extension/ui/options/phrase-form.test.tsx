import { render } from "preact";
import { afterEach, describe, expect, it } from "vitest";
import type { LibraryView, PhraseView } from "../../store/view.ts";
import { formNotes, PhraseForm } from "./PhraseForm.tsx";

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
