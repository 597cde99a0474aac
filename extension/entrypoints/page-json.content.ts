import { defineContentScript } from "wxt/utils/define-content-script";
import { installJsonHook } from "../features/order-overlay/page-hook.ts";

// In the page's own world, before the page's scripts: lets the order overlay read 京东/抖店 order lists from the
// JSON the page itself receives (their DOM hides or masks data). The hook only forwards to this window.
export default defineContentScript({
  // Seller back offices only (not 京东's or 抖音's shopping sites): the hook copies JSON bodies, which costs a little.
  matches: [
    "*://shop.jd.com/*",
    "*://*.shop.jd.com/*",
    "*://fxg.jinritemai.com/*",
    "http://127.0.0.1/*",
    "http://localhost/*",
  ],
  world: "MAIN",
  runAt: "document_start",
  main() {
    installJsonHook(window);
  },
});
