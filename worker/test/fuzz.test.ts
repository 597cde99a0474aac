import { env } from "cloudflare:workers";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { SyncResponse, UsageResponse } from "../../shared/api.ts";
import { LIMITS } from "../../shared/phrases/schema.ts";
import { call, createTeam, json, phraseInput, type Team, testEnv, wrapKv } from "./helpers.ts";

/** Values that break one field of an otherwise valid phrase. */
const badPhraseField = fc.oneof(
  fc.constantFrom<[string, unknown]>(
    ["code", ""],
    ["code", "a b"],
    ["code", "x".repeat(LIMITS.codeLength + 1)],
    ["code", "<script>"],
    ["code", 42],
    ["content", ""],
    ["content", null],
    ["content", "字".repeat(LIMITS.contentLength + 1)],
    ["id", "../etc/passwd"],
    ["id", ""],
    ["scope", "global"],
    ["tags", "欢迎语"],
    ["tags", Array.from({ length: LIMITS.tagsPerPhrase + 1 }, (_, i) => `t${i}`)],
    ["imageUrl", "javascript:alert(1)"],
    ["groupId", { $ne: null }],
    ["__proto__", { admin: true }],
    ["extra", 1],
  ),
  fc.tuple(
    fc.constantFrom("code", "content", "id", "groupId", "tags", "scope"),
    fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer())),
  ),
);

const malformedBody = fc.oneof(
  badPhraseField.map(([key, value]) => ({ upserts: [{ phrase: { ...phraseInput("fz1"), [key]: value } }] })),
  badPhraseField.map(([key, value]) => ({
    upserts: [{ phrase: { ...phraseInput("fz2"), [key]: value } }],
    deletes: "x",
  })),
  fc.jsonValue().map((v) => ({ bogus: v })),
  fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.jsonValue())),
  fc
    .record({
      counts: fc.dictionary(
        fc.string(),
        fc.oneof(fc.integer({ max: 0 }), fc.string(), fc.double({ min: 0.1, max: 0.9 })),
      ),
    })
    .filter((b) => Object.keys(b.counts).length > 0),
  fc.record({ settings: fc.jsonValue(), baseRev: fc.oneof(fc.string(), fc.double({ min: -5, max: -1 })) }),
  fc.record({ role: fc.string().filter((r) => r !== "admin" && r !== "agent"), name: fc.string() }),
);

describe("property fuzz: malformed requests", () => {
  let team: Team;
  beforeAll(async () => {
    team = await createTeam();
    await call("POST", "/v1/phrases/batch", {
      token: team.admin,
      body: { upserts: [{ phrase: phraseInput("keep") }] },
    });
  });

  it("10,000 malformed requests: zero 5xx, every error JSON, zero stored changes", async () => {
    const before = await json<SyncResponse>(await call("GET", "/v1/sync", { token: team.admin }));
    const usageBefore = await json<UsageResponse>(await call("GET", "/v1/usage", { token: team.admin }));
    const tokensBefore = await (await call("GET", "/v1/tokens", { token: team.admin })).text();
    const { kv, counts } = wrapKv(env.KEFU_KV);
    const fuzzEnv = testEnv({ KEFU_KV: kv });
    const request = fc.record({
      method: fc.constantFrom("POST", "PUT", "DELETE", "PATCH", "POST"),
      path: fc.constantFrom(
        "/v1/phrases/batch",
        "/v1/groups/batch",
        "/v1/settings",
        "/v1/usage",
        "/v1/tokens",
        "/v1/teams",
        "/v1/tokens/%2e%2e",
        "/v1/sync?since=x",
        "/v1/../v1/me",
      ),
      token: fc.oneof(
        fc.constant(team.admin),
        fc.constant(team.agent),
        fc.constant(undefined),
        fc.string(),
        fc.constant(`${team.admin}x`),
      ),
      body: malformedBody,
      contentType: fc.constantFrom("application/json", "application/json", "text/plain", ""),
    });
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        runs++;
        const res = await call(r.method, r.path, {
          token: r.token,
          raw: JSON.stringify(r.body) ?? "null",
          headers: r.contentType ? { "content-type": r.contentType } : {},
          env: fuzzEnv,
        });
        const text = await res.text();
        if (res.status >= 500) throw new Error(`${res.status} for ${JSON.stringify(r).slice(0, 300)}: ${text}`);
        if (res.status >= 400) expect(JSON.parse(text)).toHaveProperty("error.code");
        // Malformed-by-construction bodies can only be rejected (a GET/DELETE route may answer 404/401/403).
        expect(res.status).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: 10_000, seed: 20261123 },
    );
    expect(runs).toBe(10_000);
    const after = await json<SyncResponse>(await call("GET", "/v1/sync", { token: team.admin }));
    expect(after.rev).toBe(before.rev);
    expect(after).toEqual(before);
    expect(await json<UsageResponse>(await call("GET", "/v1/usage", { token: team.admin }))).toEqual(usageBefore);
    expect(await (await call("GET", "/v1/tokens", { token: team.admin })).text()).toBe(tokensBefore);
    expect(counts.writes).toBe(0);
  }, 120_000);
});
