/**
 * What pages show: the server copy with queued local edits laid over it. Pure, so it is tested without storage.
 */
import type { MeResponse } from "../../shared/api.ts";
import type { LocalLibrary } from "../../shared/phrases/merge.ts";
import type { Phrase, PhraseGroup, PhraseInput, PhraseScope, TeamSettings } from "../../shared/phrases/schema.ts";
import { applyPendingSettings } from "../../shared/phrases/settings-merge.ts";
import type { Conflict, Outbox } from "./state.ts";

/** A phrase as pages see it: its input fields plus sync state. */
export interface PhraseView extends PhraseInput {
  /** Server rev this view is based on (0: never synced). */
  rev: number;
  updatedAt?: number;
  /** A local edit not yet accepted by the Worker. */
  pending: boolean;
  /** The signed-in user may edit it (admins: everything; agents: their personal phrases). */
  editable: boolean;
}

export interface GroupView {
  id: string;
  name: string;
  order: number;
  rev: number;
  pending: boolean;
}

export interface LibraryView {
  me?: MeResponse;
  phrases: PhraseView[];
  groups: GroupView[];
  conflicts: Conflict[];
  /** Team settings as shown: the server copy with a queued edit laid over it. */
  settings?: TeamSettings;
  /** The settings keys with a local edit not yet accepted by the Worker. */
  settingsPending: string[];
  pendingCount: number;
}

export function canEdit(me: MeResponse | undefined, scope: PhraseScope): boolean {
  if (!me) return scope === "personal"; // offline, never connected: a personal scratch library still works
  return me.role === "admin" || scope === "personal";
}

export function pendingCount(outbox: Outbox): number {
  return Object.keys(outbox.phrases).length + Object.keys(outbox.groups).length + (outbox.settings ? 1 : 0);
}

function phraseView(phrase: Phrase, me: MeResponse | undefined): PhraseView {
  const view: PhraseView = {
    id: phrase.id,
    code: phrase.code,
    content: phrase.content,
    groupId: phrase.groupId,
    tags: phrase.tags,
    scope: phrase.scope,
    rev: phrase.rev,
    updatedAt: phrase.updatedAt,
    pending: false,
    editable: canEdit(me, phrase.scope),
  };
  if (phrase.title) view.title = phrase.title;
  if (phrase.imageUrl) view.imageUrl = phrase.imageUrl;
  return view;
}

export function buildView(
  library: LocalLibrary,
  outbox: Outbox,
  conflicts: Conflict[],
  me: MeResponse | undefined,
): LibraryView {
  const phrases = new Map<string, PhraseView>();
  for (const phrase of Object.values(library.phrases)) phrases.set(phrase.id, phraseView(phrase, me));
  for (const [id, pending] of Object.entries(outbox.phrases)) {
    if (pending.op === "delete") {
      phrases.delete(id);
      continue;
    }
    const base = phrases.get(id);
    const view: PhraseView = {
      ...pending.input,
      tags: pending.input.tags,
      rev: base?.rev ?? 0,
      pending: true,
      editable: canEdit(me, pending.input.scope),
    };
    if (base?.updatedAt !== undefined) view.updatedAt = base.updatedAt;
    phrases.set(id, view);
  }
  const groups = new Map<string, GroupView>();
  for (const group of Object.values(library.groups) as PhraseGroup[]) {
    groups.set(group.id, { id: group.id, name: group.name, order: group.order, rev: group.rev, pending: false });
  }
  for (const [id, pending] of Object.entries(outbox.groups)) {
    if (pending.op === "delete") groups.delete(id);
    else groups.set(id, { ...pending.input, rev: groups.get(id)?.rev ?? 0, pending: true });
  }
  const groupOrder = (id: string) => groups.get(id)?.order ?? Number.MAX_SAFE_INTEGER;
  const view: LibraryView = {
    phrases: [...phrases.values()].sort(
      (a, b) =>
        groupOrder(a.groupId) - groupOrder(b.groupId) ||
        a.code.localeCompare(b.code, "zh-CN") ||
        a.id.localeCompare(b.id),
    ),
    groups: [...groups.values()].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, "zh-CN")),
    conflicts,
    settingsPending: outbox.settings ? Object.keys(outbox.settings.patch) : [],
    pendingCount: pendingCount(outbox),
  };
  if (me) view.me = me;
  if (library.settings) view.settings = applyPendingSettings(library.settings, outbox.settings);
  return view;
}
