/**
 * The KV side of a team's library: an immutable, pre-serialised snapshot of the live team phrases in chunks,
 * plus one small pointer key naming the newest snapshot. Only the team's Durable Object writes here (from its
 * alarm, at most once a second), so KV never sees concurrent writers or a key written twice within a second.
 * Readers concatenate chunk text into the answer without parsing the phrases.
 */

/** Phrases per chunk: ~1,000 × ≤ 15 KB stays far below KV's 25 MiB value cap and keeps each get small. */
export const CHUNK_SIZE = 1000;

export interface SnapshotPointer {
  rev: number;
  chunkKeys: string[];
}

export const pointerKey = (teamId: string) => `t:${teamId}:snap`;
const chunkKey = (teamId: string, rev: number, index: number) => `t:${teamId}:s:${rev}:${index}`;

export interface SnapshotSource {
  rev: number;
  /** JSON text of each live team phrase. Groups and settings are small: the DO sends those itself. */
  phraseJsons: string[];
}

/**
 * Writes a new snapshot: chunks first, pointer last, then deletes the chunks of the snapshot before the
 * previous one (the previous stays for readers that fetched the old pointer a moment ago).
 * If any write fails, the pointer is not moved, so readers keep a complete older snapshot.
 * Returns the keys of this snapshot, to pass back as `previous` next time, and the number of KV writes made.
 */
export async function publishSnapshot(
  kv: KVNamespace,
  teamId: string,
  source: SnapshotSource,
  olderKeys: readonly string[],
): Promise<{ chunkKeys: string[]; kvWrites: number }> {
  const chunkKeys: string[] = [];
  const puts: Promise<void>[] = [];
  for (let i = 0; i * CHUNK_SIZE < source.phraseJsons.length; i++) {
    const key = chunkKey(teamId, source.rev, i);
    chunkKeys.push(key);
    puts.push(kv.put(key, source.phraseJsons.slice(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE).join(",")));
  }
  await Promise.all(puts);
  const pointer: SnapshotPointer = { rev: source.rev, chunkKeys };
  await kv.put(pointerKey(teamId), JSON.stringify(pointer));
  // Best effort: a failed delete only leaves garbage, never a wrong answer.
  const stale = olderKeys.filter((k) => !chunkKeys.includes(k));
  await Promise.allSettled(stale.map((k) => kv.delete(k)));
  return { chunkKeys, kvWrites: chunkKeys.length + 1 + stale.length };
}

/**
 * Reads the newest snapshot: one pointer read plus one bulk read of its chunks. Returns null when there is no
 * snapshot yet or a chunk is not visible here yet (KV is eventually consistent); the caller then asks the DO.
 */
export async function readSnapshot(
  kv: KVNamespace,
  teamId: string,
): Promise<{ pointer: SnapshotPointer; phrasesText: string } | null> {
  const pointerText = await kv.get(pointerKey(teamId), "text");
  if (pointerText === null) return null;
  const pointer = JSON.parse(pointerText) as SnapshotPointer;
  if (pointer.chunkKeys.length === 0) return { pointer, phrasesText: "" };
  const texts: string[] = [];
  // Bulk get takes up to 100 keys per call.
  for (let i = 0; i < pointer.chunkKeys.length; i += 100) {
    const batch = await kv.get(pointer.chunkKeys.slice(i, i + 100), "text");
    for (const key of pointer.chunkKeys.slice(i, i + 100)) {
      const text = batch.get(key);
      if (text === null || text === undefined) return null;
      texts.push(text);
    }
  }
  return { pointer, phrasesText: texts.filter((t) => t.length > 0).join(",") };
}
