/**
 * Local edits: validated against the sync contract, applied to the queue (outbox) at once so every page sees
 * them, and pushed by the sync loop when the Worker is reachable. Every function is one exclusive
 * read-modify-write of chrome.storage.local, so a service-worker restart never loses half an edit.
 */
import * as v from "valibot";
import type { ImportPreview } from "../../shared/phrases/io/index.ts";
import type { LocalLibrary } from "../../shared/phrases/merge.ts";
import {
  type PhraseGroupInput,
  PhraseGroupInputSchema,
  type PhraseInput,
  PhraseInputSchema,
  type PhraseScope,
} from "../../shared/phrases/schema.ts";
import {
  type Connection,
  conflictsItem,
  connectionItem,
  exclusive,
  libraryItem,
  type Outbox,
  outboxItem,
  usageItem,
} from "./state.ts";
import { buildView, canEdit, type LibraryView } from "./view.ts";

/** Group id for personal phrases that sit in no team group (groups are team-wide and admin-only). */
export const PERSONAL_GROUP_ID = "personal";

/** A phrase as the editor sends it: the Worker's input fields, the id absent for a new phrase. */
export interface PhraseDraft extends Omit<PhraseInput, "id"> {
  id?: string;
  /**
   * The server rev the editor was opened on. Without it a sync that lands while the form is open would make a
   * save overwrite a teammate's newer version silently; with it the Worker reports a stale edit as a conflict.
   */
  baseRev?: number;
}

export interface GroupDraft {
  id?: string;
  name: string;
  order?: number;
}

export function newId(): string {
  return crypto.randomUUID();
}

const FIELD_NAMES: Record<string, string> = {
  code: "快捷编码",
  content: "短语内容",
  imageUrl: "图片",
  groupId: "分组",
  tags: "标签",
  title: "标题",
  name: "分组名称",
  id: "id",
};

function explain(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 5)
    .map((problem) => {
      const path = v.getDotPath(problem) ?? "";
      const head = path.split(".")[0] ?? "";
      return `${FIELD_NAMES[head] ?? path}：${problem.message}`;
    })
    .join("；");
}

async function requireConnection(): Promise<Connection> {
  const connection = await connectionItem.getValue();
  if (!connection) throw new Error("请先在设置里连接团队 · Connect to a team first");
  return connection;
}

function toPhraseInput(draft: PhraseDraft, id: string): PhraseInput {
  const candidate: Record<string, unknown> = {
    id,
    code: draft.code.trim().replace(/^\/+/, ""),
    content: draft.content.replace(/\r\n?/g, "\n").trim(),
    groupId: draft.groupId || PERSONAL_GROUP_ID,
    tags: [...new Set(draft.tags.map((tag) => tag.trim()).filter(Boolean))],
    scope: draft.scope,
  };
  if (draft.title?.trim()) candidate.title = draft.title.trim();
  if (draft.imageUrl?.trim()) candidate.imageUrl = draft.imageUrl.trim();
  const parsed = v.safeParse(PhraseInputSchema, candidate);
  if (!parsed.success) throw new Error(explain(parsed.issues));
  return parsed.output;
}

function baseRevOf(outbox: Outbox, library: LocalLibrary, kind: "phrases" | "groups", id: string): number {
  const queued = outbox[kind][id];
  if (queued) return queued.baseRev;
  return (kind === "phrases" ? library.phrases[id]?.rev : library.groups[id]?.rev) ?? 0;
}

/**
 * The rev an edit builds on. A queued edit already carries it. Otherwise it is the rev the editor was opened on
 * when someone else saved a newer version meanwhile (a sync landed while the form was open): the Worker then
 * answers with a conflict instead of the save silently overwriting their version. Newer versions written by
 * this agent (its own accepted edits) are not a conflict.
 */
function editBase(outbox: Outbox, library: LocalLibrary, id: string, draft: PhraseDraft, agentId: string): number {
  const known = baseRevOf(outbox, library, "phrases", id);
  const stored = library.phrases[id];
  const seenEarlier = draft.baseRev !== undefined && draft.baseRev > 0 && draft.baseRev < known;
  if (outbox.phrases[id] || !seenEarlier || !stored || stored.updatedBy === agentId) return known;
  return draft.baseRev as number;
}

/** Scope of the phrase as this browser currently sees it (queued edit first). */
function currentScope(outbox: Outbox, library: LocalLibrary, id: string): PhraseScope | undefined {
  const queued = outbox.phrases[id];
  if (queued?.op === "upsert") return queued.input.scope;
  if (queued?.op === "delete") return undefined;
  return library.phrases[id]?.scope;
}

/** Reads library and queue inside the lock: read between a sync's two writes, an edit could vanish from both. */
export function readView(): Promise<LibraryView> {
  return readViewWithStamp().then(({ view }) => view);
}

/** What changes whenever the library view would (the picker's cache key; `library.stamp` answers it). */
export interface LibraryStamp {
  rev: number;
  outboxSeq: number;
  conflicts: number;
}

function stampOf(library: LocalLibrary, outbox: Outbox, conflicts: readonly unknown[]): LibraryStamp {
  return { rev: library.rev, outboxSeq: outbox.seq, conflicts: conflicts.length };
}

/**
 * The view together with the stamp of the very storage it was built from: whoever caches something derived from
 * the view (the picker's search index) labels it with this stamp. A stamp read separately, before or after, can
 * belong to another write (a sync landing in between) and label old data as new.
 */
export function readViewWithStamp(): Promise<{ view: LibraryView; stamp: LibraryStamp }> {
  return exclusive(async () => {
    const [library, outbox, conflicts, connection] = await Promise.all([
      libraryItem.getValue(),
      outboxItem.getValue(),
      conflictsItem.getValue(),
      connectionItem.getValue(),
    ]);
    return {
      view: buildView(library, outbox, conflicts, connection?.me),
      stamp: stampOf(library, outbox, conflicts),
    };
  });
}

export function readStamp(): Promise<LibraryStamp> {
  return exclusive(async () => {
    const [library, outbox, conflicts] = await Promise.all([
      libraryItem.getValue(),
      outboxItem.getValue(),
      conflictsItem.getValue(),
    ]);
    return stampOf(library, outbox, conflicts);
  });
}

export function upsertPhrase(draft: PhraseDraft): Promise<{ id: string }> {
  return exclusive(async () => {
    const { me } = await requireConnection();
    const id = draft.id ?? newId();
    const input = toPhraseInput(draft, id);
    const [library, outbox] = await Promise.all([libraryItem.getValue(), outboxItem.getValue()]);
    const existing = currentScope(outbox, library, id);
    if (!canEdit(me, input.scope) || (existing && !canEdit(me, existing))) {
      throw new Error("团队短语只有管理员可以修改 · Only admins edit team phrases");
    }
    // The Worker fixes a phrase's scope at creation (agents holding the old copy would miss the change).
    if (existing && existing !== input.scope) {
      throw new Error("短语创建后不能更改范围（团队/个人），请新建一条 · Scope cannot change after creation");
    }
    const seq = outbox.seq + 1;
    outbox.seq = seq;
    outbox.phrases[id] = { op: "upsert", input, baseRev: editBase(outbox, library, id, draft, me.agentId), seq };
    await outboxItem.setValue(outbox);
    return { id };
  });
}

export function deletePhrases(ids: string[]): Promise<{ deleted: number }> {
  return exclusive(async () => {
    const { me } = await requireConnection();
    const [library, outbox] = await Promise.all([libraryItem.getValue(), outboxItem.getValue()]);
    for (const id of ids) {
      const scope = currentScope(outbox, library, id);
      if (!scope) throw new Error(`找不到短语 ${id}`);
      if (!canEdit(me, scope)) throw new Error("团队短语只有管理员可以删除 · Only admins delete team phrases");
    }
    for (const id of ids) {
      const baseRev = baseRevOf(outbox, library, "phrases", id);
      outbox.seq += 1;
      // Never sent to the Worker: dropping the queued creation is the whole deletion.
      if (baseRev === 0 && !library.phrases[id]) delete outbox.phrases[id];
      else outbox.phrases[id] = { op: "delete", baseRev, seq: outbox.seq };
    }
    await outboxItem.setValue(outbox);
    return { deleted: ids.length };
  });
}

export async function movePhrases(ids: string[], groupId: string): Promise<{ moved: number }> {
  const view = await readView();
  const byId = new Map(view.phrases.map((phrase) => [phrase.id, phrase]));
  const drafts = ids.map((id) => {
    const phrase = byId.get(id);
    if (!phrase) throw new Error(`找不到短语 ${id}`);
    return { ...phrase, groupId };
  });
  return exclusive(async () => {
    const { me } = await requireConnection();
    const [library, outbox] = await Promise.all([libraryItem.getValue(), outboxItem.getValue()]);
    const inputs = drafts.map((draft) => {
      if (!canEdit(me, draft.scope)) throw new Error("团队短语只有管理员可以移动 · Only admins move team phrases");
      return toPhraseInput(draft, draft.id);
    });
    for (const input of inputs) {
      outbox.seq += 1;
      const baseRev = baseRevOf(outbox, library, "phrases", input.id);
      outbox.phrases[input.id] = { op: "upsert", input, baseRev, seq: outbox.seq };
    }
    await outboxItem.setValue(outbox);
    return { moved: inputs.length };
  });
}

function requireAdmin(connection: Connection): void {
  if (connection.me.role !== "admin") throw new Error("只有管理员可以管理分组 · Only admins manage groups");
}

export function upsertGroup(draft: GroupDraft): Promise<{ id: string }> {
  return exclusive(async () => {
    requireAdmin(await requireConnection());
    const [library, outbox] = await Promise.all([libraryItem.getValue(), outboxItem.getValue()]);
    const view = buildView(library, outbox, [], undefined);
    const id = draft.id ?? newId();
    const name = draft.name.trim();
    if (view.groups.some((group) => group.name === name && group.id !== id)) throw new Error(`已有分组「${name}」`);
    const order = draft.order ?? view.groups.find((group) => group.id === id)?.order ?? nextOrder(view);
    const parsed = v.safeParse(PhraseGroupInputSchema, { id, name, order });
    if (!parsed.success) throw new Error(explain(parsed.issues));
    outbox.seq += 1;
    outbox.groups[id] = {
      op: "upsert",
      input: parsed.output,
      baseRev: baseRevOf(outbox, library, "groups", id),
      seq: outbox.seq,
    };
    await outboxItem.setValue(outbox);
    return { id };
  });
}

function nextOrder(view: LibraryView): number {
  return view.groups.reduce((max, group) => Math.max(max, group.order + 1), 0);
}

export function deleteGroup(id: string): Promise<{ deleted: true }> {
  return exclusive(async () => {
    requireAdmin(await requireConnection());
    const [library, outbox] = await Promise.all([libraryItem.getValue(), outboxItem.getValue()]);
    const view = buildView(library, outbox, [], undefined);
    const inside = view.phrases.filter((phrase) => phrase.groupId === id).length;
    if (inside) throw new Error(`分组里还有 ${inside} 条短语，请先移走或删除 · Group is not empty`);
    if (!view.groups.some((group) => group.id === id)) throw new Error(`找不到分组 ${id}`);
    const baseRev = baseRevOf(outbox, library, "groups", id);
    outbox.seq += 1;
    if (baseRev === 0 && !library.groups[id]) delete outbox.groups[id];
    else outbox.groups[id] = { op: "delete", baseRev, seq: outbox.seq };
    await outboxItem.setValue(outbox);
    return { deleted: true };
  });
}

export interface ImportOutcome {
  created: number;
  updated: number;
  groupsCreated: number;
  /** Team phrases in a backup that an agent may not write (they stay as the team has them). */
  skippedTeam: number;
}

/**
 * Applies a preview from parseImport all-or-nothing: every phrase is validated first, then the whole import is
 * queued in one storage write. Phrases match existing ones by scope + group + quick code (updated in place),
 * groups by name; new group names become new groups (admins) or the personal group (agents).
 */
export function applyImport(preview: ImportPreview, scope: PhraseScope): Promise<ImportOutcome> {
  return exclusive(async () => {
    const { me } = await requireConnection();
    const [library, outbox] = await Promise.all([libraryItem.getValue(), outboxItem.getValue()]);
    const view = buildView(library, outbox, [], me);
    const isAdmin = me.role === "admin";
    if (scope === "team" && !isAdmin) throw new Error("只有管理员可以导入团队短语 · Only admins import team phrases");

    const groupIdByName = new Map(view.groups.map((group) => [group.name, group.id]));
    const newGroups: PhraseGroupInput[] = [];
    let order = nextOrder(view);
    const groupIdFor = (name: string): string => {
      const known = groupIdByName.get(name);
      if (known) return known;
      if (!isAdmin) return PERSONAL_GROUP_ID;
      const group = { id: newId(), name, order: order++ };
      const parsed = v.safeParse(PhraseGroupInputSchema, group);
      if (!parsed.success) throw new Error(`分组「${name}」：${explain(parsed.issues)}`);
      newGroups.push(parsed.output);
      groupIdByName.set(name, group.id);
      return group.id;
    };

    const existing = new Map(
      view.phrases.map((phrase) => [`${phrase.scope}|${phrase.groupId}|${phrase.code}`, phrase]),
    );
    const inputs: PhraseInput[] = [];
    let skippedTeam = 0;
    let updated = 0;
    preview.phrases.forEach((phrase, index) => {
      const phraseScope = phrase.scope ?? scope;
      if (phraseScope === "team" && !isAdmin) {
        skippedTeam++;
        return;
      }
      const groupId = groupIdFor(phrase.groupName);
      const match = existing.get(`${phraseScope}|${groupId}|${phrase.code}`);
      if (match) updated++;
      const draft: PhraseDraft = {
        code: phrase.code,
        content: phrase.content,
        groupId,
        tags: phrase.tags ?? match?.tags ?? [],
        scope: phraseScope,
      };
      if (phrase.image) draft.imageUrl = phrase.image;
      // CSV and XML have no title column: re-importing an export must not wipe the titles it could not carry.
      if (match?.title) draft.title = match.title;
      try {
        inputs.push(toPhraseInput(draft, match?.id ?? newId()));
      } catch (err) {
        throw new Error(`第 ${index + 1} 条（${phrase.code}）${(err as Error).message}；没有导入任何内容`);
      }
    });

    for (const group of newGroups) {
      outbox.seq += 1;
      outbox.groups[group.id] = { op: "upsert", input: group, baseRev: 0, seq: outbox.seq };
    }
    for (const input of inputs) {
      outbox.seq += 1;
      outbox.phrases[input.id] = {
        op: "upsert",
        input,
        baseRev: baseRevOf(outbox, library, "phrases", input.id),
        seq: outbox.seq,
      };
    }
    await outboxItem.setValue(outbox);
    return { created: inputs.length - updated, updated, groupsCreated: newGroups.length, skippedTeam };
  });
}

/** Counts one use of a phrase (the picker calls this); reported to the Worker by the sync loop. */
export function recordUsage(id: string, times = 1): Promise<{ queued: number }> {
  return exclusive(async () => {
    const usage = await usageItem.getValue();
    usage[id] = (usage[id] ?? 0) + times;
    await usageItem.setValue(usage);
    return { queued: usage[id] ?? 0 };
  });
}
