import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lintText } from "./lint.ts";

const piece = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom(
    "不能",
    "没有问题",
    "我不知道",
    "第一时间",
    "第一",
    "最佳",
    "不过可以",
    "。",
    "?",
    "\n",
    "行不行",
    "不行",
  ),
);

describe("lint properties", () => {
  it("findings point at their text, are sorted and never overlap", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 15 }), (pieces) => {
        const text = pieces.join("");
        const findings = lintText(text);
        let lastEnd = 0;
        for (const f of findings) {
          expect(text.slice(f.start, f.end)).toBe(f.text);
          expect(f.start).toBeGreaterThanOrEqual(lastEnd);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.why.length).toBeGreaterThan(0);
          expect(f.suggestion.length).toBeGreaterThan(0);
          lastEnd = f.end;
        }
      }),
    );
  });
});
