import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { BatchResponse, SyncResponse } from "../../shared/api.ts";
import { LIMITS } from "../../shared/phrases/schema.ts";
import type { Env } from "../src/env.ts";
import { publishSnapshot, readSnapshot } from "../src/store/snapshot.ts";
import { call, createTeam, json, phraseInput, SECRET, type Team, testEnv, wrapKv } from "./helpers.ts";

describe("KV faults", () => {
  let team: Team;
  beforeAll(async () => {
    team = await createTeam();
    await call("POST", "/v1/phrases/batch", { token: team.admin, body: { upserts: [{ phrase: phraseInput("f1") }] } });
  });

  for (const message of ["KV GET failed: 429 Too Many Requests", "KV GET failed: 503 Service Unavailable"]) {
    it(`full sync answers 503 JSON when KV throws (${message.slice(15)})`, async () => {
      const { kv } = wrapKv(env.KEFU_KV, () => new Error(message));
      const res = await call("GET", "/v1/sync", { token: team.agent, env: testEnv({ KEFU_KV: kv }) });
      expect(res.status).toBe(503);
      expect(await json(res)).toEqual({ error: { code: "storage_unavailable", message: expect.any(String) } });
      // Polls and writes do not depend on KV, and nothing was lost.
      const ok = await json<SyncResponse>(await call("GET", "/v1/sync", { token: team.agent }));
      expect(ok.phrases.map((p) => p.id)).toContain("f1");
    });
  }

  it("a failed publish leaves the previous snapshot complete and readable", async () => {
    const teamId = "faultteam0000000";
    const old = await publishSnapshot(
      env.KEFU_KV,
      teamId,
      { rev: 5, rows: [{ id: "old", rev: 5, deleted: 0, json: '{"id":"old","rev":5}' }] },
      [],
      [],
    );
    let calls = 0;
    // The bucket write succeeds, the pointer write fails like a 429.
    const { kv } = wrapKv(env.KEFU_KV, () =>
      ++calls === 2 ? new Error("KV PUT failed: 429 Too Many Requests") : null,
    );
    const rows = [{ id: "new", rev: 9, deleted: 0, json: '{"id":"new","rev":9}' }];
    await expect(publishSnapshot(kv, teamId, { rev: 9, rows }, old.chunkKeys, [])).rejects.toThrow(/429/);
    const snap = await readSnapshot(env.KEFU_KV, teamId);
    expect(snap?.pointer.rev).toBe(5);
    expect(snap?.buckets.map((bytes) => new TextDecoder().decode(bytes))).toEqual(['{"id":"old","rev":5}']);
  });

  it("a snapshot whose chunk is not visible yet is treated as absent (the DO answers instead)", async () => {
    const teamId = "lagteam000000000";
    await env.KEFU_KV.put(`t:${teamId}:snap`, JSON.stringify({ rev: 3, chunkKeys: [`t:${teamId}:b:1:0:3`] }));
    expect(await readSnapshot(env.KEFU_KV, teamId)).toBeNull();
  });
});

describe("validation and limits", () => {
  let team: Team;
  beforeAll(async () => {
    team = await createTeam();
  });
  const batch = (body: unknown, headers?: Record<string, string>) =>
    call("POST", "/v1/phrases/batch", { token: team.admin, body, headers });

  it("names the bad field", async () => {
    const res = await batch({ upserts: [{ phrase: phraseInput("v1", { code: "有 空格" }) }] });
    expect(res.status).toBe(400);
    const body = await json<{ error: { code: string; message: string } }>(res);
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message).toMatch(/^upserts\.0\.phrase\.code/);
    const long = await batch({
      upserts: [{ phrase: phraseInput("v2", { content: "字".repeat(LIMITS.contentLength + 1) }) }],
    });
    expect((await json<{ error: { message: string } }>(long)).error.message).toMatch(/content/);
    const js = await batch({ upserts: [{ phrase: phraseInput("v3", { imageUrl: "javascript:alert(1)" }) }] });
    expect((await json<{ error: { message: string } }>(js)).error.message).toMatch(/imageUrl/);
    expect((await call("GET", "/v1/sync?since=-1", { token: team.admin })).status).toBe(400);
  });

  it("415 without JSON content type, 400 on broken JSON, 413 on oversize bodies", async () => {
    const form = await call("POST", "/v1/phrases/batch", {
      token: team.admin,
      raw: "{}",
      headers: { "content-type": "text/plain" },
    });
    expect(form.status).toBe(415);
    const broken = await call("POST", "/v1/phrases/batch", {
      token: team.admin,
      raw: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(broken.status).toBe(400);
    const huge = await call("POST", "/v1/usage", {
      token: team.admin,
      raw: JSON.stringify({ counts: {}, pad: "x".repeat(600 * 1024) }),
      headers: { "content-type": "application/json" },
    });
    expect(huge.status).toBe(413);
    expect(await json(huge)).toMatchObject({ error: { code: "payload_too_large" } });
  });

  it("imports 500 phrases in one batch, refuses 501, and keeps hostile text as text", async () => {
    const upserts = Array.from({ length: 500 }, (_, i) => ({
      phrase: phraseInput(`imp${i}`, { content: `<img src=x onerror=alert(${i})>亲，{订单号}已发货` }),
    }));
    const res = await batch({ upserts });
    expect(res.status).toBe(200);
    expect((await json<BatchResponse>(res)).applied).toHaveLength(500);
    const tooMany = await batch({ upserts: [...upserts, { phrase: phraseInput("imp500") }] });
    expect(tooMany.status).toBe(400);
    const synced = await json<SyncResponse>(await call("GET", "/v1/sync", { token: team.agent }));
    expect(synced.phrases.find((p) => p.id === "imp7")?.content).toBe("<img src=x onerror=alert(7)>亲，{订单号}已发货");
  });
});

describe("snapshot buckets", () => {
  it("an edit rewrites only the bucket holding the phrase, plus the pointer", async () => {
    const teamId = "bucketteam000000";
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      id: `p${i}`,
      rev: i + 1,
      deleted: 0,
      json: `{"id":"p${i}"}`,
    }));
    const first = await publishSnapshot(env.KEFU_KV, teamId, { rev: 3000, rows }, [], []);
    expect(first.chunkKeys).toHaveLength(4);
    const edited = rows.map((r) => (r.id === "p7" ? { ...r, rev: 3001, json: '{"id":"p7","x":1}' } : r));
    const second = await publishSnapshot(env.KEFU_KV, teamId, { rev: 3001, rows: edited }, first.chunkKeys, []);
    expect(second.kvWrites).toBe(2);
    const deleted = edited.map((r) => (r.id === "p8" ? { ...r, rev: 3002, deleted: 1 } : r));
    const third = await publishSnapshot(
      env.KEFU_KV,
      teamId,
      { rev: 3002, rows: deleted },
      second.chunkKeys,
      first.chunkKeys,
    );
    const snap = await readSnapshot(env.KEFU_KV, teamId);
    const text = (snap?.buckets ?? []).map((bytes) => new TextDecoder().decode(bytes)).join(",");
    const ids = JSON.parse(`[${text}]`) as { id: string; x?: number }[];
    expect(ids).toHaveLength(2999);
    expect(ids.find((p) => p.id === "p7")?.x).toBe(1);
    expect(ids.find((p) => p.id === "p8")).toBeUndefined();
    expect(third.kvWrites).toBeLessThanOrEqual(3);
  });
});

describe("Durable Object faults", () => {
  it("answers 503 JSON on every authenticated route when the team store is unreachable", async () => {
    const team = await createTeam();
    const broken = new Proxy(
      {},
      {
        get: () => async () => {
          throw new Error("Durable Object reset because its code was updated / overloaded");
        },
      },
    );
    const namespace = { idFromName: () => ({}), get: () => broken } as unknown as Env["TEAM_STORE"];
    const e = testEnv({ TEAM_STORE: namespace });
    const routes: [string, string, unknown][] = [
      ["GET", "/v1/me", undefined],
      ["GET", "/v1/sync?since=3", undefined],
      ["POST", "/v1/phrases/batch", { upserts: [{ phrase: phraseInput("x") }] }],
      ["POST", "/v1/usage", { counts: { x: 1 } }],
      ["POST", "/v1/teams", { name: "店" }],
    ];
    for (const [method, path, body] of routes) {
      const res = await call(method, path, { token: path === "/v1/teams" ? SECRET : team.admin, body, env: e });
      expect(res.status, path).toBe(503);
      expect(await json(res)).toMatchObject({ error: { code: "storage_unavailable" } });
    }
  });
});
