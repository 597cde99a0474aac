/**
 * 话术检查 · Language lint: 服务禁语 and 绝对化用语 with their suggested wording (rows added and removed), the
 * word lists for bare negatives, and a live preview that runs the real lint (shared/lint) on a typed sentence
 * with the edited lists. Saved as the `lint` section.
 */
import { useMemo, useState } from "preact/hooks";
import type { LintWord } from "../../../../shared/lint/defaults.ts";
import { lintText } from "../../../../shared/lint/lint.ts";
import { sameJson } from "../../../../shared/phrases/settings-merge.ts";
import {
  buildLintSection,
  DEFAULT_LINT_DRAFT,
  LINT_LABELS,
  type LintDraft,
  lintDraftFromSection,
  type PlainListKey,
  previewLintSettings,
  type WordListKey,
} from "./lint-fields.ts";
import { DefaultHint, SectionFrame, type SectionProps, useSectionDraft } from "./section.tsx";

type Edit = (change: (draft: LintDraft) => LintDraft) => void;

const RULE_NAMES = { banned: "服务禁语", "bare-negative": "生硬否定", superlative: "绝对化用语" } as const;

export function LintEditor({ settings, isAdmin, pending }: SectionProps) {
  const editor = useSectionDraft(settings.lint, lintDraftFromSection);
  const { draft, edit } = editor;
  const [sample, setSample] = useState("亲，这款是全网最低价，不能退哦，我也没办法");
  const lintSettings = useMemo(() => previewLintSettings(draft), [draft]);
  const findings = useMemo(() => lintText(sample, { ...lintSettings, enabled: true }), [sample, lintSettings]);

  return (
    <SectionFrame
      id="lint"
      title="话术检查 · Language lint"
      intro="插入话术前和客服自己输入时，提示服务禁语、没有解释的否定、广告法绝对化用语，并给出建议说法。"
      isAdmin={isAdmin}
      pending={pending}
      editor={editor}
      onSave={() => editor.save("lint", buildLintSection)}
    >
      <label class="inline">
        <input
          type="checkbox"
          data-testid="lint-enabled"
          checked={draft.enabled}
          disabled={!isAdmin}
          onChange={(e) => {
            const enabled = e.currentTarget.checked;
            edit((old) => ({ ...old, enabled }));
          }}
        />
        {LINT_LABELS.enabled} · Enabled
      </label>
      <WordRows list="bannedPhrases" draft={draft} isAdmin={isAdmin} edit={edit} />
      <WordRows list="superlatives" draft={draft} isAdmin={isAdmin} edit={edit} />
      <div class="rules-columns">
        {(["negativeWords", "explanationWords", "allowPhrases"] as const).map((list) => (
          <PlainList key={list} list={list} draft={draft} isAdmin={isAdmin} edit={edit} />
        ))}
      </div>
      <div class="rules-preview" data-testid="lint-preview">
        <label>
          试一试 · Try a sentence（用上面编辑中的词表 · uses the lists above）
          <textarea
            data-testid="lint-preview-input"
            rows={2}
            value={sample}
            onInput={(e) => setSample(e.currentTarget.value)}
          />
        </label>
        {!draft.enabled && <p class="muted">话术检查已关闭，客服不会看到提示（预览仍显示）· Lint is off for agents</p>}
        {findings.length === 0 ? (
          <p class="status-ok" data-testid="lint-preview-clean">
            没有发现问题 · No findings
          </p>
        ) : (
          <ul data-testid="lint-preview-findings">
            {findings.map((finding) => (
              <li
                key={`${finding.start}-${finding.rule}`}
                data-testid="lint-finding"
                data-rule={finding.rule}
                title={finding.why}
              >
                <span class="badge warn">{RULE_NAMES[finding.rule]}</span> 「<mark>{finding.text}</mark>」 →{" "}
                {finding.suggestion}
              </li>
            ))}
          </ul>
        )}
      </div>
    </SectionFrame>
  );
}

function WordRows(props: { list: WordListKey; draft: LintDraft; isAdmin: boolean; edit: Edit }) {
  const { list, draft, isAdmin, edit } = props;
  const rows = draft[list];
  const setRows = (change: (rows: LintWord[]) => LintWord[]) => edit((old) => ({ ...old, [list]: change(old[list]) }));
  const setRow = (index: number, change: Partial<LintWord>) =>
    setRows((old) => old.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <details class="rules-field" data-testid={`lint-${list}`}>
      <summary>
        {LINT_LABELS[list]}（{rows.length} 条）
        <DefaultHint
          testId={`lint-${list}`}
          shown={`${DEFAULT_LINT_DRAFT[list].length} 条`}
          isDefault={sameJson(rows, DEFAULT_LINT_DRAFT[list])}
          isAdmin={isAdmin}
          onRestore={() => setRows(() => DEFAULT_LINT_DRAFT[list].map((row) => ({ ...row })))}
        />
      </summary>
      <table class="rules-table">
        <thead>
          <tr>
            <th>说法 · Phrase</th>
            <th>建议说法 · Suggested wording</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index} data-testid={`lint-${list}-row`}>
              <td>
                <input
                  value={row.text}
                  maxLength={60}
                  disabled={!isAdmin}
                  onInput={(e) => setRow(index, { text: e.currentTarget.value })}
                />
              </td>
              <td>
                <input
                  class="grow"
                  value={row.suggestion ?? ""}
                  maxLength={200}
                  disabled={!isAdmin}
                  onInput={(e) => setRow(index, { suggestion: e.currentTarget.value })}
                />
              </td>
              <td>
                {isAdmin && (
                  <button
                    type="button"
                    class="link danger"
                    onClick={() => setRows((old) => old.filter((_, i) => i !== index))}
                  >
                    删除
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {isAdmin && (
        <button
          type="button"
          class="link"
          data-testid={`lint-${list}-add`}
          onClick={() => setRows((old) => [...old, { text: "", suggestion: "" }])}
        >
          + 添加一行 · Add row
        </button>
      )}
    </details>
  );
}

function PlainList(props: { list: PlainListKey; draft: LintDraft; isAdmin: boolean; edit: Edit }) {
  const { list, draft, isAdmin, edit } = props;
  const fallback = DEFAULT_LINT_DRAFT[list];
  return (
    <label class="rules-field">
      {LINT_LABELS[list]}（每行一个）
      <textarea
        data-testid={`lint-${list}`}
        rows={5}
        value={draft[list]}
        disabled={!isAdmin}
        onInput={(e) => {
          const value = e.currentTarget.value;
          edit((old) => ({ ...old, [list]: value }));
        }}
      />
      <DefaultHint
        testId={`lint-${list}`}
        shown={`${fallback.split("\n").length} 个`}
        isDefault={draft[list].trim() === fallback}
        isAdmin={isAdmin}
        onRestore={() => edit((old) => ({ ...old, [list]: fallback }))}
      />
    </label>
  );
}
