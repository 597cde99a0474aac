/**
 * What the four team-rules editors share: a draft of one settings section that follows syncs until the admin
 * edits it, a save that validates first and sends only that section (with `seen`, so another admin's change
 * meanwhile becomes a conflict instead of being overwritten), and the frame with 待同步 / errors / save.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { JsonObject, TeamSettings } from "../../../../shared/phrases/schema.ts";
import { askBackground } from "../../../messaging/protocol.ts";
import { errorText } from "../useStore.ts";

export type RulesSection = "orderRules" | "lint" | "reviewTemplates" | "siteProfiles";

/** Props every section editor takes. */
export interface SectionProps {
  settings: TeamSettings;
  isAdmin: boolean;
  /** The section has a local edit the Worker has not accepted yet. */
  pending: boolean;
}

/** A section built from the draft, or the first problem named in Chinese (nothing is sent then). */
export type Built = { value: JsonObject } | { error: string };

/** One entry a line; blank lines and surrounding spaces dropped. */
export const fromLines = (text: string): string[] =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
export const toLines = (list: readonly string[]): string => list.join("\n");

export function useSectionDraft<D>(raw: JsonObject | undefined, toDraft: (raw: JsonObject | undefined) => D) {
  const rawKey = JSON.stringify(raw ?? null);
  const [state, setState] = useState(() => ({ draft: toDraft(raw), seen: raw, edited: false }));
  const [error, setError] = useState("");
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  // A sync that changes the section replaces the draft unless the admin is editing it. Keyed on the content only:
  // right after a save the draft already shows the saved values, and the old copy must not flash back meanwhile.
  useEffect(() => {
    if (!state.edited) setState({ draft: toDraft(raw), seen: raw, edited: false });
  }, [rawKey]);

  const edit = (change: (draft: D) => D) => {
    setState((old) => ({ ...old, draft: change(old.draft), edited: true }));
    setNote("");
  };
  const discard = () => {
    setState({ draft: toDraft(raw), seen: raw, edited: false });
    setError("");
    setNote("");
  };
  async function save(section: RulesSection, build: (draft: D) => Built) {
    setNote("");
    const built = build(state.draft);
    if ("error" in built) return setError(built.error);
    setError("");
    setBusy(true);
    try {
      await askBackground("settings.save", {
        patch: { [section]: built.value },
        seen: { [section]: state.seen ?? {} },
      });
      // What the form now shows is what was saved: the next edit's `seen`.
      setState((old) => ({ ...old, seen: built.value, edited: false }));
      setNote("已保存，下次同步发给团队 · Saved, sent with the next sync");
    } catch (err) {
      setError(`保存失败，草稿仍在 · Not saved (draft kept)：${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  }
  return { draft: state.draft, edited: state.edited, edit, discard, save, error, note, busy };
}

/** What the frame shows of a section's draft (from `useSectionDraft`). */
export interface SectionDraftStatus {
  edited: boolean;
  busy: boolean;
  error: string;
  note: string;
  discard: () => void;
}

export function SectionFrame(props: {
  id: string;
  title: string;
  intro: ComponentChildren;
  isAdmin: boolean;
  pending: boolean;
  editor: SectionDraftStatus;
  onSave: () => void;
  children: ComponentChildren;
}) {
  const { id, editor } = props;
  return (
    <div class="rules-section" data-testid={`rules-${id}`}>
      <div class="row">
        <h3>
          {props.title}
          {props.pending && (
            <span class="badge warn" data-testid={`rules-${id}-pending`} title="尚未同步 · Not synced yet">
              待同步
            </span>
          )}
          {editor.edited && <span class="badge">未保存 · unsaved</span>}
        </h3>
      </div>
      <p class="muted">{props.intro}</p>
      {!props.isAdmin && (
        <p class="muted" data-testid={`rules-${id}-readonly`}>
          团队规则由管理员维护，这里只读。Read-only for agents.
        </p>
      )}
      {props.children}
      {props.isAdmin && (
        <div class="row rules-actions">
          <button type="button" data-testid={`rules-${id}-save`} disabled={editor.busy} onClick={props.onSave}>
            保存 · Save
          </button>
          {editor.edited && (
            <button type="button" class="link" data-testid={`rules-${id}-discard`} onClick={editor.discard}>
              撤销修改 · Discard
            </button>
          )}
        </div>
      )}
      {editor.error && (
        <p class="status-bad" data-testid={`rules-${id}-error`}>
          {editor.error}
        </p>
      )}
      {editor.note && (
        <p class="muted" data-testid={`rules-${id}-note`}>
          {editor.note}
        </p>
      )}
    </div>
  );
}

/** "默认：…" and a 恢复默认 button while the value differs from the default. */
export function DefaultHint(props: {
  shown: string;
  isDefault: boolean;
  isAdmin: boolean;
  onRestore: () => void;
  testId: string;
}) {
  return (
    <span class="rules-default">
      <span class="muted">默认 · default：{props.shown || "（空 · empty）"}</span>
      {props.isAdmin && !props.isDefault && (
        <button type="button" class="link" data-testid={`${props.testId}-restore`} onClick={props.onRestore}>
          恢复默认
        </button>
      )}
    </span>
  );
}
