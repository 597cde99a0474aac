/**
 * Background side of the phrase picker: builds the search index data (pinyin keys via shared/search/keys.ts,
 * which must never reach the content script), caches it per library stamp, and answers the picker's messages.
 *
 * Keys are computed per phrase and kept by phrase id with a hash of the searchable fields, in memory and in
 * storage (`local:kefu.searchKeys`, tagged with SEARCH_KEYS_VERSION), so after a save or a sync only the changed
 * phrases are keyed again. The background re-keys as soon as the library or the edit queue changes (storage
 * change listener), so the keys are ready before a page asks.
 */
import { browser } from "wxt/browser";
import { storage } from "wxt/utils/storage";
import type { UsageResponse } from "../../shared/api.ts";
import { fnv1a } from "../../shared/hash.ts";
import { lintText } from "../../shared/lint/lint.ts";
import { type LintSettings, parseLintSettings } from "../../shared/lint/settings.ts";
import {
  type PhraseUsage,
  type PhraseWithKeys,
  SEARCH_KEYS_VERSION,
  type SearchIndexData,
  type SearchKeys,
} from "../../shared/search/types.ts";
import type { Handlers } from "../messaging/protocol.ts";
import { readStamp, readView, readViewWithStamp } from "../store/edits.ts";
import { readTeamSettings } from "../store/settings-edits.ts";
import { connectionItem, libraryItem, outboxItem } from "../store/state.ts";
import type { PhraseView } from "../store/view.ts";
import type { PickerUsageRow } from "./messages.ts";
import { DEFAULT_PICKER_HOTKEY, HOTKEY_STORAGE_KEY, indexStamp, normalizeHotkey, type PickerChanged } from "./stamp.ts";

export type PickerRequestType =
  | "picker.data"
  | "picker.lint"
  | "picker.used"
  | "picker.hotkey.get"
  | "picker.hotkey.set"
  | "usage.team";

const KEYS_KEY = "local:kefu.searchKeys";
const RECENT_KEY = "local:kefu.pickerUsage";
const HOTKEY_KEY = `local:${HOTKEY_STORAGE_KEY}` as const;
/** Recent-use entries kept for ranking (oldest dropped first). */
const MAX_RECENT = 2000;

interface StoredKeys {
  v: number;
  /** phrase id → [hash of the searchable fields, keys] */
  entries: Record<string, [string, SearchKeys]>;
}

/** FNV-1a over the searchable fields plus their length: tells a changed phrase from an unchanged one. */
export function phraseSignature(p: Pick<PhraseView, "code" | "title" | "content" | "tags">): string {
  const text = `${p.code}\u0001${p.title ?? ""}\u0001${p.content}\u0001${p.tags.join("\u0002")}`;
  return `${fnv1a(text).toString(36)}.${text.length}`;
}

let keyCache: StoredKeys | undefined;
let built: { stamp: string; data: SearchIndexData } | undefined;
let building: { stamp: string; promise: Promise<{ stamp: string; data: SearchIndexData }> } | undefined;

async function loadKeyCache(): Promise<StoredKeys> {
  if (keyCache) return keyCache;
  const stored = await storage.getItem<StoredKeys>(KEYS_KEY);
  keyCache = stored?.v === SEARCH_KEYS_VERSION && stored.entries ? stored : { v: SEARCH_KEYS_VERSION, entries: {} };
  return keyCache;
}

/** Index data for the phrases the store shows now, re-keying only phrases whose fields changed. */
export async function buildIndexData(phrases: readonly PhraseView[]): Promise<SearchIndexData> {
  // Imported on first use: pinyin-pro takes ~50 ms to evaluate, which every start of the service worker (stopped
  // after 30 s idle; woken by each order page, review page and sync alarm) would otherwise pay before answering
  // anything. The bundler keeps the module inside background.js and evaluates it here, once.
  const { toSearchIndexData, withSearchKeys } = await import("../../shared/search/keys.ts");
  const cache = await loadKeyCache();
  const next: StoredKeys["entries"] = {};
  let changed = Object.keys(cache.entries).length !== phrases.length;
  const withKeys: PhraseWithKeys[] = [];
  for (const p of phrases) {
    const signature = phraseSignature(p);
    const hit = cache.entries[p.id];
    let keys: SearchKeys;
    if (hit && hit[0] === signature) keys = hit[1];
    else {
      keys = withSearchKeys({ id: p.id, code: p.code, title: p.title, content: p.content, tags: p.tags }).keys;
      changed = true;
    }
    next[p.id] = [signature, keys];
    const phrase: PhraseWithKeys = { id: p.id, code: p.code, content: p.content, tags: p.tags, keys };
    if (p.title) phrase.title = p.title;
    withKeys.push(phrase);
  }
  keyCache = { v: SEARCH_KEYS_VERSION, entries: next };
  // Not awaited: the page waiting for its index should not also wait for a ~2 MB storage write.
  if (changed) storage.setItem(KEYS_KEY, keyCache).catch((err) => console.warn("[kefu] search keys not stored", err));
  return toSearchIndexData(withKeys);
}

/** The index for the current library stamp: from memory, or built once even when several pages ask at once. */
async function currentIndex(): Promise<{ stamp: string; data: SearchIndexData }> {
  const stamp = indexStamp(await readStamp());
  if (built?.stamp === stamp) return built;
  if (building?.stamp === stamp) return building.promise;
  const promise = readViewWithStamp().then(async ({ view, stamp: read }) => {
    // Labelled with the stamp of the storage the view came from: a sync that lands while the keys are built moves
    // the stamp, so the next ask builds again instead of taking this (older) data for the new library.
    const data = await buildIndexData(view.phrases);
    const result = { stamp: indexStamp(read), data };
    built = result;
    return result;
  });
  building = { stamp, promise };
  try {
    return await promise;
  } finally {
    if (building?.promise === promise) building = undefined;
  }
}

let lintCache: { source: unknown; settings: LintSettings } | undefined;
async function teamContext() {
  // Queued (not yet synced) settings edits apply at once, like queued phrase edits.
  const [settings, connection] = await Promise.all([readTeamSettings(), connectionItem.getValue()]);
  const me = connection?.me;
  const section = settings?.lint;
  if (!lintCache || lintCache.source !== section) lintCache = { source: section, settings: parseLintSettings(section) };
  return {
    lint: lintCache.settings,
    shopName: settings?.shopName ?? me?.shopName ?? "",
    agentName: (me && (settings?.agents?.[me.agentId] ?? me.name)) || "",
  };
}

async function recentUsage(): Promise<Record<string, PhraseUsage>> {
  return (await storage.getItem<Record<string, PhraseUsage>>(RECENT_KEY)) ?? {};
}

/** GET /v1/usage: team-wide totals (the sync client only posts increments). */
async function fetchUsageTotals(workerUrl: string, token: string): Promise<Record<string, number>> {
  let response: Response;
  try {
    response = await fetch(`${workerUrl}/v1/usage`, {
      headers: { Authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(15_000),
    });
  } catch (err) {
    throw new Error(`无法连接 Worker，读取使用统计失败 (${(err as Error).message})`);
  }
  const body = (await response.json().catch(() => null)) as (UsageResponse & { error?: { message?: string } }) | null;
  if (!response.ok || !body || typeof body.counts !== "object") {
    throw new Error(`读取使用统计失败 HTTP ${response.status} ${body?.error?.message ?? ""}`.trim());
  }
  return body.counts;
}

async function teamUsage(): Promise<{ rows: PickerUsageRow[]; fetchedAt: number }> {
  const connection = await connectionItem.getValue();
  if (!connection) throw new Error("未连接团队，无法读取使用统计 (not connected)");
  const [counts, view] = await Promise.all([fetchUsageTotals(connection.workerUrl, connection.token), readView()]);
  const rows = view.phrases.map((p) => ({ id: p.id, code: p.code, title: p.title ?? "", count: counts[p.id] ?? 0 }));
  rows.sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  return { rows, fetchedAt: Date.now() };
}

/**
 * Drops what this service worker holds in memory (the built index and the key cache); storage is read again on the
 * next request. Called when the library changes (a disconnect + another team could come back with the same stamp).
 */
export function forgetBuiltIndex(): void {
  built = undefined;
  keyCache = undefined;
}

/** Tells every tab's content scripts (all frames) that the index or the hotkey changed; tabs without one ignore it. */
async function broadcast(change: PickerChanged["kefuPickerChanged"]): Promise<void> {
  const message: PickerChanged = { kefuPickerChanged: change };
  for (const tab of await browser.tabs.query({})) {
    if (tab.id === undefined) continue;
    // A tab without our content script rejects; nothing to do there.
    Promise.resolve()
      .then(() => browser.tabs.sendMessage(tab.id as number, message))
      .catch(() => {});
  }
}

let warmTimer: ReturnType<typeof setTimeout> | undefined;
/** Re-keys soon after the library or the edit queue changes (save, import, sync), before any page asks. */
export function watchLibraryForKeys(): void {
  const watched = new Set([libraryItem.key, outboxItem.key].map((key) => key.replace(/^local:/, "")));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== "local" || !Object.keys(changes).some((key) => watched.has(key))) return;
    built = undefined;
    clearTimeout(warmTimer);
    warmTimer = setTimeout(() => {
      currentIndex().then(
        () => broadcast({}),
        (err) => console.warn("[kefu] search keys not built", err),
      );
    }, 400);
  });
}

export function createPickerHandlers(): Pick<Handlers, PickerRequestType> {
  return {
    "picker.data": async ({ have }) => {
      const [index, usage, context] = await Promise.all([currentIndex(), recentUsage(), teamContext()]);
      const answer = {
        stamp: index.stamp,
        usage,
        shopName: context.shopName,
        agentName: context.agentName,
      };
      return have === index.stamp ? answer : { ...answer, data: index.data };
    },
    "picker.lint": async ({ text }) => {
      const { lint } = await teamContext();
      const input = String(text ?? "").slice(0, 5000);
      return { findings: lint.enabled ? lintText(input, lint) : [], enabled: lint.enabled };
    },
    "picker.used": async ({ id }) => {
      const usage = await recentUsage();
      const entry = usage[String(id)];
      usage[String(id)] = { count: (entry?.count ?? 0) + 1, lastUsedAt: Date.now() };
      const ids = Object.keys(usage);
      if (ids.length > MAX_RECENT) {
        ids.sort((a, b) => Number(usage[a]?.lastUsedAt ?? 0) - Number(usage[b]?.lastUsedAt ?? 0));
        for (const old of ids.slice(0, ids.length - MAX_RECENT)) delete usage[old];
      }
      await storage.setItem(RECENT_KEY, usage);
      return { ok: true };
    },
    "picker.hotkey.get": async () => ({
      hotkey: (await storage.getItem<string>(HOTKEY_KEY)) ?? DEFAULT_PICKER_HOTKEY,
    }),
    "picker.hotkey.set": async ({ hotkey }) => {
      const normal = normalizeHotkey(hotkey);
      if (!normal)
        throw new Error("快捷键需要包含 Ctrl/Alt/Meta 修饰键和一个按键，例如 Alt+K (need a modifier and a key)");
      await storage.setItem(HOTKEY_KEY, normal);
      await broadcast({ hotkey: normal });
      return { hotkey: normal };
    },
    "usage.team": () => teamUsage(),
  };
}
