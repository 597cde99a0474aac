import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { createSearchIndexFromData, type SearchIndex } from "../../../shared/search/index.ts";
import { askBackground } from "../../messaging/protocol.ts";
import type { LibraryView } from "../../store/view.ts";

export interface PhraseSearch {
  /** The index is loaded (until then a query finds nothing and the page says it is preparing). */
  ready: boolean;
  /** Ids of the phrases matching `query`, best first, ranked exactly as the picker ranks them; null: no query. */
  ids: string[] | null;
  error?: string;
}

/**
 * The picker's search in the options page: the same index data the background builds for the picker (pinyin
 * full and initials, quick code, 繁→简 via precomputed keys; "picker.data") and the same ranking
 * (shared/search/index.ts), so a query finds the same phrases here as after "/" in a chat box.
 * The index is fetched again when the library changes (the background answers without data when unchanged).
 */
export function usePhraseSearch(library: LibraryView, query: string): PhraseSearch {
  const [index, setIndex] = useState<SearchIndex | null>(null);
  const [error, setError] = useState<string>();
  const stamp = useRef<string | undefined>(undefined);

  useEffect(() => {
    let current = true;
    const have = stamp.current;
    askBackground("picker.data", have ? { have } : {}).then(
      (answer) => {
        if (!current || !answer.data) return;
        stamp.current = answer.stamp;
        setIndex(createSearchIndexFromData(answer.data, answer.usage));
        setError(undefined);
      },
      (err: Error) => current && setError(err.message),
    );
    return () => {
      current = false;
    };
  }, [library]);

  const trimmed = query.trim();
  const ids = useMemo(() => {
    if (!trimmed || !index) return null;
    return index.search(trimmed, { limit: Math.max(index.size, 1) }).map((hit) => hit.phrase.id);
  }, [index, trimmed]);

  if (!trimmed) return { ready: index !== null, ids: null };
  const result: PhraseSearch = { ready: index !== null, ids: ids ?? [] };
  if (error) result.error = error;
  return result;
}
