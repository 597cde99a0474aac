// The traditional→simplified build only (about 110 KB instead of 1.2 MB): the extension bundles this file.
import { Converter } from "opencc-js/t2cn";
import { SPELLING_FIXES } from "./lexicon.ts";

type ConvertFn = (text: string) => string;
let fromTaiwan: ConvertFn | undefined;
let fromHongKong: ConvertFn | undefined;

/**
 * Built on first use: the OpenCC dictionaries take tens of milliseconds to load. Taiwan and Hong Kong forms
 * differ (著 / 衞), so both conversions run; each is a few microseconds per short review.
 */
function traditionalToSimplified(text: string): string {
  fromTaiwan ??= Converter({ from: "tw", to: "cn" });
  fromHongKong ??= Converter({ from: "hk", to: "cn" });
  const taiwanConverted = fromTaiwan(text);
  // Unchanged means simplified text (nearly always): skip the second pass.
  return taiwanConverted === text ? text : fromHongKong(taiwanConverted);
}

// Any character outside ASCII and common CJK punctuation might be traditional; pure-ASCII text skips OpenCC.
const MAY_NEED_CONVERSION = /[\u3400-\u9fff]/;

/**
 * Review text as the analyser wants it: simplified characters, half-width letters and digits, lower case,
 * runs of one character (好好好好好, ！！！！) shortened, internet spellings fixed.
 */
export function normalizeReviewText(raw: string): string {
  let text = raw.normalize("NFKC");
  if (MAY_NEED_CONVERSION.test(text)) text = traditionalToSimplified(text);
  text = text.toLowerCase().replace(/(.)\1{2,}/gu, "$1$1");
  for (const [from, to] of SPELLING_FIXES) if (text.includes(from)) text = text.split(from).join(to);
  return text;
}
