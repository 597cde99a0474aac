/**
 * classifyPhone answers a plain 11-digit mobile number at once; on any text it must still give what the full
 * path (split on separators, normalise, classify each) gives, kept here as the reference.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyPhone, normalizePhone, type PhoneKind } from "./phone.ts";

const MOBILE = /^1[3-9]\d{9}$/;
const VIRTUAL = /^1[3-9]\d{9}(?:-|转|_|#|,|，|分机)\d{3,6}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$/;
const MASK_CHARS = /[*＊•●]/;
const KIND_RANK: PhoneKind[] = ["mobile", "landline", "virtual", "masked", "invalid", "empty"];
const SEVERAL = /[,，/;；、]/;

function refOne(raw: string): PhoneKind {
  const s = normalizePhone(raw);
  if (s === "") return "empty";
  if (MASK_CHARS.test(s)) return "masked";
  const compact = s.length === 13 && s.charAt(3) === "-" && s.charAt(8) === "-" ? s.replaceAll("-", "") : s;
  if (MOBILE.test(compact)) return "mobile";
  if (VIRTUAL.test(s)) return "virtual";
  if (LANDLINE.test(s)) return "landline";
  return "invalid";
}

function refClassify(raw: string): PhoneKind {
  if (!SEVERAL.test(raw)) return refOne(raw);
  let best: PhoneKind = "empty";
  for (const part of raw.split(SEVERAL)) {
    const kind = refOne(part);
    if (KIND_RANK.indexOf(kind) < KIND_RANK.indexOf(best)) best = kind;
  }
  return best;
}

const phoneish = fc
  .array(
    fc.constantFrom(..."0123456789", "1", "13", "138", "+86", "86", "0086", "-", " ", "*", "转", ",", "／", "１", "\n"),
    {
      maxLength: 16,
    },
  )
  .map((parts) => parts.join(""));

describe("classifyPhone", () => {
  it("gives what the full path gives, plain mobile numbers included", () => {
    const mobile = fc.stringMatching(/^1[0-9]\d{9}\n?$/);
    fc.assert(
      fc.property(fc.oneof(phoneish, mobile, fc.string()), (raw) => {
        expect(classifyPhone(raw)).toBe(refClassify(raw));
      }),
      { numRuns: 5000 },
    );
  });
});
