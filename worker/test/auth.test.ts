import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { type MeResponse, TOKEN_PATTERN, type TokenListResponse } from "../../shared/api.ts";
import { sha256Hex } from "../src/auth.ts";
import { call, createTeam, json, phraseInput, SECRET, type Team, testEnv } from "./helpers.ts";

/** The random part of a token (kefu_<teamId>_<secret>); the secret may itself contain "_". */
const secretOf = (token: string): string => TOKEN_PATTERN.exec(token)?.[2] ?? token;

describe("POST /v1/teams (bootstrap)", () => {
  it("is impossible without BOOTSTRAP_SECRET configured", async () => {
    const res = await call("POST", "/v1/teams", {
      token: SECRET,
      body: { name: "店" },
      env: testEnv({ BOOTSTRAP_SECRET: "" }),
    });
    expect(res.status).toBe(503);
    expect(await json(res)).toMatchObject({ error: { code: "not_configured" } });
  });
  it("refuses a wrong or missing secret", async () => {
    expect((await call("POST", "/v1/teams", { token: "nope", body: { name: "店" } })).status).toBe(401);
    expect((await call("POST", "/v1/teams", { body: { name: "店" } })).status).toBe(401);
  });
  it("validates the name and creates a team whose admin token works once shown", async () => {
    const bad = await call("POST", "/v1/teams", { token: SECRET, body: { name: "" } });
    expect(bad.status).toBe(400);
    expect((await json<{ error: { message: string } }>(bad)).error.message).toMatch(/^name/);
    const res = await call("POST", "/v1/teams", { token: SECRET, body: { name: "演示店", adminName: "店长" } });
    expect(res.status).toBe(201);
    const created = await json<{ teamId: string; adminToken: string }>(res);
    expect(created.adminToken).toMatch(/^kefu_[a-z0-9]{16}_/);
    const me = await json<MeResponse>(await call("GET", "/v1/me", { token: created.adminToken }));
    expect(me).toMatchObject({ teamId: created.teamId, shopName: "演示店", role: "admin", name: "店长" });
  });
});

describe("authorization matrix", () => {
  let team: Team;
  let other: Team;
  let revoked: string;
  beforeAll(async () => {
    team = await createTeam();
    other = await createTeam("别家店");
    const minted = await json<{ token: string; info: { tokenId: string } }>(
      await call("POST", "/v1/tokens", { token: team.admin, body: { role: "agent", name: "离职" } }),
    );
    revoked = minted.token;
    expect((await call("DELETE", `/v1/tokens/${minted.info.tokenId}`, { token: team.admin })).status).toBe(200);
  });

  // [method, path, body, status for agent, status for admin]
  const routes: [string, string, unknown, number, number][] = [
    ["GET", "/v1/me", undefined, 200, 200],
    ["GET", "/v1/sync", undefined, 200, 200],
    ["GET", "/v1/settings", undefined, 200, 200],
    ["PUT", "/v1/settings", { settings: { shopName: "新名", agents: {} } }, 403, 200],
    ["POST", "/v1/phrases/batch", { upserts: [{ phrase: phraseInput("t1") }] }, 403, 200],
    ["POST", "/v1/phrases/batch", { upserts: [{ phrase: phraseInput("p1", { scope: "personal" }) }] }, 200, 200],
    ["POST", "/v1/groups/batch", { upserts: [{ group: { id: "g9", name: "组", order: 1 } }] }, 403, 200],
    ["GET", "/v1/usage", undefined, 200, 200],
    ["POST", "/v1/usage", { counts: { t1: 1 } }, 200, 200],
    ["GET", "/v1/tokens", undefined, 403, 200],
    ["POST", "/v1/tokens", { role: "agent", name: "新人" }, 403, 201],
    ["DELETE", "/v1/tokens/tok_nonexistent", undefined, 403, 404],
  ];

  for (const [method, path, body, agentStatus, adminStatus] of routes) {
    const label = `${method} ${path} ${body ? JSON.stringify(body).slice(0, 40) : ""}`;
    it(`${label}: no / malformed / revoked / other team's token → 401`, async () => {
      for (const token of [undefined, "garbage", `kefu_${"a".repeat(16)}_${"b".repeat(43)}`, revoked]) {
        const res = await call(method, path, { token, body });
        expect(res.status, String(token)).toBe(401);
        expect(await json(res)).toMatchObject({ error: { code: "unauthorized" } });
      }
      // A token of another team is bound to that team: it never sees this team's data.
      const me = await json<MeResponse>(await call("GET", "/v1/me", { token: other.admin }));
      expect(me.teamId).not.toBe(team.teamId);
    });
    it(`${label}: agent → ${agentStatus}, admin → ${adminStatus}`, async () => {
      const asAgent = await call(method, path, { token: team.agent, body });
      expect(asAgent.status).toBe(agentStatus);
      if (agentStatus === 403) expect(await json(asAgent)).toMatchObject({ error: { code: "forbidden" } });
      const asAdmin = await call(method, path, { token: team.admin, body });
      expect(asAdmin.status).toBe(adminStatus);
    });
  }

  it("another team's admin token can neither see nor change this team's phrases", async () => {
    await call("POST", "/v1/phrases/batch", {
      token: team.admin,
      body: { upserts: [{ phrase: phraseInput("secret1") }] },
    });
    const seen = await json<{ phrases: { id: string }[] }>(await call("GET", "/v1/sync", { token: other.admin }));
    expect(seen.phrases.map((p) => p.id)).not.toContain("secret1");
    const del = await json<{ conflicts: { id: string; reason: string }[] }>(
      await call("POST", "/v1/phrases/batch", { token: other.admin, body: { deletes: [{ id: "secret1" }] } }),
    );
    expect(del.conflicts).toEqual([{ id: "secret1", reason: "missing" }]);
    const mine = await json<{ phrases: { id: string }[] }>(await call("GET", "/v1/sync", { token: team.agent }));
    expect(mine.phrases.map((p) => p.id)).toContain("secret1");
  });

  it("revocation takes effect on the very next request; last admin cannot be revoked", async () => {
    const minted = await json<{ token: string; info: { tokenId: string } }>(
      await call("POST", "/v1/tokens", { token: team.admin, body: { role: "admin", name: "副店长" } }),
    );
    expect((await call("GET", "/v1/me", { token: minted.token })).status).toBe(200);
    await call("DELETE", `/v1/tokens/${minted.info.tokenId}`, { token: team.admin });
    expect((await call("GET", "/v1/me", { token: minted.token })).status).toBe(401);
    const list = await json<TokenListResponse>(await call("GET", "/v1/tokens", { token: team.admin }));
    const self = list.tokens.find((t) => t.role === "admin" && !t.revokedAt);
    const res = await call("DELETE", `/v1/tokens/${self?.tokenId}`, { token: team.admin });
    expect(res.status).toBe(409);
  });

  it("GET /v1/debug/stats: off (JSON 404) unless DEBUG_METRICS=1, then admin only; never without a token", async () => {
    const on = testEnv({ DEBUG_METRICS: "1" });
    const off = await call("GET", "/v1/debug/stats", { token: team.admin });
    expect(off.status).toBe(404);
    expect(await json(off)).toMatchObject({ error: { code: "not_found" } });
    expect((await call("GET", "/v1/debug/stats", { env: on })).status).toBe(401);
    expect((await call("GET", "/v1/debug/stats", { token: revoked, env: on })).status).toBe(401);
    expect((await call("GET", "/v1/debug/stats", { token: other.admin, env: on })).status).toBe(200); // its own team
    const agent = await call("GET", "/v1/debug/stats", { token: team.agent, env: on });
    expect(agent.status).toBe(403);
    expect(await json(agent)).toMatchObject({ error: { code: "forbidden" } });
    const admin = await call("GET", "/v1/debug/stats", { token: team.admin, env: on });
    expect(admin.status).toBe(200);
    expect(await json(admin)).toMatchObject({ head: expect.any(Number), kvWrites: expect.any(Number) });
  });

  it("tokens are stored only as hashes and listed without secrets", async () => {
    const list = await call("GET", "/v1/tokens", { token: team.admin });
    const text = await list.text();
    expect(text).not.toContain(secretOf(team.agent));
    expect(text).not.toContain("hash");
    // KV never holds tokens either.
    const keys = await env.KEFU_KV.list();
    for (const k of keys.keys) expect(k.name.startsWith("t:")).toBe(true);
    // Inside the team's Durable Object: every table holds the tokens' SHA-256 hashes, never a token or its secret.
    const stub = env.TEAM_STORE.get(env.TEAM_STORE.idFromName(team.teamId));
    const stored = await runInDurableObject(stub, (_instance, state) => {
      const tables = state.storage.sql
        .exec<{ name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\'",
        )
        .toArray()
        .map((row) => row.name);
      const dump = tables.map((table) => JSON.stringify(state.storage.sql.exec(`SELECT * FROM "${table}"`).toArray()));
      const hashes = state.storage.sql.exec<{ hash: string }>("SELECT hash FROM tokens").toArray();
      return { dump: dump.join("\n"), hashes: hashes.map((row) => row.hash) };
    });
    expect(stored.dump).toContain(stored.hashes[0]); // the dump did read the tokens table
    for (const token of [team.admin, team.agent, team.agent2]) {
      expect(stored.dump).not.toContain(token);
      expect(stored.dump).not.toContain(secretOf(token));
      expect(stored.hashes).toContain(await sha256Hex(token));
    }
  });

  it("CORS allows only listed extension origins", async () => {
    const origin = "chrome-extension://abcdefghijklmnopabcdefghijklmnop";
    const listed = testEnv({ ALLOWED_ORIGINS: origin });
    const ok = await call("OPTIONS", "/v1/me", {
      env: listed,
      headers: { origin, "access-control-request-method": "GET" },
    });
    expect(ok.headers.get("access-control-allow-origin")).toBe(origin);
    const evil = await call("GET", "/health", { env: listed, headers: { origin: "https://evil.example" } });
    expect(evil.headers.get("access-control-allow-origin")).toBeNull();
    const star = testEnv({ ALLOWED_ORIGINS: "*" });
    expect(
      (await call("GET", "/health", { env: star, headers: { origin } })).headers.get("access-control-allow-origin"),
    ).toBe(origin);
    expect(
      (await call("GET", "/health", { env: star, headers: { origin: "https://evil.example" } })).headers.get(
        "access-control-allow-origin",
      ),
    ).toBeNull();
    expect(
      (await call("GET", "/health", { headers: { origin } })).headers.get("access-control-allow-origin"),
    ).toBeNull();
  });
});
