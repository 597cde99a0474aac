import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultTeamSettings, type TeamSettings } from "./schema.ts";
import {
  afterSettingsAccepted,
  applyPendingSettings,
  mergeSettings,
  queueSettingsEdit,
  rebaseSettingsEdit,
  SETTINGS_KEYS,
  sameJson,
  settingsClashes,
  settingsEditPart,
} from "./settings-merge.ts";

const server: TeamSettings = {
  ...defaultTeamSettings("小美的店"),
  agents: { a1: "小王", a2: "小李" },
  orderRules: { remote: ["新疆"] },
};

describe("queued settings edits", () => {
  it("keeps the first base of a key edited twice and shows the newest value", () => {
    const first = queueSettingsEdit(undefined, server, 7, { shopName: "一" }, 1);
    const second = queueSettingsEdit(
      first,
      { ...server, shopName: "已经变了" },
      9,
      { shopName: "二", lint: { on: 1 } },
      2,
    );
    expect(second).toEqual({
      patch: { shopName: "二", lint: { on: 1 } },
      base: { shopName: "小美的店", lint: {} },
      baseRev: 7,
      seq: 2,
    });
    expect(applyPendingSettings(server, second)).toMatchObject({
      shopName: "二",
      lint: { on: 1 },
      agents: server.agents,
    });
    expect(applyPendingSettings(server, undefined)).toBe(server);
  });

  it("takes the base from what an editor showed when given", () => {
    const edit = queueSettingsEdit(undefined, { ...server, shopName: "新" }, 9, { shopName: "我的" }, 1, {
      shopName: "旧",
    });
    expect(edit.base).toEqual({ shopName: "旧" });
    expect(settingsClashes(edit, { ...server, shopName: "新" })).toEqual(["shopName"]);
  });

  it("lists every schema key, later sections included", () => {
    expect(SETTINGS_KEYS).toEqual(expect.arrayContaining(["shopName", "agents", "orderRules", "siteProfiles"]));
  });
});

describe("three-way merge", () => {
  const edit = queueSettingsEdit(undefined, server, 7, { orderRules: { remote: ["西藏"] }, shopName: "新名" }, 1);

  it("merges when the server changed other keys, and clashes on the same key", () => {
    const elsewhere = { ...server, lint: { enabled: true } };
    expect(settingsClashes(edit, elsewhere)).toEqual([]);
    expect(mergeSettings(edit, elsewhere)).toEqual({
      ...elsewhere,
      orderRules: { remote: ["西藏"] },
      shopName: "新名",
    });
    const same = { ...server, orderRules: { remote: ["青海"] } };
    expect(settingsClashes(edit, same)).toEqual(["orderRules"]);
    // The same change made on both sides is no clash.
    expect(settingsClashes(edit, { ...server, orderRules: { remote: ["新疆"] } })).toEqual([]);
  });

  it("compares agents entry by entry: a new agent on the server and a rename here both survive", () => {
    const rename = queueSettingsEdit(undefined, server, 7, { agents: { a1: "王小二", a2: "小李" } }, 1);
    const minted = { ...server, agents: { ...server.agents, a3: "小张" } };
    expect(settingsClashes(rename, minted)).toEqual([]);
    expect(mergeSettings(rename, minted).agents).toEqual({ a1: "王小二", a2: "小李", a3: "小张" });
    expect(settingsClashes(rename, { ...server, agents: { a1: "王五", a2: "小李" } })).toEqual(["agents"]);
    const removal = queueSettingsEdit(undefined, server, 7, { agents: { a1: "小王" } }, 1);
    expect(mergeSettings(removal, minted).agents).toEqual({ a1: "小王", a3: "小张" });
  });

  it("keep mine re-bases the edit on theirs, carrying only my agent changes", () => {
    const rename = queueSettingsEdit(undefined, server, 7, { agents: { a1: "王小二", a2: "小李" }, shopName: "我" }, 1);
    const theirs = { ...server, shopName: "他", agents: { a1: "王五", a2: "小李", a3: "小张" } };
    const rebased = rebaseSettingsEdit(rename, theirs, 12, 5);
    expect(rebased).toEqual({
      patch: { shopName: "我", agents: { a1: "王小二", a2: "小李", a3: "小张" } },
      base: { shopName: "他", agents: theirs.agents },
      baseRev: 12,
      seq: 5,
    });
    expect(settingsClashes(rebased, theirs)).toEqual([]);
  });

  it("after acceptance keeps only a newer edit, based on what was sent", () => {
    const sent = queueSettingsEdit(undefined, server, 7, { shopName: "一" }, 1);
    expect(afterSettingsAccepted(sent, sent, 8)).toBeUndefined();
    expect(afterSettingsAccepted(undefined, sent, 8)).toBeUndefined();
    const newer = queueSettingsEdit(sent, server, 7, { shopName: "二", lint: { x: 1 } }, 2);
    expect(afterSettingsAccepted(newer, sent, 8)).toEqual({
      patch: { shopName: "二", lint: { x: 1 } },
      base: { shopName: "一", lint: {} },
      baseRev: 8,
      seq: 2,
    });
  });

  it("a clean merge never loses a key either side changed (property)", () => {
    const keys = ["shopName", "orderRules", "lint", "reviewTemplates"] as const;
    const value = (key: (typeof keys)[number], n: number) => (key === "shopName" ? `店${n}` : { n });
    fc.assert(
      fc.property(fc.subarray([...keys]), fc.subarray([...keys]), fc.nat(100), (mine, theirs, n) => {
        let edit = undefined as ReturnType<typeof queueSettingsEdit> | undefined;
        for (const key of mine) edit = queueSettingsEdit(edit, server, 7, { [key]: value(key, n) }, 1);
        const remote: TeamSettings = { ...server };
        for (const key of theirs) Object.assign(remote, { [key]: value(key, n + 1) });
        if (!edit) return;
        const clashes = settingsClashes(edit, remote);
        expect(clashes.sort()).toEqual(mine.filter((key) => theirs.includes(key)).sort());
        if (clashes.length) return;
        const merged = mergeSettings(edit, remote);
        for (const key of mine) expect(merged[key]).toEqual(value(key, n));
        for (const key of theirs) expect(merged[key]).toEqual(value(key, n + 1));
      }),
    );
  });
});

describe("sameJson", () => {
  it("ignores key order and tells arrays from objects", () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameJson([1], { 0: 1 })).toBe(false);
    expect(sameJson(undefined, undefined)).toBe(true);
    expect(sameJson(null, {})).toBe(false);
  });
});

describe("settingsEditPart", () => {
  it("splits an edit by keys", () => {
    const edit = queueSettingsEdit(undefined, server, 7, { shopName: "新", lint: { on: 1 } }, 3);
    expect(settingsEditPart(edit, ["lint"], "pick")).toEqual({
      patch: { lint: { on: 1 } },
      base: { lint: {} },
      baseRev: 7,
      seq: 3,
    });
    expect(settingsEditPart(edit, ["lint"], "omit")?.patch).toEqual({ shopName: "新" });
    expect(settingsEditPart(edit, ["shopName", "lint"], "omit")).toBeUndefined();
  });
});
