/**
 * The panel behind the lint chip: what is wrong with the agent's own text in the box, why, and a better wording,
 * with a "替换" button where the suggestion is a wording that can stand in for the flagged words. Opened by a click
 * on the chip or LINT_HOTKEY in the box; rendered into the chip's shadow root. Everything from the page (the box's
 * text) is rendered as text.
 */
import type { LintFinding, LintRule } from "../../../shared/lint/lint.ts";
import { type EditableBox, type InsertTarget, isTextField } from "../../insert/index.ts";

/** Opens the panel when focus is in a box (unless the picker's own hotkey is set to the same keys: it wins). */
export const LINT_HOTKEY = "Alt+L";

/** English second, after the lint's Chinese reason (the lint itself gives Chinese only). */
const WHY_EN: Record<LintRule, string> = {
  banned: "banned service phrase",
  "bare-negative": "a negative without a reason",
  superlative: "absolute claim (advertising law)",
};

/**
 * The suggestion as a replacement for the flagged words, when it is one. Bare negatives get advice, not a wording;
 * a suggestion that quotes examples (「…」), leaves blanks (……) or annotates (…) is advice to follow, not to paste.
 */
export function replacementOf(finding: LintFinding): string | undefined {
  const text = finding.suggestion.trim();
  if (finding.rule === "bare-negative" || !text || /…|\.\.\.|「|[(（]|^(换成|删去|改成|改为|说明)/.test(text)) return;
  return text;
}

/** Start offsets of `word` in `text` (overlapping ones too, so both counts below agree on what they count). */
function offsetsOf(text: string, word: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) found.push(i);
  return found;
}

/**
 * Where the finding is in the box now, if the box still holds exactly the text that was linted (`linted`, the
 * first OWN_TEXT_MAX characters). A text field is addressed by offsets. A contenteditable's innerText offsets do
 * not map to its DOM, so the n-th occurrence of the words is looked up in its text nodes; when an occurrence spans
 * nodes (e.g. "我<b>不</b>知道") the counts differ and nothing is offered rather than the wrong words replaced.
 */
export function findingTarget(box: EditableBox, linted: string, finding: LintFinding): InsertTarget | undefined {
  const { start, end, text: word } = finding;
  if (!word || linted.slice(start, end) !== word) return;
  if (isTextField(box)) return box.value.startsWith(linted) ? { kind: "field", start, end } : undefined;
  // biome-ignore lint/performance/useDomNodeTextContent: the lint ran on innerText (line breaks kept)
  const full = box.innerText ?? "";
  if (!full.startsWith(linted)) return;
  const wanted = offsetsOf(linted, word).indexOf(start);
  const doc = box.ownerDocument;
  const walker = doc.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  const hits: [Text, number][] = [];
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    for (const at of offsetsOf(node.data, word)) hits.push([node, at]);
  }
  const hit = hits[wanted];
  if (wanted < 0 || !hit || hits.length !== offsetsOf(full, word).length) return;
  const range = doc.createRange();
  range.setStart(hit[0], hit[1]);
  range.setEnd(hit[0], hit[1] + word.length);
  return { kind: "range", range };
}

const keepFocus = (e: Event) => e.preventDefault();

/**
 * One finding: the flagged words highlighted in a little of the text around them, why (中文, then English) and
 * the suggestion, with 替换 when `onReplace` is given (the panel decides whether the box still allows it).
 */
export function FindingRow(props: { text: string; finding: LintFinding; kefu: string; onReplace?(): void }) {
  const { text, finding, onReplace } = props;
  const from = Math.max(0, finding.start - 12);
  return (
    <div class="finding" data-kefu={props.kefu} data-rule={finding.rule}>
      <div class="ctx">
        {from > 0 && "…"}
        {text.slice(from, finding.start)}
        <mark>{finding.text}</mark>
        {text.slice(finding.end, finding.end + 12)}
      </div>
      <div class="why">
        {finding.why} · {WHY_EN[finding.rule]}
      </div>
      <div class="suggest">
        建议：{finding.suggestion}
        {onReplace && (
          <button type="button" data-kefu="lint-replace" onMouseDown={keepFocus} onClick={onReplace}>
            替换 (replace)
          </button>
        )}
      </div>
    </div>
  );
}

export interface LintPanelProps {
  /** The text that was linted; findings' offsets point into it. */
  text: string;
  findings: LintFinding[];
  style: string;
  /** Whether 替换 can apply this finding to the box as it is now. */
  canReplace(finding: LintFinding): boolean;
  onReplace(finding: LintFinding): void;
}

export function LintPanel({ text, findings, style, canReplace, onReplace }: LintPanelProps) {
  return (
    <div class="panel" data-kefu="lint-panel" style={style}>
      <div class="head">
        <span>话术提醒 (service language)</span>
        <span>Esc 关闭</span>
      </div>
      {findings.length === 0 && <div class="note">没有发现问题 (no issues found)</div>}
      {findings.map((finding) => (
        <FindingRow
          key={`${finding.start}-${finding.rule}`}
          text={text}
          finding={finding}
          kefu="lint-finding"
          onReplace={replacementOf(finding) !== undefined && canReplace(finding) ? () => onReplace(finding) : undefined}
        />
      ))}
    </div>
  );
}
