/**
 * Phrase use counts (`usage` table). Increments are `count = count + n` upserts, so concurrent increments from
 * many agents add up instead of overwriting each other. Ids are not checked against the library: a count for a
 * phrase deleted meanwhile is harmless.
 */
import type { UsageResponse } from "../../../shared/api.ts";
import type { UsageIncrements } from "../../../shared/phrases/schema.ts";

/** Adds the increments; call inside one transactionSync so a request's counts land together. */
export function addUsageCounts(sql: SqlStorage, counts: UsageIncrements): void {
  for (const [id, n] of Object.entries(counts)) {
    sql.exec(
      "INSERT INTO usage (id, count) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET count = count + excluded.count",
      id,
      n,
    );
  }
}

export function readUsageCounts(sql: SqlStorage): UsageResponse["counts"] {
  const counts: Record<string, number> = {};
  for (const row of sql.exec<{ id: string; count: number }>("SELECT id, count FROM usage").toArray()) {
    counts[row.id] = row.count;
  }
  return counts;
}
