/**
 * Which profile applies to a URL, and the page's clock. No schema library here: the content script imports this
 * file, and gets validated profiles from the background.
 */
import type { SiteProfile } from "./schema.ts";

/** URL patterns compiled once per profile object (profiles are read-only data). */
const compiled = new WeakMap<object, RegExp[]>();

function patternsOf(profile: { urls: readonly string[] }): RegExp[] {
  let patterns = compiled.get(profile);
  if (!patterns) {
    patterns = [];
    for (const source of profile.urls) {
      try {
        patterns.push(new RegExp(source, "u"));
      } catch {
        // Validated profiles compile; a hand-built one may not: that pattern matches nothing.
      }
    }
    compiled.set(profile, patterns);
  }
  return patterns;
}

/** The first profile (order page or review page) whose URL patterns match "host/path" of `url`. */
export function firstProfileForUrl<P extends { urls: readonly string[] }>(
  profiles: readonly P[],
  url: string | URL,
): P | undefined {
  let target: string;
  try {
    const u = typeof url === "string" ? new URL(url) : url;
    target = `${u.host}${u.pathname}`;
  } catch {
    return undefined;
  }
  return profiles.find((profile) => patternsOf(profile).some((p) => p.test(target)));
}

/** The first order-page profile whose URL patterns match "host/path" of `url`. */
export function profileForUrl(profiles: readonly SiteProfile[], url: string | URL): SiteProfile | undefined {
  return firstProfileForUrl(profiles, url);
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
