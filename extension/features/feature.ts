import type { ContentScriptContext } from "wxt/utils/content-script-context";

/**
 * One file per feature. Each starts with the content script's context (whose `signal` aborts when the
 * script is invalidated) and must tear everything down when that signal fires: listeners, observers, UI.
 */
export interface Feature {
  id: string;
  start(ctx: ContentScriptContext): void | Promise<void>;
}

/**
 * Starts the content script's features: `everyFrame` in each frame (chat boxes often sit in same-origin iframes),
 * then, in the top frame only, `beforeTopFrame` (page-level marks) and `topFrame` side by side (in list order up to
 * each one's first wait: one feature's round trip to the background does not hold up the next). A feature that
 * fails to start is logged and the others still start.
 */
export async function startFeatures(
  ctx: ContentScriptContext,
  features: { everyFrame: Feature[]; topFrame: Feature[]; beforeTopFrame?: () => void },
): Promise<void> {
  for (const feature of features.everyFrame) {
    try {
      feature.start(ctx);
    } catch (err) {
      console.error(`[kefu] feature ${feature.id} failed to start`, err);
    }
  }
  if (window.top !== window) return;
  features.beforeTopFrame?.();
  await Promise.all(
    features.topFrame.map(async (feature) => {
      try {
        await feature.start(ctx);
      } catch (err) {
        console.error(`[kefu] feature ${feature.id} failed to start`, err);
      }
    }),
  );
}
