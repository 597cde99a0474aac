import type { ContentScriptContext } from "wxt/utils/content-script-context";

/**
 * One file per feature. Each starts with the content script's context (whose `signal` aborts when the
 * script is invalidated) and must tear everything down when that signal fires: listeners, observers, UI.
 */
export interface Feature {
  id: string;
  start(ctx: ContentScriptContext): void | Promise<void>;
}
