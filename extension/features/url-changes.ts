import type { ContentScriptContext } from "wxt/utils/content-script-context";

/**
 * Calls `onChange(url)` each time this document's URL changes without a page load (a single-page app's
 * history.pushState/replaceState, back/forward inside the app, hash changes), with the URL the document has then,
 * once per new URL. Three sources:
 * - WXT's "wxt:locationchange". In Chromium it comes from the Navigation API's `navigate` event, which fires
 *   *before* the navigation commits: location.href (and the page's DOM) still belong to the old URL there. So the
 *   event only schedules a look at location.href in the next task; pushState/replaceState have committed by then.
 * - `popstate` and `hashchange`, which fire once back/forward and hash moves have committed (those may commit after
 *   that next task).
 * - a poll of location.href, for whatever the events miss (engines without the Navigation API). A navigation the
 *   page cancelled reports nothing: the URL never changed.
 * The features of one content script (the overlay, the review loader) share one set of listeners and one poll.
 */
export function watchUrl(ctx: ContentScriptContext, onChange: (url: string) => void, pollMs = 500): () => void {
  let watcher = watchers.get(ctx);
  if (!watcher || watcher.signal.aborted) {
    watcher = startWatcher(ctx, pollMs);
    watchers.set(ctx, watcher);
  }
  const mine = watcher;
  const watch: Watch = { last: location.href, onChange };
  mine.watches.add(watch);
  // Stops this watch; the last one to stop ends the shared listeners and poll (the content script's end does too).
  return () => {
    mine.watches.delete(watch);
    if (mine.watches.size > 0) return;
    mine.stop();
    if (watchers.get(ctx) === mine) watchers.delete(ctx);
  };
}

interface Watch {
  /** The URL this watch last reported (or found when it started). */
  last: string;
  onChange(url: string): void;
}

interface Watcher {
  watches: Set<Watch>;
  signal: AbortSignal;
  stop(): void;
}

/** One set of listeners and one poll per content script, however many features watch the URL. */
const watchers = new WeakMap<ContentScriptContext, Watcher>();

function startWatcher(ctx: ContentScriptContext, pollMs: number): Watcher {
  const watches = new Set<Watch>();
  const stopping = new AbortController();
  const signal = AbortSignal.any([ctx.signal, stopping.signal]);
  const look = () => {
    if (signal.aborted) return;
    const url = location.href;
    for (const watch of [...watches]) {
      // A watch stopped by an earlier one's onChange (during this look) hears nothing more.
      if (url === watch.last || !watches.has(watch)) continue;
      watch.last = url;
      watch.onChange(url);
    }
  };
  // (WXT's wrapper puts the content script's own signal on its listeners: this one stays, inert once stopped.)
  ctx.addEventListener(window, "wxt:locationchange", () => {
    if (!signal.aborted) ctx.setTimeout(look, 0);
  });
  window.addEventListener("popstate", look, { signal });
  window.addEventListener("hashchange", look, { signal });
  const poll = ctx.setInterval(look, pollMs);
  return {
    watches,
    signal,
    stop() {
      stopping.abort();
      clearInterval(poll);
    },
  };
}
