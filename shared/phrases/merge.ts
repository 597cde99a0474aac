/**
 * Client-side merge of sync answers into a local copy of the library. Pure: the extension's store persists the
 * result. Rules: a version replaces the local one only when its rev is higher (answers may arrive out of order),
 * tombstones remove items, and a full sync replaces everything it covers.
 */
import type { SyncResponse } from "../api.ts";
import type { Phrase, PhraseGroup, TeamSettings } from "./schema.ts";

export interface LocalLibrary {
  /** Highest team revision fully applied (the `since` of the next poll). */
  rev: number;
  phrases: Record<string, Phrase>;
  groups: Record<string, PhraseGroup>;
  settings?: TeamSettings;
  settingsRev: number;
}

export function emptyLibrary(): LocalLibrary {
  return { rev: 0, phrases: {}, groups: {}, settingsRev: 0 };
}

function mergeItems<T extends { id: string; rev: number; deleted?: boolean }>(
  base: Record<string, T>,
  incoming: readonly T[],
): Record<string, T> {
  // Tombstones stay in `seen` while merging so an older copy later in the answer cannot resurrect the item.
  const seen = new Map<string, T>(Object.entries(base));
  for (const item of incoming) {
    const known = seen.get(item.id);
    if (!known || known.rev < item.rev) seen.set(item.id, item);
  }
  const next: Record<string, T> = {};
  for (const [id, item] of seen) if (!item.deleted) next[id] = item;
  return next;
}

/**
 * Applies one sync answer; never moves the cursor backwards. A full answer replaces the copy only when it is at
 * least as new as the copy: an older one (a stale answer) is merged like a delta, so nothing newer is dropped.
 */
export function applySync(local: LocalLibrary, answer: SyncResponse): LocalLibrary {
  const replace = answer.full && answer.rev >= local.rev;
  const phrases = mergeItems(replace ? {} : local.phrases, answer.phrases);
  const groups = mergeItems(replace ? {} : local.groups, answer.groups);
  const settingsNewer = answer.settings !== undefined && (answer.settingsRev ?? 0) >= local.settingsRev;
  return {
    rev: Math.max(local.rev, answer.rev),
    phrases,
    groups,
    settings: settingsNewer ? answer.settings : local.settings,
    settingsRev: settingsNewer ? (answer.settingsRev ?? local.settingsRev) : local.settingsRev,
  };
}

/** Live phrases sorted by group order then quick code, as the picker lists them. */
export function listPhrases(local: LocalLibrary): Phrase[] {
  const order = (groupId: string) => local.groups[groupId]?.order ?? Number.MAX_SAFE_INTEGER;
  return Object.values(local.phrases).sort(
    (a, b) => order(a.groupId) - order(b.groupId) || a.code.localeCompare(b.code, "zh-CN") || a.id.localeCompare(b.id),
  );
}
