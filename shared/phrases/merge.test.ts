import { describe, expect, it } from "vitest";
import type { SyncResponse } from "../api.ts";
import { applySync, emptyLibrary, listPhrases } from "./merge.ts";
import { defaultTeamSettings, type Phrase } from "./schema.ts";

const phrase = (id: string, rev: number, extra: Partial<Phrase> = {}): Phrase => ({
  id,
  code: `c${id}`,
  content: `内容${rev}`,
  groupId: "g",
  tags: [],
  scope: "team",
  updatedBy: "a",
  updatedAt: rev,
  rev,
  ...extra,
});
const answer = (rev: number, phrases: Phrase[], full = false): SyncResponse => ({
  rev,
  full,
  more: false,
  phrases,
  groups: [],
});

describe("applySync", () => {
  it("applies deltas, tombstones and ignores older versions", () => {
    let lib = applySync(emptyLibrary(), answer(2, [phrase("1", 1), phrase("2", 2)], true));
    lib = applySync(lib, answer(4, [phrase("1", 3, { deleted: true, content: "" }), phrase("2", 1)]));
    expect(Object.keys(lib.phrases)).toEqual(["2"]);
    expect(lib.phrases["2"]?.content).toBe("内容2");
    expect(lib.rev).toBe(4);
  });
  it("a full sync replaces the copy", () => {
    const lib = applySync(
      { ...emptyLibrary(), rev: 5, phrases: { x: phrase("x", 4) } },
      answer(9, [phrase("y", 9)], true),
    );
    expect(lib.rev).toBe(9);
    expect(listPhrases(lib).map((p) => p.id)).toEqual(["y"]);
  });
  it("never moves backwards: an older (stale) full answer is merged, not swapped in", () => {
    const lib = applySync(
      { ...emptyLibrary(), rev: 9, phrases: { x: phrase("x", 9), z: phrase("z", 8) } },
      answer(5, [phrase("y", 5), phrase("z", 3, { content: "旧" })], true),
    );
    expect(lib.rev).toBe(9);
    expect(listPhrases(lib).map((p) => p.id)).toEqual(["x", "y", "z"]);
    expect(lib.phrases.z?.content).toBe("内容8");
  });
  it("never takes older settings", () => {
    const local = { ...emptyLibrary(), rev: 9, settingsRev: 7, settings: defaultTeamSettings("新名") };
    const stale = { ...answer(9, []), settings: defaultTeamSettings("旧名"), settingsRev: 6 };
    expect(applySync(local, stale).settings?.shopName).toBe("新名");
  });
});
