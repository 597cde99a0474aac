import preact from "@preact/preset-vite";
import { defineConfig } from "wxt";
import { SELLER_SITE_MATCHES } from "./extension/sites/matches.ts";

// Entrypoints live in extension/entrypoints; they only wire features together.
export default defineConfig({
  srcDir: "extension",
  outDir: ".output",
  publicDir: "extension/public",
  modules: ["@wxt-dev/webextension-polyfill"],
  manifestVersion: 3,
  // `KEFU_NO_MINIFY=1 npm run build` keeps function names, for CPU profiles of the content script.
  vite: () => ({ plugins: [preact()], ...(process.env.KEFU_NO_MINIFY ? { build: { minify: false } } : {}) }),
  hooks: {
    // public/wake.js, a one-line content script at document_start that wakes the background (see the file). Listed
    // here rather than as a WXT entrypoint, which would bundle the webextension polyfill into it (~14 KB).
    "build:manifestGenerated": (_wxt, manifest) => {
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        { matches: SELLER_SITE_MATCHES, js: ["wake.js"], run_at: "document_start" },
      ];
    },
  },
  manifest: {
    name: "__MSG_extName__",
    description: "__MSG_extDescription__",
    default_locale: "zh_CN",
    // "scripting": the picker's content script is registered at run time on sites a team adds in settings.
    permissions: ["storage", "unlimitedStorage", "alarms", "scripting"],
    // The background store talks to the team's Worker (any URL the lead configures) and reads seller pages.
    host_permissions: [...SELLER_SITE_MATCHES, "https://*/*"],
    // Plain-http sites a team adds: each browser grants them in the options page (a click, as Chrome requires).
    optional_host_permissions: ["*://*/*"],
    action: { default_title: "__MSG_extName__" },
  },
});
