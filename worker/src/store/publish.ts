/**
 * The DO side of the KV snapshot (snapshot.ts has the KV side): when to publish and what. Edits only schedule an
 * alarm, never sooner than PUBLISH_GAP_MS after the previous publish, so however many agents edit, KV's pointer
 * key is written at most once a second (KV allows one write per second per key); the alarm then publishes the
 * team phrases at one consistent revision and records, in `meta`, which bucket keys are current and which
 * older ones may be deleted next time. A failed KV write leaves the pointer alone and retries in 5 s.
 */
import { readMeta, writeMeta } from "./meta.ts";
import { publishSnapshot } from "./snapshot.ts";

/** Minimum gap between two KV publishes (KV allows one write per second per key). */
const PUBLISH_GAP_MS = 1000;

/** KV writes and publishes made by one DO instance (reported by GET /v1/debug/stats). */
export interface PublishStats {
  kvWrites: number;
  publishes: number;
}

/** Schedules a KV publish unless one is pending; never sooner than PUBLISH_GAP_MS after the last one. */
export async function schedulePublish(storage: DurableObjectStorage): Promise<void> {
  if ((await storage.getAlarm()) !== null) return;
  const last = Number(readMeta(storage.sql, "lastPublishAt") ?? 0);
  await storage.setAlarm(Math.max(Date.now() + PUBLISH_GAP_MS, last + PUBLISH_GAP_MS));
}

/**
 * The alarm's work: publishes the library to KV when it moved since the last publish (`headRev()` is read
 * again after the KV writes, since requests may have moved it meanwhile); retries later if KV fails.
 */
export async function publishIfMoved(
  storage: DurableObjectStorage,
  kv: KVNamespace,
  headRev: () => number,
  stats: PublishStats,
): Promise<void> {
  const sql = storage.sql;
  const teamId = readMeta(sql, "teamId");
  if (!teamId) return;
  const published = Number(readMeta(sql, "publishedRev") ?? 0);
  if (published >= headRev()) return;
  const now = Date.now();
  const last = Number(readMeta(sql, "lastPublishAt") ?? 0);
  if (now - last < PUBLISH_GAP_MS) {
    await storage.setAlarm(last + PUBLISH_GAP_MS);
    return;
  }
  // Read everything synchronously: no other request can interleave, so the snapshot is one consistent rev.
  const rev = headRev();
  const rows = sql
    .exec<{ id: string; rev: number; deleted: number; json: string }>(
      "SELECT id, rev, deleted, json FROM phrases WHERE owner IS NULL",
    )
    .toArray();
  const olderKeys = JSON.parse(readMeta(sql, "previousKeys") ?? "[]") as string[];
  const currentKeys = readMeta(sql, "currentKeys") ?? "[]";
  try {
    const { chunkKeys, kvWrites } = await publishSnapshot(
      kv,
      teamId,
      { rev, rows },
      JSON.parse(currentKeys) as string[],
      olderKeys,
    );
    stats.kvWrites += kvWrites;
    stats.publishes += 1;
    storage.transactionSync(() => {
      writeMeta(sql, "publishedRev", rev);
      writeMeta(sql, "lastPublishAt", now);
      writeMeta(sql, "previousKeys", currentKeys);
      writeMeta(sql, "currentKeys", JSON.stringify(chunkKeys));
    });
  } catch (err) {
    // KV 429/5xx: the pointer was not moved, readers keep the older complete snapshot; try again later.
    console.error("kefu: snapshot publish failed, retrying", err);
    writeMeta(sql, "lastPublishAt", now);
    await storage.setAlarm(now + 5 * PUBLISH_GAP_MS);
    return;
  }
  if (headRev() > rev) await storage.setAlarm(now + PUBLISH_GAP_MS);
}
