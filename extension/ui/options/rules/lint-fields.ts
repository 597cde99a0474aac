/**
 * The language-lint settings (`lint`, shared/lint) as a form draft and back. Only lists that differ from the
 * defaults are saved; the strict schema (`LintSettingsSchema`) validates before anything is sent.
 */
import * as v from "valibot";
import { DEFAULT_LINT_SETTINGS, type LintSettings, type LintWord } from "../../../../shared/lint/defaults.ts";
import { LintSettingsSchema, parseLintSettings } from "../../../../shared/lint/settings.ts";
import type { JsonObject } from "../../../../shared/phrases/schema.ts";
import { sameJson } from "../../../../shared/phrases/settings-merge.ts";
import { type Built, fromLines, toLines } from "./section.tsx";

export type WordListKey = "bannedPhrases" | "superlatives";
export type PlainListKey = "negativeWords" | "explanationWords" | "allowPhrases";

export const LINT_LABELS: Record<WordListKey | PlainListKey | "enabled", string> = {
  enabled: "启用话术检查",
  bannedPhrases: "服务禁语",
  superlatives: "绝对化用语（广告法）",
  negativeWords: "否定词（需说明原因）",
  explanationWords: "解释词（有它就不算生硬否定）",
  allowPhrases: "放行说法（不检查）",
};

export interface LintDraft {
  enabled: boolean;
  bannedPhrases: LintWord[];
  superlatives: LintWord[];
  /** One word a line. */
  negativeWords: string;
  explanationWords: string;
  allowPhrases: string;
}

export function lintDraftOf(settings: LintSettings): LintDraft {
  return {
    enabled: settings.enabled,
    bannedPhrases: settings.bannedPhrases.map((word) => ({ ...word })),
    superlatives: settings.superlatives.map((word) => ({ ...word })),
    negativeWords: toLines(settings.negativeWords),
    explanationWords: toLines(settings.explanationWords),
    allowPhrases: toLines(settings.allowPhrases),
  };
}
/** Lenient, like the picker: a bad entry in a hand-edited section is dropped, the rest shown. */
export const lintDraftFromSection = (raw: JsonObject | undefined): LintDraft =>
  lintDraftOf(raw === undefined ? DEFAULT_LINT_SETTINGS : parseLintSettings(raw));
export const DEFAULT_LINT_DRAFT = lintDraftOf(DEFAULT_LINT_SETTINGS);

/** A row left fully blank is dropped; an empty suggestion means "use the rule's general advice". */
function words(rows: LintWord[]): LintWord[] {
  return rows
    .filter((row) => row.text.trim() || row.suggestion?.trim())
    .map((row) => (row.suggestion?.trim() ? { text: row.text, suggestion: row.suggestion } : { text: row.text }));
}

/** The full settings the draft stands for (not validated). */
export function lintInputOf(draft: LintDraft): Record<keyof LintSettings, unknown> {
  return {
    enabled: draft.enabled,
    bannedPhrases: words(draft.bannedPhrases),
    superlatives: words(draft.superlatives),
    negativeWords: fromLines(draft.negativeWords),
    explanationWords: fromLines(draft.explanationWords),
    allowPhrases: fromLines(draft.allowPhrases),
  };
}

export function buildLintSection(draft: LintDraft): Built {
  const input = lintInputOf(draft);
  const parsed = v.safeParse(LintSettingsSchema, input);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const [head = "", index, part] = ((issue && v.getDotPath(issue)) || "").split(".");
    const row = index === undefined ? "" : `第 ${Number(index) + 1} 行${part === "suggestion" ? "的建议说法" : ""}`;
    const why =
      issue?.type === "min_length"
        ? "不能为空 · must not be empty"
        : issue?.type === "max_length"
          ? `太长，最多 ${String(issue.requirement)} 个字 · at most ${String(issue.requirement)} characters`
          : (issue?.message ?? "无效 invalid");
    return { error: `话术检查 · ${LINT_LABELS[head as keyof LintDraft] ?? head}${row ? ` ${row}` : ""}：${why}` };
  }
  const defaults = DEFAULT_LINT_SETTINGS as unknown as Record<string, unknown>;
  const value: JsonObject = {};
  for (const [key, item] of Object.entries(parsed.output)) {
    if (!sameJson(item, defaults[key])) value[key] = item;
  }
  return { value };
}

/** The settings to preview with: what the draft says, bad rows skipped (the save names them). */
export const previewLintSettings = (draft: LintDraft): LintSettings => parseLintSettings(lintInputOf(draft));
