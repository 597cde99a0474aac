import { useState } from "preact/hooks";
import { LIMITS } from "../../../shared/phrases/schema.ts";
import { askBackground } from "../../messaging/protocol.ts";
import { PERSONAL_GROUP_ID } from "../../store/edits.ts";
import type { LibraryView } from "../../store/view.ts";
import { maxLengthRule, requiredRule, useFieldChecks } from "./field-checks.tsx";
import { PERSONAL_GROUP_LABEL } from "./groups.ts";
import { errorText } from "./useStore.ts";

const GROUP_NAME = { zh: "分组名称", en: "group name" };
const GROUP_RULES = { name: [requiredRule(GROUP_NAME), maxLengthRule(GROUP_NAME, LIMITS.groupNameLength)] };

interface Props {
  library: LibraryView;
  selected: string;
  onSelect: (groupId: string) => void;
  onError: (message: string) => void;
}

/** Group list; admins add, rename and delete (groups are team-wide). "" selects every group. */
export function GroupsPanel({ library, selected, onSelect, onError }: Props) {
  const isAdmin = library.me?.role === "admin";
  const [name, setName] = useState("");
  const checks = useFieldChecks(GROUP_RULES, { name });
  const count = (groupId: string) => library.phrases.filter((p) => p.groupId === groupId).length;

  /** True when the work succeeded; a failure is reported through onError. */
  const run = async (work: Promise<unknown>): Promise<boolean> => {
    try {
      await work;
      onError("");
      return true;
    } catch (err) {
      onError(errorText(err));
      return false;
    }
  };
  async function add(event: Event) {
    event.preventDefault();
    if (!checks.check(event.currentTarget as HTMLFormElement)) return;
    // A refused add keeps the typed name, so it can be corrected instead of retyped.
    if (await run(askBackground("group.save", { group: { name } }))) setName("");
  }
  function rename(id: string, old: string) {
    const next = window.prompt("新的分组名称 · New group name", old);
    if (next && next.trim() !== old) void run(askBackground("group.save", { group: { id, name: next } }));
  }
  function remove(id: string, groupName: string) {
    // A group with phrases cannot be deleted: say so at once (not after an "are you sure?") and show its phrases,
    // where the lead can select them all and move or delete them.
    const inside = count(id);
    if (inside > 0) {
      onSelect(id);
      onError(
        `分组「${groupName}」里还有 ${inside} 条短语：请先全选移到别的分组或删除 · Move or delete its phrases first`,
      );
      return;
    }
    if (window.confirm(`删除空分组「${groupName}」？`)) void run(askBackground("group.delete", { id }));
  }

  const item = (id: string, label: string, n: number, extra?: preact.ComponentChildren) => (
    <li class={selected === id ? "selected" : ""} data-testid={id ? `group-item-${id}` : "group-all"}>
      <button type="button" class="link" onClick={() => onSelect(id)}>
        {label} <span class="muted">({n})</span>
      </button>
      {extra}
    </li>
  );

  return (
    <aside class="groups" data-testid="group-list">
      <h3>分组 · Groups</h3>
      <ul>
        {item("", "全部 · All", library.phrases.length)}
        {library.groups.map((group) =>
          item(
            group.id,
            `${group.name}${group.pending ? " *" : ""}`,
            count(group.id),
            isAdmin && (
              <span class="group-actions">
                <button
                  type="button"
                  class="link"
                  title="重命名 · Rename"
                  data-testid={`group-rename-${group.id}`}
                  onClick={() => rename(group.id, group.name)}
                >
                  ✎
                </button>
                <button
                  type="button"
                  class="link danger"
                  title="删除 · Delete"
                  data-testid={`group-delete-${group.id}`}
                  onClick={() => remove(group.id, group.name)}
                >
                  ×
                </button>
              </span>
            ),
          ),
        )}
        {item(PERSONAL_GROUP_ID, PERSONAL_GROUP_LABEL, count(PERSONAL_GROUP_ID))}
      </ul>
      {isAdmin && (
        <form onSubmit={add} class="row" noValidate data-testid="group-add-form">
          <input
            data-testid="group-new-name"
            {...checks.field("name")}
            aria-required="true"
            value={name}
            placeholder="新分组 · New group"
            onInput={(e) => setName(e.currentTarget.value)}
          />
          <button type="submit" data-testid="group-add">
            添加
          </button>
        </form>
      )}
      {/* Under the one-line form, so the field and its button stay side by side. */}
      {isAdmin && checks.error("name")}
    </aside>
  );
}
