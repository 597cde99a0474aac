/**
 * Team settings helpers. The Worker stores `TeamSettings` (shared/phrases/schema.ts); each feature owns one open
 * section (`orderRules`, `lint`, `reviewTemplates`, `siteProfiles`) and parses it with its own defaults via
 * `readSection`, so an old or hand-edited section never breaks another feature.
 */
import * as v from "valibot";
import { defaultTeamSettings, type JsonObject, type TeamSettings, TeamSettingsSchema } from "./phrases/schema.ts";

export type SettingsSection = "orderRules" | "lint" | "reviewTemplates" | "siteProfiles";

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
