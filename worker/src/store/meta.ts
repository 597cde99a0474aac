/**
 * The `meta` key/value table and the team settings kept in it. Settings are one JSON value plus the team
 * revision at which they last changed (`settingsRev`), so a delta sync can tell whether to include them and
 * PUT /v1/settings can refuse a stale `baseRev`. Other keys: teamId, head, and the KV publish bookkeeping
 * (publishedRev, lastPublishAt, currentKeys, previousKeys) used by the DO's alarm.
 */
import { defaultTeamSettings, LIMITS, type TeamSettings } from "../../../shared/phrases/schema.ts";

export function readMeta(sql: SqlStorage, key: string): string | undefined {
  const row = sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = ?", key).toArray()[0];
  return row?.value;
}

export function writeMeta(sql: SqlStorage, key: string, value: string | number): void {
  sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", key, String(value));
}

export function readSettings(sql: SqlStorage): TeamSettings {
  const text = readMeta(sql, "settings");
  return text ? (JSON.parse(text) as TeamSettings) : defaultTeamSettings("");
}

export function readSettingsRev(sql: SqlStorage): number {
  return Number(readMeta(sql, "settingsRev") ?? 0);
}

/** Stores new settings under a fresh team revision (call inside the write's transaction); returns that rev. */
export function writeSettings(sql: SqlStorage, settings: TeamSettings, nextRev: () => number): number {
  writeMeta(sql, "settings", JSON.stringify(settings));
  const rev = nextRev();
  writeMeta(sql, "settingsRev", rev);
  return rev;
}

/** Names a new token's agent in `settings.agents` (so every device can show who edited what), within the cap. */
export function recordAgentName(sql: SqlStorage, agentId: string, name: string, nextRev: () => number): void {
  const settings = readSettings(sql);
  if (settings.agents[agentId] !== name && Object.keys(settings.agents).length < LIMITS.agentsPerTeam) {
    settings.agents[agentId] = name;
    writeSettings(sql, settings, nextRev);
  }
}
