/**
 * Queued team-settings edits and their three-way merge. Settings are one object with one revision on the Worker
 * (PUT with `baseRev`, 409 when stale), so an edit made offline cannot simply be re-sent: another admin may have
 * changed the settings meanwhile. A queued edit therefore keeps, per top-level key it changed, the new value
 * (`patch`) and the value it replaced (`base`). Against a newer server copy the edit is rebased when the server
 * did not touch those keys (for `agents`: those agent entries) and is a conflict when it did — never dropped.
 * Pure: the extension's store persists the values.
 */
import { type TeamSettings, TeamSettingsSchema } from "./schema.ts";

export type SettingsKey = keyof TeamSettings;
export type SettingsPatch = Partial<TeamSettings>;

export interface PendingSettings {
  /** New values of the keys this browser changed. */
  patch: SettingsPatch;
  /** Each changed key's value before the first local edit of it (the merge base). */
  base: SettingsPatch;
  /** The server settings revision the edit was made on. */
  baseRev: number;
  seq: number;
}

/** Every top-level settings key (sections added to the schema later are included). */
export const SETTINGS_KEYS = Object.keys(TeamSettingsSchema.entries) as readonly SettingsKey[];

/** Chinese names of the settings keys for messages (typed so a new section cannot be left out). */
export const SETTINGS_KEY_NAMES: Readonly<Record<SettingsKey, string>> = {
  shopName: "店铺名称",
  agents: "客服名称",
  orderRules: "审单规则",
  lint: "话术检查",
  reviewTemplates: "评价模板",
  siteProfiles: "站点配置",
  customSites: "自定义网站",
};

/** The Chinese name of a settings key, or the key itself when it is not one (an old or foreign key). */
export function settingsKeyName(key: string): string {
  return Object.hasOwn(SETTINGS_KEY_NAMES, key) ? SETTINGS_KEY_NAMES[key as SettingsKey] : key;
}

/** Structural equality of JSON values (object key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  const bRecord = b as Record<string, unknown>;
  return aKeys.every(
    (key) => Object.hasOwn(bRecord, key) && sameJson((a as Record<string, unknown>)[key], bRecord[key]),
  );
}

/** Keys of a patch that really are settings keys, in a fixed order. */
function patchedKeys(patch: SettingsPatch): SettingsKey[] {
  return SETTINGS_KEYS.filter((key) => Object.hasOwn(patch, key));
}

/**
 * Adds an edit to the queued one (or starts one on `server`, the local copy of the server's settings at `serverRev`).
 * A key edited again keeps its first base, so the merge compares with what the server had before any local edit.
 */
export function queueSettingsEdit(
  queued: PendingSettings | undefined,
  server: TeamSettings,
  serverRev: number,
  patch: SettingsPatch,
  seq: number,
  /** The values an editor showed when the user started editing (default: `server`'s). A newer value on the
   * server than what the user saw then is a clash, not something to overwrite. */
  seen: SettingsPatch = {},
): PendingSettings {
  const next: PendingSettings = queued
    ? { patch: { ...queued.patch }, base: { ...queued.base }, baseRev: queued.baseRev, seq }
    : { patch: {}, base: {}, baseRev: serverRev, seq };
  for (const key of patchedKeys(patch)) {
    const before = Object.hasOwn(seen, key) ? seen[key] : server[key];
    if (!Object.hasOwn(next.base, key)) Object.assign(next.base, { [key]: before });
    Object.assign(next.patch, { [key]: patch[key] });
  }
  return next;
}

/** Settings as this browser shows them: the server copy with the queued edit laid over it. */
export function applyPendingSettings(server: TeamSettings, pending: PendingSettings | undefined): TeamSettings {
  return pending ? { ...server, ...pending.patch } : server;
}

/** Agent ids whose display name the edit changed (added, renamed or removed). */
function changedAgents(pending: PendingSettings): string[] {
  const mine = pending.patch.agents ?? {};
  const before = pending.base.agents ?? {};
  return [...new Set([...Object.keys(mine), ...Object.keys(before)])].filter((id) => mine[id] !== before[id]);
}

/**
 * The keys where the server changed what this edit also changed (empty: the edit merges cleanly). `agents` is
 * compared entry by entry: minting a token adds an agent on the server, which must not clash with a rename.
 */
export function settingsClashes(pending: PendingSettings, server: TeamSettings): SettingsKey[] {
  return patchedKeys(pending.patch).filter((key) => {
    if (key === "agents") {
      const before = pending.base.agents ?? {};
      return changedAgents(pending).some((id) => server.agents[id] !== before[id]);
    }
    return !sameJson(server[key], pending.base[key]);
  });
}

/** The whole settings object to PUT: the edit applied onto `server` (call only when there are no clashes). */
export function mergeSettings(pending: PendingSettings, server: TeamSettings): TeamSettings {
  const merged: TeamSettings = { ...server, ...pending.patch };
  if (pending.patch.agents) {
    const agents = { ...server.agents };
    for (const id of changedAgents(pending)) {
      const name = pending.patch.agents[id];
      if (name === undefined) delete agents[id];
      else agents[id] = name;
    }
    merged.agents = agents;
  }
  return merged;
}

/**
 * After the Worker accepted `sent` (at `settingsRev`): what stays queued. Nothing when no newer local edit came in
 * meanwhile; otherwise the newer edit, now based on the accepted revision. Its base is what it was made on: the
 * values just sent (the server holds them now), else its own earlier base.
 */
export function afterSettingsAccepted(
  queued: PendingSettings | undefined,
  sent: PendingSettings,
  settingsRev: number,
): PendingSettings | undefined {
  if (!queued || queued.seq === sent.seq) return undefined;
  const base: SettingsPatch = {};
  for (const key of patchedKeys(queued.patch)) {
    Object.assign(base, { [key]: Object.hasOwn(sent.patch, key) ? sent.patch[key] : queued.base[key] });
  }
  return { patch: { ...queued.patch }, base, baseRev: settingsRev, seq: queued.seq };
}

/**
 * "Keep mine" after a clash: the edit re-made on top of the server's settings (`theirs` at `theirsRev`), so it
 * overwrites the keys both sides changed. For `agents` only the entries this edit changed are carried over.
 */
export function rebaseSettingsEdit(
  pending: PendingSettings,
  theirs: TeamSettings,
  theirsRev: number,
  seq: number,
): PendingSettings {
  const merged = mergeSettings(pending, theirs);
  const patch: SettingsPatch = {};
  const base: SettingsPatch = {};
  for (const key of patchedKeys(pending.patch)) {
    Object.assign(patch, { [key]: merged[key] });
    Object.assign(base, { [key]: theirs[key] });
  }
  return { patch, base, baseRev: theirsRev, seq };
}

/** The part of an edit that touches `keys` (pick) or the other keys (omit); undefined when nothing is left. */
export function settingsEditPart(
  pending: PendingSettings,
  keys: readonly SettingsKey[],
  part: "pick" | "omit",
): PendingSettings | undefined {
  const patch: SettingsPatch = {};
  const base: SettingsPatch = {};
  for (const key of patchedKeys(pending.patch)) {
    if (keys.includes(key) !== (part === "pick")) continue;
    Object.assign(patch, { [key]: pending.patch[key] });
    if (Object.hasOwn(pending.base, key)) Object.assign(base, { [key]: pending.base[key] });
  }
  return Object.keys(patch).length ? { ...pending, patch, base } : undefined;
}
