/**
 * The review panel (next to each reply box) and the page bar (Draft all, Tally). Stateless views: the page
 * controller owns the state and re-renders. Every review string is rendered as a text node, never as HTML.
 */
import type { LintFinding } from "../../../shared/lint/lint.ts";
import type { Sentiment } from "../../../shared/model.ts";
import { ratingLevel } from "../../../shared/profiles/review-pages.ts";
import type { ReviewTally } from "../../../shared/reviews/index.ts";
import type { ReviewDraftResult } from "./messages.ts";

export const PANEL_CSS = `
:host { all: initial; display: block; }
* { box-sizing: border-box; }
.kp, .kb { font: 12px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f2937; }
.kp { margin-top: 6px; border: 1px solid #99d5cf; border-radius: 6px; background: #f3fbfa; padding: 6px; }
.head { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; margin-bottom: 4px; }
.brand { color: #0f766e; font-weight: 600; margin-right: 2px; }
.chip { border-radius: 999px; padding: 0 7px; border: 1px solid transparent; white-space: nowrap; }
.s-positive { background: #dcfce7; color: #166534; }
.s-neutral { background: #fef9c3; color: #854d0e; }
.s-negative { background: #fee2e2; color: #991b1b; }
.t-negative { border-color: #fca5a5; color: #991b1b; background: #fff; }
.t-positive { border-color: #86efac; color: #166534; background: #fff; }
.t-neutral { border-color: #d1d5db; color: #4b5563; background: #fff; }
.note { color: #b45309; }
textarea { width: 100%; min-height: 84px; resize: vertical; font: inherit; color: inherit; padding: 4px 6px;
  border: 1px solid #cbd5e1; border-radius: 4px; background: #fff; }
.meta { display: flex; justify-content: space-between; color: #64748b; margin-top: 2px; }
.over { color: #b91c1c; }
.lint { list-style: none; margin: 4px 0 0; padding: 0; }
.lint li { background: #fff7ed; border-left: 3px solid #f97316; padding: 2px 6px; margin-top: 2px; }
.lint b { color: #c2410c; }
.ok { color: #15803d; margin-top: 2px; }
.row { display: flex; gap: 6px; margin-top: 6px; align-items: center; flex-wrap: wrap; }
button { font: inherit; cursor: pointer; border-radius: 4px; padding: 2px 10px; border: 1px solid #0f766e;
  background: #fff; color: #0f766e; }
button.primary { background: #0f766e; color: #fff; }
button:disabled { opacity: .5; cursor: default; }
.msg { color: #0f766e; }
.err { color: #b91c1c; }
.kb { margin: 8px 0; border: 1px solid #99d5cf; border-radius: 6px; background: #f3fbfa; padding: 6px 10px; }
.kb label { display: inline-flex; gap: 4px; align-items: center; color: #334155; }
table { border-collapse: collapse; width: 100%; margin-top: 6px; background: #fff; }
th, td { border: 1px solid #e2e8f0; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f1f5f9; font-weight: 600; }
td.n { text-align: right; width: 3.5em; }
.ex { color: #475569; display: block; }
`;

export const SENTIMENT_LABELS: Record<Sentiment, string> = { positive: "好评", neutral: "中评", negative: "差评" };
const TONE: Record<Sentiment, string> = { positive: "正面", neutral: "中性", negative: "负面" };

export interface PanelState {
  result?: ReviewDraftResult;
  draft: string;
  /** The agent changed the draft: Draft all keeps it. */
  edited: boolean;
  busy: boolean;
  error?: string;
  notice?: string;
  /** Lint findings and the text they were computed for (the background lints; edits are re-checked shortly). */
  lint?: { text: string; findings: LintFinding[] };
}

export interface PanelProps {
  reviewId: string;
  rating?: number;
  state: PanelState;
  topicLabels: Record<string, string>;
  maxLength: number;
  hasReplyBox: boolean;
  onEdit(text: string): void;
  onInsert(): void;
  onRegenerate(): void;
}

function LintList(props: { draft: string; lint?: PanelState["lint"] }) {
  if (!props.draft) return null;
  if (props.lint?.text !== props.draft) return <div class="meta">话术检查中… checking</div>;
  const findings = props.lint.findings;
  if (findings.length === 0) return <div class="ok">✓ 话术检查通过 no lint findings</div>;
  return (
    <ul class="lint" data-kefu="review-lint">
      {findings.map((finding) => (
        <li key={`${finding.start}:${finding.rule}`} title={finding.why}>
          <b>「{finding.text}」</b> {finding.why.split(/[:：(]/)[0]} → {finding.suggestion}
        </li>
      ))}
    </ul>
  );
}

export function ReviewPanel(props: PanelProps) {
  const { state, rating } = props;
  const result = state.result;
  const stars = ratingLevel(rating);
  const disagree = result && stars && stars !== result.sentiment;
  const over = props.maxLength > 0 && state.draft.length > props.maxLength;
  return (
    <div class="kp" data-kefu="review-panel" data-review-id={props.reviewId} data-sentiment={result?.sentiment ?? ""}>
      <div class="head">
        <span class="brand">回评助手</span>
        {result ? (
          <span class={`chip s-${result.sentiment}`} data-kefu="review-sentiment" title={`score ${result.score}`}>
            {SENTIMENT_LABELS[result.sentiment]} · 内容{TONE[result.sentiment]}
          </span>
        ) : (
          <span class="chip t-neutral">{state.error ? "分析失败" : "分析中…"}</span>
        )}
        {disagree && stars ? (
          <span class="note" data-kefu="review-star-note">
            ({rating}星={SENTIMENT_LABELS[stars]}，内容不符)
          </span>
        ) : null}
        {result?.topics.map((topic) => (
          <span class={`chip t-${topic.sentiment}`} key={topic.id} data-kefu="review-topic" title={topic.evidence}>
            {props.topicLabels[topic.id] ?? topic.id}
            {topic.sentiment === "negative" ? "−" : topic.sentiment === "positive" ? "+" : ""}
          </span>
        ))}
      </div>
      <textarea
        data-kefu="review-draft"
        aria-label={`回复草稿 ${props.reviewId}`}
        placeholder={state.busy ? "正在生成草稿…" : "回复草稿 reply draft"}
        value={state.draft}
        onInput={(event) => props.onEdit((event.currentTarget as HTMLTextAreaElement).value)}
      />
      <div class="meta">
        <span>{state.edited ? "已修改 edited" : "草稿 draft"}</span>
        <span class={over ? "over" : ""}>
          {state.draft.length}/{props.maxLength > 0 ? props.maxLength : 500}
        </span>
      </div>
      <LintList draft={state.draft} lint={state.lint} />
      <div class="row">
        <button
          type="button"
          class="primary"
          data-kefu="review-insert"
          disabled={!props.hasReplyBox || state.draft.trim() === ""}
          title={
            props.hasReplyBox
              ? "填入这条评价的回复框，不会提交 fills this review's reply box; never submits"
              : "请先打开这条评价的回复框（或已回复）open the reply box first"
          }
          onClick={props.onInsert}
        >
          插入回复框 Insert
        </button>
        <button type="button" data-kefu="review-regenerate" disabled={state.busy} onClick={props.onRegenerate}>
          重新生成
        </button>
        {state.error ? <span class="err">{state.error}</span> : null}
        {state.notice ? (
          <span class="msg" data-kefu="review-notice">
            {state.notice}
          </span>
        ) : null}
      </div>
    </div>
  );
}

export interface BarProps {
  count: number;
  busy: boolean;
  fillEmpty: boolean;
  status: string;
  problems: string[];
  tally: ReviewTally | null;
  tallyOpen: boolean;
  topicLabels: Record<string, string>;
  onToggleFill(on: boolean): void;
  onDraftAll(): void;
  onTally(): void;
  onCopyTally(): void;
}

/** Topics with any mention, most complaints first. */
function tallyRows(tally: ReviewTally) {
  return Object.entries(tally.topics)
    .map(([id, t]) => ({ id, ...t, total: t.positive + t.neutral + t.negative }))
    .filter((row) => row.total > 0)
    .sort((a, b) => b.negative - a.negative || b.total - a.total);
}

function tallySummary(tally: ReviewTally): string {
  const s = tally.sentiment;
  return `共 ${tally.total} 条：好评 ${s.positive} · 中评 ${s.neutral} · 差评 ${s.negative}（按内容判断）`;
}

/** The tally as plain text for the daily report (评价问题分类), one line per topic. */
export function tallyText(tally: ReviewTally, topicLabels: Record<string, string>): string {
  const lines = tallyRows(tally).map((row) => {
    const example = row.examples[0];
    const quote = example ? `；例：${example.evidence}` : "";
    return `${topicLabels[row.id] ?? row.id}：负面 ${row.negative}，中性 ${row.neutral}，正面 ${row.positive}${quote}`;
  });
  return [tallySummary(tally), ...lines].join("\n");
}

function TallyTable(props: { tally: ReviewTally; topicLabels: Record<string, string>; onCopy(): void }) {
  const rows = tallyRows(props.tally);
  return (
    <div data-kefu="review-tally">
      <div class="row" style={{ marginTop: 0 }}>
        {tallySummary(props.tally)}
        <button type="button" data-kefu="review-tally-copy" onClick={props.onCopy}>
          复制统计 Copy
        </button>
      </div>
      {rows.length === 0 ? (
        <div>没有识别到话题 no topics found</div>
      ) : (
        <table>
          <thead>
            <tr>
              <th>问题类别</th>
              <th>负面</th>
              <th>中性</th>
              <th>正面</th>
              <th>例句</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-topic={row.id}>
                <td>{props.topicLabels[row.id] ?? row.id}</td>
                <td class="n" data-count="negative">
                  {row.negative}
                </td>
                <td class="n" data-count="neutral">
                  {row.neutral}
                </td>
                <td class="n" data-count="positive">
                  {row.positive}
                </td>
                <td>
                  {row.examples.slice(0, 2).map((example) => (
                    <span class="ex" key={`${example.id}:${example.evidence}`}>
                      [{TONE[example.sentiment]}] {example.evidence}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function PageBar(props: BarProps) {
  return (
    <div class="kb" data-kefu="review-bar">
      <div class="row" style={{ marginTop: 0 }}>
        <span class="brand">回评助手</span>
        <span>本页 {props.count} 条评价</span>
        <button
          type="button"
          class="primary"
          data-kefu="review-draft-all"
          disabled={props.busy}
          onClick={props.onDraftAll}
        >
          全部生成草稿 Draft all
        </button>
        <label>
          <input
            type="checkbox"
            data-kefu="review-fill-empty"
            checked={props.fillEmpty}
            onChange={(event) => props.onToggleFill((event.currentTarget as HTMLInputElement).checked)}
          />
          同时填入空的回复框（不提交）
        </label>
        <button type="button" data-kefu="review-tally-button" disabled={props.busy} onClick={props.onTally}>
          {props.tallyOpen ? "收起统计" : "评价问题统计 Tally"}
        </button>
        <span class="msg" data-kefu="review-bar-status">
          {props.status}
        </span>
      </div>
      {props.problems.map((problem) => (
        <div class="err" key={problem}>
          {problem}
        </div>
      ))}
      {props.tallyOpen && props.tally ? (
        <TallyTable tally={props.tally} topicLabels={props.topicLabels} onCopy={props.onCopyTally} />
      ) : null}
    </div>
  );
}
