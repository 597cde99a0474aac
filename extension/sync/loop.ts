/**
 * The background's sync schedule: a browser alarm (survives service-worker restarts; default every 60 s),
 * a quick push shortly after each local edit, and "sync now" on demand.
 */
import { browser } from "wxt/browser";
import { type SyncDeps, syncNow } from "./engine.ts";

export const SYNC_ALARM = "kefu-sync";
export const SYNC_PERIOD_MINUTES = 1;
/** After an edit the worker stays awake ~30 s anyway; pushing within seconds makes edits reach teammates fast. */
const EDIT_PUSH_DELAY_MS = 1500;

let editTimer: ReturnType<typeof setTimeout> | undefined;

export async function startSyncLoop(deps: SyncDeps = {}): Promise<void> {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void syncNow(deps);
  });
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (!existing)
    await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES, delayInMinutes: 0.05 });
}

export function syncSoon(deps: SyncDeps = {}): void {
  clearTimeout(editTimer);
  editTimer = setTimeout(() => void syncNow(deps), EDIT_PUSH_DELAY_MS);
}

/** Drops a scheduled quick push (tests, disconnect). */
export function cancelSyncSoon(): void {
  clearTimeout(editTimer);
  editTimer = undefined;
}
