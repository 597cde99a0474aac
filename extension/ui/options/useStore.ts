import { useCallback, useEffect, useState } from "preact/hooks";
import { browser } from "wxt/browser";
import { askBackground } from "../../messaging/protocol.ts";
import type { LibraryView } from "../../store/view.ts";
import type { ConnectionInfo } from "../../sync/connection.ts";

export interface StoreSnapshot {
  connection?: ConnectionInfo;
  library?: LibraryView;
  error?: string;
}

/**
 * The page's view of the background store, refreshed whenever the store writes (storage change events are only
 * a signal here: data always comes from the background through messages).
 */
export function useStore(): StoreSnapshot & { refresh: () => void } {
  const [snapshot, setSnapshot] = useState<StoreSnapshot>({});
  const refresh = useCallback(() => {
    Promise.all([askBackground("connection.get", {}), askBackground("library.get", {})]).then(
      ([connection, library]) => setSnapshot({ connection, library }),
      (err: Error) => setSnapshot((old) => ({ ...old, error: err.message })),
    );
  }, []);
  useEffect(() => {
    refresh();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === "local" && Object.keys(changes).some((key) => key.startsWith("kefu."))) refresh();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [refresh]);
  return { ...snapshot, refresh };
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function formatTime(ms: number | undefined): string {
  if (!ms) return "从未 · never";
  return new Date(ms).toLocaleString("zh-CN", { hour12: false });
}
