/**
 * Search key building: runs in the background / options page / Worker when phrases are saved or synced.
 * It imports pinyin-pro and opencc-js (hundreds of KB), so code bundled into the content script must NEVER
 * import this file; the content script gets the keys as plain data (`SearchIndexData`).
 */

import TS_CHARACTERS from "opencc-js/dict/TSCharacters";
import { Converter } from "opencc-js/t2cn";
import { pinyin, polyphonic } from "pinyin-pro";
import { normalizeText, rawSearchText } from "./normalize.ts";
import type { PhraseWithKeys, SearchablePhrase, SearchIndexData, SearchKeys } from "./types.ts";

/** How many pieces (syllables / letters / digits) of the content head get pinyin keys. */
const CONTENT_HEAD_PIECES = 8;
/** How many pieces of the content head get initials for substring matching. */
const CONTENT_INITIALS_PIECES = 24;
/** At most this many alternative-reading variants per text (polyphones), to keep keys compact. */
const MAX_ALTERNATIVES = 3;
/** Longer texts than this get no polyphone variants (cost grows with length; codes and titles are short). */
const MAX_ALTERNATIVE_SOURCE = 12;
/** Titles up to this many pieces also get full-pinyin keys from each later syllable. */
const MAX_SUFFIX_SOURCE = 8;

const HAN = /\p{Script=Han}/u;
const LATIN_OR_DIGIT = /[a-z0-9]/;

let traditionalToSimplified: ((text: string) => string) | undefined;
function toSimplified(text: string): string {
  traditionalToSimplified ??= Converter({ from: "tw", to: "cn" });
  return traditionalToSimplified(text);
}

/** A token of a text as pinyin sees it: a syllable for a Han character, a letter/digit, or a boundary. */
interface Piece {
  /** Readings: the common (context-aware) one first, then alternatives of polyphonic characters. */
  readings: string[];
}
type Token = Piece | "boundary";

function cleanReading(reading: string): string {
  return reading.replace(/ü/g, "v");
}

function tokenize(text: string, withAlternatives: boolean): Token[] {
  const chars = Array.from(text);
  const han = chars.filter((ch) => HAN.test(ch)).join("");
  const common = han ? pinyin(han, { toneType: "none", type: "array" }) : [];
  const alternatives = withAlternatives && han ? polyphonic(han, { toneType: "none", type: "array" }) : [];
  const tokens: Token[] = [];
  let hanIndex = 0;
  for (const ch of chars) {
    if (HAN.test(ch)) {
      const reading = cleanReading(common[hanIndex] ?? "");
      const others = (alternatives[hanIndex] ?? []).map(cleanReading);
      hanIndex++;
      if (!/^[a-z]+$/.test(reading)) {
        tokens.push("boundary"); // a rare character pinyin-pro cannot read
        continue;
      }
      const readings = [reading, ...others.filter((r) => r !== reading && /^[a-z]+$/.test(r))];
      tokens.push({ readings });
    } else if (LATIN_OR_DIGIT.test(ch)) {
      tokens.push({ readings: [ch] });
    } else if (tokens[tokens.length - 1] !== "boundary") {
      tokens.push("boundary");
    }
  }
  return tokens;
}

function pieces(tokens: Token[], limit = Number.POSITIVE_INFINITY): Piece[] {
  const out: Piece[] = [];
  for (const token of tokens) {
    if (out.length >= limit) break;
    if (token !== "boundary") out.push(token);
  }
  return out;
}

function full(readings: string[]): string {
  return readings.join("");
}
function initials(readings: string[]): string {
  return readings.map((r) => r[0] ?? "").join("");
}

/** Full pinyin and initials with common readings, plus one-character-changed variants for polyphones. */
function pinyinKeys(ps: Piece[], withAlternatives: boolean): string[] {
  const common = ps.map((p) => p.readings[0] as string);
  const keys = [full(common), initials(common)];
  if (!withAlternatives || ps.length > MAX_ALTERNATIVE_SOURCE) return keys;
  let variants = 0;
  for (let i = 0; i < ps.length && variants < MAX_ALTERNATIVES; i++) {
    const readings = (ps[i] as Piece).readings;
    for (let r = 1; r < readings.length && variants < MAX_ALTERNATIVES; r++) {
      const variant = common.slice();
      variant[i] = readings[r] as string;
      keys.push(full(variant), initials(variant));
      variants++;
    }
  }
  return keys;
}

/**
 * Full pinyin from each later syllable of a short title ("fukuan" for 催付款), so a word typed in
 * full from the middle of a title is found. Initials from the middle are covered by `keys.i`.
 */
function titleSuffixKeys(ps: Piece[]): string[] {
  if (ps.length > MAX_SUFFIX_SOURCE) return [];
  const common = ps.map((p) => p.readings[0] as string);
  const keys: string[] = [];
  // Not from the last piece: a single trailing syllable ("zhi") is too vague to be worth its bytes.
  for (let i = 1; i < common.length - 1; i++) {
    if ((common[i] as string).length > 1) keys.push(full(common.slice(i))); // a syllable, not a letter/digit
  }
  return keys;
}

/** Initials with a space at punctuation/space boundaries, so substring matches do not cross clauses. */
function spacedInitials(tokens: Token[], limit: number): string {
  let out = "";
  let count = 0;
  for (const token of tokens) {
    if (count >= limit) break;
    if (token === "boundary") {
      if (out && !out.endsWith(" ")) out += " ";
    } else {
      out += (token.readings[0] as string)[0];
      count++;
    }
  }
  return out.trim();
}

/** Drops empty and duplicate keys and keys that are a prefix of another key (prefix search finds both). */
function compactPrefixKeys(keys: string[], code: string): string[] {
  // A key that is a prefix of the code itself is redundant: the code prefix tier already ranks above pinyin.
  const unique = [...new Set(keys.filter((k) => k.length > 0 && !code.startsWith(k)))].sort();
  const kept: string[] = [];
  for (let i = 0; i < unique.length; i++) {
    const key = unique[i] as string;
    const next = unique[i + 1];
    if (next?.startsWith(key)) continue; // sorted: a key's extensions follow it directly
    kept.push(key);
  }
  return kept;
}

/** Builds the search keys of one phrase. About 0.1 ms per phrase; call it on save/sync, not per keystroke. */
export function buildSearchKeys(phrase: SearchablePhrase): SearchKeys {
  const code = normalizeText(toSimplified(phrase.code.trim()));
  const title = normalizeText(toSimplified(phrase.title ?? ""));
  const raw = rawSearchText(phrase);
  const basic = normalizeText(raw);
  const simplified = normalizeText(toSimplified(raw));
  const contentHead = normalizeText(toSimplified(phrase.content.slice(0, CONTENT_INITIALS_PIECES * 2)));

  const codeTokens = tokenize(code, true);
  const titleTokens = tokenize(title, true);
  const contentTokens = tokenize(contentHead, false);
  const p = compactPrefixKeys(
    [
      ...pinyinKeys(pieces(codeTokens), true),
      ...pinyinKeys(pieces(titleTokens), true),
      ...titleSuffixKeys(pieces(titleTokens)),
      ...pinyinKeys(pieces(contentTokens, CONTENT_HEAD_PIECES), false),
    ],
    code,
  );
  const i = [spacedInitials(titleTokens, 30), spacedInitials(contentTokens, CONTENT_INITIALS_PIECES)]
    .filter(Boolean)
    .join(" ");
  const keys: SearchKeys = { c: code, p: p.join(" "), i };
  if (simplified !== basic) keys.s = simplified;
  return keys;
}

export function withSearchKeys<T extends SearchablePhrase>(phrase: T): T & { keys: SearchKeys } {
  return { ...phrase, keys: buildSearchKeys(phrase) };
}

let fullTable: Map<string, string> | undefined;
/** opencc's traditional→simplified character table (first candidate of each entry). */
export function traditionalCharacterTable(): ReadonlyMap<string, string> {
  if (fullTable) return fullTable;
  fullTable = new Map();
  for (const entry of TS_CHARACTERS.split("|")) {
    const [traditional, simplified] = entry.split(" ");
    // Only single BMP characters: the query table is a flat string of 2-character pairs.
    if (traditional?.length === 1 && simplified?.length === 1 && traditional !== simplified) {
      fullTable.set(traditional, simplified);
    }
  }
  return fullTable;
}

/**
 * The query conversion table for a set of phrases: only traditional characters whose simplified form occurs in
 * these phrases (a traditional character outside it cannot match anything anyway). A few KB instead of ~25 KB.
 */
export function corpusT2sPairs(phrases: readonly PhraseWithKeys[]): string {
  const used = new Set<string>();
  for (const phrase of phrases) {
    for (const ch of phrase.keys.s ?? normalizeText(rawSearchText(phrase))) used.add(ch);
    for (const ch of phrase.keys.c) used.add(ch);
  }
  let pairs = "";
  for (const [traditional, simplified] of traditionalCharacterTable()) {
    if (used.has(simplified)) pairs += traditional + simplified;
  }
  return pairs;
}

/** The plain index the background sends to the content script. Tombstones (`deleted: true`) are left out. */
export function toSearchIndexData(phrases: readonly (PhraseWithKeys & { deleted?: boolean })[]): SearchIndexData {
  const live = phrases.filter((p) => p.deleted !== true);
  return { v: 1, t2s: corpusT2sPairs(live), phrases: live };
}
