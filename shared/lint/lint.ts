/**
 * Service-language lint (话术检查): 服务禁语, bare negatives without an explanation, and advertising-law
 * absolute terms. Each word list compiles once per settings object into one regular expression.
 */
import { DEFAULT_LINT_SETTINGS, type LintSettings, type LintWord } from "./defaults.ts";

export type LintRule = "banned" | "bare-negative" | "superlative";

export interface LintFinding {
  rule: LintRule;
  /** UTF-16 offsets into the linted text: text.slice(start, end) === finding.text. */
  start: number;
  end: number;
  text: string;
  /** Why it is a problem (中文). */
  why: string;
  /** A better wording (中文). */
  suggestion: string;
}

const WHY: Record<LintRule, string> = {
  banned: "服务禁语:生硬、推卸或冷漠的说法容易激化矛盾、引来投诉 (客服礼貌用语及禁语, 表6.1)",
  "bare-negative": "否定词后没有解释:尽量避免否定词,使用时一定要说明原因或给出替代方案",
  superlative: "广告法禁止绝对化用语 (国家级、最高级、最佳、第一、唯一等),可能被投诉和处罚",
};
const NEGATIVE_SUGGESTION = "说明原因并给出替代方案,例如「很抱歉,因为……暂时不能……,不过可以……」";
const SUPERLATIVE_SUGGESTION = "换成具体、可证实的描述";
const BANNED_SUGGESTION = "换成礼貌、负责的说法,例如「我马上帮您确认/处理」";

/** Sentence ends: a bare negative needs its explanation within the same sentence (commas do not end one). */
const SENTENCE_END = /[。!?！？;；\n]|\.{3}|…/g;
const QUESTION_END = /(?:[?？]|[吗呢嘛][~～。.!！]*)\s*$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
/** "你" and "您" are interchangeable in the lists: "这是您的原因" is as bad as "这是你的原因". */
function pattern(text: string): string {
  return escapeRegExp(text).replace(/[你您]/g, "[你您]");
}
function alternation(words: readonly string[]): RegExp | undefined {
  const unique = [...new Set(words.map((w) => w.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return undefined;
  return new RegExp(unique.map(pattern).join("|"), "gi");
}

interface CompiledLint {
  enabled: boolean;
  banned?: RegExp;
  superlative?: RegExp;
  negative?: RegExp;
  explanation?: RegExp;
  allow?: RegExp;
  suggestions: Map<string, string>;
}

const compiled = new WeakMap<LintSettings, CompiledLint>();

function compile(settings: LintSettings): CompiledLint {
  const cached = compiled.get(settings);
  if (cached) return cached;
  const suggestions = new Map<string, string>();
  const remember = (words: readonly LintWord[], rule: LintRule) => {
    for (const w of words) if (w.suggestion) suggestions.set(`${rule}:${w.text.toLowerCase()}`, w.suggestion);
  };
  remember(settings.bannedPhrases, "banned");
  remember(settings.superlatives, "superlative");
  const result: CompiledLint = {
    enabled: settings.enabled,
    banned: alternation(settings.bannedPhrases.map((w) => w.text)),
    superlative: alternation(settings.superlatives.map((w) => w.text)),
    negative: alternation(settings.negativeWords),
    explanation: alternation(settings.explanationWords),
    allow: alternation(settings.allowPhrases),
    suggestions,
  };
  compiled.set(settings, result);
  return result;
}

interface Range {
  start: number;
  end: number;
}

function matches(regex: RegExp | undefined, text: string): Range[] {
  if (!regex) return [];
  const out: Range[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length });
    if (m[0].length === 0) regex.lastIndex++;
  }
  return out;
}

function overlaps(a: Range, ranges: readonly Range[]): boolean {
  return ranges.some((b) => a.start < b.end && b.start < a.end);
}

/** The [start, end) of the sentence around `at`. */
function sentenceAround(text: string, ends: readonly Range[], at: number): Range {
  let start = 0;
  let end = text.length;
  for (const e of ends) {
    if (e.end <= at) start = e.end;
    else if (e.start >= at) {
      end = e.end;
      break;
    }
  }
  return { start, end };
}

/** Suggestion for a matched word: the list entry's own (matched with 你/您 and case folded), else generic. */
function suggestionFor(lint: CompiledLint, rule: LintRule, matched: string, fallback: string): string {
  const key = matched.toLowerCase();
  return (
    lint.suggestions.get(`${rule}:${key}`) ??
    lint.suggestions.get(`${rule}:${key.replace(/您/g, "你")}`) ??
    lint.suggestions.get(`${rule}:${key.replace(/你/g, "您")}`) ??
    fallback
  );
}

/** Lints a script or chat message. Findings are sorted by position and never overlap. */
export function lintText(text: string, settings: LintSettings = DEFAULT_LINT_SETTINGS): LintFinding[] {
  const lint = compile(settings);
  if (!lint.enabled || !text) return [];
  const allowed = matches(lint.allow, text);
  const taken: Range[] = [];
  const findings: LintFinding[] = [];
  const add = (rule: LintRule, range: Range, suggestion: string) => {
    taken.push(range);
    const matched = text.slice(range.start, range.end);
    findings.push({ rule, ...range, text: matched, why: WHY[rule], suggestion });
  };

  for (const range of matches(lint.banned, text)) {
    if (overlaps(range, allowed) || overlaps(range, taken)) continue;
    add("banned", range, suggestionFor(lint, "banned", text.slice(range.start, range.end), BANNED_SUGGESTION));
  }
  for (const range of matches(lint.superlative, text)) {
    if (overlaps(range, allowed) || overlaps(range, taken)) continue;
    const matched = text.slice(range.start, range.end);
    add("superlative", range, suggestionFor(lint, "superlative", matched, SUPERLATIVE_SUGGESTION));
  }

  const negatives = matches(lint.negative, text).filter((r) => !overlaps(r, allowed) && !overlaps(r, taken));
  if (negatives.length > 0) {
    const ends = matches(SENTENCE_END, text);
    const allNegatives = matches(lint.negative, text);
    for (const range of negatives) {
      const sentence = sentenceAround(text, ends, range.start);
      let body = text.slice(sentence.start, sentence.end);
      if (QUESTION_END.test(body)) continue; // "您还没有收到吗?" asks, it does not refuse
      // Blank every negative word first: "不可以" must not count as its own explanation "可以".
      for (const n of allNegatives) {
        if (n.start >= sentence.start && n.end <= sentence.end) {
          const from = n.start - sentence.start;
          body = body.slice(0, from) + "\u0000".repeat(n.end - n.start) + body.slice(from + n.end - n.start);
        }
      }
      if (lint.explanation) {
        lint.explanation.lastIndex = 0;
        if (lint.explanation.test(body)) continue;
      }
      add("bare-negative", range, NEGATIVE_SUGGESTION);
    }
  }
  return findings.sort((a, b) => a.start - b.start);
}
