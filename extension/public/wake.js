// Kefu Kit: wakes the background service worker as a seller page starts loading (run at document_start, top frame;
// listed in the manifest by wxt.config.ts). Chrome stops an idle worker after 30 s; started again only by the main
// content script at document_idle, the first order page after a pause waited 100–200 ms for the worker's start and
// then paid its cold order checks inside the first scan. Asked now, the worker starts and warms the order checks
// (features/order-overlay/warm.ts) while the page downloads and renders. Plain JS without the polyfill the main
// content script bundles: this runs on every seller page, before anything else, and needs no answer.
chrome.runtime.sendMessage({ kefu: "orders.warm", payload: {} }).catch(() => {});
