/** Test-only: the /v1/tokens routes in front of the shared FakeWorker (used by unit tests, never by the product). */
import type { TokenInfo } from "../../shared/api.ts";
import type { FakeWorker } from "../sync/testing/fake-worker.ts";

/**
 * The shared FakeWorker answers /v1/me and /v1/sync; this wrapper adds the /v1/tokens routes with the Worker's
 * answers (201 on mint, 409 for the last admin), so the handlers' HTTP error paths can be caused on purpose.
 */
export function withTokenRoutes(worker: FakeWorker) {
  const tokens: TokenInfo[] = [
    { tokenId: "t-agentAdmin", agentId: "agentAdmin", name: "店长", role: "admin", createdAt: 1_763_000_000_000 },
  ];
  const seen: string[] = [];
  let failNext: { status: number; code: string; message: string } | undefined;
  const fetch = async (input: string, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input);
    const method = init.method ?? "GET";
    if (!url.pathname.startsWith("/v1/tokens")) return worker.fetch(input, init);
    seen.push(`${method} ${url.pathname}`);
    if (!worker.online) throw new TypeError("Failed to fetch");
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
    if (failNext) {
      const { status, code, message } = failNext;
      failNext = undefined;
      return json(status, { error: { code, message } });
    }
    if (method === "GET") return json(200, { tokens });
    if (method === "POST") {
      const body = JSON.parse(String(init.body)) as { name: string; role: "admin" | "agent"; agentId?: string };
      const info: TokenInfo = {
        tokenId: `t-${tokens.length}`,
        // Like the Worker: agentId reuses an existing agent (a replacement token), else a new agent.
        agentId: body.agentId ?? `agent${tokens.length}`,
        name: body.name,
        role: body.role,
        createdAt: Date.now(),
      };
      tokens.push(info);
      worker.serverSettings({ agents: { ...worker.settings.agents, [info.agentId]: info.name } });
      return json(201, { token: `kefu_team0000000000001_secret${tokens.length}`, info });
    }
    if (method === "DELETE") {
      const id = decodeURIComponent(url.pathname.split("/").pop() ?? "");
      const token = tokens.find((t) => t.tokenId === id);
      if (!token) return json(404, { error: { code: "not_found", message: `No token ${id}` } });
      const liveAdmins = tokens.filter((t) => t.role === "admin" && !t.revokedAt);
      if (token.role === "admin" && !token.revokedAt && liveAdmins.length <= 1)
        return json(409, {
          error: { code: "conflict", message: "Cannot revoke the last admin token / 不能吊销最后一个管理员令牌" },
        });
      token.revokedAt ??= Date.now();
      return json(200, { revoked: token });
    }
    return json(404, { error: { code: "not_found", message: "no route" } });
  };
  return {
    fetch,
    tokens,
    seen,
    failWith: (status: number, code: string, message: string) => {
      failNext = { status, code, message };
    },
  };
}
