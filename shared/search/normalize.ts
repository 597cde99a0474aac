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
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) {
      out += String.fromCharCode(code - 0xfee0).toLowerCase();
    } else if (code === 0x3000) {
      out += " ";
    } else if (code < 0x20 && code !== 0x0a) {
      out += " ";
    } else if (code >= 0x41 && code <= 0x5a) {
      out += String.fromCharCode(code + 32);
    } else if (code < 0x80) {
      out += text[i];
    } else {
      const ch = text[i] as string;
      out += t2s?.get(ch) ?? ch.toLowerCase();
    }
  }
  return out;
}

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
