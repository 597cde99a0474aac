/** Receiver phone classification. The patterns are compiled once at module load. */

export type PhoneKind = "empty" | "mobile" | "landline" | "masked" | "virtual" | "invalid";

const MOBILE = /^1[3-9]\d{9}$/;
/** Platform privacy numbers: a mobile number plus a 3–6 digit extension (13800138000-1234, 13800138000转1234). */
const VIRTUAL = /^1[3-9]\d{9}(?:-|转|_|#|,|，|分机)\d{3,6}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$/;
const MASK_CHARS = /[*＊•●]/;
const IGNORABLE = /[\s()（）]/g;
const FULL_WIDTH_DIGIT = /[\uff10-\uff19]/;

/** Strips spaces, brackets, a +86/0086/86 prefix and turns full-width digits into ASCII. */
export function normalizePhone(raw: string): string {
  let s = raw.replace(IGNORABLE, "");
  if (FULL_WIDTH_DIGIT.test(s)) {
    let ascii = "";
    for (const ch of s) {
      const code = ch.charCodeAt(0);
      ascii += code >= 0xff10 && code <= 0xff19 ? String.fromCharCode(code - 0xfee0) : ch;
    }
    s = ascii;
  }
  if (s.startsWith("+86")) s = s.slice(3);
  else if (s.startsWith("0086")) s = s.slice(4);
  else if (s.startsWith("86") && s.length === 13) s = s.slice(2);
  if (s.startsWith("-")) s = s.slice(1);
  return s;
}

/** Best first: when a field holds several numbers, the most usable one decides. */
const KIND_RANK: PhoneKind[] = ["mobile", "landline", "virtual", "masked", "invalid", "empty"];
const SEVERAL = /[,，/;；、]/;

export function classifyPhone(raw: string): PhoneKind {
  // Most receivers have a plain 11-digit mobile number, which every step below would leave as it is.
  if (MOBILE.test(raw)) return "mobile";
  return classifyPhoneFully(raw);
}

/** The whole path (split on separators, normalise, classify each): classifyPhone without its shortcut. */
export function classifyPhoneFully(raw: string): PhoneKind {
  if (!SEVERAL.test(raw)) return classifyOne(raw);
  let best: PhoneKind = "empty";
  for (const part of raw.split(SEVERAL)) {
    const kind = classifyOne(part);
    if (KIND_RANK.indexOf(kind) < KIND_RANK.indexOf(best)) best = kind;
  }
  return best;
}

function classifyOne(raw: string): PhoneKind {
  const s = normalizePhone(raw);
  if (s === "") return "empty";
  if (MASK_CHARS.test(s)) return "masked";
  const compact = s.length === 13 && s.charAt(3) === "-" && s.charAt(8) === "-" ? s.replaceAll("-", "") : s;
  if (MOBILE.test(compact)) return "mobile";
  if (VIRTUAL.test(s)) return "virtual";
  if (LANDLINE.test(s)) return "landline";
  return "invalid";
}
