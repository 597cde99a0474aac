import { Hono } from "hono";
import { type AuthedEnv, requireToken } from "../auth.ts";
import { storage, unwrap } from "../http.ts";
import { teamStore } from "../store/index.ts";

/** GET /v1/me: who this token is. */
export const me = new Hono<AuthedEnv>().use(requireToken).get("/", async (c) => {
  const { teamId, tokenHash } = c.get("caller");
  return c.json(unwrap(await storage("team store", () => teamStore(c.env, teamId).me(tokenHash))));
});
