// Kefu Kit: wakes the background service worker as a seller page starts loading (run at document_start, top frame;
// listed in the manifest by wxt.config.ts). Chrome stops an idle worker after 30 s; started again only by the main
// content script at document_idle, the first order page after a pause waited 100–200 ms for the worker's start and
// then paid its cold order checks inside the first scan. Asked now, the worker starts and warms the order checks
// (features/order-overlay/warm.ts) while the page downloads and renders. Plain JS without the polyfill the main
// content script bundles: this runs on every seller page, before anything else.
// It also asks for the team's settings. The main content script runs in the same isolated world (same extension,
// same frame, so the same globalThis) and takes them from `kefuWake` (features/order-overlay/wake-settings.ts)
// instead of asking again: usually here before it starts, so the overlay starts with the team's profile for the page.
{
  // A block, so nothing but the one property lands in the isolated world's globals.
  const wake = {
    team: chrome.runtime.sendMessage({ kefu: "getTeamSettings", payload: {} }).then(
      (reply) => {
        wake.settled = reply;
        return reply;
      },
      () => undefined,
    ),
  };
  globalThis.kefuWake = wake;
}
chrome.runtime.sendMessage({ kefu: "orders.warm", payload: {} }).catch(() => {});
