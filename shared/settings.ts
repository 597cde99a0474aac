/**
 * Team settings helpers. The Worker stores `TeamSettings` (shared/phrases/schema.ts); each feature owns one open
 * section (`orderRules`, `lint`, `reviewTemplates`, `siteProfiles`) and parses it with its own defaults via
 * `readSection`, so an old or hand-edited section never breaks another feature.
 */
import * as v from "valibot";
import { defaultTeamSettings, type JsonObject, type TeamSettings, TeamSettingsSchema } from "./phrases/schema.ts";

export type SettingsSection = "orderRules" | "lint" | "reviewTemplates" | "siteProfiles" | "customSites";

/** Parses one section with the feature's schema; falls back to `fallback` when absent or invalid. */
export function readSection<TSchema extends v.GenericSchema>(
  settings: TeamSettings | undefined,
  section: SettingsSection,
  schema: TSchema,
  fallback: v.InferOutput<TSchema>,
): v.InferOutput<TSchema> {
  const raw = settings?.[section];
  if (raw === undefined) return fallback;
  const parsed = v.safeParse(schema, raw);
  return parsed.success ? parsed.output : fallback;
}

/** Returns new settings with one section replaced (the caller PUTs the result with its baseRev). */
export function writeSection(settings: TeamSettings, section: SettingsSection, value: JsonObject): TeamSettings {
  return { ...settings, [section]: value };
}

/** Validates settings from storage or a file; unknown/invalid input yields defaults for the shop. */
export function parseTeamSettings(raw: unknown, shopName = ""): TeamSettings {
  const parsed = v.safeParse(TeamSettingsSchema, raw);
  return parsed.success ? parsed.output : defaultTeamSettings(shopName);
}

export const CUSTOM_SITES_LIMITS = { patterns: 20, patternLength: 200 } as const;

/**
 * One Chrome match pattern a team adds for the phrase picker (`https://crm.example.com/*`, `*://*.shop.cn/chat*`).
 * Scheme http, https or `*`; a named host (optionally `*.` + at least two labels, optionally a port); a path.
 * `<all_urls>` and a bare `*` host are refused: the picker belongs on the team's own tools, not on every site.
 */
export const SitePatternSchema = v.pipe(
  v.string("网址规则必须是文字 · pattern must be a string"),
  v.trim(),
  v.nonEmpty("网址规则不能为空 · pattern must not be empty"),
  v.maxLength(
    CUSTOM_SITES_LIMITS.patternLength,
    `网址规则最多 ${CUSTOM_SITES_LIMITS.patternLength} 个字符 · at most ${CUSTOM_SITES_LIMITS.patternLength} characters`,
  ),
  v.regex(
    /^(\*|https?):\/\//,
    "网址规则须以 http://、https:// 或 *:// 开头 · must start with http://, https:// or *://",
  ),
  v.regex(/^[^:]+:\/\/[^/]+\//, "主机后须有路径，如 /* · a path must follow the host, e.g. /*"),
  v.check(
    (pattern) => !/^[^:]+:\/\/(\*|\*\.[^./:]+)(:[^/]*)?\//.test(pattern),
    "不能匹配所有网站，请写出具体域名 · too broad: name the site's domain",
  ),
  v.regex(
    /^[^:]+:\/\/(\*\.)?([a-z0-9-]+\.)*[a-z0-9-]+(:(\d{1,5}|\*))?\/\S*$/,
    "域名只能含小写字母、数字、- 和 .，可选端口，路径不含空格 · host: lowercase letters, digits, - and . (optional port); no spaces",
  ),
);

/** The `customSites` team settings section: patterns where the picker (not the order overlay) also runs. */
export const CustomSitesSchema = v.object({
  patterns: v.pipe(
    v.array(SitePatternSchema),
    v.maxLength(
      CUSTOM_SITES_LIMITS.patterns,
      `最多 ${CUSTOM_SITES_LIMITS.patterns} 条网址规则 · at most ${CUSTOM_SITES_LIMITS.patterns} patterns`,
    ),
    v.check((list) => new Set(list).size === list.length, "网址规则重复 · duplicate pattern"),
  ),
});
export type CustomSites = v.InferOutput<typeof CustomSitesSchema>;

/**
 * The patterns to act on, read leniently: a hand-edited section with one bad entry still yields the good ones
 * (deduplicated, capped), so one typo does not switch the picker off on every other site.
 */
export function customSitePatterns(settings: TeamSettings | undefined): string[] {
  const raw = settings?.customSites?.patterns;
  if (!Array.isArray(raw)) return [];
  const kept = new Set<string>();
  for (const item of raw) {
    const parsed = v.safeParse(SitePatternSchema, item);
    if (parsed.success) kept.add(parsed.output);
    if (kept.size >= CUSTOM_SITES_LIMITS.patterns) break;
  }
  return [...kept];
}
