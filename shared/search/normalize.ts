/**
 * Text normalisation shared by key building (background) and query handling (content script).
 * Small and dependency-free on purpose: the content script imports it.
 */

/** Traditional→simplified lookup for single characters. */
export type T2sTable = ReadonlyMap<string, string>;

/** Parses the flat "繁简繁简…" pair string of `SearchIndexData.t2s`. Odd trailing characters are ignored. */
export function parseT2sPairs(pairs: string): Map<string, string> {
  const table = new Map<string, string>();
  for (let i = 0; i + 1 < pairs.length; i += 2) table.set(pairs[i] as string, pairs[i + 1] as string);
  return table;
}

/**
 * Lower case, full-width ASCII → half-width, ideographic space → space, control characters → space (the
 * index uses \u0001 as a separator), optional traditional → simplified per character.
 */
export function normalizeText(text: string, t2s?: T2sTable): string {
  // Fast path: most phrase text is already normal (Chinese, digits, lower-case ASCII, punctuation).
  let out = NEEDS_WORK.test(text)
    ? text
        .replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
        .replace(SPACE_OR_CONTROL, " ")
        .toLowerCase()
    : text;
  if (t2s && t2s.size > 0) out = out.replace(NON_ASCII, (ch) => t2s.get(ch) ?? ch);
  return out;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const NEEDS_WORK = /[A-Z\u0000-\u0009\u000b-\u001f\u00c0-\u024f\u0370-\u052f\u1e00-\u1fff\u3000\uff01-\uff5e]/;
const FULL_WIDTH = /[\uff01-\uff5e]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it replaces
const SPACE_OR_CONTROL = /[\u0000-\u0009\u000b-\u001f\u3000]/g;
const NON_ASCII = /[\u0080-\uffff]/g;

/** The text a phrase is searched by (title, content, tags), before any traditional→simplified conversion. */
export function rawSearchText(phrase: { title?: string; content: string; tags?: readonly string[] }): string {
  const tags = phrase.tags && phrase.tags.length > 0 ? `\n${phrase.tags.join(" ")}` : "";
  return `${phrase.title ?? ""}\n${phrase.content}${tags}`;
}

/** Pinyin-like query: only letters, digits, spaces and apostrophes (after normalisation). */
export function compactLatin(query: string): string | undefined {
  if (!/^[a-z0-9 ']+$/.test(query)) return undefined;
  const compact = query.replace(/[ ']/g, "");
  return compact.length > 0 ? compact : undefined;
}
