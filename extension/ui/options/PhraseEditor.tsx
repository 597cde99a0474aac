import { useMemo, useState } from "preact/hooks";
import { askBackground } from "../../messaging/protocol.ts";
import { PERSONAL_GROUP_ID } from "../../store/edits.ts";
import type { LibraryView, PhraseView } from "../../store/view.ts";
import { GroupsPanel } from "./GroupsPanel.tsx";
import { groupName, PERSONAL_GROUP_LABEL } from "./groups.ts";
import { PhraseForm } from "./PhraseForm.tsx";
import { usePhraseSearch } from "./usePhraseSearch.ts";
import { errorText } from "./useStore.ts";

type ScopeFilter = "all" | "team" | "personal";

/** Rows rendered at once; a 10,000-phrase library is paged with "show more" instead of one huge table. */
const PAGE_ROWS = 300;

/** Shows only the first lines of long content in the table; the full text is in the editor. */
function preview(content: string): string {
  return content.length > 120 ? `${content.slice(0, 120)}…` : content;
}

export function PhraseEditor({ library }: { library: LibraryView }) {
  const [groupId, setGroupId] = useState("");
  const [query, setQuery] = useState("");
  const [scope, setScope] = useState<ScopeFilter>("all");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<PhraseView | "new" | null>(null);
  const [moveTo, setMoveTo] = useState("");
  const [error, setError] = useState("");
  const [limit, setLimit] = useState(PAGE_ROWS);

  const search = usePhraseSearch(library, query);
  const shown = useMemo(() => {
    const byId = new Map(library.phrases.map((p) => [p.id, p]));
    // With a query: the picker's ranking (best first); without: library order.
    const candidates = search.ids ? search.ids.flatMap((id) => byId.get(id) ?? []) : library.phrases;
    return candidates.filter((p) => (!groupId || p.groupId === groupId) && (scope === "all" || p.scope === scope));
  }, [library.phrases, groupId, scope, search.ids]);
  const selectable = shown.filter((p) => p.editable);
  const chosen = [...selected].filter((id) => selectable.some((p) => p.id === id));

  // Functional update: two clicks before a re-render must both count.
  const toggle = (id: string) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const run = async (work: Promise<unknown>) => {
    try {
      await work;
      setSelected(new Set());
      setError("");
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <section class="card" data-testid="phrase-editor">
      <div class="row">
        <h2>短语库 · Phrase library</h2>
        <button type="button" data-testid="phrase-new" onClick={() => setEditing("new")}>
          + 新短语 · New
        </button>
      </div>
      {library.me?.role === "agent" && (
        <p class="muted">
          团队短语由管理员维护，这里只读；你可以编辑自己的个人短语。Team phrases are read-only for agents.
        </p>
      )}
      {editing && (
        <PhraseForm
          key={editing === "new" ? "new" : editing.id}
          library={library}
          {...(editing === "new" ? {} : { phrase: editing })}
          defaultGroupId={groupId}
          onDone={() => setEditing(null)}
        />
      )}
      <div class="editor">
        <GroupsPanel library={library} selected={groupId} onSelect={setGroupId} onError={setError} />
        <div class="phrases">
          <div class="row toolbar">
            <input
              type="search"
              data-testid="phrase-search"
              placeholder="搜索：编码、拼音/首字母、内容、标签（同聊天框 / 搜索）· Search"
              value={query}
              onInput={(e) => setQuery(e.currentTarget.value)}
            />
            <select
              data-testid="phrase-scope-filter"
              value={scope}
              onChange={(e) => setScope(e.currentTarget.value as ScopeFilter)}
            >
              <option value="all">全部 · All</option>
              <option value="team">团队 · Team</option>
              <option value="personal">个人 · Personal</option>
            </select>
          </div>
          <div class="row toolbar" data-testid="bulk-bar">
            <span class="muted">已选 {chosen.length} 条</span>
            <span>
              <select data-testid="bulk-move-group" value={moveTo} onChange={(e) => setMoveTo(e.currentTarget.value)}>
                <option value="">移动到… Move to</option>
                {library.groups.map((group) => (
                  <option value={group.id} key={group.id}>
                    {group.name}
                  </option>
                ))}
                <option value={PERSONAL_GROUP_ID}>{PERSONAL_GROUP_LABEL}</option>
              </select>{" "}
              <button
                type="button"
                class="secondary"
                data-testid="bulk-move"
                disabled={!chosen.length || !moveTo}
                onClick={() => run(askBackground("phrases.move", { ids: chosen, groupId: moveTo }))}
              >
                移动 · Move
              </button>{" "}
              <button
                type="button"
                class="danger"
                data-testid="bulk-delete"
                disabled={!chosen.length}
                onClick={() =>
                  window.confirm(`删除选中的 ${chosen.length} 条短语？`) &&
                  run(askBackground("phrases.delete", { ids: chosen }))
                }
              >
                删除 · Delete
              </button>
            </span>
          </div>
          {query.trim() && !search.ready && (
            <p class="muted" data-testid="phrase-search-loading">
              {search.error ? `搜索索引加载失败：${search.error}` : "正在准备搜索索引… Preparing search"}
            </p>
          )}
          {error && (
            <p class="status-bad" data-testid="phrase-error">
              {error}
            </p>
          )}
          <table class="phrase-table" data-testid="phrase-list">
            <thead>
              <tr>
                <th>
                  <input
                    type="checkbox"
                    data-testid="phrase-select-all"
                    checked={selectable.length > 0 && chosen.length === selectable.length}
                    onChange={(e) => setSelected(new Set(e.currentTarget.checked ? selectable.map((p) => p.id) : []))}
                  />
                </th>
                <th>编码</th>
                <th>内容</th>
                <th>分组</th>
                <th>范围</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {shown.slice(0, limit).map((phrase) => (
                <tr key={phrase.id} data-testid={`phrase-row-${phrase.id}`} class={phrase.pending ? "pending" : ""}>
                  <td>
                    <input
                      type="checkbox"
                      data-testid={`phrase-select-${phrase.id}`}
                      disabled={!phrase.editable}
                      checked={selected.has(phrase.id)}
                      onChange={() => toggle(phrase.id)}
                    />
                  </td>
                  <td class="code">/{phrase.code}</td>
                  <td class="content">
                    {preview(phrase.content)}
                    {phrase.imageUrl && <span class="badge">图片</span>}
                    {phrase.tags.map((tag) => (
                      <span class="badge" key={tag}>
                        {tag}
                      </span>
                    ))}
                  </td>
                  <td class="nowrap">{groupName(library.groups, phrase.groupId)}</td>
                  <td class="nowrap">
                    {phrase.scope === "team" ? "团队" : "个人"}
                    {phrase.pending && (
                      <span class="badge warn" title="尚未同步 · Not synced yet">
                        待同步
                      </span>
                    )}
                  </td>
                  <td class="nowrap">
                    {phrase.editable ? (
                      <button
                        type="button"
                        class="link"
                        data-testid={`phrase-edit-${phrase.id}`}
                        onClick={() => setEditing(phrase)}
                      >
                        编辑
                      </button>
                    ) : (
                      <span class="muted">只读</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length > limit && (
            <button
              type="button"
              class="secondary"
              data-testid="phrase-show-more"
              onClick={() => setLimit(limit + PAGE_ROWS)}
            >
              显示更多（还有 {shown.length - limit} 条）· Show more
            </button>
          )}
          {!shown.length && (
            <p class="muted" data-testid="phrase-empty">
              没有短语。No phrases.
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
