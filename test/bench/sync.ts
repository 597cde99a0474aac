/**
 * Sync bench: a real `wrangler dev` (workerd, local KV + Durable Object, temp persist dir) with DEBUG_METRICS=1
 * so the Worker reports each request's KV reads/writes in `x-kefu-kv` and the DO its publish writes.
 * Measures the steady poll, one edit's KV writes, and a full sync of 10,000 phrases (time and bytes).
 * `request_wall_ms_10k_local` is the closest honest local stand-in for CPU time: wall time of the full-sync
 * request on loopback, median of 5 (it includes workerd I/O to local KV/DO, so it over-states CPU).
 * Also exports `startWranglerDev()`, used by the CLI tests.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BatchResponse, CreateTeamResponse, PhraseBatchRequest } from "../../shared/api.ts";

const root = join(import.meta.dirname, "..", "..");

export interface DevWorker {
  url: string;
  secret: string;
  /** Process group of wrangler and the workerd it runs (for CPU accounting). */
  pgid?: number;
  stop(): Promise<void>;
}

/**
 * CPU time (user + system, ms) used so far by the workerd processes of a process group, from /proc (Linux).
 * workerd runs the Worker, the Durable Object and the local KV emulation, so a delta over N requests divided by N
 * is an upper bound of one request's CPU time in the Worker. Resolution: one clock tick (10 ms), hence averaged
 * over many requests. Undefined where /proc is not available.
 */
export function workerdCpuMs(pgid: number | undefined): number | undefined {
  if (pgid === undefined || !existsSync("/proc/self/stat")) return undefined;
  let ticks = 0;
  let found = false;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // "pid (comm) state ppid pgrp …": split after the command name, which may contain spaces.
    const close = stat.lastIndexOf(")");
    const comm = stat.slice(stat.indexOf("(") + 1, close);
    const fields = stat.slice(close + 2).split(" ");
    if (Number(fields[2]) !== pgid || !comm.includes("workerd")) continue;
    ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    found = true;
  }
  return found ? (ticks * 1000) / CLOCK_TICKS_PER_SECOND : undefined;
}
/** USER_HZ: 100 on Linux x86-64 and arm64 (what `getconf CLK_TCK` prints). */
const CLOCK_TICKS_PER_SECOND = 100;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** Starts `wrangler dev` on a free loopback port with a temp state dir and a random BOOTSTRAP_SECRET. */
export async function startWranglerDev(vars: Record<string, string> = {}): Promise<DevWorker> {
  const port = await freePort();
  const persist = mkdtempSync(join(tmpdir(), "kefu-wrangler-"));
  const secret = randomBytes(16).toString("hex");
  const varArgs = Object.entries({ BOOTSTRAP_SECRET: secret, ...vars }).flatMap(([k, v]) => ["--var", `${k}:${v}`]);
  const child: ChildProcess = spawn(
    join(root, "node_modules", ".bin", "wrangler"),
    [
      "dev",
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--inspector-port",
      String(await freePort()),
      "--persist-to",
      persist,
      ...varArgs,
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        WRANGLER_SEND_METRICS: "false",
        WRANGLER_SEND_ERROR_REPORTS: "false",
        CLOUDFLARE_CF_FETCH_ENABLED: "false",
        WRANGLER_HIDE_BANNER: "true",
        NO_UPDATE_NOTIFIER: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((r) => child.once("exit", r));
      process.kill(-child.pid, "SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
    rmSync(persist, { recursive: true, force: true });
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, secret, stop, ...(child.pid ? { pgid: child.pid } : {}) };
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`wrangler dev did not start on ${url}:\n${output.slice(-2000)}`);
}

async function req(
  url: string,
  method: string,
  path: string,
  token: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 300)}`);
  const kv = /reads=(\d+);writes=(\d+)/.exec(res.headers.get("x-kefu-kv") ?? "");
  return { res, text, kvReads: Number(kv?.[1] ?? Number.NaN), kvWrites: Number(kv?.[2] ?? Number.NaN) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function waitForPublish(url: string, token: string, head: number) {
  for (let i = 0; i < 100; i++) {
    const stats = JSON.parse((await req(url, "GET", "/v1/debug/stats", token)).text) as {
      publishedRev: number;
      kvWrites: number;
    };
    if (stats.publishedRev >= head) return stats;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the Durable Object did not publish the snapshot to KV");
}

export async function run(): Promise<Record<string, unknown>> {
  const worker = await startWranglerDev({ DEBUG_METRICS: "1" });
  try {
    const { url } = worker;
    const team = JSON.parse(
      (await req(url, "POST", "/v1/teams", worker.secret, { name: "压测店" })).text,
    ) as CreateTeamResponse;
    const admin = team.adminToken;
    await req(url, "POST", "/v1/groups/batch", admin, { upserts: [{ group: { id: "g", name: "通用", order: 1 } }] });
    const content = "亲，{买家}您好！您的订单{订单号}已经安排发货，请留意物流信息，有问题随时联系{客服}。".repeat(2);
    let p1Rev: number | undefined;
    for (let start = 0; start < 10_000; start += 500) {
      const body: PhraseBatchRequest = {
        upserts: Array.from({ length: 500 }, (_, i) => ({
          phrase: {
            id: `p${start + i}`,
            code: `c${start + i}`,
            content,
            groupId: "g",
            tags: ["物流"],
            scope: "team" as const,
          },
        })),
      };
      const result = JSON.parse((await req(url, "POST", "/v1/phrases/batch", admin, body)).text) as BatchResponse;
      p1Rev ??= result.applied.find((a) => a.id === "p1")?.rev;
    }
    const head = JSON.parse((await req(url, "GET", "/v1/sync?since=1", admin)).text).rev as number;
    await waitForPublish(url, admin, head);

    // CPU of workerd per request (all of workerd: Worker + DO + local KV), averaged over `times` requests.
    const cpuPerRequest = async (times: number, request: () => Promise<unknown>) => {
      const before = workerdCpuMs(worker.pgid);
      for (let i = 0; i < times; i++) await request();
      const after = workerdCpuMs(worker.pgid);
      return before === undefined || after === undefined ? null : Math.round(((after - before) / times) * 10) / 10;
    };

    // Full sync of 10k phrases: KV snapshot chunks + DO remainder.
    const fullTimes: number[] = [];
    let fullBytes = 0;
    let fullKvReads = 0;
    let rev = 0;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const full = await req(url, "GET", "/v1/sync", admin);
      fullTimes.push(performance.now() - t0);
      fullBytes = Buffer.byteLength(full.text);
      fullKvReads = full.kvReads;
      const parsed = JSON.parse(full.text) as { rev: number; phrases: unknown[] };
      if (parsed.phrases.length !== 10_000) throw new Error(`full sync returned ${parsed.phrases.length} phrases`);
      rev = parsed.rev;
    }

    // Steady poll.
    const pollTimes: number[] = [];
    let pollReads = 0;
    let pollStatus = 0;
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      const poll = await req(url, "GET", "/v1/sync", admin, undefined, { "if-none-match": `W/"r${rev}"` });
      pollTimes.push(performance.now() - t0);
      pollReads = Math.max(pollReads, poll.kvReads);
      pollStatus = poll.res.status;
    }

    // Baseline: what the local dev runtime spends on any request (GET /health does no work of ours).
    const healthCpu = await cpuPerRequest(100, async () => (await fetch(`${url}/health`)).text());
    const fullCpu = await cpuPerRequest(10, () => req(url, "GET", "/v1/sync", admin));
    const pollCpu = await cpuPerRequest(100, () =>
      req(url, "GET", "/v1/sync", admin, undefined, { "if-none-match": `W/"r${rev}"` }),
    );
    const deltaCpu = await cpuPerRequest(20, () => req(url, "GET", `/v1/sync?since=${rev - 50}`, admin));

    // Edits: request-path KV writes, then the DO's coalesced publish. The first edit after the import also
    // deletes the import's superseded buckets; the second shows the steady-state cost of one edit.
    const editOnce = async (content: string, baseRev: number | undefined) => {
      const before = await waitForPublish(url, admin, 0);
      const edit = await req(url, "POST", "/v1/phrases/batch", admin, {
        upserts: [{ phrase: { id: "p1", code: "c1", content, groupId: "g", tags: [], scope: "team" }, baseRev }],
      });
      const applied = JSON.parse(edit.text) as BatchResponse;
      if (applied.applied.length !== 1) throw new Error(`edit not applied: ${edit.text}`);
      const after = await waitForPublish(url, admin, applied.rev);
      return { requestWrites: edit.kvWrites, publishWrites: after.kvWrites - before.kvWrites, rev: applied.rev };
    };
    const firstEdit = await editOnce("改过的内容", p1Rev);
    const edit = await editOnce("又改了一次", firstEdit.rev);
    const delta = await req(url, "GET", `/v1/sync?since=${rev}`, admin);

    return {
      phrases: 10_000,
      poll_status: pollStatus,
      poll_kv_reads: pollReads,
      poll_ms_median: Math.round(median(pollTimes) * 10) / 10,
      edit_kv_writes: edit.requestWrites + edit.publishWrites,
      edit_kv_writes_request_path: edit.requestWrites,
      edit_kv_writes_publish: edit.publishWrites,
      first_edit_after_import_kv_writes: firstEdit.requestWrites + firstEdit.publishWrites,
      delta_after_edit_bytes: Buffer.byteLength(delta.text),
      full_sync_10k_ms: Math.round(median(fullTimes)),
      full_sync_10k_bytes: fullBytes,
      full_sync_10k_kv_reads: fullKvReads,
      request_wall_ms_10k_local: Math.round(median(fullTimes)),
      request_cpu_ms_10k_workerd_local: fullCpu,
      health_cpu_ms_workerd_local: healthCpu,
      poll_cpu_ms_workerd_local: pollCpu,
      delta_50_cpu_ms_workerd_local: deltaCpu,
      note:
        "request_wall_ms_10k_local: loopback wall time of the full-sync request (median of 5), not CPU time. " +
        "*_cpu_ms_workerd_local: CPU time (user+sys from /proc) of the whole local workerd process per request " +
        "(Worker + Durable Object + local KV emulation + HTTP), averaged over 10/100/20/100 requests: an upper bound " +
        "of the Worker's own CPU time, which workerd does not report per request locally; health_cpu_ms is the " +
        "dev runtime's own cost of any request (wrangler's dev middleware, HTTP), included in every figure",
    };
  } finally {
    await worker.stop();
  }
}
