import { Hono } from "hono";
import { KEFU_VERSION } from "../../../shared/version.ts";
import type { AppEnv } from "../env.ts";

/** Liveness probe: no auth, no storage access, so it stays cheap and always answers. */
export const health = new Hono<AppEnv>().get("/", (c) => c.json({ ok: true, version: KEFU_VERSION }));
