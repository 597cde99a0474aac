import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { KEFU_VERSION } from "../../shared/version.ts";
import { freePort, ROOT, stopProcessGroup, waitFor } from "./harness.ts";

// `npm start` as a person runs it: the banner, a seeded Worker, the demo back office, and a clean Ctrl-C.
const persistDir = mkdtempSync(join(tmpdir(), "kefu-start-"));
afterAll(() => rmSync(persistDir, { recursive: true, force: true }));

async function runStart(workerPort: number, demoPort: number) {
  const child = spawn(
    process.execPath,
    [
      "scripts/start.mjs",
      "--no-build",
      "--worker-port",
      String(workerPort),
      "--demo-port",
      String(demoPort),
      "--persist-to",
      persistDir,
    ],
    { cwd: ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  await waitFor(
    () => output.includes("Ctrl-C"),
    90_000,
    () => `npm start did not finish starting:\n${output}`,
  );
  return { child, output: () => output };
}

async function isListening(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

describe("npm start", () => {
  it("runs the seeded Worker and the demo pages, prints tokens, and stops everything on Ctrl-C", async () => {
    const [workerPort, demoPort] = [await freePort(), await freePort()];
    const workerUrl = `http://127.0.0.1:${workerPort}`;
    const demoUrl = `http://127.0.0.1:${demoPort}`;
    const first = await runStart(workerPort, demoPort);
    try {
      const banner = first.output();
      expect(banner).toContain(workerUrl);
      expect(banner).toContain(demoUrl);
      expect(banner).toContain(join(ROOT, ".output", "chrome-mv3"));
      const saved = JSON.parse(readFileSync(join(persistDir, "kefu-local.json"), "utf8"));
      expect(banner).toContain(saved.adminToken);
      expect(banner).toContain(saved.agentToken);

      expect(await (await fetch(`${workerUrl}/health`)).json()).toEqual({ ok: true, version: KEFU_VERSION });
      const me = await fetch(`${workerUrl}/v1/me`, { headers: { authorization: `Bearer ${saved.agentToken}` } });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ role: "agent", shopName: "演示旗舰店" });
      const sync = await fetch(`${workerUrl}/v1/sync?since=0`, {
        headers: { authorization: `Bearer ${saved.agentToken}` },
      });
      const library = (await sync.json()) as { phrases: { code: string; title?: string }[] };
      expect(library.phrases.length).toBeGreaterThanOrEqual(20);
      expect(library.phrases.find((p) => p.title === "催付")?.code).toBe("cf");
      expect((await fetch(`${demoUrl}/taobao/trade-platform/tp/sold/`)).status).toBe(200);
    } finally {
      // Ctrl-C in a terminal sends SIGINT to the foreground process group.
      if (first.child.pid) process.kill(-first.child.pid, "SIGINT");
      await waitFor(
        () => first.child.exitCode !== null,
        20_000,
        () => "npm start did not exit on SIGINT",
      );
    }
    expect(first.child.exitCode).toBe(0);
    expect(await isListening(`${workerUrl}/health`)).toBe(false);
    expect(await isListening(demoUrl)).toBe(false);

    // A second start reuses the persisted KV and the same demo tokens instead of seeding again.
    const before = JSON.parse(readFileSync(join(persistDir, "kefu-local.json"), "utf8"));
    const second = await runStart(workerPort, demoPort);
    try {
      expect(second.output()).not.toContain("POST /v1/teams");
      expect(second.output()).toContain(before.adminToken);
    } finally {
      await stopProcessGroup(second.child);
    }
  });
});
