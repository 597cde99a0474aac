/**
 * Which profile applies to a URL, and the page's clock. No schema library here: the content script imports this
 * file, and gets validated profiles from the background.
 */
import type { SiteProfile } from "./schema.ts";

const compiled = new WeakMap<SiteProfile, RegExp[]>();

/** The first profile whose URL patterns match "host/path" of `url`. */
export function profileForUrl(profiles: readonly SiteProfile[], url: string | URL): SiteProfile | undefined {
  let target: string;
  try {
    const u = typeof url === "string" ? new URL(url) : url;
    target = `${u.host}${u.pathname}`;
  } catch {
    return undefined;
  }
  for (const profile of profiles) {
    let patterns = compiled.get(profile);
    if (!patterns) {
      patterns = profile.urls.map((source) => new RegExp(source, "u"));
      compiled.set(profile, patterns);
    }
    if (patterns.some((p) => p.test(target))) return profile;
  }
  return undefined;
}

const LOOPBACK = /^(?:127\.0\.0\.1|localhost)$/;

/**
 * The page's clock: the profile's `clockParam` (the demo back office's `?now=`) on loopback hosts only, so a link
 * to a real seller page can never move the checks' clock; otherwise `fallbackMs` (the real time).
 */
export function pageClock(profile: SiteProfile, url: string | URL, fallbackMs: number): number {
  if (!profile.clockParam) return fallbackMs;
  try {
    const u = typeof url === "string" ? new URL(url) : url;
    if (!LOOPBACK.test(u.hostname)) return fallbackMs;
    const raw = u.searchParams.get(profile.clockParam);
    const ms = raw ? Date.parse(raw) : Number.NaN;
    return Number.isNaN(ms) ? fallbackMs : ms;
  } catch {
    return fallbackMs;
  }
}
