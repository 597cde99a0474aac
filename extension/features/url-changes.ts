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
 */
export function watchUrl(ctx: ContentScriptContext, onChange: (url: string) => void, pollMs = 500): () => void {
  const watching = new AbortController();
  const signal = AbortSignal.any([ctx.signal, watching.signal]);
  let last = location.href;
  const look = () => {
    const url = location.href;
    if (url === last || signal.aborted) return;
    last = url;
    onChange(url);
  };
  // (WXT's wrapper puts the content script's own signal on its listeners: this one stays, inert once stopped.)
  ctx.addEventListener(window, "wxt:locationchange", () => {
    if (!signal.aborted) ctx.setTimeout(look, 0);
  });
  window.addEventListener("popstate", look, { signal });
  window.addEventListener("hashchange", look, { signal });
  const poll = ctx.setInterval(look, pollMs);
  // Stops watching; the content script's end stops it too.
  return () => {
    watching.abort();
    clearInterval(poll);
  };
}
