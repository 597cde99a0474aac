/**
 * Site profiles (`siteProfiles`, shared/profiles) for the advanced editor: team overrides as JSON text per id,
 * validated with the profile schema (errors name the field path) before the section is saved.
 */
import * as v from "valibot";
import type { JsonObject } from "../../../../shared/phrases/schema.ts";
import { BUILTIN_PROFILES } from "../../../../shared/profiles/builtin.ts";
import { resolveProfiles } from "../../../../shared/profiles/resolve.ts";
import { SiteProfileSchema, SiteProfilesSectionSchema } from "../../../../shared/profiles/schema.ts";
import type { Built } from "./section.tsx";

export interface ProfilesDraft {
  /** Team profile id → JSON text (a built-in id overrides the built-in whole). */
  overrides: Record<string, string>;
  /** Built-in profiles the team switched off. */
  disabled: string[];
}

export const BUILTIN_IDS = BUILTIN_PROFILES.map((profile) => profile.id);
export const builtinProfile = (id: string) => BUILTIN_PROFILES.find((profile) => profile.id === id);
export const pretty = (value: unknown) => JSON.stringify(value, null, 2);

export function profilesDraftFromSection(raw: JsonObject | undefined): ProfilesDraft {
  const parsed = v.safeParse(SiteProfilesSectionSchema, raw ?? {});
  if (!parsed.success) return { overrides: {}, disabled: [] };
  const overrides = Object.fromEntries(
    Object.entries(parsed.output.profiles).map(([id, value]) => [id, pretty(value)]),
  );
  return { overrides, disabled: [...parsed.output.disabled] };
}

/** A new team profile to start from: the 淘宝 order list's shape under the new id. */
export function skeletonProfile(id: string): string {
  const base = builtinProfile("taobao-sold");
  return pretty({ ...base, id, label: "", urls: ["^erp\\.example\\.com/orders"] });
}

export function validateProfileText(id: string, text: string): { value: unknown } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { error: `站点配置 ${id}：JSON 格式错误 · invalid JSON：${err instanceof Error ? err.message : err}` };
  }
  const parsed = v.safeParse(SiteProfileSchema, value);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = (issue && v.getDotPath(issue)) || "（整体 · root）";
    return { error: `站点配置 ${id} · 字段 ${path}：${issue?.message ?? "无效 invalid"}` };
  }
  if (parsed.output.id !== id) {
    return {
      error: `站点配置 ${id} · 字段 id：应为 "${id}"（与所编辑的配置一致）· must equal the profile being edited`,
    };
  }
  return { value: parsed.output };
}

export function buildProfilesSection(draft: ProfilesDraft): Built {
  const profiles: Record<string, unknown> = {};
  for (const [id, text] of Object.entries(draft.overrides)) {
    if (!text.trim()) continue; // an emptied editor means "use the built-in"
    const checked = validateProfileText(id, text);
    if ("error" in checked) return checked;
    profiles[id] = checked.value;
  }
  const value: JsonObject = { profiles, disabled: draft.disabled.filter((id) => BUILTIN_IDS.includes(id)) };
  // The resolver the overlay uses must accept the section as a whole.
  const problems = resolveProfiles(value).problems;
  if (problems[0]) return { error: problems[0] };
  return { value };
}
