import { describe, expect, it } from "vitest";
import { findTrigger } from "./trigger.ts";

describe("findTrigger", () => {
  it("opens at the start of the box, after whitespace and after punctuation", () => {
    expect(findTrigger("/")).toEqual({ start: 0, query: "" });
    expect(findTrigger("/cf")).toEqual({ start: 0, query: "cf" });
    expect(findTrigger("亲 /hy")).toEqual({ start: 2, query: "hy" });
    expect(findTrigger("好的，/催付")).toEqual({ start: 3, query: "催付" });
    expect(findTrigger("第一行\n/hd1")).toEqual({ start: 4, query: "hd1" });
  });

  it("stays out of URLs, fractions and words", () => {
    for (const text of ["http:/", "http://", "http://x", "https://a.b/c", "1/2", "1/", "a/b", "and/or", "x//"]) {
      expect(findTrigger(text), text).toBeUndefined();
    }
  });

  it("closes once the query has whitespace or grows too long", () => {
    expect(findTrigger("/cf ")).toBeUndefined();
    expect(findTrigger("/cf x")).toBeUndefined();
    expect(findTrigger(`/${"a".repeat(25)}`)).toBeUndefined();
    expect(findTrigger("没有斜杠")).toBeUndefined();
  });
});
