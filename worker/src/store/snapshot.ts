/**
 * The KV side of a team's library: a pre-serialised snapshot of the live team phrases, split into hash buckets,
 * plus one small pointer key naming the buckets of the newest snapshot. Only the team's Durable Object writes
 * here (from its alarm, at most once a second), so KV never sees concurrent writers, and no key is written
 * twice within a second: bucket keys carry the bucket's own revision, so they are written once and never
 * changed, and an edit rewrites only the bucket holding the phrase (plus the pointer).
 * Readers put bucket bytes into the answer without decoding or parsing them.
 */
import { fnv1a } from "../../../shared/hash.ts";

/** Target phrases per bucket: ~1,000 × ≤ 15 KB stays far below KV's 25 MiB value cap. */
export const CHUNK_SIZE = 1000;

export interface SnapshotPointer {
  rev: number;
  chunkKeys: string[];
}

export const pointerKey = (teamId: string) => `t:${teamId}:snap`;

/** One team phrase row as the DO stores it (tombstones included: a deletion changes its bucket). */
export interface SnapshotRow {
  id: string;
  rev: number;
  deleted: number;
  json: string;
}

export interface SnapshotSource {
  rev: number;
  rows: SnapshotRow[];
}

/** A stable, cheap bucket assignment for ids. */
function bucketOf(id: string, buckets: number): number {
  return fnv1a(id) % buckets;
}

/** Splits rows into buckets; each bucket's key names its highest row revision, so changed buckets get new keys. */
export function buildBuckets(teamId: string, rows: readonly SnapshotRow[]): { key: string; text: string }[] {
  const live = rows.reduce((n, r) => n + (r.deleted ? 0 : 1), 0);
  let buckets = 1;
  while (buckets * CHUNK_SIZE < live) buckets *= 2;
  const parts = Array.from({ length: buckets }, () => ({ rev: 0, texts: [] as string[] }));
  for (const row of rows) {
    const part = parts[bucketOf(row.id, buckets)];
    if (!part) continue;
    part.rev = Math.max(part.rev, row.rev);
    if (!row.deleted) part.texts.push(row.json);
  }
  return parts.map((p, i) => ({ key: `t:${teamId}:b:${buckets}:${i}:${p.rev}`, text: p.texts.join(",") }));
}

/**
 * Writes a new snapshot: changed buckets first, pointer last, then deletes buckets referenced only by the
 * snapshot before the previous one (the previous stays for readers that fetched the old pointer a moment ago).
 * If any write fails, the pointer is not moved, so readers keep a complete older snapshot.
 * Returns this snapshot's keys (the caller passes them back as `currentKeys` next time) and the KV writes made.
 */
export async function publishSnapshot(
  kv: KVNamespace,
  teamId: string,
  source: SnapshotSource,
  currentKeys: readonly string[],
  olderKeys: readonly string[],
): Promise<{ chunkKeys: string[]; kvWrites: number }> {
  const buckets = buildBuckets(teamId, source.rows);
  const existing = new Set(currentKeys);
  const changed = buckets.filter((b) => !existing.has(b.key));
  await Promise.all(changed.map((b) => kv.put(b.key, b.text)));
  const chunkKeys = buckets.map((b) => b.key);
  const pointer: SnapshotPointer = { rev: source.rev, chunkKeys };
  await kv.put(pointerKey(teamId), JSON.stringify(pointer));
  // Best effort: a failed delete only leaves garbage, never a wrong answer.
  const keep = new Set([...chunkKeys, ...currentKeys]);
  const stale = olderKeys.filter((k) => !keep.has(k));
  await Promise.allSettled(stale.map((k) => kv.delete(k)));
  return { chunkKeys, kvWrites: changed.length + 1 + stale.length };
}

/**
 * Reads the newest snapshot: one pointer read plus one read per bucket, as raw bytes (UTF-8 JSON text of the
 * bucket's phrases joined by commas). The bytes go into the answer untouched — never decoded and re-encoded in
 * JavaScript — which keeps a 10,000-phrase full sync's CPU time to a few small strings. Returns null when there
 * is no snapshot yet or a bucket is not visible here yet (KV is eventually consistent); the caller then lets the
 * Durable Object answer in full. Empty buckets are left out.
 */
export async function readSnapshot(
  kv: KVNamespace,
  teamId: string,
): Promise<{ pointer: SnapshotPointer; buckets: ArrayBuffer[] } | null> {
  const pointerText = await kv.get(pointerKey(teamId), "text");
  if (pointerText === null) return null;
  const pointer = JSON.parse(pointerText) as SnapshotPointer;
  // Each read completes on its own (no stream held open), so the runtime's limit on simultaneous
  // connections only queues them.
  const buffers = await Promise.all(pointer.chunkKeys.map((key) => kv.get(key, "arrayBuffer")));
  const buckets: ArrayBuffer[] = [];
  for (const buffer of buffers) {
    if (buffer === null) return null;
    if (buffer.byteLength > 0) buckets.push(buffer);
  }
  return { pointer, buckets };
}
