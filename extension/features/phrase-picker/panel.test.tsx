import { render } from "preact";
import { afterEach, describe, expect, it } from "vitest";
import { Panel, type PanelState } from "./panel.tsx";

const noop = () => {};
const root = document.createElement("div");
afterEach(() => render(null, root));

function show(state: PanelState): string {
  render(
    <Panel state={state} onPick={noop} onHover={noop} onSubmitForm={noop} onInsertAnyway={noop} onClose={noop} />,
    root,
  );
  return root.querySelector('[data-kefu="picker-title"]')?.textContent ?? "";
}

const phrase = { id: "p1", code: "cf", title: "催付", content: "{买家}您好，还没有付款哦", scope: "team" } as const;
type Hit = Extract<PanelState, { view: "list" }>["hits"][number];

describe("picker panel title", () => {
  it("says an empty query lists only the phrases used most", () => {
    const title = show({ view: "list", query: "", hits: [phrase as unknown as Hit], selected: 0 });
    expect(title).toBe("快捷短语 · 常用");
  });

  it("shows the query when there is one, and no 常用 note when nothing is listed", () => {
    expect(show({ view: "list", query: "cf", hits: [phrase as unknown as Hit], selected: 0 })).toBe("快捷短语 “cf”");
    expect(show({ view: "list", query: "", hits: [], selected: 0 })).not.toContain("常用");
  });
});
