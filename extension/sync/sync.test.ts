import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { parseImport } from "../../shared/phrases/io/index.ts";
import { createStoreHandlers } from "../store/handlers.ts";
import { libraryItem, outboxItem } from "../store/state.ts";
import { cancelSyncSoon, SYNC_ALARM, startSyncLoop } from "./loop.ts";
import { FakeWorker } from "./testing/fake-worker.ts";

const ADMIN = "kefu_team0000000000001_admin-token";
const AGENT = "kefu_team0000000000001_agent-token";

let worker: FakeWorker;
let h: ReturnType<typeof createStoreHandlers>;
const empty = {} as Record<string, never>;

beforeEach(() => {
  fakeBrowser.reset();
  libraryItem.dropCache(); // the in-memory cache of a "previous service worker"
  worker = new FakeWorker();
  worker.addToken(ADMIN, "admin", "agentAdmin", "店长");
  worker.addToken(AGENT, "agent", "agentWang", "小王");
  h = createStoreHandlers({ fetch: worker.fetch });
});
afterEach(() => cancelSyncSoon());

async function connectAs(token: string) {
  const info = await h["connection.save"]({ workerUrl: "https://kefu.example.workers.dev/", token });
  await h["sync.now"](empty);
  return info;
}

async function addGroup(name: string) {
  return (await h["group.save"]({ group: { name } })).id;
}

describe("connection", () => {
  it("tests the token with /v1/me and shows team, role and name", async () => {
    const info = await connectAs(ADMIN);
    expect(info).toMatchObject({ connected: true, workerUrl: "https://kefu.example.workers.dev", tokenHint: "oken" });
    expect(info.me).toMatchObject({ shopName: "小美的店", role: "admin", name: "店长" });
    expect(JSON.stringify(await h["connection.get"](empty))).not.toContain(ADMIN);
  });

  it("refuses a bad token and saves nothing", async () => {
    await expect(h["connection.save"]({ workerUrl: "kefu.example.workers.dev", token: "nope" })).rejects.toThrow(
      /令牌无效/,
    );
    expect((await h["connection.get"](empty)).connected).toBe(false);
  });

  it("refuses plain http except on this machine", async () => {
    await expect(h["connection.save"]({ workerUrl: "http://evil.example", token: ADMIN })).rejects.toThrow(/https/);
    const info = await h["connection.save"]({ workerUrl: "127.0.0.1:8787", token: ADMIN });
    expect(info.workerUrl).toBe("http://127.0.0.1:8787");
  });

  it("says offline when the Worker cannot be reached", async () => {
    worker.online = false;
    await expect(h["connection.save"]({ workerUrl: "https://x.example", token: ADMIN })).rejects.toThrow(/无法连接/);
  });
});

describe("offline-first editing", () => {
  it("queues edits while offline, shows them at once, and lands them when the Worker is back", async () => {
    await connectAs(ADMIN);
    const groupId = await addGroup("欢迎语");
    worker.online = false;
    const { id } = await h["phrase.save"]({
      phrase: { code: "hy", content: "您好，欢迎光临！", groupId, tags: ["售前"], scope: "team" },
    });
    const offlineRound = await h["sync.now"](empty);
    expect(offlineRound.status.state).toBe("offline");
    expect(offlineRound.pendingEdits).toBe(2);
    const view = await h["library.get"](empty);
    expect(view.phrases).toMatchObject([{ id, code: "hy", pending: true, editable: true }]);
    expect(view.groups).toMatchObject([{ id: groupId, name: "欢迎语", pending: true }]);

    // A fresh set of handlers reads only storage: what a restarted service worker would see.
    h = createStoreHandlers({ fetch: worker.fetch });
    libraryItem.dropCache();
    worker.online = true;
    const back = await h["sync.now"](empty);
    expect(back.status.state).toBe("idle");
    expect(back.pendingEdits).toBe(0);
    expect(back.status.lastSyncAt).toBeTypeOf("number");
    expect(worker.phrases.get(id)).toMatchObject({ code: "hy", content: "您好，欢迎光临！", scope: "team" });
    expect((await h["library.get"](empty)).phrases).toMatchObject([{ id, pending: false, rev: expect.any(Number) }]);
  });

  it("validates edits against the contract and names the field", async () => {
    await connectAs(ADMIN);
    const groupId = await addGroup("议价");
    await expect(
      h["phrase.save"]({ phrase: { code: "y j", content: "x", groupId, tags: [], scope: "team" } }),
    ).rejects.toThrow(/快捷编码/);
    await expect(
      h["phrase.save"]({
        phrase: { code: "yj", content: "x", imageUrl: "javascript:alert(1)", groupId, tags: [], scope: "team" },
      }),
    ).rejects.toThrow(/图片/);
    const { id } = await h["phrase.save"]({ phrase: { code: "yj", content: "x", groupId, tags: [], scope: "team" } });
    await expect(
      h["phrase.save"]({ phrase: { id, code: "yj", content: "x", groupId, tags: [], scope: "personal" } }),
    ).rejects.toThrow(/不能更改范围/);
  });

  it("pulls other clients' changes as deltas with tombstones, and polls with 304 when steady", async () => {
    await connectAs(ADMIN);
    const a = worker.serverWrite({ id: "a1", code: "wl", content: "默认中通", groupId: "g", tags: [], scope: "team" });
    worker.serverWrite({ id: "b1", code: "fp", content: "发票随货", groupId: "g", tags: [], scope: "team" });
    await h["sync.now"](empty);
    expect((await h["library.get"](empty)).phrases.map((p) => p.code).sort()).toEqual(["fp", "wl"]);
    worker.serverDelete(a.id);
    await h["sync.now"](empty);
    expect((await h["library.get"](empty)).phrases.map((p) => p.code)).toEqual(["fp"]);
    worker.requests = [];
    await h["sync.now"](empty);
    expect(worker.requests).toEqual([`GET /v1/sync?since=${worker.rev}`]);
    const stamp = await h["library.stamp"](empty);
    expect(stamp.rev).toBe(worker.rev);
    await h["phrase.save"]({ phrase: { code: "n", content: "新", groupId: "g", tags: [], scope: "team" } });
    expect((await h["library.stamp"](empty)).outboxSeq).toBeGreaterThan(stamp.outboxSeq);
  });

  it("deletes and moves in bulk, and a never-sent phrase is simply dropped", async () => {
    await connectAs(ADMIN);
    const g1 = await addGroup("物流");
    const g2 = await addGroup("售后");
    const ids = [];
    for (const code of ["a", "b", "c"]) {
      ids.push((await h["phrase.save"]({ phrase: { code, content: code, groupId: g1, tags: [], scope: "team" } })).id);
    }
    await h["sync.now"](empty);
    await h["phrases.move"]({ ids: [ids[0] as string, ids[1] as string], groupId: g2 });
    await h["phrases.delete"]({ ids: [ids[2] as string] });
    const draft = await h["phrase.save"]({ phrase: { code: "d", content: "d", groupId: g1, tags: [], scope: "team" } });
    await h["phrases.delete"]({ ids: [draft.id] });
    expect(Object.keys((await outboxItem.getValue()).phrases)).toHaveLength(3);
    await h["sync.now"](empty);
    expect([...worker.phrases.values()].filter((p) => !p.deleted).map((p) => [p.code, p.groupId])).toEqual([
      ["a", g2],
      ["b", g2],
    ]);
    await expect(h["group.delete"]({ id: g2 })).rejects.toThrow(/还有 2 条/);
    await h["group.delete"]({ id: g1 });
    await h["sync.now"](empty);
    expect(worker.groups.get(g1)?.deleted).toBe(true);
  });
});

describe("conflicts", () => {
  async function staleEdit() {
    await connectAs(ADMIN);
    const groupId = await addGroup("催付");
    const { id } = await h["phrase.save"]({
      phrase: { code: "cf", content: "亲，在吗", groupId, tags: [], scope: "team" },
    });
    await h["sync.now"](empty);
    worker.online = false;
    await h["phrase.save"]({ phrase: { id, code: "cf", content: "我的版本", groupId, tags: [], scope: "team" } });
    const theirs = worker.serverWrite({ id, code: "cf", content: "他们的版本", groupId, tags: [], scope: "team" });
    worker.online = true;
    const round = await h["sync.now"](empty);
    return { id, theirs, round };
  }

  it("keeps a stale edit as a conflict with both versions, never dropping it", async () => {
    const { id, round } = await staleEdit();
    expect(round.conflicts).toBe(1);
    expect(round.pendingEdits).toBe(0);
    const view = await h["library.get"](empty);
    expect(view.conflicts).toMatchObject([
      {
        kind: "phrase",
        id,
        reason: "stale",
        mine: { op: "upsert", input: { content: "我的版本" } },
        theirs: { content: "他们的版本" },
      },
    ]);
    expect(view.phrases[0]?.content).toBe("他们的版本");
  });

  it("keep mine: re-sends my version on top of theirs", async () => {
    const { id } = await staleEdit();
    await h["conflict.resolve"]({ kind: "phrase", id, choice: "mine" });
    const round = await h["sync.now"](empty);
    expect(round.conflicts).toBe(0);
    expect(worker.phrases.get(id)?.content).toBe("我的版本");
    expect((await h["library.get"](empty)).phrases[0]?.content).toBe("我的版本");
  });

  it("take theirs: drops mine and shows theirs", async () => {
    const { id } = await staleEdit();
    await h["conflict.resolve"]({ kind: "phrase", id, choice: "theirs" });
    const round = await h["sync.now"](empty);
    expect(round).toMatchObject({ conflicts: 0, pendingEdits: 0 });
    expect(worker.phrases.get(id)?.content).toBe("他们的版本");
    expect((await h["library.get"](empty)).phrases[0]?.content).toBe("他们的版本");
  });
});

describe("editor base revision", () => {
  async function openedEditor() {
    await connectAs(ADMIN);
    const groupId = await addGroup("催付");
    const { id } = await h["phrase.save"]({
      phrase: { code: "cf", content: "亲，在吗", groupId, tags: [], scope: "team" },
    });
    await h["sync.now"](empty);
    const opened = (await h["library.get"](empty)).phrases.find((p) => p.id === id);
    if (!opened) throw new Error("phrase missing");
    return { id, groupId, openedRev: opened.rev };
  }

  it("a save from an editor opened before a teammate's version (pulled meanwhile) is a conflict, not an overwrite", async () => {
    const { id, groupId, openedRev } = await openedEditor();
    worker.serverWrite({ id, code: "cf", content: "同事的版本", groupId, tags: [], scope: "team" });
    await h["sync.now"](empty); // the teammate's version arrives while the form is still open
    await h["phrase.save"]({
      phrase: { id, code: "cf", content: "表单里的版本", groupId, tags: [], scope: "team", baseRev: openedRev },
    });
    const round = await h["sync.now"](empty);
    expect(round.conflicts).toBe(1);
    expect(worker.phrases.get(id)?.content).toBe("同事的版本");
    expect((await h["library.get"](empty)).conflicts).toMatchObject([
      { id, reason: "stale", mine: { input: { content: "表单里的版本" } }, theirs: { content: "同事的版本" } },
    ]);
  });

  it("my own newer save since the editor opened is not a conflict", async () => {
    const { id, groupId, openedRev } = await openedEditor();
    await h["phrase.save"]({ phrase: { id, code: "cf", content: "第一次改", groupId, tags: [], scope: "team" } });
    await h["sync.now"](empty);
    await h["phrase.save"]({
      phrase: { id, code: "cf", content: "第二次改", groupId, tags: [], scope: "team", baseRev: openedRev },
    });
    expect((await h["sync.now"](empty)).conflicts).toBe(0);
    expect(worker.phrases.get(id)?.content).toBe("第二次改");
  });
});

describe("roles", () => {
  it("agents see the team library read-only and edit their personal phrases", async () => {
    worker.serverWrite({ id: "t1", code: "hy", content: "团队欢迎语", groupId: "g", tags: [], scope: "team" });
    await connectAs(AGENT);
    const view = await h["library.get"](empty);
    expect(view.phrases).toMatchObject([{ id: "t1", editable: false }]);
    await expect(
      h["phrase.save"]({ phrase: { id: "t1", code: "hy", content: "改", groupId: "g", tags: [], scope: "team" } }),
    ).rejects.toThrow(/管理员/);
    await expect(h["phrases.delete"]({ ids: ["t1"] })).rejects.toThrow(/管理员/);
    await expect(h["group.save"]({ group: { name: "x" } })).rejects.toThrow(/管理员/);
    const mine = await h["phrase.save"]({
      phrase: { code: "wd", content: "稍等哦亲", groupId: "", tags: [], scope: "personal" },
    });
    await h["sync.now"](empty);
    expect(worker.phrases.get(mine.id)).toMatchObject({ scope: "personal", ownerId: "agentWang", groupId: "personal" });
  });
});

describe("usage counts", () => {
  it("queues uses offline and reports them once online", async () => {
    await connectAs(AGENT);
    worker.online = false;
    await h["usage.record"]({ id: "t1" });
    await h["usage.record"]({ id: "t1", times: 2 });
    expect((await h["sync.now"](empty)).queuedUsage).toBe(3);
    worker.online = true;
    expect((await h["sync.now"](empty)).queuedUsage).toBe(0);
    expect(worker.usage).toEqual({ t1: 3 });
  });
});

describe("import", () => {
  it("applies a parsed CSV all at once, creating groups and updating by quick code", async () => {
    await connectAs(ADMIN);
    const csv = "分组,快捷编码,短语内容\n欢迎语,hy,您好\n物流,wl,默认中通\n";
    const parsed = parseImport(new TextEncoder().encode(csv), "a.csv");
    if (!parsed.ok) throw new Error("parse failed");
    expect(await h["import.apply"]({ preview: parsed.preview, scope: "team" })).toEqual({
      created: 2,
      updated: 0,
      groupsCreated: 2,
      skippedTeam: 0,
    });
    await h["sync.now"](empty);
    const again = parseImport(new TextEncoder().encode("分组,快捷编码,短语内容\n欢迎语,hy,您好呀\n"), "a.csv");
    if (!again.ok) throw new Error("parse failed");
    expect(await h["import.apply"]({ preview: again.preview, scope: "team" })).toMatchObject({
      created: 0,
      updated: 1,
    });
    await h["sync.now"](empty);
    expect([...worker.phrases.values()].map((p) => p.content).sort()).toEqual(["您好呀", "默认中通"]);
  });

  it("re-importing a CSV keeps the titles the file format cannot carry", async () => {
    await connectAs(ADMIN);
    const groupId = await addGroup("欢迎语");
    await h["phrase.save"]({
      phrase: { code: "hy", title: "欢迎语", content: "您好", groupId, tags: ["售前"], scope: "team" },
    });
    await h["sync.now"](empty);
    const parsed = parseImport(new TextEncoder().encode("分组,快捷编码,短语内容\n欢迎语,hy,您好呀\n"), "a.csv");
    if (!parsed.ok) throw new Error("parse failed");
    expect(await h["import.apply"]({ preview: parsed.preview, scope: "team" })).toMatchObject({ updated: 1 });
    await h["sync.now"](empty);
    expect([...worker.phrases.values()]).toMatchObject([{ title: "欢迎语", content: "您好呀", tags: ["售前"] }]);
  });

  it("applies nothing when one phrase breaks the contract", async () => {
    await connectAs(ADMIN);
    const preview = {
      format: "csv" as const,
      encoding: "utf-8",
      groups: [{ name: "欢迎语" }],
      phrases: [
        { groupName: "欢迎语", code: "ok", content: "fine" },
        { groupName: "欢迎语", code: "bad code", content: "x" },
      ],
      warnings: [],
    };
    await expect(h["import.apply"]({ preview, scope: "team" })).rejects.toThrow(
      /第 2 条（bad code）.*没有导入任何内容/,
    );
    expect(await outboxItem.getValue()).toMatchObject({ phrases: {}, groups: {} });
  });

  it("stops agents from importing team phrases", async () => {
    await connectAs(AGENT);
    const preview = { format: "csv" as const, encoding: "utf-8", groups: [], phrases: [], warnings: [] };
    await expect(h["import.apply"]({ preview, scope: "team" })).rejects.toThrow(/管理员/);
  });
});

describe("team settings edits", () => {
  const restored = { shopName: "小美的店", agents: { agentWang: "小王" }, orderRules: { remote: ["新疆"] } };
  /** What a restarted service worker sees: storage only. */
  function restart() {
    h = createStoreHandlers({ fetch: worker.fetch });
    libraryItem.dropCache();
  }

  it("queues an admin's offline edit across a restart, shows it at once, and lands it when the Worker is back", async () => {
    await connectAs(ADMIN);
    worker.online = false;
    const saved = await h["settings.save"]({ patch: { shopName: "小美的旗舰店", lint: { enabled: true } } });
    expect(saved.settings).toMatchObject({ shopName: "小美的旗舰店", lint: { enabled: true } });
    const round = await h["sync.now"](empty);
    expect(round).toMatchObject({ status: { state: "offline" }, pendingEdits: 1 });
    restart();
    const view = await h["library.get"](empty);
    expect(view.settings).toMatchObject({ shopName: "小美的旗舰店" });
    expect(view.settingsPending.sort()).toEqual(["lint", "shopName"]);
    expect(worker.settings.shopName).toBe("小美的店");
    worker.online = true;
    expect(await h["sync.now"](empty)).toMatchObject({ status: { state: "idle" }, pendingEdits: 0, conflicts: 0 });
    expect(worker.settings).toMatchObject({ shopName: "小美的旗舰店", lint: { enabled: true } });
    const after = await h["library.get"](empty);
    expect(after.settingsPending).toEqual([]);
    expect(after.settings).toMatchObject({ shopName: "小美的旗舰店" });
  });

  it("merges cleanly when another admin changed other keys meanwhile (a minted token's agent included)", async () => {
    await connectAs(ADMIN);
    await h["settings.save"]({ patch: { agents: { agentWang: "小王" } } });
    await h["sync.now"](empty);
    worker.online = false;
    await h["settings.save"]({ patch: { shopName: "新店名", agents: { agentWang: "王小二" } } });
    worker.serverSettings({ orderRules: { remote: ["西藏"] }, agents: { agentWang: "小王", agentLi: "小李" } });
    worker.online = true;
    expect(await h["sync.now"](empty)).toMatchObject({ conflicts: 0, pendingEdits: 0 });
    expect(worker.settings).toMatchObject({
      shopName: "新店名",
      orderRules: { remote: ["西藏"] },
      agents: { agentWang: "王小二", agentLi: "小李" },
    });
    expect((await h["library.get"](empty)).settings).toEqual(worker.settings);
  });

  it("retries with the server's settings after a 409 when this browser's copy was old", async () => {
    await connectAs(ADMIN);
    worker.serverSettings({ lint: { enabled: false } }); // not pulled yet: the local copy is one revision behind
    await h["settings.save"]({ patch: { shopName: "改名" } });
    worker.requests = [];
    expect(await h["sync.now"](empty)).toMatchObject({ conflicts: 0, pendingEdits: 0 });
    expect(worker.requests.filter((r) => r.includes("/v1/settings"))).toEqual([
      "PUT /v1/settings",
      "GET /v1/settings",
      "PUT /v1/settings",
    ]);
    expect(worker.settings).toMatchObject({ shopName: "改名", lint: { enabled: false } });
  });

  async function clash() {
    await connectAs(ADMIN);
    worker.online = false;
    await h["settings.save"]({ patch: { orderRules: { remote: ["新疆"] }, shopName: "我的店名" } });
    worker.serverSettings({ orderRules: { remote: ["西藏"] } });
    worker.online = true;
    return h["sync.now"](empty);
  }

  it("shows a concurrent change to the same key as a conflict with both versions; the server keeps theirs", async () => {
    const round = await clash();
    expect(round).toMatchObject({ conflicts: 1, pendingEdits: 0 });
    // The key only this admin changed lands; the clashing one waits for a decision and the server keeps theirs.
    expect(worker.settings).toMatchObject({ shopName: "我的店名", orderRules: { remote: ["西藏"] } });
    const view = await h["library.get"](empty);
    expect(view.conflicts).toMatchObject([
      {
        kind: "settings",
        id: "settings",
        reason: "stale",
        keys: ["orderRules"],
        mine: { patch: { orderRules: { remote: ["新疆"] } } },
        theirs: { settings: { orderRules: { remote: ["西藏"] } }, settingsRev: worker.settingsRev - 1 },
      },
    ]);
    expect(view.conflicts[0]?.mine).not.toHaveProperty("patch.shopName");
    expect(view.settings).toMatchObject({ orderRules: { remote: ["西藏"] }, shopName: "我的店名" });
  });

  it("a second clash while one is undecided keeps both edits in one conflict", async () => {
    await clash();
    worker.online = false;
    await h["settings.save"]({ patch: { lint: { enabled: true } } });
    worker.serverSettings({ lint: { enabled: false, words: ["亲"] } });
    worker.online = true;
    await h["sync.now"](empty);
    const [conflict] = (await h["library.get"](empty)).conflicts;
    expect(conflict).toMatchObject({
      kind: "settings",
      keys: ["orderRules", "lint"],
      mine: { patch: { orderRules: { remote: ["新疆"] }, lint: { enabled: true } } },
    });
    await h["conflict.resolve"]({ kind: "settings", id: "settings", choice: "mine" });
    await h["sync.now"](empty);
    expect(worker.settings).toMatchObject({ orderRules: { remote: ["新疆"] }, lint: { enabled: true } });
  });

  it("keep mine writes my whole edit on top of theirs; take theirs drops it", async () => {
    await clash();
    await h["conflict.resolve"]({ kind: "settings", id: "settings", choice: "mine" });
    expect(await h["sync.now"](empty)).toMatchObject({ conflicts: 0, pendingEdits: 0 });
    expect(worker.settings).toMatchObject({ shopName: "我的店名", orderRules: { remote: ["新疆"] } });

    worker.online = false;
    await h["settings.save"]({ patch: { shopName: "又改了" } });
    worker.serverSettings({ shopName: "别人改的" });
    worker.online = true;
    expect((await h["sync.now"](empty)).conflicts).toBe(1);
    await h["conflict.resolve"]({ kind: "settings", id: "settings", choice: "theirs" });
    expect(await h["sync.now"](empty)).toMatchObject({ conflicts: 0, pendingEdits: 0 });
    expect(worker.settings.shopName).toBe("别人改的");
    expect((await h["library.get"](empty)).settings?.shopName).toBe("别人改的");
  });

  it("an edit made while the previous one is in flight stays queued and lands next", async () => {
    await connectAs(ADMIN);
    await h["settings.save"]({ patch: { shopName: "第一次" } });
    let edited = false;
    h = createStoreHandlers({
      fetch: async (input, init) => {
        const response = await worker.fetch(input, init);
        if (init?.method === "PUT" && !edited) {
          edited = true;
          await h["settings.save"]({ patch: { shopName: "第二次", lint: { enabled: true } } });
        }
        return response;
      },
    });
    expect((await h["sync.now"](empty)).pendingEdits).toBe(1);
    expect(worker.settings.shopName).toBe("第一次");
    expect(await h["sync.now"](empty)).toMatchObject({ conflicts: 0, pendingEdits: 0 });
    expect(worker.settings).toMatchObject({ shopName: "第二次", lint: { enabled: true } });
  });

  it("a save from a form opened before another admin's change (already pulled) is a conflict, not an overwrite", async () => {
    await connectAs(ADMIN);
    const opened = (await h["library.get"](empty)).settings?.shopName ?? "";
    worker.serverSettings({ shopName: "别人改的" });
    await h["sync.now"](empty); // arrives while the form is still open
    await h["settings.save"]({ patch: { shopName: "表单里的" }, seen: { shopName: opened } });
    expect((await h["sync.now"](empty)).conflicts).toBe(1);
    expect(worker.settings.shopName).toBe("别人改的");
    expect((await h["library.get"](empty)).conflicts).toMatchObject([
      { kind: "settings", keys: ["shopName"], mine: { patch: { shopName: "表单里的" } } },
    ]);
  });

  it("refuses agents, unknown keys and invalid values, naming the field, and queues nothing", async () => {
    await connectAs(ADMIN);
    await expect(h["settings.save"]({ patch: { shopName: 5 } as never })).rejects.toThrow(/店铺名称/);
    await expect(h["settings.save"]({ patch: { agents: { "bad id!": "x" } } })).rejects.toThrow(/客服名称/);
    await expect(h["settings.save"]({ patch: { colour: "red" } as never })).rejects.toThrow(/未知的团队设置项：colour/);
    expect((await outboxItem.getValue()).settings).toBeUndefined();
    await connectAs(AGENT);
    await expect(h["settings.save"]({ patch: { shopName: "x" } })).rejects.toThrow(/管理员/);
    expect((await outboxItem.getValue()).settings).toBeUndefined();
  });

  it("a settings edit the Worker refuses (403) becomes a conflict instead of blocking the queue", async () => {
    await connectAs(ADMIN);
    await h["settings.save"]({ patch: { shopName: "x" } });
    const me = worker.tokens.get(ADMIN);
    if (me) me.role = "agent"; // e.g. the token was re-issued as an agent's
    const round = await h["sync.now"](empty);
    expect(round).toMatchObject({ conflicts: 1, pendingEdits: 0 });
    expect((await h["library.get"](empty)).conflicts).toMatchObject([{ kind: "settings", reason: "forbidden" }]);
    await expect(h["conflict.resolve"]({ kind: "settings", id: "settings", choice: "mine" })).rejects.toThrow(/权限/);
  });

  it("queues only the keys a whole-settings write really changes", async () => {
    await connectAs(ADMIN);
    await h["settings.save"]({ patch: { shopName: "小美的店" } });
    expect((await outboxItem.getValue()).settings).toBeUndefined();
    worker.online = false;
    const shown = (await h["library.get"](empty)).settings;
    if (!shown) throw new Error("no settings");
    await h["settings.restore"]({ settings: { ...shown, siteProfiles: { custom: true } } });
    expect(Object.keys((await outboxItem.getValue()).settings?.patch ?? {})).toEqual(["siteProfiles"]);
    worker.serverSettings({ lint: { enabled: true } }); // another admin, another key: no conflict
    worker.online = true;
    expect(await h["sync.now"](empty)).toMatchObject({ conflicts: 0, pendingEdits: 0 });
    expect(worker.settings).toMatchObject({ siteProfiles: { custom: true }, lint: { enabled: true } });
  });

  it("restores a JSON backup's settings through the same queue (offline too); refuses invalid ones and agents", async () => {
    await connectAs(ADMIN);
    await expect(h["settings.restore"]({ settings: { shopName: 5 } })).rejects.toThrow(/团队设置无效/);
    worker.online = false;
    await h["settings.restore"]({ settings: restored });
    expect((await h["library.get"](empty)).settings).toMatchObject(restored);
    worker.online = true;
    await h["sync.now"](empty);
    expect(worker.settings).toMatchObject(restored);
    await connectAs(AGENT);
    await expect(h["settings.restore"]({ settings: restored })).rejects.toThrow(/管理员/);
  });
});

describe("errors and schedule", () => {
  it("reports a revoked token as an error, keeping queued edits", async () => {
    await connectAs(AGENT);
    await h["phrase.save"]({ phrase: { code: "x", content: "y", groupId: "", tags: [], scope: "personal" } });
    worker.tokens.delete(AGENT);
    const round = await h["sync.now"](empty);
    expect(round.status).toMatchObject({ state: "error", lastError: expect.stringMatching(/令牌无效/) });
    expect(round.pendingEdits).toBe(1);
  });

  it("creates the periodic sync alarm once", async () => {
    await startSyncLoop({ fetch: worker.fetch });
    await startSyncLoop({ fetch: worker.fetch });
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms.filter((a) => a.name === SYNC_ALARM)).toHaveLength(1);
    expect(alarms[0]?.periodInMinutes).toBe(1);
  });

  it("disconnect forgets the team's data", async () => {
    await connectAs(ADMIN);
    await addGroup("x");
    expect(await h["connection.disconnect"](empty)).toEqual({ connected: false });
    expect(await h["sync.status"](empty)).toMatchObject({
      connected: false,
      pendingEdits: 0,
      status: { state: "disconnected" },
    });
  });
});
