import type { ContentScriptContext } from "wxt/utils/content-script-context";

/**
 * Calls `onChange(url)` each time this document's URL changes without a page load (a single-page app's
 * history.pushState/replaceState, hash changes), with the URL the document now has, once per new URL. Two sources:
 * - WXT's "wxt:locationchange". In Chromium it comes from the Navigation API's `navigate` event, which fires
 *   *before* the navigation commits: location.href (and the page's DOM) still belong to the old URL there. So the
 *   event only schedules a look at location.href in the next task, once the URL has committed.
 * - a poll of location.href, for what the event misses (engines without the Navigation API; a navigation the page
 *   cancelled reports nothing, as the URL never changed).
 */
export function watchUrl(ctx: ContentScriptContext, onChange: (url: string) => void, pollMs = 500): void {
  let last = location.href;
  const look = () => {
    const url = location.href;
    if (url === last || ctx.isInvalid) return;
    last = url;
    onChange(url);
  };
  ctx.addEventListener(window, "wxt:locationchange", () => ctx.setTimeout(look, 0));
  ctx.setInterval(look, pollMs);
}
