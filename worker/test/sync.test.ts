import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { BatchResponse, SettingsResponse, SyncResponse, UsageResponse } from "../../shared/api.ts";
import { applySync, emptyLibrary } from "../../shared/phrases/merge.ts";
import { call, createTeam, json, phraseInput, type Team, testEnv, wrapKv } from "./helpers.ts";

const stubOf = (teamId: string) => env.TEAM_STORE.get(env.TEAM_STORE.idFromName(teamId));
const upsert = async (token: string, phrases: { phrase: Record<string, unknown>; baseRev?: number }[]) =>
  call("POST", "/v1/phrases/batch", { token, body: { upserts: phrases } });
const sync = async (token: string, since?: number, headers: Record<string, string> = {}, e = testEnv()) =>
  call("GET", `/v1/sync${since === undefined ? "" : `?since=${since}`}`, { token, headers, env: e });

describe("delta sync", () => {
  let team: Team;
  beforeAll(async () => {
    team = await createTeam();
  });

  it("sends changes since the cursor with tombstones, then 304 with no KV read", async () => {
    const full = await json<SyncResponse>(await sync(team.admin));
    expect(full.full).toBe(true);
    const created = await json<BatchResponse>(
      await upsert(team.admin, [{ phrase: phraseInput("a") }, { phrase: phraseInput("b") }]),
    );
    expect(created.applied).toHaveLength(2);
    const del = await call("POST", "/v1/phrases/batch", {
      token: team.admin,
      body: { deletes: [{ id: "a", baseRev: created.applied[0]?.rev }] },
    });
    expect((await json<BatchResponse>(del)).conflicts).toEqual([]);
    const delta = await json<SyncResponse>(await sync(team.agent, full.rev));
    expect(delta.full).toBe(false);
    expect(delta.phrases.map((p) => [p.id, Boolean(p.deleted)])).toEqual([
      ["b", false],
      ["a", true],
    ]);
    const lib = applySync(applySync(emptyLibrary(), full), delta);
    expect(Object.keys(lib.phrases)).toEqual(["b"]);

    const { kv, counts } = wrapKv(env.KEFU_KV);
    const poll = await sync(team.agent, undefined, { "if-none-match": `W/"r${delta.rev}"` }, testEnv({ KEFU_KV: kv }));
    expect(poll.status).toBe(304);
    expect(await poll.text()).toBe("");
    expect(poll.headers.get("etag")).toBe(`"r${delta.rev}"`);
    expect(counts.reads).toBeLessThanOrEqual(1);
    // A cursor from the future (or a lagging copy) never makes the client go back.
    expect((await sync(team.agent, delta.rev + 1000)).status).toBe(304);
  });

  it("full sync = KV snapshot + what the DO has beyond it, and stays correct when KV lags", async () => {
    const made = await json<BatchResponse>(
      await upsert(team.admin, [{ phrase: phraseInput("s1") }, { phrase: phraseInput("s2") }]),
    );
    expect(await runDurableObjectAlarm(stubOf(team.teamId))).toBe(true);
    const pointer = JSON.parse((await env.KEFU_KV.get(`t:${team.teamId}:snap`)) ?? "{}") as { rev: number };
    expect(pointer.rev).toBeGreaterThan(0);
    // Changes after the snapshot (not yet published): one edit, one delete.
    const edit = await upsert(team.admin, [
      { phrase: phraseInput("s1", { content: "新内容" }), baseRev: made.applied[0]?.rev },
    ]);
    expect((await json<BatchResponse>(edit)).applied).toHaveLength(1);
    await call("POST", "/v1/phrases/batch", { token: team.admin, body: { deletes: [{ id: "s2" }] } });
    const { kv, counts } = wrapKv(env.KEFU_KV);
    const res = await sync(team.agent, 0, {}, testEnv({ KEFU_KV: kv }));
    // Bucket bytes are passed through untouched: the answer is valid UTF-8 JSON.
    const bytes = new Uint8Array(await res.arrayBuffer());
    const full = JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes)) as SyncResponse;
    expect(counts.reads).toBeGreaterThanOrEqual(2); // pointer + chunks came from KV
    const lib = applySync(emptyLibrary(), full);
    expect(lib.phrases.b?.content).toBe("亲，{买家}您好，欢迎光临{店铺}！(b)"); // from a KV bucket
    expect(lib.phrases.s1?.content).toBe("新内容");
    expect(lib.phrases.s2).toBeUndefined();
    expect(lib.phrases.b).toBeDefined();
    expect(lib.settings?.shopName).toBe("测试店");
  });

  it("personal phrases are visible only to their owner; agents cannot touch others' or team phrases", async () => {
    const mine = await json<BatchResponse>(
      await upsert(team.agent, [{ phrase: phraseInput("mine", { scope: "personal" }) }]),
    );
    expect(mine.applied).toHaveLength(1);
    const other = await json<SyncResponse>(await sync(team.agent2));
    expect(other.phrases.find((p) => p.id === "mine")).toBeUndefined();
    const own = await json<SyncResponse>(await sync(team.agent));
    expect(own.phrases.find((p) => p.id === "mine")?.ownerId).toBe(team.agentId);
    const steal = await json<BatchResponse>(
      await upsert(team.agent2, [
        { phrase: phraseInput("mine", { scope: "personal" }), baseRev: mine.applied[0]?.rev },
      ]),
    );
    expect(steal.conflicts).toEqual([{ id: "mine", reason: "forbidden" }]);
    const delTeam = await json<BatchResponse>(
      await call("POST", "/v1/phrases/batch", { token: team.agent, body: { deletes: [{ id: "b" }] } }),
    );
    expect(delTeam.conflicts).toEqual([{ id: "b", reason: "forbidden" }]);
  });

  it("a stale baseRev is reported as a conflict with the current version, never dropped", async () => {
    const first = await json<BatchResponse>(await upsert(team.admin, [{ phrase: phraseInput("c") }]));
    const base = first.applied[0]?.rev;
    await upsert(team.admin, [{ phrase: phraseInput("c", { content: "甲改的" }), baseRev: base }]);
    const late = await json<BatchResponse>(
      await upsert(team.admin, [{ phrase: phraseInput("c", { content: "乙改的" }), baseRev: base }]),
    );
    expect(late.applied).toEqual([]);
    expect(late.conflicts[0]).toMatchObject({ id: "c", reason: "stale", current: { content: "甲改的" } });
  });

  it("settings: agents read, admins write with baseRev (409 when stale)", async () => {
    const current = await json<SettingsResponse>(await call("GET", "/v1/settings", { token: team.agent }));
    const put = await call("PUT", "/v1/settings", {
      token: team.admin,
      body: { settings: { ...current.settings, lint: { banned: ["最便宜"] } }, baseRev: current.settingsRev },
    });
    expect(put.status).toBe(200);
    const stale = await call("PUT", "/v1/settings", {
      token: team.admin,
      body: { settings: current.settings, baseRev: current.settingsRev },
    });
    expect(stale.status).toBe(409);
    expect(await json(stale)).toMatchObject({ error: { code: "conflict" } });
    const after = await json<SettingsResponse>(await call("GET", "/v1/settings", { token: team.agent }));
    expect(after.settings.lint).toEqual({ banned: ["最便宜"] });
    expect(after.settings.agents[team.agentId]).toBe("小王");
  });
});

describe("concurrency", () => {
  it("25 concurrent writers lose nothing; same-phrase races give one winner and conflicts", async () => {
    const team = await createTeam();
    const writers = Array.from({ length: 25 }, (_, i) =>
      i % 3 === 0 ? team.admin : i % 3 === 1 ? team.agent : team.agent2,
    );
    const results = await Promise.all(
      writers.map((token, i) =>
        upsert(token, [
          { phrase: phraseInput(`w${i}a`, { scope: token === team.admin ? "team" : "personal" }) },
          { phrase: phraseInput(`w${i}b`, { scope: token === team.admin ? "team" : "personal" }) },
        ]).then((r) => json<BatchResponse>(r)),
      ),
    );
    const revs = results.flatMap((r) => r.applied.map((a) => a.rev));
    expect(revs).toHaveLength(50);
    expect(new Set(revs).size).toBe(50); // every edit got its own revision
    const seen = new Set<string>();
    for (const token of [team.admin, team.agent, team.agent2]) {
      for (const p of (await json<SyncResponse>(await sync(token))).phrases) seen.add(p.id);
    }
    for (let i = 0; i < 25; i++) expect(seen.has(`w${i}a`) && seen.has(`w${i}b`)).toBe(true);

    // 20 admins' clients edit the same phrase from the same base: exactly one wins.
    const base = results[0]?.applied[0]?.rev;
    const race = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        upsert(team.admin, [{ phrase: phraseInput("w0a", { content: `版本${i}` }), baseRev: base }]).then((r) =>
          json<BatchResponse>(r),
        ),
      ),
    );
    expect(race.filter((r) => r.applied.length === 1)).toHaveLength(1);
    expect(race.filter((r) => r.conflicts[0]?.reason === "stale")).toHaveLength(19);

    // Usage increments from 20 concurrent reports all add up.
    await Promise.all(
      Array.from({ length: 20 }, () =>
        call("POST", "/v1/usage", { token: team.agent, body: { counts: { w0a: 2, w1a: 1 } } }),
      ),
    );
    const usage = await json<UsageResponse>(await call("GET", "/v1/usage", { token: team.admin }));
    expect(usage.counts).toEqual({ w0a: 40, w1a: 20 });
  });

  it("coalesces KV publishes: many edits, one pointer write per alarm", async () => {
    const team = await createTeam();
    const { kv, counts } = wrapKv(env.KEFU_KV);
    for (let i = 0; i < 10; i++) await upsert(team.admin, [{ phrase: phraseInput(`k${i}`) }]);
    expect(counts.writes).toBe(0); // the request path never writes KV
    expect(await runDurableObjectAlarm(stubOf(team.teamId))).toBe(true);
    const pointer = JSON.parse((await kv.get(`t:${team.teamId}:snap`)) ?? "{}") as { rev: number; chunkKeys: string[] };
    expect(pointer.chunkKeys).toHaveLength(1);
    const chunk = (await env.KEFU_KV.get(pointer.chunkKeys[0] ?? "")) ?? "";
    expect(JSON.parse(`[${chunk}]`)).toHaveLength(10);
  });
});

describe("KV write rate", () => {
  it("never writes a key twice within a second: an alarm fired early after a publish only reschedules", async () => {
    const team = await createTeam();
    const stub = stubOf(team.teamId);
    const meta = (key: string) =>
      runInDurableObject(stub, (_instance, state) => {
        const row = state.storage.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = ?", key).toArray()[0];
        return row ? Number(row.value) : undefined;
      });
    const pointerRev = async () =>
      (JSON.parse((await env.KEFU_KV.get(`t:${team.teamId}:snap`)) ?? "{}") as { rev?: number }).rev;

    await upsert(team.admin, [{ phrase: phraseInput("r1") }]);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const publishedAt = (await meta("lastPublishAt")) as number;
    const firstRev = await pointerRev();
    expect(firstRev).toBe(await meta("publishedRev"));

    // An edit right after the publish: the alarm it schedules is at least a second after that publish.
    await upsert(team.admin, [{ phrase: phraseInput("r2") }]);
    const scheduled = await runInDurableObject(stub, (_instance, state) => state.storage.getAlarm());
    expect(scheduled).not.toBeNull();
    expect(scheduled as number).toBeGreaterThanOrEqual(publishedAt + 1000);

    // Fired early anyway (as a retry could be): nothing is written, the publish is put off to the 1 s mark.
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await pointerRev()).toBe(firstRev);
    expect(await meta("lastPublishAt")).toBe(publishedAt);
    const again = await runInDurableObject(stub, (_instance, state) => state.storage.getAlarm());
    expect(again).toBe(publishedAt + 1000);
  });
});

describe("rate limit", () => {
  it("answers 429 JSON after 600 writes a minute from one token, and other tokens still write", async () => {
    const team = await createTeam();
    const statuses: number[] = [];
    for (let i = 0; i < 601; i++) {
      const res = await call("POST", "/v1/usage", { token: team.agent, body: { counts: { x: 1 } } });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 600).every((s) => s === 200)).toBe(true);
    const last = await call("POST", "/v1/usage", { token: team.agent, body: { counts: { x: 1 } } });
    expect(last.status).toBe(429);
    expect(await json(last)).toMatchObject({ error: { code: "rate_limited" } });
    expect((await call("POST", "/v1/usage", { token: team.agent2, body: { counts: { x: 1 } } })).status).toBe(200);
    const usage = await json<UsageResponse>(await call("GET", "/v1/usage", { token: team.admin }));
    expect(usage.counts.x).toBe(601);
  }, 30_000);
});
