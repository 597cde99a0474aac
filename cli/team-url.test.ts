/**
 * `kefu team` URL handling without a Worker: a deployed Worker may sit under a path (a custom-domain route such as
 * https://shop.example.com/kefu/), tokens must not go over plain http to another machine, and the KEFU_* variables
 * stand in for the flags. A tiny local server records what the CLI sends.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { run } from "./team.ts";

let server: Server;
let base: string;
const seen: { method: string; url: string; auth: string }[] = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    seen.push({ method: req.method ?? "", url: req.url ?? "", auth: req.headers.authorization ?? "" });
    res.setHeader("content-type", "application/json");
    if (req.url === "/kefu/v1/me") res.end(JSON.stringify({ role: "agent", shopName: "小美的店" }));
    else {
      res.statusCode = 404;
      res.end(JSON.stringify({ error: { code: "not_found", message: `no ${req.url}` } }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  seen.length = 0;
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

async function kefu(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const code = await run(argv);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

describe("kefu team URLs", () => {
  it("keeps the path of a Worker served under a prefix (with or without the trailing slash)", async () => {
    for (const url of [`${base}/kefu`, `${base}/kefu/`]) {
      const me = await kefu("me", "--url", url, "--token", "kefu_t_x");
      expect(me.code).toBe(0);
      expect(JSON.parse(me.stdout)).toEqual({ role: "agent", shopName: "小美的店" });
    }
    expect(seen.map((r) => `${r.method} ${r.url} ${r.auth}`)).toEqual([
      "GET /kefu/v1/me Bearer kefu_t_x",
      "GET /kefu/v1/me Bearer kefu_t_x",
    ]);
  });

  it("reads KEFU_URL and KEFU_TOKEN when the flags are absent", async () => {
    vi.stubEnv("KEFU_URL", `${base}/kefu`);
    vi.stubEnv("KEFU_TOKEN", "kefu_from_env");
    const me = await kefu("me");
    expect(me.code).toBe(0);
    expect(seen[0]?.auth).toBe("Bearer kefu_from_env");
  });

  it("refuses plain http to another machine (the token would travel in clear), before sending anything", async () => {
    const remote = await kefu("me", "--url", "http://kefu.example.workers.dev", "--token", "kefu_t_x");
    expect(remote.code).toBe(2);
    expect(remote.stderr).toMatch(/https/);
    const odd = await kefu("me", "--url", "ftp://x", "--token", "t");
    expect(odd.code).toBe(2);
    expect(seen).toEqual([]);
  });

  it("reports the Worker's JSON error with status and code", async () => {
    const wrong = await kefu("tokens", "--url", `${base}/elsewhere`, "--token", "t");
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/HTTP 404 not_found/);
  });
});
