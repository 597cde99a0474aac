/**
 * When "/" opens the picker. Pure, so the rules are unit-tested without a browser.
 *
 * "/" counts only at the start of the box or right after whitespace or sentence punctuation, never after a
 * letter, digit, ":" or another "/": "http://x", "1/2", "a/b" and "and/or" stay plain text. The query is what
 * follows the "/" up to the caret, without whitespace, at most MAX_QUERY characters.
 */
export const MAX_QUERY = 24;

/** Characters after which "/" may open the picker (besides whitespace and the start of the box). */
const OPENERS = new Set([..."，。！？；、…（）【】《》「」『』“”‘’,.!?;()[]{}<>\"'~～"]);

export interface Trigger {
  /** Offset of the "/" in the text before the caret. */
  start: number;
  query: string;
}

export function findTrigger(textBeforeCaret: string): Trigger | undefined {
  const slash = textBeforeCaret.lastIndexOf("/");
  if (slash < 0) return undefined;
  const query = textBeforeCaret.slice(slash + 1);
  if (query.length > MAX_QUERY || /\s/.test(query)) return undefined;
  if (slash > 0) {
    const before = textBeforeCaret[slash - 1] as string;
    if (!/\s/.test(before) && !OPENERS.has(before)) return undefined;
  }
  return { start: slash, query };
}
