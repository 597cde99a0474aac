/**
 * The write path of versioned items (phrases and groups): one code path for "look up the stored row → checks →
 * next team revision → INSERT OR REPLACE, or a tombstone for a delete", so both kinds get the same baseRev,
 * missing and live-item-limit rules (worker/README.md, BatchResponse). What differs per kind — its table, how
 * an accepted input becomes the stored item, what its tombstone keeps, and the phrase-only ownership and scope
 * rules — is an `ItemKind`. Callers run `applyBatch` inside one transactionSync, so a batch applies atomically
 * while each entry still succeeds or conflicts on its own.
 */
import type { BatchConflict } from "../../../shared/api.ts";
import {
  LIMITS,
  type Phrase,
  type PhraseGroup,
  type PhraseGroupInput,
  type PhraseInput,
} from "../../../shared/phrases/schema.ts";
import type { Principal } from "./tokens.ts";

export interface BatchItem<T> {
  item: T;
  baseRev?: number;
}

export interface BatchDelete {
  id: string;
  baseRev?: number;
}

/** A stored row of the phrases or groups table (`owner`: agent of a personal phrase; always null for groups). */
export type StoredRow = {
  owner: string | null;
  rev: number;
  deleted: number;
  json: string;
};

/** The per-kind part of the write path. Checks return true to refuse the entry as `forbidden`. */
export interface ItemKind<Input extends { id: string }, Item> {
  /** Reads one row by id: owner, rev, deleted, json. */
  readonly selectSql: string;
  /** Marks a row deleted: binds rev, tombstone json, id. */
  readonly tombstoneSql: string;
  /** Writes an accepted upsert (INSERT OR REPLACE, live). */
  put(sql: SqlStorage, id: string, owner: string | null, rev: number, json: string): void;
  refuseUpsert?(input: Input, existing: StoredRow): boolean;
  refuseDelete?(existing: StoredRow): boolean;
  /** The stored item for an accepted upsert at `rev`, and its owner column. */
  stamp(input: Input, existing: StoredRow | undefined, rev: number): { item: Item; owner: string | null };
  /** What the deletion of `id` stores in place of `old`: enough to place it, no content. */
  tombstone(id: string, old: Item, rev: number): Item;
}

export interface BatchOutcome {
  applied: { id: string; rev: number }[];
  conflicts: BatchConflict[];
}

/** Live phrases plus live groups: the team's item count that LIMITS.teamItems caps. */
function liveItemCount(sql: SqlStorage): number {
  const row = sql
    .exec<{ n: number }>(
      "SELECT (SELECT COUNT(*) FROM phrases WHERE deleted = 0) + (SELECT COUNT(*) FROM groups WHERE deleted = 0) AS n",
    )
    .toArray()[0];
  return row?.n ?? 0;
}

/**
 * Applies upserts then deletes, each entry on its own: applied with a new revision from `nextRev`, or a conflict
 * (forbidden / stale with the server's copy / limit / missing). Must run inside the caller's transactionSync.
 */
export function applyBatch<Input extends { id: string }, Item>(
  sql: SqlStorage,
  nextRev: () => number,
  kind: ItemKind<Input, Item>,
  upserts: readonly BatchItem<Input>[],
  deletes: readonly BatchDelete[],
): BatchOutcome {
  const applied: BatchOutcome["applied"] = [];
  const conflicts: BatchConflict[] = [];
  const read = (id: string) => sql.exec<StoredRow>(kind.selectSql, id).toArray()[0];
  let live = liveItemCount(sql);
  for (const { item, baseRev } of upserts) {
    const existing = read(item.id);
    if (existing && kind.refuseUpsert?.(item, existing)) {
      conflicts.push({ id: item.id, reason: "forbidden" });
      continue;
    }
    if ((baseRev ?? 0) !== (existing?.rev ?? 0)) {
      conflicts.push({ id: item.id, reason: "stale", current: JSON.parse(existing?.json ?? "null") ?? undefined });
      continue;
    }
    const becomesLive = !existing || existing.deleted === 1;
    if (becomesLive && live >= LIMITS.teamItems) {
      conflicts.push({ id: item.id, reason: "limit" });
      continue;
    }
    if (becomesLive) live += 1;
    const rev = nextRev();
    const stamped = kind.stamp(item, existing, rev);
    kind.put(sql, item.id, stamped.owner, rev, JSON.stringify(stamped.item));
    applied.push({ id: item.id, rev });
  }
  for (const { id, baseRev } of deletes) {
    const existing = read(id);
    if (!existing || existing.deleted === 1) {
      conflicts.push({ id, reason: "missing" });
      continue;
    }
    if (kind.refuseDelete?.(existing)) {
      conflicts.push({ id, reason: "forbidden" });
      continue;
    }
    if (baseRev !== undefined && baseRev !== existing.rev) {
      conflicts.push({ id, reason: "stale", current: JSON.parse(existing.json) });
      continue;
    }
    const rev = nextRev();
    const tombstone = kind.tombstone(id, JSON.parse(existing.json) as Item, rev);
    sql.exec(kind.tombstoneSql, rev, JSON.stringify(tombstone), id);
    applied.push({ id, rev });
  }
  return { applied, conflicts };
}

/** An agent may change only their own personal phrases; an admin may change any phrase. */
function mayChangePhrase(p: Principal, owner: string | null): boolean {
  if (p.role === "admin") return true;
  return owner !== null && owner === p.agentId;
}

/** Phrases as written by `p` at `now`: ownership and fixed scope layered on the shared path. */
export function phraseKind(p: Principal, now: number): ItemKind<PhraseInput, Phrase> {
  return {
    selectSql: "SELECT owner, rev, deleted, json FROM phrases WHERE id = ?",
    tombstoneSql: "UPDATE phrases SET rev = ?, deleted = 1, json = ? WHERE id = ?",
    put(sql, id, owner, rev, json) {
      sql.exec(
        "INSERT OR REPLACE INTO phrases (id, owner, rev, deleted, json) VALUES (?, ?, ?, 0, ?)",
        id,
        owner,
        rev,
        json,
      );
    },
    // Scope is fixed at creation: flipping it would hide the change from agents who hold the old copy.
    refuseUpsert: (input, existing) =>
      !mayChangePhrase(p, existing.owner) || (existing.owner === null) !== (input.scope === "team"),
    refuseDelete: (existing) => !mayChangePhrase(p, existing.owner),
    stamp(input, existing, rev) {
      const owner = input.scope === "personal" ? (existing?.owner ?? p.agentId) : null;
      const item: Phrase = { ...input, updatedBy: p.agentId, updatedAt: now, rev };
      if (owner) item.ownerId = owner;
      return { item, owner };
    },
    tombstone(id, old, rev) {
      const tombstone: Phrase = {
        id,
        code: old.code,
        content: "",
        groupId: old.groupId,
        tags: [],
        scope: old.scope,
        updatedBy: p.agentId,
        updatedAt: now,
        deleted: true,
        rev,
      };
      if (old.ownerId) tombstone.ownerId = old.ownerId;
      return tombstone;
    },
  };
}

/** Phrase groups (admin-only, checked by the caller) at `now`: no per-item rules beyond the shared ones. */
export function groupKind(now: number): ItemKind<PhraseGroupInput, PhraseGroup> {
  return {
    selectSql: "SELECT NULL AS owner, rev, deleted, json FROM groups WHERE id = ?",
    tombstoneSql: "UPDATE groups SET rev = ?, deleted = 1, json = ? WHERE id = ?",
    put(sql, id, _owner, rev, json) {
      sql.exec("INSERT OR REPLACE INTO groups (id, rev, deleted, json) VALUES (?, ?, 0, ?)", id, rev, json);
    },
    stamp: (input, _existing, rev) => ({ item: { ...input, updatedAt: now, rev }, owner: null }),
    tombstone: (id, old, rev) => ({ id, name: old.name, order: old.order, updatedAt: now, deleted: true, rev }),
  };
}
