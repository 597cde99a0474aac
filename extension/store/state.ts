/**
 * Persisted state of the phrase store, owned by the background service worker. Everything lives in
 * chrome.storage.local (the service worker may be stopped at any time, so nothing is kept only in memory):
 * the server copy of the library, the queue of local edits not yet accepted by the Worker, conflicts the
 * Worker refused, queued usage counts, the connection and the sync status.
 */
import { storage } from "wxt/utils/storage";
import type { BatchConflict, MeResponse } from "../../shared/api.ts";
import { emptyLibrary, type LocalLibrary } from "../../shared/phrases/merge.ts";
import type { Phrase, PhraseGroup, PhraseGroupInput, PhraseInput, TeamSettings } from "../../shared/phrases/schema.ts";
import type { PendingSettings, SettingsKey } from "../../shared/phrases/settings-merge.ts";

export type { PendingSettings } from "../../shared/phrases/settings-merge.ts";

export interface Connection {
  workerUrl: string;
  token: string;
  me: MeResponse;
  connectedAt: number;
}

/** A queued edit. `baseRev` is the server rev the edit was made on (0: new); `seq` tells a re-edit from the sent one. */
export type PendingPhrase =
  | { op: "upsert"; input: PhraseInput; baseRev: number; seq: number }
  | { op: "delete"; baseRev: number; seq: number };
export type PendingGroup =
  | { op: "upsert"; input: PhraseGroupInput; baseRev: number; seq: number }
  | { op: "delete"; baseRev: number; seq: number };

export interface Outbox {
  seq: number;
  phrases: Record<string, PendingPhrase>;
  groups: Record<string, PendingGroup>;
  /** A queued team-settings edit (admins), merged three-way when it is sent (shared/phrases/settings-merge.ts). */
  settings?: PendingSettings;
}

/** An edit the Worker did not accept; kept until the user picks "keep mine" or "take theirs". */
export interface ItemConflict {
  kind: "phrase" | "group";
  id: string;
  reason: BatchConflict["reason"];
  /** What this browser tried to write (op delete: a deletion). */
  mine: PendingPhrase | PendingGroup;
  /** The server's current version when the Worker sent it (stale edits). */
  theirs?: Phrase | PhraseGroup;
  at: number;
}

/** A queued team-settings edit that clashed with another admin's change, or that the Worker refused. */
export interface SettingsConflict {
  kind: "settings";
  id: "settings";
  /** stale: someone changed the same keys; forbidden: not an admin (any more); invalid: the Worker refused it. */
  reason: "stale" | "forbidden" | "invalid";
  mine: PendingSettings;
  theirs?: { settings: TeamSettings; settingsRev: number };
  /** The settings keys both sides changed (stale). */
  keys: SettingsKey[];
  /** The Worker's reason (forbidden, invalid). */
  message?: string;
  at: number;
}

export type Conflict = ItemConflict | SettingsConflict;

export type SyncState = "disconnected" | "idle" | "syncing" | "offline" | "error";

export interface SyncStatus {
  state: SyncState;
  lastSyncAt?: number;
  lastAttemptAt?: number;
  lastError?: string;
}

/**
 * One stored value. A missing value reads as a fresh fallback object every time: WXT's own `fallback` hands out
 * one shared object, and callers here mutate what they read before writing it back.
 */
export interface StoredValue<T> {
  key: `local:${string}`;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

function stored<T>(key: `local:${string}`, fallback: () => T): StoredValue<T> {
  return {
    key,
    async getValue() {
      return (await storage.getItem<T>(key)) ?? fallback();
    },
    async setValue(value) {
      await storage.setItem(key, value);
    },
  };
}

/** How long the library stays cached after its last use; the service worker itself stops after ~30 s idle. */
const LIBRARY_CACHE_MS = 60_000;

/**
 * The library is the one big value (≈3 MB of JSON at 10,000 phrases; one chrome.storage.local read of it takes
 * about a second in Chromium here), and only this service worker writes it, so reads are served from memory
 * while it is in use. Storage stays the source of truth: every write goes there first. Callers must treat the
 * value as read-only (build new objects to change it) because the cached object is shared.
 */
function cachedLibrary(
  key: `local:${string}`,
): StoredValue<LocalLibrary> & { dropCache(): void; remember(value: LocalLibrary): void } {
  let cache: LocalLibrary | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const touch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => (cache = undefined), LIBRARY_CACHE_MS);
  };
  return {
    key,
    async getValue() {
      if (!cache) cache = (await storage.getItem<LocalLibrary>(key)) ?? emptyLibrary();
      touch();
      return cache;
    },
    async setValue(value) {
      cache = undefined;
      await storage.setItem(key, value);
      cache = value;
      touch();
    },
    dropCache() {
      clearTimeout(timer);
      cache = undefined;
    },
    /** Caches a value that was just written by `writeTogether`. */
    remember(value) {
      cache = value;
      touch();
    },
  };
}

/** Writes several values in one storage.local.set call: a service worker stopped mid-way keeps all or none. */
export async function writeTogether(values: { item: StoredValue<unknown>; value: unknown }[]): Promise<void> {
  const library = values.find(({ item }) => item.key === libraryItem.key);
  if (library) libraryItem.dropCache();
  await storage.setItems(values.map(({ item, value }) => ({ key: item.key, value })));
  if (library) libraryItem.remember(library.value as LocalLibrary);
}

export const connectionItem = stored<Connection | null>("local:kefu.connection", () => null);
export const libraryItem = cachedLibrary("local:kefu.library");
export const outboxItem = stored<Outbox>("local:kefu.outbox", () => ({ seq: 0, phrases: {}, groups: {} }));
export const conflictsItem = stored<Conflict[]>("local:kefu.conflicts", () => []);
/** Phrase id → uses not yet reported to the Worker. */
export const usageItem = stored<Record<string, number>>("local:kefu.usage", () => ({}));
export const statusItem = stored<SyncStatus>("local:kefu.syncStatus", () => ({ state: "disconnected" }));

/** Every key the store writes; pages listen for changes on these to refresh. */
export const STORE_KEYS = [
  "kefu.connection",
  "kefu.library",
  "kefu.outbox",
  "kefu.conflicts",
  "kefu.usage",
  "kefu.syncStatus",
] as const;

/**
 * Serialises read-modify-write sequences inside one service worker: message handlers and the sync loop
 * interleave at every await, and two of them must not both read the outbox and write it back.
 */
let tail: Promise<unknown> = Promise.resolve();
export function exclusive<T>(work: () => Promise<T>): Promise<T> {
  const run = tail.then(work, work);
  tail = run.catch(() => undefined);
  return run;
}
