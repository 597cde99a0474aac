/**
 * Input and key shapes of phrase search. Kept minimal on purpose so search works on any phrase-like record
 * (the library's full Phrase type from shared/phrases has these fields and more).
 */

/** The fields search reads from a phrase. */
export interface SearchablePhrase {
  id: string;
  /** Quick code (快捷编码): Chinese, letters or digits. */
  code: string;
  title?: string;
  content: string;
  tags?: readonly string[];
}

/**
 * Version of the key format and algorithm. Whoever stores keys stores this once next to them and rebuilds all
 * keys (`withSearchKeys`) when it changes.
 */
export const SEARCH_KEYS_VERSION = 1;

/**
 * Precomputed search keys of one phrase. Built in the background (pinyin-pro, opencc) when a phrase is saved or
 * synced; plain JSON so they travel to the content script. Short field names because 10,000 of them are kept.
 */
export interface SearchKeys {
  /** Normalised quick code: lower case, half-width, simplified. */
  c: string;
  /** Pinyin keys matched by prefix: full pinyin and initials of code, title and content head, plus alternative
   * readings of polyphonic characters in code and title, separated by single spaces (one string per phrase
   * keeps 10,000 phrases' keys light). Keys that are a prefix of another key, or of the code, are dropped. */
  p: string;
  /** Initials of title and content head, matched anywhere ("fk" finds 催付款). */
  i: string;
  /** Normalised simplified text (title, content, tags) — only present when it differs from what
   * `searchText(phrase)` computes without a conversion table, i.e. when the phrase has traditional characters. */
  s?: string;
}

export interface PhraseWithKeys extends SearchablePhrase {
  keys: SearchKeys;
}

/** How often and how recently the agent used a phrase; breaks ties between equally good matches. */
export interface PhraseUsage {
  count: number;
  /** Epoch milliseconds or ISO 8601. */
  lastUsedAt?: number | string;
}

/**
 * The plain, serialisable form of a search index: what the background sends to the content script once
 * (and again after a sync), which then builds the index locally with `createSearchIndex`.
 */
export interface SearchIndexData {
  v: 1;
  /** Traditional→simplified pairs for the query, restricted to characters used by these phrases:
   * a flat string "繁简繁简…" (each pair two BMP characters). */
  t2s: string;
  phrases: PhraseWithKeys[];
}
