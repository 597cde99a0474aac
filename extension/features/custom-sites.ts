/**
 * Team-added sites (settings section `customSites`, issue 4): the phrase picker also runs on URL patterns a team
 * adds in the options page. The background keeps ONE dynamic content script (entrypoints/custom-sites.content.ts:
 * picker + status chip, no order overlay) registered for exactly the patterns this browser holds host permission
 * for. It is re-checked when the service worker starts, when the settings (synced, or an admin's queued edit) change the patterns, and when a
 * host permission is granted or removed. Registered scripts persist across browser restarts; one script (not one
 * per pattern) means overlapping patterns never inject the picker twice, and `excludeMatches` keeps it off the
 * sites the manifest's own content script already covers.
 */
import { browser } from "wxt/browser";
import { storage } from "wxt/utils/storage";
import { customSitePatterns } from "../../shared/settings.ts";
import { SELLER_SITE_MATCHES } from "../sites/matches.ts";
import { readTeamSettings } from "../store/settings-edits.ts";
import { libraryItem, outboxItem } from "../store/state.ts";

export const CUSTOM_SITES_SCRIPT_ID = "kefu-custom-sites";
export const CUSTOM_SITES_SCRIPT_FILE = "content-scripts/custom-sites.js";

/** What the background last did, for the options page (which patterns run, which wait for a permission). */
export interface CustomSitesStatus {
  active: string[];
  needPermission: string[];
  error?: string;
  at: number;
}
export const customSitesStatusItem = storage.defineItem<CustomSitesStatus | null>("local:kefu.customSitesStatus", {
  fallback: null,
});

export type CustomSitesPlan =
  | { kind: "keep" }
  | { kind: "register"; matches: string[] }
  | { kind: "update"; matches: string[] }
  | { kind: "unregister" };

/** The change that turns the registered script's matches (undefined: none registered) into `wanted`. */
export function planCustomSites(registered: readonly string[] | undefined, wanted: readonly string[]): CustomSitesPlan {
  const next = [...new Set(wanted)].sort();
  if (registered === undefined) return next.length > 0 ? { kind: "register", matches: next } : { kind: "keep" };
  if (next.length === 0) return { kind: "unregister" };
  const same = registered.length === next.length && [...registered].sort().every((match, i) => match === next[i]);
  return same ? { kind: "keep" } : { kind: "update", matches: next };
}

/** The slice of chrome.scripting / chrome.permissions this module uses (a fake in unit tests). */
export interface CustomSitesApi {
  patterns(): Promise<string[]>;
  granted(pattern: string): Promise<boolean>;
  registeredMatches(): Promise<string[] | undefined>;
  register(matches: string[]): Promise<void>;
  update(matches: string[]): Promise<void>;
  unregister(): Promise<void>;
  /** Starts the script in tabs already open on these patterns (a registration only reaches pages loaded later). */
  injectOpenTabs(matches: string[]): Promise<void>;
}

/** Brings the registration in line with the team's patterns and this browser's permissions. */
export async function syncCustomSites(api: CustomSitesApi): Promise<CustomSitesStatus> {
  const patterns = await api.patterns();
  const granted = await Promise.all(patterns.map((pattern) => api.granted(pattern).catch(() => false)));
  const active = patterns.filter((_, i) => granted[i]);
  const needPermission = patterns.filter((_, i) => !granted[i]);
  const registered = await api.registeredMatches();
  const plan = planCustomSites(registered, active);
  try {
    if (plan.kind === "register") await api.register(plan.matches);
    if (plan.kind === "update") await api.update(plan.matches);
    if (plan.kind === "unregister") await api.unregister();
    // Pages open on a newly added pattern get the picker now, without a reload. A page that already runs it gets a
    // fresh copy: WXT's content-script context stops the older instance when a newer one starts in the same frame.
    if (plan.kind === "register" || plan.kind === "update") {
      const added = plan.matches.filter((match) => !registered?.includes(match));
      if (added.length > 0) await api.injectOpenTabs(added).catch(() => {});
    }
  } catch (err) {
    // Chrome refuses the whole set for one pattern it cannot parse: say so, and run nowhere rather than half-way.
    await api.unregister().catch(() => {});
    const error = err instanceof Error ? err.message : String(err);
    return { active: [], needPermission, error, at: Date.now() };
  }
  return { active, needPermission, at: Date.now() };
}

function scriptOptions(matches: string[]) {
  return {
    id: CUSTOM_SITES_SCRIPT_ID,
    js: [CUSTOM_SITES_SCRIPT_FILE],
    matches,
    excludeMatches: [...SELLER_SITE_MATCHES],
    allFrames: true,
    runAt: "document_idle" as const,
    persistAcrossSessions: true,
  };
}

export const chromeCustomSitesApi: CustomSitesApi = {
  // The settings as this browser shows them (server copy + an admin's queued edit), like the options page lists them.
  patterns: async () => customSitePatterns(await readTeamSettings()),
  granted: (pattern) => browser.permissions.contains({ origins: [pattern] }),
  registeredMatches: async () => {
    const [script] = await browser.scripting.getRegisteredContentScripts({ ids: [CUSTOM_SITES_SCRIPT_ID] });
    return script ? (script.matches ?? []) : undefined;
  },
  register: (matches) => browser.scripting.registerContentScripts([scriptOptions(matches)]),
  update: (matches) => browser.scripting.updateContentScripts([scriptOptions(matches)]),
  unregister: async () => {
    const ids = (await browser.scripting.getRegisteredContentScripts({ ids: [CUSTOM_SITES_SCRIPT_ID] })).map(
      (s) => s.id,
    );
    if (ids.length > 0) await browser.scripting.unregisterContentScripts({ ids });
  },
  injectOpenTabs: async (matches) => {
    for (const tab of await browser.tabs.query({ url: matches })) {
      if (tab.id === undefined || tab.discarded) continue;
      // A tab on an error page or a frame we may not touch refuses; the next load gets the registered script.
      await browser.scripting
        .executeScript({ target: { tabId: tab.id, allFrames: true }, files: [CUSTOM_SITES_SCRIPT_FILE] })
        .catch(() => {});
    }
  },
};

/** Background wiring: sync now, after settings changes (only when the patterns moved) and on permission changes. */
export function watchCustomSites(api: CustomSitesApi = chromeCustomSitesApi): void {
  let queue: Promise<unknown> = Promise.resolve();
  let lastPatterns: string | undefined;
  const run = (force: boolean) => {
    queue = queue
      .then(async () => {
        const key = JSON.stringify(await api.patterns());
        if (!force && key === lastPatterns) return;
        lastPatterns = key;
        await customSitesStatusItem.setValue(await syncCustomSites(api));
      })
      .catch((err) => console.warn("[kefu] custom sites not registered", err));
  };
  run(true);
  const watched = [libraryItem.key, outboxItem.key].map((key) => key.replace(/^local:/, ""));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === "local" && watched.some((key) => key in changes)) run(false);
  });
  browser.permissions.onAdded.addListener(() => run(true));
  browser.permissions.onRemoved.addListener(() => run(true));
}
