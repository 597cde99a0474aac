/**
 * The TeamStore's SQLite schema, created on every DO start. Deployed Durable Objects already hold data in
 * these tables, so this text only ever grows by new `IF NOT EXISTS` statements: never rename, drop or change
 * a column here (a changed table needs a real migration step that copies the rows).
 *
 * - meta: key/value state (teamId, head rev, settings + settingsRev, publish bookkeeping) — see meta.ts.
 * - tokens: bearer tokens as SHA-256 hashes only — see tokens.ts.
 * - phrases / groups: versioned items, one row per id, tombstones kept (deleted = 1) because deltas carry
 *   deletions; `owner` is the agent of a personal phrase, NULL for team phrases — see batch.ts, sync-read.ts.
 * - usage: per-phrase use counts — see usage.ts.
 */
export function createSchema(sql: SqlStorage): void {
  sql.exec(`
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS tokens (token_id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, agent_id TEXT NOT NULL,
        name TEXT NOT NULL, role TEXT NOT NULL, created_at INTEGER NOT NULL, revoked_at INTEGER);
      CREATE TABLE IF NOT EXISTS phrases (id TEXT PRIMARY KEY, owner TEXT, rev INTEGER NOT NULL,
        deleted INTEGER NOT NULL, json TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS phrases_rev ON phrases (rev);
      CREATE TABLE IF NOT EXISTS groups (id TEXT PRIMARY KEY, rev INTEGER NOT NULL, deleted INTEGER NOT NULL,
        json TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS usage (id TEXT PRIMARY KEY, count INTEGER NOT NULL);
    `);
}
