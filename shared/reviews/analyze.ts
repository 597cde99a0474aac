import type { Review, Sentiment } from "../model.ts";
import {
  CONCESSION_WORDS,
  CONTRAST_WORDS,
  DEGREE_WHEN_FOLLOWED,
  EMOTICONS,
  IRONY_MARKERS,
  LEXICON,
  type LexiconEntry,
  MINOR_FLAW_WORDS,
} from "./lexicon.ts";
import { normalizeReviewText } from "./normalize.ts";
import { type TopicId, topicsInClause } from "./topics.ts";

export interface TopicFinding {
  id: TopicId;
  sentiment: Sentiment;
  /** The clause (simplified, normalised) that mentions the topic: plain text; any markup in it is literal text. */
  evidence: string;
}

export interface ReviewAnalysis {
  sentiment: Sentiment;
  /** −1 (very negative) … +1 (very positive). */
  score: number;
  topics: TopicFinding[];
}

/** What the analyser reads from a review: the text, plus the stars and 追评 when known. */
export type ReviewLike = Pick<Review, "text"> & Partial<Pick<Review, "id" | "rating" | "followUp">>;

/** Below this magnitude the review counts as neutral. */
const NEUTRAL_BAND = 0.25;
/** How many characters without a modifier end a negator's or degree word's reach. */
const MODIFIER_REACH = 6;
/** Clause weights: the part after 但是/不过 is the buyer's real point; the 虽然 part is conceded. */
const CONTRAST_WEIGHT = 1.5;
const CONCESSION_WEIGHT = 0.6;
const MINOR_FLAW_WEIGHT = 1;
/** 太差了！！ / 质量很好！: an exclamation stresses its sentence. */
const EXCLAIM = 1.2;
/**
 * 希望…/ 如果…/ 建议…: a wish or a condition, not an opinion of what arrived. Its good words are what the buyer
 * wants (希望包装更结实) and count nothing; a complaint in it counts for little.
 */
const WISH_LEAD = /^(希望|建议|如果|要是|假如|若是|但愿|期望|要不是)/u;
const WISH_WEIGHT = 0.3;
/** A negated complaint (没问题, 不贵) is milder praise than the complaint was blame. */
const NEGATED_NEGATIVE_FACTOR = 0.7;
const EVIDENCE_MAX = 60;
/** 完全/根本/一点都 before a 不-word. */
const INTENSIFYING_LEAD_IN = 1.3;
/** Each star away from 3 moves the score this much when the text says nothing. */
const RATING_WEIGHT = 0.6;
/**
 * The stars are the prior and the text the evidence: a prior the text contradicts shrinks as the text gets more
 * decided, so a 5-star review that only complains reads negative while a 5-star review with one small gripe
 * stays positive.
 */
const RATING_DAMPING = 1;
/** 五星是给客服的 / 好评冲着物流: the stars are for someone else, so the product itself did not earn them. */
const RATING_FOR_SOMEONE_ELSE =
  /(五星|5星|五颗星|五分|5分|好评|满分)(?:是|都是|全是|只是|完全是)?(?:给|冲着|看在|因为)(?!您|你们?的?(?:产品|东西|商品))/gu;
const RATING_FOR_SOMEONE_ELSE_CUE = -1;
const RATING_WORD = /星|分|好评/u;
/** 冲着主播给的五星 / 因为客服才给的好评: the same, with the reason before the stars. */
const RATING_FOR_SOMEONE_ELSE_BEFORE =
  /(?:冲着|看在|因为|为了)[^，,。！!？?；;]{0,12}?(?:才|只)?给(?:的|了|个)?(?:五星|5星|五颗星|好评|满分)/gu;
/** What a topic named in a "stars for someone else" clause gets: the stars' praise, as a strong opinion word. */
const STARS_CREDIT = 1;

/** Whether a clause says the stars were given for someone or something other than the product. */
function creditsSomeoneElse(clause: string): boolean {
  if (!RATING_WORD.test(clause)) return false;
  RATING_FOR_SOMEONE_ELSE.lastIndex = 0;
  RATING_FOR_SOMEONE_ELSE_BEFORE.lastIndex = 0;
  return RATING_FOR_SOMEONE_ELSE.test(clause) || RATING_FOR_SOMEONE_ELSE_BEFORE.test(clause);
}

/** 看在物流快的份上给五星: the rest of that clause is a concession of the stars, not praise of the product. */
const FOR_THE_SAKE_OF = /(?:(?:五星|5星|五颗星|好评|满分)(?:是|都是|全是|只是)?)?看在.{0,16}?份上[^，,。！!？?；;]*/gu;

/** 等了四天 / 等了一个礼拜: a wait counted in days is a complaint about it. */
const WAITED_DAYS = /等了(?:足足|整整)?[一二两三四五六七八九十几半\d]+(?:个)?(?:天|日|周|星期|礼拜|月)/gu;
const WAITED_DAYS_CUE = -0.6;
/** Degree words that also follow an opinion (色差严重, 好极了, 坏透了), with how much they strengthen it. */
const POST_DEGREE = new Map<string, number>([
  ["严重", 1.6],
  ["极了", 1.6],
  ["透了", 1.6],
  ["至极", 1.8],
  ["得很", 1.3],
  ["的很", 1.3],
  ["死了", 1.5],
]);
const ONLY_FLAW = /^(唯一|美中不足|除了)/u;
const ONLY_FLAW_CUE = 0.8;
// Not 是不是 / 能不能 / 会不会 / 可不可: those ask rhetorically (是不是正品, 能不能诚信点) and stay with 不 as a negator.
// 爱理不理 is an idiom (ignoring the buyer), not a question.
const A_NOT_A = /(?<!爱)([^\P{Script=Han}是能会可])[不没]\1/gu;
const SPOILED_MARKERS = new Set(["可惜了", "白瞎了", "白瞎", "浪费了", "糟蹋了"]);
const NEVER_SEEN_SUCH = /(从来没有|从来没|从没有|从没|没有|没)(.{0,4}?)过(这么|那么|如此|这样|这种)/gu;

interface Clause {
  text: string;
  weight: number;
  score: number;
  /** Sentence-level cue added to the clause's score (a complaint question). */
  cue: number;
  /** 希望…/ 如果…: good words in it are what the buyer wants, not what arrived. */
  wish: boolean;
}

/** 为什么…？/ 怎么回事？: in a review, a why-question is a complaint even without an opinion word. */
const COMPLAINT_QUESTION = /(为什么|为啥|为毛|凭什么|怎么回事|什么情况|怎么搞的|怎么还)/u;
const COMPLAINT_QUESTION_CUE = -0.8;
/**
 * Any other question in a review (皮带呢？ / 这是加绒的？) is usually a complaint too, unless the buyer is only
 * unsure before use (不知道好不好用？).
 */
const HEDGE_QUESTION = /(不知道|不知|是否|会不会|好不好|怎么样|行不行|好用不|有没有人|请问|能不能|可不可以)/u;
const BARE_QUESTION_CUE = -0.5;
const WRONG_OR_MISSING_CUE = -0.8;

function lookup(text: string, at: number): { word: string; entry: LexiconEntry } | undefined {
  // Only the lengths some entry starting with this character has: most characters start no entry at all.
  const lengths = LEXICON.lengthsByFirst.get(text.charAt(at));
  if (!lengths) return undefined;
  const room = text.length - at;
  for (const length of lengths) {
    if (length > room) continue;
    const word = text.slice(at, at + length);
    const entry = LEXICON.entries.get(word);
    if (entry) return { word, entry };
  }
  return undefined;
}

/** Sum of opinion words in one clause, with negators, degree words and irony applied. */
export function scoreClause(rawClause: string, ironic: boolean): number {
  // 没(有)吃过这么难吃的 / 从没见过这么好的: the negator stresses the opinion instead of flipping it.
  let total = 0;
  const ratingElsewhere = () => {
    total += RATING_FOR_SOMEONE_ELSE_CUE;
    return "";
  };
  // Cheap substring checks first: most clauses hold none of these patterns, and the regexes cost more.
  let clause = rawClause;
  if (clause.includes("过")) clause = clause.replace(NEVER_SEEN_SUCH, "$2过$3");
  // 甜不甜 / 给不给力 / 有没有用: an A-not-A question asks, it holds no opinion (and no 不给力).
  if (clause.includes("不") || clause.includes("没")) clause = clause.replace(A_NOT_A, "");
  if (clause.includes("等了"))
    clause = clause.replace(WAITED_DAYS, () => {
      total += WAITED_DAYS_CUE;
      return "";
    });
  if (clause.includes("看在")) clause = clause.replace(FOR_THE_SAKE_OF, ratingElsewhere);
  if (RATING_WORD.test(clause))
    clause = clause
      .replace(RATING_FOR_SOMEONE_ELSE_BEFORE, ratingElsewhere)
      .replace(RATING_FOR_SOMEONE_ELSE, ratingElsewhere);
  let negations = 0;
  let negationStrength = 1;
  let degree = 1;
  let sinceModifier = 0;
  // After 可惜了 / 白瞎了 the good words name what was spoiled (可惜了这么好看的颜色), not praise.
  let spoiled = false;
  // The last opinion's value and where it ended, for a degree word that trails it.
  let lastValue = 0;
  let lastEnd = -10;
  let at = 0;
  const resetModifiers = () => {
    negations = 0;
    negationStrength = 1;
    degree = 1;
    sinceModifier = 0;
  };
  while (at < clause.length) {
    const match = lookup(clause, at);
    if (!match || match.entry.kind === "neutral") {
      const length = match ? match.word.length : 1;
      at += length;
      sinceModifier += length;
      if (sinceModifier > MODIFIER_REACH) resetModifiers();
      continue;
    }
    const { word, entry } = match;
    at += word.length;
    if (entry.kind === "negator") {
      // 完全不符 / 根本没用: the phrase ends in the 不/没 that starts an opinion word; the lead-in intensifies it.
      if (word.length > 1 && /[不没]$/u.test(word)) {
        const tail = lookup(clause, at - 1);
        if (tail && tail.word.length > 1 && (tail.entry.kind === "positive" || tail.entry.kind === "negative")) {
          at -= 1;
          degree *= INTENSIFYING_LEAD_IN;
          sinceModifier = 0;
          continue;
        }
      }
      negations++;
      negationStrength *= entry.weight;
      sinceModifier = 0;
      continue;
    }
    if (entry.kind === "degree") {
      // 漏光严重 / 差极了: a degree word right after an opinion, with none after it, strengthens that opinion.
      const trailing = POST_DEGREE.get(word);
      if (trailing !== undefined && lastValue !== 0 && at - word.length - lastEnd <= 1) {
        const next = lookup(clause, at);
        if (!next || (next.entry.kind !== "positive" && next.entry.kind !== "negative")) {
          total += lastValue * (trailing - 1);
          lastValue = 0;
          continue;
        }
      }
      degree *= entry.weight;
      sinceModifier = 0;
      continue;
    }
    // 好 directly before another opinion word is an intensifier (好快, 好差), not an opinion of its own.
    // After a negator it is the opinion itself: 不好，太差了 run together is not 不(好太差).
    const asDegree = negations === 0 ? DEGREE_WHEN_FOLLOWED.get(word) : undefined;
    if (asDegree !== undefined) {
      const next = lookup(clause, at);
      if (next && (next.entry.kind === "positive" || next.entry.kind === "negative")) {
        degree *= asDegree;
        sinceModifier = 0;
        continue;
      }
    }
    let value = entry.weight * degree;
    if (negations % 2 === 1)
      value = value > 0 ? -value * negationStrength : -value * NEGATED_NEGATIVE_FACTOR * negationStrength;
    if (ironic && value > 0) value = -value * 0.8;
    if (spoiled && value > 0) value = 0;
    if (SPOILED_MARKERS.has(word)) spoiled = true;
    total += value;
    lastValue = value;
    lastEnd = at;
    resetModifiers();
  }
  return Math.max(-3, Math.min(3, total));
}

function startsWithAny(text: string, words: readonly string[]): boolean {
  return words.some((word) => text.startsWith(word));
}

// Contrast words that split a clause even in mid-clause (物流很快但是质量差); 就是/只是 only lead a clause.
const MID_CLAUSE_CONTRAST = /(但是|不过|可是|然而|却)/u;

/** Sentences, then clauses with their weights. */
function splitClauses(text: string): Array<Clause & { sentenceIronic: boolean }> {
  const clauses: Array<Clause & { sentenceIronic: boolean }> = [];
  // A dot between digits is a decimal or a list number; elsewhere it ends a sentence. A "?" between two Chinese
  // characters is an emoji or character lost to a wrong encoding, not a question.
  const prepared = text.replace(/(?<!\d)\.(?!\d)/gu, "。").replace(/(?<=[\u4e00-\u9fff])\?+(?=[\u4e00-\u9fff])/gu, "");
  for (const sentenceMatch of prepared.matchAll(/[^。!?？！\n\r;；]+[。!?？！\n\r;；]*/gu)) {
    const sentence = sentenceMatch[0];
    // 为什么会有那么多头屑呢: buyers often leave out the question mark.
    const isQuestion = /[?？]|[呢吗][。!！.…~～\s]*$/u.test(sentence);
    const exclaimed = /[!！]{2,}|[!！]\s*$/u.test(sentence);
    const sentenceIronic =
      IRONY_MARKERS.some((marker) => sentence.includes(marker)) ||
      (isQuestion && /(吗|难道|怎么会|这就是)/u.test(sentence));
    let weight = 1;
    const firstOfSentence = clauses.length;
    const parts = sentence.split(/[,，、~～\s:：()（）【】[\]"“”'‘’*#/|]+|\.{2,}/u);
    for (const part of parts) {
      if (!part) continue;
      const pieces = part.split(MID_CLAUSE_CONTRAST);
      // split with a capture group keeps the contrast word as its own piece: glue it to what follows.
      for (let index = 0; index < pieces.length; index++) {
        let piece = pieces[index] ?? "";
        if (MID_CLAUSE_CONTRAST.test(piece) && piece.length <= 2) {
          piece += pieces[index + 1] ?? "";
          index++;
        }
        if (!piece) continue;
        if (startsWithAny(piece, CONTRAST_WORDS)) weight = CONTRAST_WEIGHT;
        else if (startsWithAny(piece, MINOR_FLAW_WORDS)) weight = MINOR_FLAW_WEIGHT;
        const wish = WISH_LEAD.test(piece);
        const clauseWeight = startsWithAny(piece, CONCESSION_WORDS) ? CONCESSION_WEIGHT : wish ? WISH_WEIGHT : weight;
        clauses.push({
          text: piece,
          weight: clauseWeight * (exclaimed ? EXCLAIM : 1),
          score: 0,
          cue: 0,
          sentenceIronic,
          wish,
        });
      }
    }
    const lastOfSentence = clauses[clauses.length - 1];
    if (isQuestion && lastOfSentence && clauses.length > firstOfSentence) {
      if (COMPLAINT_QUESTION.test(sentence)) lastOfSentence.cue = COMPLAINT_QUESTION_CUE;
      else if (!HEDGE_QUESTION.test(sentence)) lastOfSentence.cue = BARE_QUESTION_CUE;
    }
  }
  return clauses;
}

function emoticonScore(text: string): number {
  let total = 0;
  for (const [emoticon, weight] of Object.entries(EMOTICONS)) if (text.includes(emoticon)) total += weight;
  return Math.max(-2, Math.min(2, total));
}

export function sentimentOf(score: number): Sentiment {
  if (score > NEUTRAL_BAND) return "positive";
  if (score < -NEUTRAL_BAND) return "negative";
  return "neutral";
}

/**
 * Sentiment and topics of one review, from its text (and 追评) and its stars when given. Pure and fast:
 * no I/O, one pass of dictionary lookups per clause.
 */
export function analyzeReview(review: ReviewLike): ReviewAnalysis {
  const raw = [review.text ?? "", review.followUp ?? ""].filter((part) => part.trim() !== "").join("。");
  const text = normalizeReviewText(raw);
  const clauses = splitClauses(text);
  let textScore = emoticonScore(text);
  const topicScores = new Map<TopicId, { total: number; evidence: string; strongest: number }>();
  for (const clause of clauses) {
    let opinion = scoreClause(clause.text, clause.sentenceIronic);
    // 唯一的缺点是… / 除了…: naming the only flaw says the rest is good.
    if (ONLY_FLAW.test(clause.text)) opinion += ONLY_FLAW_CUE;
    clause.score = (clause.wish ? Math.min(opinion, 0) : opinion) * clause.weight + clause.cue;
    const clauseTopics = topicsInClause(clause.text);
    // 发成了秋裤 / 少了一瓶 carry no opinion word but are complaints all the same.
    if (clause.score === 0 && clauseTopics.has("wrong-or-missing")) clause.score = WRONG_OR_MISSING_CUE;
    textScore += clause.score;
    // 五星是给客服的: the stars the product did not earn went to the topic named here — praise of it, not a complaint.
    const topicScore = creditsSomeoneElse(clause.text) ? Math.max(clause.score, 0) + STARS_CREDIT : clause.score;
    for (const id of clauseTopics) {
      const current = topicScores.get(id);
      const magnitude = Math.abs(topicScore);
      if (!current) {
        topicScores.set(id, { total: topicScore, evidence: clause.text, strongest: magnitude });
      } else {
        current.total += topicScore;
        if (magnitude > current.strongest) {
          current.strongest = magnitude;
          current.evidence = clause.text;
        }
      }
    }
  }
  let combined = textScore;
  if (typeof review.rating === "number" && Number.isFinite(review.rating)) {
    const stars = Math.max(1, Math.min(5, review.rating));
    const prior = (stars - 3) * RATING_WEIGHT;
    // Only a text that contradicts the stars shrinks them; agreeing text adds to them (the score stays monotone
    // in both the stars and the text).
    const contradicts = prior * textScore < 0;
    combined += contradicts ? prior / (1 + Math.abs(textScore) * RATING_DAMPING) : prior;
  }
  const topics: TopicFinding[] = [];
  for (const [id, found] of topicScores) {
    let sentiment = sentimentOf(found.total);
    // 发错/漏发 without any opinion word is still a complaint.
    if (sentiment === "neutral" && id === "wrong-or-missing") sentiment = "negative";
    topics.push({ id, sentiment, evidence: found.evidence.slice(0, EVIDENCE_MAX) });
  }
  return { sentiment: sentimentOf(combined), score: Math.round(Math.tanh(combined / 2) * 1000) / 1000, topics };
}
