/**
 * Service-language lint settings: team settings (section `lint`) with defaults from the seed manuals
 * (001 table 6.1 服务禁语, 000 on bare negatives) and the advertising law's absolute terms.
 */
import * as v from "valibot";
import {
  DEFAULT_ALLOW_PHRASES,
  DEFAULT_BANNED_PHRASES,
  DEFAULT_EXPLANATION_WORDS,
  DEFAULT_LINT_SETTINGS,
  DEFAULT_NEGATIVE_WORDS,
  DEFAULT_SUPERLATIVES,
  type LintSettings,
} from "./defaults.ts";

export { DEFAULT_LINT_SETTINGS, type LintSettings, type LintWord } from "./defaults.ts";

const Word = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(60));
export const LintWordSchema = v.object({
  text: Word,
  /** A better wording shown with the finding. */
  suggestion: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200))),
});

const Words = v.array(Word);
export const LintSettingsSchema = v.object({
  enabled: v.optional(v.boolean(), true),
  bannedPhrases: v.optional(v.array(LintWordSchema), DEFAULT_BANNED_PHRASES),
  superlatives: v.optional(v.array(LintWordSchema), DEFAULT_SUPERLATIVES),
  negativeWords: v.optional(Words, DEFAULT_NEGATIVE_WORDS),
  explanationWords: v.optional(Words, DEFAULT_EXPLANATION_WORDS),
  allowPhrases: v.optional(Words, DEFAULT_ALLOW_PHRASES),
});
/** Compile-time check: the schema's output stays assignable to the plain interface the lint uses. */
export const toLintSettings = (parsed: v.InferOutput<typeof LintSettingsSchema>): LintSettings => parsed;

/**
 * Reads the team's `lint` section leniently: every field is checked on its own and an invalid field (or an
 * invalid entry in a list) falls back without discarding the valid rest. Strict validation for an editor:
 * `v.safeParse(LintSettingsSchema, raw)`.
 */
export function parseLintSettings(raw: unknown): LintSettings {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return DEFAULT_LINT_SETTINGS;
  const input = raw as Record<string, unknown>;
  // A plain string is accepted for a word entry too ("你随便" means { text: "你随便" }).
  const list = <T>(value: unknown, item: v.GenericSchema<unknown, T>, fallback: T[], wordEntry = false): T[] => {
    if (!Array.isArray(value)) return fallback;
    return value.flatMap((entry) => {
      const parsed = v.safeParse(item, wordEntry && typeof entry === "string" ? { text: entry } : entry);
      return parsed.success ? [parsed.output] : [];
    });
  };
  return {
    enabled: typeof input.enabled === "boolean" ? input.enabled : DEFAULT_LINT_SETTINGS.enabled,
    bannedPhrases: list(input.bannedPhrases, LintWordSchema, DEFAULT_BANNED_PHRASES, true),
    superlatives: list(input.superlatives, LintWordSchema, DEFAULT_SUPERLATIVES, true),
    negativeWords: list(input.negativeWords, Word, DEFAULT_NEGATIVE_WORDS),
    explanationWords: list(input.explanationWords, Word, DEFAULT_EXPLANATION_WORDS),
    allowPhrases: list(input.allowPhrases, Word, DEFAULT_ALLOW_PHRASES),
  };
}
