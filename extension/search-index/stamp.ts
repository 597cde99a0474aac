/** The picker's cache key for the index: the store's change marker plus the search key format version. */
import { SEARCH_KEYS_VERSION } from "../../shared/search/types.ts";

export function indexStamp(stamp: { rev: number; outboxSeq: number }): string {
  return `${stamp.rev}.${stamp.outboxSeq}.k${SEARCH_KEYS_VERSION}`;
}

export const DEFAULT_PICKER_HOTKEY = "Alt+K";
/** chrome.storage.local key of the picker hotkey (content scripts read it once at start). */
export const HOTKEY_STORAGE_KEY = "kefu.pickerHotkey";

/**
 * Background → content scripts (tabs.sendMessage to every tab): the library's index or the hotkey changed. Content
 * scripts do not watch storage.onChanged, because every library write would then copy megabytes into every frame.
 */
export interface PickerChanged {
  kefuPickerChanged: { hotkey?: string };
}

export function isPickerChanged(message: unknown): message is PickerChanged {
  return typeof message === "object" && message !== null && "kefuPickerChanged" in message;
}

const MODIFIERS = ["Ctrl", "Alt", "Shift", "Meta"] as const;

/**
 * Normalises a hotkey text ("alt + k", "Ctrl+Shift+Space") to "Ctrl+Alt+Shift+Meta+Key" order; undefined when it
 * has no modifier (a bare key would fire while typing) or no key.
 */
export function normalizeHotkey(text: string): string | undefined {
  const parts = String(text ?? "")
    .split("+")
    .map((p) => p.trim())
    .filter(Boolean);
  const mods = new Set<string>();
  let key = "";
  for (const part of parts) {
    const mod = MODIFIERS.find(
      (m) => m.toLowerCase() === part.toLowerCase() || (m === "Ctrl" && /^control$/i.test(part)),
    );
    if (mod) mods.add(mod);
    else if (key) return undefined;
    else key = part.length === 1 ? part.toUpperCase() : part[0]?.toUpperCase() + part.slice(1).toLowerCase();
  }
  if (!key || mods.size === 0 || (mods.size === 1 && mods.has("Shift"))) return undefined;
  return [...MODIFIERS.filter((m) => mods.has(m)), key].join("+");
}

/** The hotkey text of a keyboard event, in normalizeHotkey's form (uses `code` so Alt+K works on every layout). */
export function hotkeyOf(event: KeyboardEvent): string {
  const code = event.code;
  const key = /^Key[A-Z]$/.test(code) ? code.slice(3) : /^Digit\d$/.test(code) ? code.slice(5) : code || event.key;
  const mods = [event.ctrlKey && "Ctrl", event.altKey && "Alt", event.shiftKey && "Shift", event.metaKey && "Meta"];
  return [...mods.filter(Boolean), key.length === 1 ? key.toUpperCase() : key].join("+");
}
