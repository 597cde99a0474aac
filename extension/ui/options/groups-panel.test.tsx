import { render } from "preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { LibraryView, PhraseView } from "../../store/view.ts";
import { GroupsPanel } from "./GroupsPanel.tsx";

const phrase = (id: string, groupId: string): PhraseView => ({
  id,
  code: id,
  content: "亲～",
  groupId,
  tags: [],
  scope: "team",
  rev: 1,
  pending: false,
  editable: true,
});
const library: LibraryView = {
  me: { teamId: "t", shopName: "演示旗舰店", tokenId: "tok", agentId: "a1", name: "店长", role: "admin" },
  phrases: [phrase("p1", "full"), phrase("p2", "full")],
  groups: [
    { id: "full", name: "售前接待", order: 0, rev: 1, pending: false },
    { id: "empty", name: "活动专用", order: 1, rev: 1, pending: false },
  ],
  conflicts: [],
  settingsPending: [],
  pendingCount: 0,
};

describe("groups panel: delete", () => {
  const root = document.createElement("div");
  afterEach(() => {
    render(null, root);
    vi.unstubAllGlobals();
  });

  it("says at once why a group with phrases cannot go, and shows its phrases (no confirm first)", () => {
    const confirm = vi.fn(() => true);
    vi.stubGlobal("confirm", confirm);
    const onSelect = vi.fn();
    const onError = vi.fn();
    render(<GroupsPanel library={library} selected="" onSelect={onSelect} onError={onError} />, root);
    root.querySelector<HTMLButtonElement>('[data-testid="group-delete-full"]')?.click();
    expect(confirm).not.toHaveBeenCalled();
    expect(onSelect).toHaveBeenCalledWith("full");
    expect(onError).toHaveBeenCalledWith(expect.stringContaining("分组「售前接待」里还有 2 条短语"));
  });

  it("asks before deleting an empty group, and does nothing when the lead says no", () => {
    const confirm = vi.fn(() => false);
    vi.stubGlobal("confirm", confirm);
    const onError = vi.fn();
    render(<GroupsPanel library={library} selected="" onSelect={vi.fn()} onError={onError} />, root);
    root.querySelector<HTMLButtonElement>('[data-testid="group-delete-empty"]')?.click();
    expect(confirm).toHaveBeenCalledWith("删除空分组「活动专用」？");
    expect(onError).not.toHaveBeenCalled();
  });
});
