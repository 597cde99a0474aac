/**
 * One sync round: push queued edits (groups, then phrases), pull deltas since the local cursor, report usage.
 * The Worker being unreachable is normal: the round stops, status says offline, the queue stays for next time.
 * Refused edits become conflicts (kept until the user decides); nothing is dropped silently.
 */
import type { BatchResponse, MeResponse, SettingsResponse } from "../../shared/api.ts";
import { applySync, emptyLibrary, type LocalLibrary } from "../../shared/phrases/merge.ts";
import { LIMITS, type Phrase, type PhraseGroup } from "../../shared/phrases/schema.ts";
import {
  afterSettingsAccepted,
  mergeSettings,
  type PendingSettings,
  rebaseSettingsEdit,
  type SettingsKey,
  settingsClashes,
  settingsEditPart,
} from "../../shared/phrases/settings-merge.ts";
import {
  type Conflict,
  conflictsItem,
  connectionItem,
  exclusive,
  type ItemConflict,
  libraryItem,
  type Outbox,
  outboxItem,
  type PendingGroup,
  type PendingPhrase,
  type SettingsConflict,
  type SyncStatus,
  statusItem,
  usageItem,
  writeTogether,
} from "../store/state.ts";
import { createWorkerClient, type FetchLike, type WorkerClient, WorkerError } from "./client.ts";

export interface SyncDeps {
  fetch?: FetchLike;
  now?: () => number;
}

/** Pages of a delta pull in one round; a library bigger than this catches up over the next rounds. */
const MAX_PULL_PAGES = 50;

let running: Promise<SyncStatus> | null = null;

/** Runs one round, or joins the round already running (alarm and "sync now" may coincide). */
export function syncNow(deps: SyncDeps = {}): Promise<SyncStatus> {
  if (!running) running = syncRound(deps).finally(() => (running = null));
  return running;
}

async function syncRound(deps: SyncDeps): Promise<SyncStatus> {
  const now = deps.now ?? Date.now;
  const connection = await connectionItem.getValue();
  const previous = await statusItem.getValue();
  if (!connection) {
    const status: SyncStatus = { state: "disconnected" };
    await statusItem.setValue(status);
    return status;
  }
  await statusItem.setValue({ ...previous, state: "syncing", lastAttemptAt: now() });
  const client = createWorkerClient(connection.workerUrl, connection.token, deps.fetch);
  try {
    await pushGroups(client, connection.me, now);
    await pushPhrases(client, connection.me, now);
    await pushSettings(client, now);
    await pull(client);
    await pushUsage(client);
    const status: SyncStatus = { state: "idle", lastSyncAt: now(), lastAttemptAt: now() };
    await statusItem.setValue(status);
    return status;
  } catch (err) {
    const offline = err instanceof WorkerError && err.offline;
    const status: SyncStatus = {
      ...previous,
      state: offline ? "offline" : "error",
      lastAttemptAt: now(),
      lastError: (err as Error).message,
    };
    if (previous.lastSyncAt !== undefined) status.lastSyncAt = previous.lastSyncAt;
    await statusItem.setValue(status);
    return status;
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type Kind = "phrases" | "groups";

async function pushGroups(client: WorkerClient, me: MeResponse, now: () => number) {
  const outbox = await outboxItem.getValue();
  const entries = Object.entries(outbox.groups);
  for (const batch of chunks(entries, LIMITS.batchItems)) {
    const body = {
      upserts: batch.flatMap(([, p]) => (p.op === "upsert" ? [{ group: p.input, baseRev: p.baseRev }] : [])),
      deletes: batch.flatMap(([id, p]) => (p.op === "delete" ? [{ id, baseRev: p.baseRev }] : [])),
    };
    const answer = await client.groupBatch(body);
    await settle("groups", new Map(batch), answer, me, now);
  }
}

async function pushPhrases(client: WorkerClient, me: MeResponse, now: () => number) {
  const outbox = await outboxItem.getValue();
  const entries = Object.entries(outbox.phrases);
  for (const batch of chunks(entries, LIMITS.batchItems)) {
    const body = {
      upserts: batch.flatMap(([, p]) => (p.op === "upsert" ? [{ phrase: p.input, baseRev: p.baseRev }] : [])),
      deletes: batch.flatMap(([id, p]) => (p.op === "delete" ? [{ id, baseRev: p.baseRev }] : [])),
    };
    const answer = await client.phraseBatch(body);
    await settle("phrases", new Map(batch), answer, me, now);
  }
}

/** The stored version of an accepted edit, so the page shows it before the next pull brings the server's copy. */
function acceptedItem(kind: Kind, sent: PendingPhrase | PendingGroup, rev: number, me: MeResponse, now: number) {
  if (sent.op !== "upsert") return undefined;
  if (kind === "groups") return { ...(sent.input as PhraseGroup), rev, updatedAt: now } satisfies PhraseGroup;
  const input = sent.input as Phrase;
  const phrase: Phrase = { ...input, rev, updatedAt: now, updatedBy: me.agentId };
  if (input.scope === "personal") phrase.ownerId = me.agentId;
  return phrase;
}

/** Records the Worker's answer to one batch in the library, the queue and the conflict list, in one go. */
function settle(
  kind: Kind,
  sent: Map<string, PendingPhrase | PendingGroup>,
  answer: BatchResponse,
  me: MeResponse,
  now: () => number,
) {
  return exclusive(async () => {
    const [library, outbox, conflicts] = await Promise.all([
      libraryItem.getValue(),
      outboxItem.getValue(),
      conflictsItem.getValue(),
    ]);
    // The cached library is shared: change a copy.
    const items = { ...library[kind] } as Record<string, Phrase | PhraseGroup>;
    const queue = outbox[kind] as Record<string, PendingPhrase | PendingGroup>;
    for (const { id, rev } of answer.applied) {
      const mine = sent.get(id);
      if (!mine) continue;
      const known = items[id];
      if (!known || known.rev < rev) {
        const accepted = acceptedItem(kind, mine, rev, me, now());
        if (accepted) items[id] = accepted;
        else delete items[id];
      }
      const queued = queue[id];
      if (queued?.seq === mine.seq) delete queue[id];
      else if (queued) queued.baseRev = rev; // edited again while in flight: that edit builds on this rev
    }
    for (const conflict of answer.conflicts) {
      const mine = sent.get(conflict.id);
      if (!mine) continue;
      const queued = queue[conflict.id];
      delete queue[conflict.id];
      if (conflict.reason === "missing" && mine.op === "delete") {
        delete items[conflict.id]; // already gone on the server: the wish is fulfilled
        continue;
      }
      const theirs = conflict.current;
      if (theirs && (items[conflict.id]?.rev ?? -1) < theirs.rev) {
        if (theirs.deleted) delete items[conflict.id];
        else items[conflict.id] = theirs;
      }
      const record: ItemConflict = {
        kind: kind === "phrases" ? "phrase" : "group",
        id: conflict.id,
        reason: conflict.reason,
        mine: queued ?? mine,
        at: now(),
      };
      if (theirs) record.theirs = theirs;
      const at = conflicts.findIndex((c) => c.id === record.id && c.kind === record.kind);
      if (at >= 0) conflicts[at] = record;
      else conflicts.push(record);
    }
    // One storage.local.set call: a service worker stopped here keeps either all of it or none.
    await writeTogether([
      { item: libraryItem, value: { ...library, [kind]: items } },
      { item: outboxItem, value: outbox },
      { item: conflictsItem, value: conflicts },
    ]);
  });
}

/** Keeps a copy of the server's settings the Worker just sent, unless the local one is newer. */
function keepServerSettings(server: SettingsResponse) {
  return exclusive(async () => {
    const library = await libraryItem.getValue();
    if (server.settingsRev < library.settingsRev) return;
    await libraryItem.setValue({ ...library, settings: server.settings, settingsRev: server.settingsRev });
  });
}

/**
 * Moves the queued settings edit (the newest one, if it changed in flight) to the conflict list: only its `keys`
 * when given (they clashed; the rest stays queued and is sent), else all of it.
 */
function settingsConflict(
  sent: PendingSettings,
  reason: SettingsConflict["reason"],
  theirs: SettingsResponse | undefined,
  keys: SettingsKey[],
  now: () => number,
  message?: string,
) {
  return exclusive(async () => {
    const [outbox, conflicts] = await Promise.all([outboxItem.getValue(), conflictsItem.getValue()]);
    const latest = outbox.settings ?? sent;
    const mine = keys.length ? (settingsEditPart(latest, keys, "pick") ?? latest) : latest;
    const record: SettingsConflict = { kind: "settings", id: "settings", reason, mine, keys, at: now() };
    if (theirs) record.theirs = { settings: theirs.settings, settingsRev: theirs.settingsRev };
    if (message) record.message = message;
    // One settings conflict at a time: an undecided earlier one is folded in (its edits are kept, the newer win).
    const earlier = conflicts.find((c): c is SettingsConflict => c.kind === "settings");
    if (earlier) {
      record.mine = {
        ...mine,
        patch: { ...earlier.mine.patch, ...mine.patch },
        base: { ...earlier.mine.base, ...mine.base },
      };
      record.keys = [...new Set([...earlier.keys, ...keys])];
      if (!theirs && earlier.theirs) record.theirs = earlier.theirs;
    }
    const rest = keys.length ? settingsEditPart(latest, keys, "omit") : undefined;
    if (rest) outbox.settings = rest;
    else delete outbox.settings;
    await writeTogether([
      { item: outboxItem, value: outbox },
      { item: conflictsItem, value: [...conflicts.filter((c) => c.kind !== "settings"), record] },
    ]);
  });
}

/**
 * Sends the queued settings edit. The Worker takes whole settings with the revision they build on, so the edit is
 * laid onto the newest server copy this browser knows: cleanly when the server left the edited keys alone since the
 * edit was made, as a conflict when another admin changed them too. A 409 (the copy here was old) fetches the
 * server's settings and tries again.
 */
async function pushSettings(client: WorkerClient, now: () => number) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const [outbox, library] = await Promise.all([outboxItem.getValue(), libraryItem.getValue()]);
    const pending = outbox.settings;
    if (!pending) return;
    const server: SettingsResponse = library.settings
      ? { settings: library.settings, settingsRev: library.settingsRev }
      : await client.getSettings();
    const clashes = settingsClashes(pending, server.settings);
    if (clashes.length) {
      // The clashing keys wait for a decision; the others go out on the next pass of this loop.
      await settingsConflict(pending, "stale", server, clashes, now);
      continue;
    }
    let answer: SettingsResponse;
    try {
      answer = await client.putSettings({
        settings: mergeSettings(pending, server.settings),
        baseRev: server.settingsRev,
      });
    } catch (err) {
      if (!(err instanceof WorkerError)) throw err;
      if (err.status === 409) {
        await keepServerSettings(await client.getSettings());
        continue;
      }
      if (err.status === 403 || err.status === 400) {
        const reason = err.status === 403 ? "forbidden" : "invalid";
        return settingsConflict(pending, reason, undefined, [], now, err.message);
      }
      throw err;
    }
    await exclusive(async () => {
      const [latestLibrary, latestOutbox] = await Promise.all([libraryItem.getValue(), outboxItem.getValue()]);
      const rest = afterSettingsAccepted(latestOutbox.settings, pending, answer.settingsRev);
      if (rest) latestOutbox.settings = rest;
      else delete latestOutbox.settings;
      const newer = answer.settingsRev >= latestLibrary.settingsRev;
      await writeTogether([
        {
          item: libraryItem,
          value: newer
            ? { ...latestLibrary, settings: answer.settings, settingsRev: answer.settingsRev }
            : latestLibrary,
        },
        { item: outboxItem, value: latestOutbox },
      ]);
    });
    return;
  }
}

async function pull(client: WorkerClient) {
  for (let page = 0; page < MAX_PULL_PAGES; page++) {
    const since = (await libraryItem.getValue()).rev;
    const answer = await client.sync(since);
    if (!answer) return;
    await exclusive(async () => {
      const library = await libraryItem.getValue();
      await libraryItem.setValue(applySync(library, answer));
    });
    if (!answer.more) return;
  }
}

async function pushUsage(client: WorkerClient) {
  const usage = await usageItem.getValue();
  const entries = Object.entries(usage).filter(([, n]) => n > 0);
  for (const batch of chunks(entries, LIMITS.usageEntries)) {
    const counts = Object.fromEntries(batch.map(([id, n]) => [id, Math.min(n, LIMITS.usageIncrement)]));
    await client.usage({ counts });
    await exclusive(async () => {
      const latest = await usageItem.getValue();
      for (const [id, n] of Object.entries(counts)) {
        const left = (latest[id] ?? 0) - n;
        if (left > 0) latest[id] = left;
        else delete latest[id];
      }
      await usageItem.setValue(latest);
    });
  }
}

/** "Keep mine" queues my version again on top of theirs; "take theirs" drops mine. */
export function resolveConflict(kind: Conflict["kind"], id: string, choice: "mine" | "theirs"): Promise<{ ok: true }> {
  return exclusive(async () => {
    const [conflicts, outbox] = await Promise.all([conflictsItem.getValue(), outboxItem.getValue()]);
    const conflict = conflicts.find((c) => c.kind === kind && c.id === id);
    if (!conflict) throw new Error(`没有这条冲突：${id}`);
    if (choice === "mine") {
      if (conflict.reason === "forbidden") throw new Error("没有权限写入这条，只能采用服务器版本");
      outbox.seq += 1;
      if (conflict.kind === "settings") keepMySettings(outbox, conflict);
      else keepMyItem(outbox, conflict);
    }
    await writeTogether([
      { item: outboxItem, value: outbox as Outbox },
      { item: conflictsItem, value: conflicts.filter((c) => c !== conflict) },
    ]);
    return { ok: true };
  });
}

function keepMyItem(outbox: Outbox, conflict: ItemConflict) {
  const queue = (conflict.kind === "phrase" ? outbox.phrases : outbox.groups) as Record<
    string,
    PendingPhrase | PendingGroup
  >;
  const theirsGone = !conflict.theirs || conflict.theirs.deleted === true;
  // Deleting what is already gone needs nothing; anything else is re-sent on top of their rev.
  if (!(conflict.mine.op === "delete" && theirsGone)) {
    const baseRev = conflict.theirs?.rev ?? 0;
    queue[conflict.id] = { ...conflict.mine, baseRev, seq: outbox.seq } as PendingPhrase | PendingGroup;
  }
}

/**
 * My settings edit again, now based on theirs: it overwrites the keys both changed. A settings edit queued since
 * the conflict (newer still) stays on top.
 */
function keepMySettings(outbox: Outbox, conflict: SettingsConflict) {
  const { mine, theirs } = conflict;
  const rebased = theirs
    ? rebaseSettingsEdit(mine, theirs.settings, theirs.settingsRev, outbox.seq)
    : { ...mine, seq: outbox.seq };
  const newer = outbox.settings;
  outbox.settings = newer
    ? {
        patch: { ...rebased.patch, ...newer.patch },
        base: { ...newer.base, ...rebased.base },
        baseRev: rebased.baseRev,
        seq: outbox.seq,
      }
    : rebased;
}

/** Forgets everything of the current team (used on disconnect and when a token of another team is saved). */
export async function resetTeamData(): Promise<void> {
  await exclusive(async () => {
    await writeTogether([
      { item: libraryItem, value: emptyLibrary() as LocalLibrary },
      { item: outboxItem, value: { seq: 0, phrases: {}, groups: {} } },
      { item: conflictsItem, value: [] },
      { item: usageItem, value: {} },
    ]);
  });
}
