import type { TeamStore } from "./store/team-store.ts";

/** Bindings of the Kefu Kit Worker, typed once for every route and the Durable Object. */
export interface Env {
  KEFU_KV: KVNamespace;
  /** One SQLite-backed Durable Object per team: the team's single writer (see worker/README.md). */
  TEAM_STORE: DurableObjectNamespace<TeamStore>;
  /** Comma-separated chrome-extension:// origins allowed by CORS; `*` allows any chrome-extension origin. */
  ALLOWED_ORIGINS: string;
  /** Secret (wrangler secret / .dev.vars) that allows POST /v1/teams. Unset: team creation is refused. */
  BOOTSTRAP_SECRET?: string;
  /** "1" adds an `x-kefu-kv` header with this request's KV reads/writes and enables GET /v1/debug/stats. */
  DEBUG_METRICS?: string;
}

export type AppEnv = { Bindings: Env };
