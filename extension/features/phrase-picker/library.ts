/**
 * The picker's copy of the search index in the page: asked from the background once per page and again only when
 * the store's change marker (library.stamp) moves, e.g. after a sync or an edit in the options page.
 */

import { browser } from "wxt/browser";
import { createSearchIndexFromData, type SearchIndex } from "../../../shared/search/index.ts";
import type { PhraseUsage } from "../../../shared/search/types.ts";
import { askBackground } from "../../messaging/protocol.ts";
import { DEFAULT_PICKER_HOTKEY, HOTKEY_STORAGE_KEY, indexStamp } from "../../search-index/stamp.ts";

/** How long a stamp check is trusted before the next open asks again. */
const STAMP_TTL_MS = 1500;

export interface PickerLibrary {
  index?: SearchIndex;
  shopName: string;
  agentName: string;
  hotkey: string;
  /** Makes sure the index is current (cheap when it is); resolves with it, or throws with the reason. */
  ensure(): Promise<SearchIndex>;
  /** Counts one use locally so the phrase ranks higher on this page right away. */
  noteUse(id: string): void;
}

/** The hotkey comes straight from storage.local and follows changes made in the options page without a reload. */
function watchHotkey(lib: PickerLibrary, signal: AbortSignal) {
  const apply = (value: unknown) => {
    lib.hotkey = typeof value === "string" && value ? value : DEFAULT_PICKER_HOTKEY;
  };
  browser.storage.local.get(HOTKEY_STORAGE_KEY).then(
    (items) => apply(items[HOTKEY_STORAGE_KEY]),
    () => {},
  );
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === "local" && HOTKEY_STORAGE_KEY in changes) apply(changes[HOTKEY_STORAGE_KEY]?.newValue);
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener("abort", () => browser.storage.onChanged.removeListener(onChanged));
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
  watchHotkey(lib, signal);
  return lib;
}
