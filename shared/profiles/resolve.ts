/**
 * The profiles in force: built-in defaults, overridden per id by the team's `siteProfiles` section. A broken team
 * profile is reported and the built-in one kept, so a typo in the settings never breaks the page.
 */
import * as v from "valibot";
import { BUILTIN_PROFILES } from "./builtin.ts";
import { type SiteProfile, SiteProfileSchema, SiteProfilesSectionSchema } from "./schema.ts";
import { describeIssues } from "./schema-parts.ts";

export interface ResolvedProfiles {
  profiles: SiteProfile[];
  /** One readable line per team profile that was rejected (or the section itself). */
  problems: string[];
}

/** Validates one profile; throws with every bad field named. */
export function parseSiteProfile(input: unknown): SiteProfile {
  const result = v.safeParse(SiteProfileSchema, input);
  if (!result.success) throw new Error(`站点配置无效 invalid site profile: ${describeIssues(result.issues)}`);
  return result.output as SiteProfile;
}

export function resolveProfiles(section: unknown): ResolvedProfiles {
  const problems: string[] = [];
  const byId = new Map(BUILTIN_PROFILES.map((p) => [p.id, p]));
  const parsed = v.safeParse(SiteProfilesSectionSchema, section ?? {});
  if (!parsed.success) {
    problems.push(
      `siteProfiles 设置无效，使用内置配置 (invalid section, using built-ins): ${describeIssues(parsed.issues)}`,
    );
    return { profiles: [...byId.values()], problems };
  }
  for (const [id, raw] of Object.entries(parsed.output.profiles)) {
    const result = v.safeParse(SiteProfileSchema, raw);
    if (!result.success) {
      problems.push(`站点配置 ${id} 无效，使用内置配置 (profile "${id}" rejected): ${describeIssues(result.issues)}`);
      continue;
    }
    if (result.output.id !== id) {
      problems.push(`站点配置键 ${id} 与 id ${result.output.id} 不一致 (key and id differ), ignored`);
      continue;
    }
    byId.set(id, result.output as SiteProfile);
  }
  for (const id of parsed.output.disabled) byId.delete(id);
  return { profiles: [...byId.values()], problems };
}

export { pageClock, profileForUrl } from "./match.ts";
