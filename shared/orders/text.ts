/**
 * Finding colours, sizes and model numbers named in free text (buyer message, seller memo) and comparing
 * them with the ordered SKU. Vocabulary tables are built once; scanning is a single pass per text.
 */

/** Colour words, each mapped to its base colour, so 黑色 / 黑 / 纯黑 compare equal and 酒红 ≠ 红. */
const COLOUR_WORDS: Record<string, string> = {};
const COLOUR_BASES: Record<string, string[]> = {
  黑: ["黑色", "纯黑", "黑"],
  白: ["白色", "纯白", "本白", "白"],
  米白: ["米白色", "米白", "奶白色", "奶白"],
  红: ["红色", "大红色", "大红", "正红", "红"],
  酒红: ["酒红色", "酒红", "枣红色", "枣红"],
  玫红: ["玫红色", "玫红", "玫瑰红"],
  粉: ["粉色", "粉红色", "粉红", "浅粉", "粉"],
  蓝: ["蓝色", "宝蓝色", "宝蓝", "蓝"],
  深蓝: ["深蓝色", "深蓝", "藏青色", "藏青", "藏蓝色", "藏蓝", "海军蓝"],
  浅蓝: ["浅蓝色", "浅蓝", "天蓝色", "天蓝", "雾霾蓝"],
  绿: ["绿色", "绿"],
  墨绿: ["墨绿色", "墨绿", "军绿色", "军绿", "橄榄绿"],
  黄: ["黄色", "明黄色", "明黄", "黄"],
  橙: ["橙色", "橘色", "橘黄色", "橙"],
  紫: ["紫色", "浅紫色", "香芋紫", "紫"],
  灰: ["灰色", "浅灰色", "浅灰", "深灰色", "深灰", "烟灰色", "灰"],
  棕: ["棕色", "咖啡色", "咖色", "驼色", "焦糖色", "棕"],
  卡其: ["卡其色", "卡其"],
  杏: ["杏色", "燕麦色", "奶茶色"],
  米: ["米色", "米黄色"],
  银: ["银色", "银灰色", "银"],
  金: ["金色", "香槟色", "香槟金", "玫瑰金"],
  透明: ["透明色", "透明"],
};
for (const [base, words] of Object.entries(COLOUR_BASES)) for (const w of words) COLOUR_WORDS[w] = base;
const MAX_COLOUR_WORD = Math.max(...Object.keys(COLOUR_WORDS).map((w) => w.length));
/** First characters of colour words: any other character is skipped without slicing. */
const COLOUR_FIRST_CODES = new Set(Object.keys(COLOUR_WORDS).map((w) => w.charCodeAt(0)));
/** Single-character colour words only count when followed by one of these (红的, 黑款…), else 白天/红包 would match. */
const SINGLE_CHAR_FOLLOWERS = new Set(["的", "款", "色", "码", "号", "，", ",", "。", " ", "!", "！", ""]);
/** Words that turn a following colour/size into a non-request: 不要红色, 别发黑色, 不是XL. */
const NEGATIONS = ["不要", "不是", "别发", "别要", "不发", "不用", "除了", "非", "别", "勿", "不"];

const TWO_OR_THREE_DIGITS = /^\d{2,3}$/;
const HAS_DIGIT = /\d/;
const HAS_LETTER = /[A-Za-z]/;
/** Words right after a mention that cancel it: 红色缺货, 黑色没有了. */
const AFTER_CANCEL = ["缺货", "没货", "没有", "不要", "不行", "卖完"];

/** Letter sizes, normalised: 2XL and XXL are the same. */
const LETTER_SIZES: Record<string, string> = {
  XS: "XS",
  S: "S",
  M: "M",
  L: "L",
  XL: "XL",
  XXL: "2XL",
  "2XL": "2XL",
  XXXL: "3XL",
  "3XL": "3XL",
  XXXXL: "4XL",
  "4XL": "4XL",
  "5XL": "5XL",
  "6XL": "6XL",
};

export interface TextMention {
  /** Normalised value (base colour / normalised size / lower-case model token). */
  value: string;
  /** As written in the text. */
  written: string;
}

export interface Mentions {
  colours: TextMention[];
  sizes: TextMention[];
  models: TextMention[];
}

function negatedAt(text: string, index: number, end: number): boolean {
  for (const n of NEGATIONS) if (text.endsWith(n, index)) return true;
  let after = end;
  while (after < text.length && (text.charAt(after) === "的" || text.charAt(after) === " ")) after++;
  for (const word of AFTER_CANCEL) if (text.startsWith(word, after)) return true;
  return false;
}

function isAsciiAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Colours, sizes and model-like tokens the text asks for (negated mentions are left out). */
const NO_MENTIONS: Mentions = Object.freeze({
  colours: Object.freeze([]) as unknown as TextMention[],
  sizes: Object.freeze([]) as unknown as TextMention[],
  models: Object.freeze([]) as unknown as TextMention[],
});

export function findMentions(text: string): Mentions {
  let out = NO_MENTIONS;
  const add = (kind: keyof Mentions, mention: TextMention): void => {
    if (out === NO_MENTIONS) out = { colours: [], sizes: [], models: [] };
    out[kind].push(mention);
  };
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (isAsciiAlnum(code)) {
      let end = i;
      while (end < text.length && isAsciiAlnum(text.charCodeAt(end))) end++;
      const token = text.slice(i, end);
      const upper = token.toUpperCase();
      const size = LETTER_SIZES[upper];
      const next = text.charAt(end);
      if (!negatedAt(text, i, end)) {
        if (size) add("sizes", { value: size, written: token });
        else if (TWO_OR_THREE_DIGITS.test(token) && (next === "码" || next === "号")) {
          add("sizes", { value: token, written: `${token}${next}` });
        } else if (token.length >= 2 && HAS_DIGIT.test(token) && HAS_LETTER.test(token)) {
          add("models", { value: token.toLowerCase(), written: token });
        }
      }
      i = end;
      continue;
    }
    if (!COLOUR_FIRST_CODES.has(code)) {
      i++;
      continue;
    }
    let matched = false;
    for (let len = Math.min(MAX_COLOUR_WORD, text.length - i); len >= 1; len--) {
      const word = text.slice(i, i + len);
      const base = COLOUR_WORDS[word];
      if (base === undefined) continue;
      if (len === 1 && !SINGLE_CHAR_FOLLOWERS.has(text.charAt(i + 1))) continue;
      if (!negatedAt(text, i, i + len)) add("colours", { value: base, written: word });
      i += len;
      matched = true;
      break;
    }
    if (!matched) i++;
  }
  return out;
}

/** Base colours named in a SKU value (黑色【加绒】 → 黑). */
export function coloursIn(value: string): Set<string> {
  return new Set(findMentions(value).colours.map((m) => m.value));
}

export function sizesIn(value: string): Set<string> {
  const set = new Set(findMentions(value).sizes.map((m) => m.value));
  // A bare number as a size value ("38") counts too.
  const trimmed = value.trim();
  if (TWO_OR_THREE_DIGITS.test(trimmed)) set.add(trimmed);
  return set;
}

export function isColourKey(key: string): boolean {
  return key.includes("颜色") || key.includes("色") || key.toLowerCase().includes("color");
}

export function isSizeKey(key: string): boolean {
  return key.includes("尺码") || key.includes("尺寸") || key.includes("码") || key.toLowerCase().includes("size");
}

export function isModelKey(key: string): boolean {
  return key.includes("型号") || key.includes("款式") || key.includes("机型") || key.toLowerCase().includes("model");
}

/** Lower-cased letters and digits only, for comparing model names (iPhone 15 Pro → iphone15pro). */
export function compactAlnum(value: string): string {
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (isAsciiAlnum(code)) out += value.charAt(i).toLowerCase();
  }
  return out;
}
