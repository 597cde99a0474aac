/**
 * Phrase search over precomputed keys. Small and dependency-free (no pinyin-pro, no opencc): this is what the
 * content script's picker imports, together with normalize.ts and types.ts.
 *
 * Each field of every phrase is concatenated into one string ("blob") with \u0001 before each entry, and a
 * query is found with native `indexOf` over the blob; a hit is mapped to its phrase by binary search over the
 * entry start offsets, and scanning resumes at the next phrase. So a query costs a few native string scans
 * plus work proportional to the number of matching phrases, whatever the number of phrases.
 */
import { compactLatin, normalizeText, parseT2sPairs, rawSearchText, type T2sTable } from "./normalize.ts";
import type { PhraseUsage, PhraseWithKeys, SearchIndexData } from "./types.ts";

const SEP = "\u0001";

/** Match tiers, best first. */
export const MatchTier = {
  exactCode: 0,
  codePrefix: 1,
  pinyinPrefix: 2,
  pinyinInitialsInside: 3,
  titleText: 4,
  contentText: 5,
} as const;
export type MatchTier = (typeof MatchTier)[keyof typeof MatchTier];

const NO_MATCH = 255;
const DAY_MS = 86_400_000;

export interface SearchHit<P extends PhraseWithKeys = PhraseWithKeys> {
  phrase: P;
  tier: MatchTier;
}

export interface SearchOptions {
  /** Maximum hits returned (default 10). */
  limit?: number;
}

export interface SearchIndex<P extends PhraseWithKeys = PhraseWithKeys> {
  readonly size: number;
  /** Best matches first. An empty query lists the most used / most recent phrases. */
  search(query: string, options?: SearchOptions): SearchHit<P>[];
  /** Updates one phrase's usage (after the agent inserts it), so ties rank it higher from now on. */
  setUsage(id: string, usage: PhraseUsage): void;
  /** Query normalisation as the index applies it (case, width, traditional→simplified). */
  normalizeQuery(query: string): string;
}

export interface CreateSearchIndexOptions {
  /** Traditional→simplified table for queries: a Map, or the flat pair string of SearchIndexData. */
  t2s?: T2sTable | string;
  /** "Now" for recency, epoch ms (default Date.now()). */
  now?: number;
}

/** A blob of entries and the offset where each phrase's entries start (ascending). */
interface Blob {
  text: string;
  starts: Int32Array;
}

function buildBlob(entries: readonly string[]): Blob {
  const starts = new Int32Array(entries.length);
  let text = "";
  for (let i = 0; i < entries.length; i++) {
    starts[i] = text.length;
    text += SEP + (entries[i] as string);
  }
  return { text: text + SEP, starts };
}

/** Index of the phrase whose entries contain offset `pos`. */
function phraseAt(starts: Int32Array, pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function usageScore(usage: PhraseUsage | undefined, now: number): number {
  if (!usage) return 0;
  const count = Number.isFinite(usage.count) && usage.count > 0 ? usage.count : 0;
  let score = Math.log2(1 + count);
  const last = typeof usage.lastUsedAt === "string" ? Date.parse(usage.lastUsedAt) : usage.lastUsedAt;
  if (last !== undefined && Number.isFinite(last)) {
    const age = now - last;
    if (age < DAY_MS) score += 3;
    else if (age < 7 * DAY_MS) score += 2;
    else if (age < 30 * DAY_MS) score += 1;
  }
  return score;
}

export function createSearchIndex<P extends PhraseWithKeys>(
  phrases: readonly P[],
  usage?: Readonly<Record<string, PhraseUsage>> | ReadonlyMap<string, PhraseUsage>,
  options: CreateSearchIndexOptions = {},
): SearchIndex<P> {
  const now = options.now ?? Date.now();
  const t2s = typeof options.t2s === "string" ? parseT2sPairs(options.t2s) : options.t2s;
  const count = phrases.length;
  const usageOf = (id: string): PhraseUsage | undefined =>
    usage instanceof Map ? usage.get(id) : (usage as Record<string, PhraseUsage> | undefined)?.[id];

  const codes = buildBlob(phrases.map((p) => p.keys.c));
  const pinyin = buildBlob(phrases.map((p) => p.keys.p.join(SEP)));
  const initials = buildBlob(phrases.map((p) => p.keys.i));
  const texts = phrases.map((p) => p.keys.s ?? normalizeText(rawSearchText(p)));
  const text = buildBlob(texts);
  /** Where the content starts inside each phrase's text entry: matches before it are title matches. */
  const titleEnd = new Int32Array(count);
  for (let i = 0; i < count; i++) titleEnd[i] = (texts[i] as string).indexOf("\n");
  const idToIndex = new Map<string, number>();
  const scores = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const id = (phrases[i] as P).id;
    idToIndex.set(id, i);
    scores[i] = usageScore(usageOf(id), now);
  }

  // Per-search scratch, reused to avoid allocation per keystroke.
  const tiers = new Uint8Array(count).fill(NO_MATCH);
  const touched = new Int32Array(count);
  let touchedCount = 0;

  function mark(index: number, tier: number): void {
    const current = tiers[index] as number;
    if (current === NO_MATCH) touched[touchedCount++] = index;
    if (tier < current) tiers[index] = tier;
  }

  /** Every phrase with `needle` in its entries gets `tier` (or `classify`'s tier) unless it already has a better one. */
  function scan(blob: Blob, needle: string, tier: number, classify?: (index: number, offset: number) => number): void {
    const { text: haystack, starts } = blob;
    let from = 0;
    for (;;) {
      const pos = haystack.indexOf(needle, from);
      if (pos < 0) return;
      const index = phraseAt(starts, pos);
      mark(index, classify ? classify(index, pos - (starts[index] as number) - 1) : tier);
      from = index + 1 < count ? (starts[index + 1] as number) : haystack.length;
    }
  }

  function better(a: number, b: number): boolean {
    const ta = tiers[a] as number;
    const tb = tiers[b] as number;
    if (ta !== tb) return ta < tb;
    const sa = scores[a] as number;
    const sb = scores[b] as number;
    if (sa !== sb) return sa > sb;
    const ca = (phrases[a] as P).keys.c.length;
    const cb = (phrases[b] as P).keys.c.length;
    if (ca !== cb) return ca < cb;
    return a < b;
  }

  /** Keeps the `limit` best of the touched phrases, in order (insertion into a short sorted list). */
  function topTouched(limit: number): number[] {
    const best: number[] = [];
    for (let t = 0; t < touchedCount; t++) {
      const index = touched[t] as number;
      if (best.length === limit && !better(index, best[limit - 1] as number)) continue;
      let at = best.length === limit ? limit - 1 : best.length;
      while (at > 0 && better(index, best[at - 1] as number)) at--;
      best.splice(at, 0, index);
      if (best.length > limit) best.pop();
    }
    return best;
  }

  function normalizeQuery(query: string): string {
    return normalizeText(query, t2s).trim().replace(/\s+/g, " ");
  }

  function search(query: string, searchOptions: SearchOptions = {}): SearchHit<P>[] {
    const limit = Math.max(1, Math.floor(searchOptions.limit ?? 10));
    const q = normalizeQuery(query);
    touchedCount = 0;
    if (q === "") {
      for (let i = 0; i < count; i++) if ((scores[i] as number) > 0) mark(i, MatchTier.contentText);
    } else {
      // Codes are usually unique, but a library may hold duplicates: every exact one is marked.
      scan(codes, SEP + q + SEP, MatchTier.exactCode);
      scan(codes, SEP + q, MatchTier.codePrefix);
      const latin = compactLatin(q);
      if (latin) {
        scan(pinyin, SEP + latin, MatchTier.pinyinPrefix);
        if (latin.length >= 2) scan(initials, latin, MatchTier.pinyinInitialsInside);
      }
      scan(text, q, MatchTier.contentText, (index, offset) =>
        offset < (titleEnd[index] as number) ? MatchTier.titleText : MatchTier.contentText,
      );
    }
    const best = topTouched(limit);
    const hits = best.map((index) => ({ phrase: phrases[index] as P, tier: tiers[index] as MatchTier }));
    for (let t = 0; t < touchedCount; t++) tiers[touched[t] as number] = NO_MATCH;
    touchedCount = 0;
    return hits;
  }

  return {
    size: count,
    search,
    normalizeQuery,
    setUsage(id, value) {
      const index = idToIndex.get(id);
      if (index !== undefined) scores[index] = usageScore(value, Date.now());
    },
  };
}

/** Builds the index from the plain form the background sent. Rejects data of another version clearly. */
export function createSearchIndexFromData(
  data: SearchIndexData,
  usage?: Readonly<Record<string, PhraseUsage>> | ReadonlyMap<string, PhraseUsage>,
  options: Omit<CreateSearchIndexOptions, "t2s"> = {},
): SearchIndex {
  if (data?.v !== 1 || !Array.isArray(data.phrases)) {
    throw new Error("搜索索引数据格式不对 (search index data: expected { v: 1, phrases: [...] })");
  }
  return createSearchIndex(data.phrases, usage, { ...options, t2s: data.t2s });
}
