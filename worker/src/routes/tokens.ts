import { Hono } from "hono";
import * as v from "valibot";
import { CreateTokenRequestSchema, MAX_SMALL_BODY_BYTES } from "../../../shared/api.ts";
import { IdSchema } from "../../../shared/phrases/schema.ts";
import { type AuthedEnv, mintToken, newId, requireToken } from "../auth.ts";
import { HttpError, readJson, storage, unwrap } from "../http.ts";
import { teamStore } from "../store/index.ts";

/** Admin-only token management: GET / (list), POST / (mint, shown once), DELETE /:tokenId (revoke). */
export const tokens = new Hono<AuthedEnv>()
  .use(requireToken)
  .get("/", async (c) => {
    const { teamId, tokenHash } = c.get("caller");
    const list = unwrap(await storage("team store", () => teamStore(c.env, teamId).listTokens(tokenHash)));
    return c.json({ tokens: list });
  })
  .post("/", async (c) => {
    const { teamId, tokenHash } = c.get("caller");
    const request = await readJson(c, CreateTokenRequestSchema, MAX_SMALL_BODY_BYTES);
    const minted = await mintToken(teamId);
    const created = unwrap(
      await storage("team store", () =>
        teamStore(c.env, teamId).createToken(tokenHash, request, { ...minted, agentId: newId("agt") }),
      ),
    );
    return c.json(created, 201);
  })
  .delete("/:tokenId", async (c) => {
    const { teamId, tokenHash } = c.get("caller");
    const tokenId = c.req.param("tokenId");
    if (!v.is(IdSchema, tokenId)) throw new HttpError(400, "bad_request", "tokenId: malformed token id");
    const revoked = unwrap(await storage("team store", () => teamStore(c.env, teamId).revokeToken(tokenHash, tokenId)));
    return c.json({ revoked });
  });
