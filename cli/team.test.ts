import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoTeam } from "../scripts/seed-demo.mjs";
import { STARTER_PHRASES } from "../shared/phrases/starter.ts";
import { type DevWorker, startWranglerDev } from "../test/bench/sync.ts";

const root = join(import.meta.dirname, "..");

/** Runs `kefu team ...` as a user would (async, so the Worker in this process keeps answering). */
function kefu(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, "bin", "kefu.mjs"), "team", ...args], {
      cwd: root,
      env: { ...process.env, KEFU_URL: "", KEFU_TOKEN: "", KEFU_BOOTSTRAP_SECRET: "" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("kefu team (against wrangler dev)", () => {
  let worker: DevWorker;
  beforeAll(async () => {
    worker = await startWranglerDev();
  }, 120_000);
  afterAll(async () => {
    await worker?.stop();
  });

  it("creates a team, mints, lists and revokes tokens, with JSON output", async () => {
    const created = await kefu("create", "--url", worker.url, "--secret", worker.secret, "--name", "测试旗舰店");
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    const team = JSON.parse(created.stdout);
    expect(team.adminToken).toMatch(/^kefu_/);

    const minted = await kefu(
      "token",
      "--url",
      worker.url,
      "--token",
      team.adminToken,
      "--role",
      "agent",
      "--name",
      "小王",
    );
    expect(minted.code).toBe(0);
    const agent = JSON.parse(minted.stdout);
    expect(agent.info).toMatchObject({ role: "agent", name: "小王" });

    const list = JSON.parse((await kefu("tokens", "--url", worker.url, "--token", team.adminToken)).stdout);
    expect(list.tokens.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(["小王"]));

    const me = await kefu("me", "--url", worker.url, "--token", agent.token);
    expect(JSON.parse(me.stdout)).toMatchObject({ role: "agent", shopName: "测试旗舰店" });

    const revoked = await kefu("revoke", "--url", worker.url, "--token", team.adminToken, "--id", agent.info.tokenId);
    expect(revoked.code).toBe(0);
    const after = await kefu("me", "--url", worker.url, "--token", agent.token);
    expect(after.code).toBe(1);
    expect(after.stderr).toMatch(/401 unauthorized/);
  }, 60_000);

  it("gives clear errors: wrong secret, agent minting, bad arguments, unreachable Worker", async () => {
    const wrong = await kefu("create", "--url", worker.url, "--secret", "nope", "--name", "店");
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/401 unauthorized/);
    const missing = await kefu("token", "--url", worker.url, "--role", "agent", "--name", "x");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--token/);
    const role = await kefu("token", "--url", worker.url, "--token", "t", "--role", "boss", "--name", "x");
    expect(role.code).toBe(2);
    const down = await kefu("tokens", "--url", "http://127.0.0.1:9", "--token", "t");
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/Cannot reach/);
  }, 60_000);

  it("seedDemoTeam creates 演示旗舰店 with agents and the starter library", async () => {
    const seeded = await seedDemoTeam(worker.url, worker.secret);
    const sync = await fetch(`${worker.url}/v1/sync`, { headers: { authorization: `Bearer ${seeded.agentToken}` } });
    const body = (await sync.json()) as {
      phrases: { id: string; scope: string }[];
      groups: unknown[];
      settings: { shopName: string };
    };
    expect(body.settings.shopName).toBe("演示旗舰店");
    expect(body.phrases.filter((p) => p.scope === "team")).toHaveLength(STARTER_PHRASES.length);
    expect(body.phrases.some((p) => p.scope === "personal")).toBe(true);
    expect(body.groups.length).toBeGreaterThan(0);
    const me = await fetch(`${worker.url}/v1/me`, { headers: { authorization: `Bearer ${seeded.adminToken}` } });
    expect(((await me.json()) as { role: string }).role).toBe("admin");
  }, 60_000);
});
