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
  /** Empty query: the most used / most recent phrases. */
  recent: 6,
} as const;
export type MatchTier = (typeof MatchTier)[keyof typeof MatchTier];

const NO_MATCH = 255;
/** Initials are matched inside titles/content heads only for 2+ letters without digits (digits mean a code). */
const INITIALS_QUERY = /^[a-z]{2,}$/;
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

/** A blob of entries (in rank order) and the offset of each entry's leading separator (ascending). */
interface Blob {
  text: string;
  starts: Int32Array;
}

function buildBlob(entries: readonly string[]): Blob {
  const starts = new Int32Array(entries.length);
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; i < entries.length; i++) {
    starts[i] = length;
    const entry = entries[i] as string;
    parts.push(SEP, entry);
    length += 1 + entry.length;
  }
  parts.push(SEP);
  return { text: parts.join(""), starts };
}

/** Entry (rank position) whose text contains offset `pos`. */
function entryAt(starts: Int32Array, pos: number): number {
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

/**
 * Builds the index. Phrases are laid out in rank order (usage score, then shorter code, then input order), so
 * within one tier the first hits found are the best ones: a search stops scanning a tier as soon as it has
 * `limit` results, which bounds the work for very common queries ("亲", "h").
 */
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

  const initialScores = phrases.map((p) => usageScore(usageOf(p.id), now));
  const order = phrases.map((_, i) => i);
  order.sort(
    (a, b) =>
      (initialScores[b] as number) - (initialScores[a] as number) ||
      (phrases[a] as P).keys.c.length - (phrases[b] as P).keys.c.length ||
      a - b,
  );
  /** Everything below is indexed by rank position r; ranked[r] is the phrase. */
  const ranked = order.map((i) => phrases[i] as P);
  const scores = Float64Array.from(order.map((i) => initialScores[i] as number));
  const codeList = ranked.map((p) => p.keys.c);
  const initialsList = ranked.map((p) => p.keys.i);
  const titleList: string[] = [];
  const contentList: string[] = [];
  for (const p of ranked) {
    const text = p.keys.s ?? normalizeText(rawSearchText(p));
    const newline = text.indexOf("\n");
    titleList.push(text.slice(0, newline));
    contentList.push(text.slice(newline + 1));
  }
  const codes = buildBlob(codeList);
  // Pinyin keys are prefix-matched through buckets by their first one and first two letters, each listing its
  // keys in rank order: no sort at build time, a query reads one small bucket and may stop early. (A blob scan
  // costs ~0.5 ms for a missing key whose first letter is common, e.g. "hddz96".)
  /** Bucket entries: the phrase rank and the offset of the key inside that phrase's `keys.p`. */
  const pinyinOf = ranked.map((p) => p.keys.p);
  const bucketLists = new Map<string, number[]>();
  const addToBucket = (prefix: string, r: number, offset: number) => {
    const list = bucketLists.get(prefix);
    if (list) list.push(r, offset);
    else bucketLists.set(prefix, [r, offset]);
  };
  for (let r = 0; r < count; r++) {
    const keys = pinyinOf[r] as string;
    for (let offset = 0; offset < keys.length; ) {
      let end = keys.indexOf(" ", offset);
      if (end < 0) end = keys.length;
      if (end > offset) {
        addToBucket(keys.slice(offset, offset + 1), r, offset);
        if (end - offset >= 2) addToBucket(keys.slice(offset, offset + 2), r, offset);
      }
      offset = end + 1;
    }
  }
  const pinyinBuckets = new Map<string, Int32Array>();
  for (const [prefix, list] of bucketLists) pinyinBuckets.set(prefix, Int32Array.from(list));
  const initials = buildBlob(initialsList);
  const titles = buildBlob(titleList);
  const contents = buildBlob(contentList);
  const rankOfId = new Map<string, number>();
  for (let r = 0; r < count; r++) rankOfId.set((ranked[r] as P).id, r);
  /** Phrases whose usage changed after the index was built: checked one by one on every search. */
  const boosted = new Set<number>();

  // Per-search scratch, reused to avoid allocation per keystroke.
  const tiers = new Uint8Array(count).fill(NO_MATCH);
  const touched = new Int32Array(count);
  let touchedCount = 0;

  /** Marks rank `r` with `tier` if better; returns whether `r` is newly matched. */
  function mark(r: number, tier: number): boolean {
    const current = tiers[r] as number;
    if (tier < current) tiers[r] = tier;
    if (current !== NO_MATCH) return false;
    touched[touchedCount++] = r;
    return true;
  }

  /**
   * Marks phrases whose entries contain `needle` (at an entry start when `atStart`), in rank order, until
   * `wanted` new phrases are found. The needle carries no separator so `indexOf` can skip ahead on its first
   * character; a start-of-entry match is verified by looking at the character before it.
   */
  function scan(blob: Blob, needle: string, atStart: boolean, tier: number, wanted: number): number {
    const { text: haystack, starts } = blob;
    let found = 0;
    let from = 0;
    while (found < wanted) {
      const pos = haystack.indexOf(needle, from);
      if (pos < 0) break;
      if (atStart && haystack.charCodeAt(pos - 1) !== 1) {
        from = pos + 1;
        continue;
      }
      const r = entryAt(starts, pos);
      // Boosted phrases are re-ranked by their new score later; they must not use up a tier's quota.
      if (mark(r, tier) && (boosted.size === 0 || !boosted.has(r))) found++;
      from = r + 1 < count ? (starts[r + 1] as number) : haystack.length;
    }
    return found;
  }

  /** Marks phrases with a pinyin key starting with `prefix`, in rank order, until `wanted` new ones are found. */
  function scanPinyin(prefix: string, wanted: number): number {
    const bucket = pinyinBuckets.get(prefix.slice(0, 2));
    if (!bucket) return 0;
    let found = 0;
    for (let b = 0; b < bucket.length && found < wanted; b += 2) {
      const r = bucket[b] as number;
      if (!(pinyinOf[r] as string).startsWith(prefix, bucket[b + 1])) continue;
      if (mark(r, MatchTier.pinyinPrefix) && (boosted.size === 0 || !boosted.has(r))) found++;
    }
    return found;
  }

  /** The tier of one phrase for a query, checked directly (boosted phrases). */
  function matchOne(r: number, q: string, latin: string | undefined): number {
    const code = codeList[r] as string;
    if (code === q) return MatchTier.exactCode;
    if (code.startsWith(q)) return MatchTier.codePrefix;
    if (latin && ` ${pinyinOf[r]}`.includes(` ${latin}`)) return MatchTier.pinyinPrefix;
    if (latin && INITIALS_QUERY.test(latin) && (initialsList[r] as string).includes(latin)) {
      return MatchTier.pinyinInitialsInside;
    }
    if ((titleList[r] as string).includes(q)) return MatchTier.titleText;
    if ((contentList[r] as string).includes(q)) return MatchTier.contentText;
    return NO_MATCH;
  }

  function better(a: number, b: number): boolean {
    const ta = tiers[a] as number;
    const tb = tiers[b] as number;
    if (ta !== tb) return ta < tb;
    const sa = scores[a] as number;
    const sb = scores[b] as number;
    if (sa !== sb) return sa > sb;
    return a < b; // rank order already holds the code-length tie-break
  }

  /** Keeps the `limit` best of the touched phrases, in order (insertion into a short sorted list). */
  function topTouched(limit: number): number[] {
    const best: number[] = [];
    for (let t = 0; t < touchedCount; t++) {
      const r = touched[t] as number;
      if (best.length === limit && !better(r, best[limit - 1] as number)) continue;
      let at = best.length === limit ? limit - 1 : best.length;
      while (at > 0 && better(r, best[at - 1] as number)) at--;
      best.splice(at, 0, r);
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
      for (let r = 0; r < count && touchedCount < limit; r++) if ((scores[r] as number) > 0) mark(r, MatchTier.recent);
      for (const r of boosted) mark(r, MatchTier.recent);
    } else {
      const latin = compactLatin(q);
      let found = scan(codes, q + SEP, true, MatchTier.exactCode, count);
      found += scan(codes, q, true, MatchTier.codePrefix, limit - found);
      if (latin && found < limit) found += scanPinyin(latin, limit - found);
      if (latin && INITIALS_QUERY.test(latin) && found < limit) {
        found += scan(initials, latin, false, MatchTier.pinyinInitialsInside, limit - found);
      }
      if (found < limit) found += scan(titles, q, false, MatchTier.titleText, limit - found);
      if (found < limit) scan(contents, q, false, MatchTier.contentText, limit - found);
      for (const r of boosted) {
        const tier = matchOne(r, q, latin);
        if (tier !== NO_MATCH) mark(r, tier);
      }
    }
    const best = topTouched(limit);
    const hits = best.map((r) => ({ phrase: ranked[r] as P, tier: tiers[r] as MatchTier }));
    for (let t = 0; t < touchedCount; t++) tiers[touched[t] as number] = NO_MATCH;
    touchedCount = 0;
    return hits;
  }

  return {
    size: count,
    search,
    normalizeQuery,
    setUsage(id, value) {
      const r = rankOfId.get(id);
      if (r === undefined) return;
      scores[r] = usageScore(value, Date.now());
      boosted.add(r);
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
