/**
 * A compiled form of the team settings: sets, region matchers and keyword lists prepared once per run, so the
 * per-order checks are plain lookups.
 */
import { parseAddress } from "./address.ts";
import { normalizePhone } from "./phone.ts";
import type { OrderRuleSettings, RuleId } from "./settings.ts";

/** A region named in the settings (新疆, 甘肃省甘南藏族自治州…), resolved against the division table. */
export interface RegionMatcher {
  label: string;
  province?: string;
  city?: string;
  /** Entries the table does not know are matched as plain text inside the address. */
  text?: string;
}

export interface CheckContext {
  settings: OrderRuleSettings;
  nowMs: number;
  enabled: (rule: RuleId) => boolean;
  remoteAreas: RegionMatcher[];
  /** `remoteAreas` by province (compileContext builds it; a hand-made context without it checks the whole list). */
  remoteAreasByProvince?: RegionsByProvince;
  coverage: { courier: string; excluded: RegionMatcher[] }[];
  defaultCourier: string;
  messageKeywords: string[];
  blacklistBuyers: Set<string>;
  blacklistPhones: Set<string>;
  blacklistAddressKeywords: string[];
  /** Any blacklist entry at all (skips the rule cheaply when the team has none). */
  blacklistActive: boolean;
}

export function regionMatcher(entry: string): RegionMatcher {
  const parsed = parseAddress(entry);
  const matcher: RegionMatcher = { label: entry.trim() };
  if (parsed.province && (parsed.detail === "" || parsed.city)) {
    matcher.province = parsed.province;
    if (parsed.city && !parsed.inferred.includes("city")) matcher.city = parsed.city;
    return matcher;
  }
  if (parsed.city && parsed.detail === "") {
    matcher.province = parsed.province;
    matcher.city = parsed.city;
    return matcher;
  }
  matcher.text = entry.trim();
  return matcher;
}

export function regionMatches(
  m: RegionMatcher,
  province: string | undefined,
  city: string | undefined,
  address: string,
): boolean {
  if (m.text !== undefined) return address.includes(m.text);
  if (m.province !== province) return false;
  return m.city === undefined || m.city === city;
}

const allEnabled = (): boolean => true;

/**
 * Region matchers grouped by the province they can match: for each province named in the list, its own entries
 * and the plain-text ones, in list order; for any other province, the plain-text ones only. regionMatches is false
 * for every entry left out (another province, no text), so checking a group in order finds the same first match
 * as checking the whole list — with one lookup instead of a call per entry.
 */
export interface RegionsByProvince {
  groups: Map<string | undefined, RegionMatcher[]>;
  textOnly: RegionMatcher[];
}

export function regionsByProvince(matchers: readonly RegionMatcher[]): RegionsByProvince {
  const textOnly = matchers.filter((m) => m.text !== undefined);
  const groups = new Map<string | undefined, RegionMatcher[]>();
  for (const m of matchers) {
    if (m.text !== undefined || groups.has(m.province)) continue;
    groups.set(
      m.province,
      matchers.filter((other) => other.text !== undefined || other.province === m.province),
    );
  }
  return { groups, textOnly };
}

/** The matchers of `regions` that can match an address in `province`, in list order. */
export function regionCandidates(regions: RegionsByProvince, province: string | undefined): RegionMatcher[] {
  return regions.groups.get(province) ?? regions.textOnly;
}

export function compileContext(settings: OrderRuleSettings, now: Date | number | string): CheckContext {
  const nowMs = typeof now === "number" ? now : typeof now === "string" ? Date.parse(now) : now.getTime();
  if (Number.isNaN(nowMs)) throw new Error(`无效的当前时间 invalid "now": ${String(now)}`);
  const disabled = new Set<RuleId>(settings.disabledRules);
  const remoteAreas = settings.remoteAreas.map(regionMatcher);
  return {
    settings,
    nowMs,
    // Most teams disable nothing: then every one of the ~20 checks per order answers without a set lookup.
    enabled: disabled.size === 0 ? allEnabled : (rule) => !disabled.has(rule),
    remoteAreas,
    remoteAreasByProvince: regionsByProvince(remoteAreas),
    coverage: settings.courierCoverage.map((c) => ({ courier: c.courier, excluded: c.excluded.map(regionMatcher) })),
    defaultCourier: settings.defaultCourier.trim(),
    // Longer keywords first so 加急 is reported rather than 急.
    messageKeywords: [...settings.messageKeywords].sort((a, b) => b.length - a.length),
    blacklistBuyers: new Set(settings.blacklist.buyers.map((b) => b.trim())),
    blacklistPhones: new Set(settings.blacklist.phones.map(normalizePhone)),
    blacklistAddressKeywords: settings.blacklist.addressKeywords,
    blacklistActive:
      settings.blacklist.buyers.length + settings.blacklist.phones.length + settings.blacklist.addressKeywords.length >
      0,
  };
}
