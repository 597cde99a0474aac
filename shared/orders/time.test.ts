import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTimestamp } from "./time.ts";

describe("parseTimestamp", () => {
  it("reads the ISO forms orders use, exactly as Date.parse", () => {
    for (const text of [
      "2026-11-23T02:01:00.000Z",
      "2026-11-23T02:01:00Z",
      "2026-11-23T10:01:00+08:00",
      "2026-11-23T10:01:00.123-05:30",
      "2026-02-28T23:59:59.999Z",
      "0001-01-01T00:00:00Z",
    ]) {
      expect(parseTimestamp(text), text).toBe(Date.parse(text));
      expect(Number.isNaN(parseTimestamp(text)), text).toBe(false);
    }
  });

  it("hands every other text to Date.parse (same result, NaN included)", () => {
    for (const text of [
      "2026-02-30T00:00:00Z",
      "2026-02-29T00:00:00Z",
      "2026-13-01T00:00:00Z",
      "2026-11-23T24:00:00Z",
      "2026-11-23T02:01:00",
      "2026-11-23",
      "2026-11-23T02:01:00.1Z",
      "2026-11-23T02:01:00.000Zjunk",
      "2026-11-23T02:01:00+0800",
      "昨天",
      "",
    ]) {
      expect(Object.is(parseTimestamp(text), Date.parse(text)), text).toBe(true);
    }
    expect(parseTimestamp(undefined)).toBeNaN();
  });

  it("agrees with Date.parse on generated timestamps and their mutations", () => {
    const iso = fc
      .date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true })
      .map((d) => d.toISOString());
    const mutated = fc
      .tuple(iso, fc.nat(30), fc.constantFrom("", "Z", "+08:00", "-03:30", "x", "0", ".5"))
      .map(([text, cut, tail]) => text.slice(0, Math.min(text.length, 10 + cut)) + tail);
    fc.assert(
      fc.property(fc.oneof(iso, mutated), (text) => Object.is(parseTimestamp(text), Date.parse(text))),
      { numRuns: 2000 },
    );
  });
});
