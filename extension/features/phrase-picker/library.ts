/**
 * The picker's copy of the search index in the page: asked from the background once per page and again only when
 * the store's change marker (library.stamp) moves, e.g. after a sync or an edit in the options page.
 */

import { browser } from "wxt/browser";
import { createSearchIndexFromData, type SearchIndex } from "../../../shared/search/index.ts";
import type { PhraseUsage } from "../../../shared/search/types.ts";
import { askBackground } from "../../messaging/protocol.ts";
import { DEFAULT_PICKER_HOTKEY, HOTKEY_STORAGE_KEY, indexStamp, isPickerChanged } from "../../search-index/stamp.ts";

/** How long a stamp check is trusted before the next open asks again. */
const STAMP_TTL_MS = 1500;

export interface PickerLibrary {
  index?: SearchIndex;
  shopName: string;
  agentName: string;
  hotkey: string;
  /** Makes sure the index is current (cheap when it is); resolves with it, or throws with the reason. */
  ensure(): Promise<SearchIndex>;
  /** Called when the background reports a change (the index is stale now; an open picker should search again). */
  onChange?: () => void;
  /** Counts one use locally so the phrase ranks higher on this page right away. */
  noteUse(id: string): void;
}

/**
 * The hotkey is read from storage.local once; changes (hotkey, or a new index after a save or sync) arrive as a
 * broadcast from the background, which marks the index stale and lets an open picker refresh.
 */
function watchChanges(lib: PickerLibrary, stale: () => void, signal: AbortSignal) {
  browser.storage.local.get(HOTKEY_STORAGE_KEY).then(
    (items) => {
      const value = items[HOTKEY_STORAGE_KEY];
      if (typeof value === "string" && value) lib.hotkey = value;
    },
    () => {},
  );
  const onMessage = (message: unknown) => {
    if (!isPickerChanged(message)) return;
    const { hotkey } = message.kefuPickerChanged;
    if (hotkey) lib.hotkey = hotkey;
    stale();
    lib.onChange?.();
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener("abort", () => browser.runtime.onMessage.removeListener(onMessage));
}

export function createPickerLibrary(signal: AbortSignal): PickerLibrary {
  let stamp: string | undefined;
  let checkedAt = 0;
  let pending: Promise<SearchIndex> | undefined;
  let usage: Record<string, PhraseUsage> = {};
  const lib: PickerLibrary = {
    shopName: "",
    agentName: "",
    hotkey: DEFAULT_PICKER_HOTKEY,
    ensure() {
      if (lib.index && Date.now() - checkedAt < STAMP_TTL_MS) return Promise.resolve(lib.index);
      pending ??= (async () => {
        try {
          const current = indexStamp(await askBackground("library.stamp", {}));
          if (lib.index && current === stamp) {
            checkedAt = Date.now();
            return lib.index;
          }
          const answer = await askBackground("picker.data", lib.index ? { have: stamp } : {});
          usage = answer.usage ?? {};
          if (answer.data) lib.index = createSearchIndexFromData(answer.data, usage);
          if (!lib.index) throw new Error("短语库为空 (no index)");
          stamp = answer.stamp;
          lib.shopName = answer.shopName;
          lib.agentName = answer.agentName;
          checkedAt = Date.now();
          return lib.index;
        } finally {
          pending = undefined;
        }
      })();
      return pending;
    },
    noteUse(id) {
      const entry = { count: (usage[id]?.count ?? 0) + 1, lastUsedAt: Date.now() };
      usage[id] = entry;
      lib.index?.setUsage(id, entry);
    },
  };
  watchChanges(
    lib,
    () => {
      checkedAt = 0;
    },
    signal,
  );
  return lib;
}
