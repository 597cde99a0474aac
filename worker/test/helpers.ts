/** Test helpers: call the Worker app with a chosen env (secret set, KV wrapped) inside workerd. */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { CreateTeamResponse, CreateTokenResponse } from "../../shared/api.ts";
import type { Env } from "../src/env.ts";
import { app } from "../src/index.ts";

export const SECRET = "test-bootstrap-secret-0123456789";
export const testEnv = (overrides: Partial<Env> = {}): Env => ({
  ...(env as Env),
  BOOTSTRAP_SECRET: SECRET,
  ...overrides,
});

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Raw body text (sent as is). */
  raw?: string;
  headers?: Record<string, string>;
  env?: Env;
}

export async function call(method: string, path: string, options: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.raw;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const ctx = createExecutionContext();
  const res = await app.fetch(
    new Request(`http://kefu.test${path}`, { method, headers, body }),
    options.env ?? testEnv(),
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

export interface Team {
  teamId: string;
  admin: string;
  agent: string;
  agentId: string;
  agent2: string;
  agent2Id: string;
}

/** Creates a team with an admin and two agents. */
export async function createTeam(name = "测试店"): Promise<Team> {
  const created = await json<CreateTeamResponse>(await call("POST", "/v1/teams", { token: SECRET, body: { name } }));
  const mint = async (agentName: string) =>
    json<CreateTokenResponse>(
      await call("POST", "/v1/tokens", { token: created.adminToken, body: { role: "agent", name: agentName } }),
    );
  const a = await mint("小王");
  const b = await mint("小李");
  return {
    teamId: created.teamId,
    admin: created.adminToken,
    agent: a.token,
    agentId: a.info.agentId,
    agent2: b.token,
    agent2Id: b.info.agentId,
  };
}

export const phraseInput = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  code: `hy${id.replace(/[^A-Za-z0-9]/g, "")}`.slice(0, 32),
  title: "欢迎",
  content: `亲，{买家}您好，欢迎光临{店铺}！(${id})`,
  groupId: "g1",
  tags: ["欢迎语"],
  scope: "team",
  ...extra,
});

/** KV wrapper counting reads/writes and optionally failing every call (as KV's 429 / 5xx would). */
export function wrapKv(kv: KVNamespace, fault?: () => Error | null) {
  const counts = { reads: 0, writes: 0 };
  const wrapped = new Proxy(kv, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        if (prop === "get" || prop === "getWithMetadata" || prop === "list") counts.reads += 1;
        else counts.writes += 1;
        const err = fault?.();
        if (err) throw err;
        return value.apply(target, args);
      };
    },
  });
  return { kv: wrapped, counts };
}
