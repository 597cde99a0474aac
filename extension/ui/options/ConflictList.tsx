import { useState } from "preact/hooks";
import type { Phrase, PhraseGroup, TeamSettings } from "../../../shared/phrases/schema.ts";
import { settingsKeyName } from "../../../shared/phrases/settings-merge.ts";
import { askBackground } from "../../messaging/protocol.ts";
import type { Conflict, ItemConflict } from "../../store/state.ts";
import { errorText, formatTime } from "./useStore.ts";

const REASON = {
  stale: "别人先改了 · Changed by someone else",
  forbidden: "没有权限 · Not allowed",
  missing: "服务器上已不存在 · Gone on the server",
  limit: "团队短语数已满 · Team is full",
  invalid: "服务器拒绝 · Refused by the Worker",
} as const;

function describeItem(item: ItemConflict["mine"] | Phrase | PhraseGroup | undefined, kind: Conflict["kind"]): string {
  if (!item) return "（已删除 · deleted）";
  if ("op" in item) {
    if (item.op === "delete") return "（删除 · delete）";
    return describeItem(item.input as Phrase | PhraseGroup, kind);
  }
  if (item.deleted) return "（已删除 · deleted）";
  return kind === "phrase"
    ? `/${(item as Phrase).code}：${(item as Phrase).content}`
    : `分组：${(item as PhraseGroup).name}`;
}

/** One line per settings key: its name and value (JSON for the open sections). */
function describeSettings(values: Partial<TeamSettings>, keys: string[]): string {
  return keys
    .map((key) => {
      const value = values[key as keyof TeamSettings];
      const text = typeof value === "string" ? value : JSON.stringify(value ?? null);
      return `${settingsKeyName(key)}：${text}`;
    })
    .join("\n");
}

function versions(conflict: Conflict): { title: string; mine: string; theirs: string } {
  if (conflict.kind !== "settings") {
    return {
      title: describeItem(conflict.mine, conflict.kind).slice(0, 40),
      mine: describeItem(conflict.mine, conflict.kind),
      theirs: describeItem(conflict.theirs, conflict.kind),
    };
  }
  const keys = conflict.keys.length ? conflict.keys : Object.keys(conflict.mine.patch);
  return {
    title: `团队设置 · Team settings：${keys.map(settingsKeyName).join("、")}`,
    mine: describeSettings(conflict.mine.patch, keys),
    theirs: conflict.theirs ? describeSettings(conflict.theirs.settings, keys) : (conflict.message ?? ""),
  };
}

export function ConflictList({ conflicts }: { conflicts: Conflict[] }) {
  const [error, setError] = useState("");
  if (!conflicts.length) return null;
  const resolve = async (conflict: Conflict, choice: "mine" | "theirs") => {
    try {
      await askBackground("conflict.resolve", { kind: conflict.kind, id: conflict.id, choice });
      setError("");
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <section class="card conflicts" data-testid="conflict-list">
      <h2>同步冲突 · Conflicts ({conflicts.length})</h2>
      <p class="muted">
        这些修改没有被服务器接受，已保留在这里，请选择保留哪一个。Nothing was dropped: pick a version.
      </p>
      {error && <p class="status-bad">{error}</p>}
      {conflicts.map((conflict) => {
        const shown = versions(conflict);
        return (
          <div class="conflict" key={`${conflict.kind}:${conflict.id}`} data-testid={`conflict-${conflict.id}`}>
            <div class="muted">
              {REASON[conflict.reason]} · {formatTime(conflict.at)}
              {conflict.kind === "settings" && <> · {shown.title}</>}
            </div>
            <div class="versions">
              <div>
                <strong>我的 · Mine</strong>
                <pre>{shown.mine}</pre>
              </div>
              <div>
                <strong>服务器 · Theirs</strong>
                <pre>{shown.theirs}</pre>
              </div>
            </div>
            <div class="row">
              <span />
              <span>
                <button
                  type="button"
                  class="secondary"
                  data-testid={`conflict-keep-mine-${conflict.id}`}
                  disabled={conflict.reason === "forbidden"}
                  onClick={() => resolve(conflict, "mine")}
                >
                  保留我的 · Keep mine
                </button>{" "}
                <button
                  type="button"
                  data-testid={`conflict-take-theirs-${conflict.id}`}
                  onClick={() => resolve(conflict, "theirs")}
                >
                  采用服务器的 · Take theirs
                </button>
              </span>
            </div>
          </div>
        );
      })}
    </section>
  );
}
