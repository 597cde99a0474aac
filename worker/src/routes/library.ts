import { Hono } from "hono";
import {
  GroupBatchRequestSchema,
  MAX_BODY_BYTES,
  MAX_SMALL_BODY_BYTES,
  PhraseBatchRequestSchema,
  PutSettingsRequestSchema,
  UsageRequestSchema,
} from "../../../shared/api.ts";
import { type AuthedEnv, requireToken } from "../auth.ts";
import { readJson, storage, unwrap } from "../http.ts";
import { teamStore } from "../store/index.ts";

/** POST /v1/phrases/batch: upserts and deletes with per-phrase baseRev. */
export const phrases = new Hono<AuthedEnv>().use(requireToken).post("/batch", async (c) => {
  const { teamId, tokenHash } = c.get("caller");
  const body = await readJson(c, PhraseBatchRequestSchema, MAX_BODY_BYTES);
  const upserts = body.upserts.map((u) => ({ item: u.phrase, baseRev: u.baseRev }));
  return c.json(
    unwrap(await storage("team store", () => teamStore(c.env, teamId).batchPhrases(tokenHash, upserts, body.deletes))),
  );
});

/** POST /v1/groups/batch (admin). */
export const groups = new Hono<AuthedEnv>().use(requireToken).post("/batch", async (c) => {
  const { teamId, tokenHash } = c.get("caller");
  const body = await readJson(c, GroupBatchRequestSchema, MAX_BODY_BYTES);
  const upserts = body.upserts.map((u) => ({ item: u.group, baseRev: u.baseRev }));
  return c.json(
    unwrap(await storage("team store", () => teamStore(c.env, teamId).batchGroups(tokenHash, upserts, body.deletes))),
  );
});

/** GET /v1/settings (any role), PUT /v1/settings (admin, optional baseRev → 409 when stale). */
export const settings = new Hono<AuthedEnv>()
  .use(requireToken)
  .get("/", async (c) => {
    const { teamId, tokenHash } = c.get("caller");
    return c.json(unwrap(await storage("team store", () => teamStore(c.env, teamId).getSettings(tokenHash))));
  })
  .put("/", async (c) => {
    const { teamId, tokenHash } = c.get("caller");
    const body = await readJson(c, PutSettingsRequestSchema, MAX_SMALL_BODY_BYTES);
    return c.json(
      unwrap(
        await storage("team store", () => teamStore(c.env, teamId).putSettings(tokenHash, body.settings, body.baseRev)),
      ),
    );
  });

/** GET /v1/usage: team-wide totals; POST /v1/usage: add increments (any role). */
export const usage = new Hono<AuthedEnv>()
  .use(requireToken)
  .get("/", async (c) => {
    const { teamId, tokenHash } = c.get("caller");
    return c.json(unwrap(await storage("team store", () => teamStore(c.env, teamId).getUsage(tokenHash))));
  })
  .post("/", async (c) => {
    const { teamId, tokenHash } = c.get("caller");
    const body = await readJson(c, UsageRequestSchema, MAX_SMALL_BODY_BYTES);
    return c.json(unwrap(await storage("team store", () => teamStore(c.env, teamId).addUsage(tokenHash, body.counts))));
  });

/** GET /v1/debug/stats (admin, only with DEBUG_METRICS=1): the DO's KV write counters, for the bench. */
export const debug = new Hono<AuthedEnv>().use(requireToken).get("/stats", async (c) => {
  if (c.env.DEBUG_METRICS !== "1") return c.json({ error: { code: "not_found", message: "Debug stats are off" } }, 404);
  const { teamId, tokenHash } = c.get("caller");
  return c.json(unwrap(await storage("team store", () => teamStore(c.env, teamId).debugStats(tokenHash))));
});
