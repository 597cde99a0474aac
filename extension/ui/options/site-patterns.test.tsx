import { describe, expect, it } from "vitest";
import { parsePatternLines } from "./SitePatterns.tsx";

describe("site patterns editor: parsePatternLines", () => {
  it("takes one pattern a line, trimmed, blank lines skipped", () => {
    expect(parsePatternLines(" https://crm.example.com/* \n\nhttp://127.0.0.2/*\n")).toEqual({
      patterns: ["https://crm.example.com/*", "http://127.0.0.2/*"],
    });
    expect(parsePatternLines("")).toEqual({ patterns: [] });
  });

  it("names the line of the first bad pattern and why", () => {
    const answer = parsePatternLines("https://crm.example.com/*\n<all_urls>");
    expect("error" in answer && answer.error).toMatch(/^第 2 行 · line 2：.*开头/);
    const broad = parsePatternLines("*://*/*");
    expect("error" in broad && broad.error).toContain("所有网站");
  });

  it("refuses duplicates and too many lines", () => {
    const twice = parsePatternLines("https://a.example.com/*\nhttps://a.example.com/*");
    expect("error" in twice && twice.error).toContain("重复");
    const many = Array.from({ length: 21 }, (_, i) => `https://s${i}.example.com/*`).join("\n");
    expect("error" in parsePatternLines(many)).toBe(true);
  });
});
