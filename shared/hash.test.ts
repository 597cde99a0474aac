import { describe, expect, it } from "vitest";
import { digest53, fnv1a } from "./hash.ts";

describe("fnv1a", () => {
  it("matches the published FNV-1a 32-bit vectors", () => {
    expect(fnv1a("")).toBe(0x811c9dc5);
    expect(fnv1a("a")).toBe(0xe40c292c);
    expect(fnv1a("foobar")).toBe(0xbf9cf968);
  });
});

describe("digest53", () => {
  it("keeps the empty string empty (an empty key never matches) and gives short base-36 text otherwise", () => {
    expect(digest53("")).toBe("");
    expect(digest53("a")).toMatch(/^[0-9a-z]{1,11}$/);
    expect(digest53("a")).toBe(digest53("a"));
  });

  it("has no collision over 200,000 near-identical receiver keys (one digit or one character apart)", () => {
    const seen = new Map<string, string>();
    for (let i = 0; i < 100_000; i++) {
      for (const text of [`3:王小明浙江省杭州市西湖区文三路${i}号`, `3:王小明浙江省杭州市西湖区文三路${i}室`]) {
        const d = digest53(text);
        expect(seen.get(d) ?? text).toBe(text);
        seen.set(d, text);
      }
    }
    expect(seen.size).toBe(200_000);
  });
});
