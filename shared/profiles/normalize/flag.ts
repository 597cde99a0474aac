/** Memo flag colours (淘宝/千牛 旗帜) from class names, words or numbers. */
import type { FlagColor } from "../../model.ts";
import { asString } from "./text.ts";
import type { RawValue } from "./types.ts";

const FLAG_WORDS: [RegExp, FlagColor][] = [
  [/red|红|^1$/i, "red"],
  [/yellow|黄|^2$/i, "yellow"],
  [/green|绿|^3$/i, "green"],
  [/blue|蓝|^4$/i, "blue"],
  [/purple|pink|紫|粉|^5$/i, "purple"],
  [/none|grey|gray|灰|^0$/i, "none"],
];

/** The colour FLAG_WORDS gives for a trimmed, non-empty text (the reference for the exact-word lookup below). */
export function flagByWords(text: string): FlagColor | undefined {
  for (const [pattern, colour] of FLAG_WORDS) if (pattern.test(text)) return colour;
  return undefined;
}

/**
 * What FLAG_WORDS gives for the words the profiles' `flag-(\w+)` captures and the pages print most, worked out
 * from FLAG_WORDS itself at load: one lookup instead of up to six pattern tests per row.
 */
const FLAG_BY_EXACT_WORD = new Map(
  ["none", "red", "yellow", "green", "blue", "purple", "pink", "grey", "gray", "0", "1", "2", "3", "4", "5"].map(
    (word) => [word, flagByWords(word)] as const,
  ),
);

/** Memo flag: "flag-red", "红旗", "red", 1 (淘宝 numbering 0 grey … 5 purple) → FlagColor. */
export function normalizeFlagColor(raw: RawValue): FlagColor | undefined {
  const text = asString(raw).trim();
  if (!text) return undefined;
  return FLAG_BY_EXACT_WORD.has(text) ? FLAG_BY_EXACT_WORD.get(text) : flagByWords(text);
}
