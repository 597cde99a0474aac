/**
 * classifyPhone answers a plain 11-digit mobile number at once; on any text it must still give what the full
 * path (classifyPhoneFully: split on separators, normalise, classify each) gives.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyPhone, classifyPhoneFully } from "./phone.ts";

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
        expect(classifyPhone(raw)).toBe(classifyPhoneFully(raw));
      }),
      { numRuns: 5000 },
    );
  });
});
