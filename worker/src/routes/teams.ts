import { Hono } from "hono";
import { CreateTeamRequestSchema, type CreateTeamResponse, MAX_SMALL_BODY_BYTES } from "../../../shared/api.ts";
import { bearer, mintToken, newId, newTeamId, secretsEqual } from "../auth.ts";
import type { AppEnv } from "../env.ts";
import { HttpError, readJson, storage, unwrap } from "../http.ts";
import { teamStore } from "../store/index.ts";

/** POST /v1/teams: bootstrap a team and its first admin token, allowed only with BOOTSTRAP_SECRET. */
export const teams = new Hono<AppEnv>().post("/", async (c) => {
  const secret = c.env.BOOTSTRAP_SECRET;
  if (!secret) {
    throw new HttpError(
      503,
      "not_configured",
      "Team creation is disabled: set the BOOTSTRAP_SECRET secret (wrangler secret put / .dev.vars) / 未配置 BOOTSTRAP_SECRET，无法创建团队",
    );
  }
  const given = bearer(c.req.header("authorization"));
  if (!given || !(await secretsEqual(given, secret))) {
    throw new HttpError(401, "unauthorized", "Wrong or missing bootstrap secret / 初始化密钥错误");
  }
  const request = await readJson(c, CreateTeamRequestSchema, MAX_SMALL_BODY_BYTES);
  const teamId = newTeamId();
  const minted = await mintToken(teamId);
  const info = unwrap(
    await storage("team store", () =>
      teamStore(c.env, teamId).init(teamId, request.name, {
        tokenId: minted.tokenId,
        tokenHash: minted.tokenHash,
        agentId: newId("agt"),
        name: request.adminName,
      }),
    ),
  );
  const response: CreateTeamResponse = { teamId, adminToken: minted.token, token: info };
  return c.json(response, 201);
});
