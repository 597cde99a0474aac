// `npm start`: the whole product locally. Builds the extension, runs the Worker with `wrangler dev` on
// 127.0.0.1:8787 (local KV persisted under .wrangler/, seeded with a demo team on first start), serves the
// demo back office on 127.0.0.1:8790, prints what to do next, and stops everything on Ctrl-C.
// Options: --no-build (reuse .output), --open (open Chromium with the extension when a display is available),
//          --worker-port N, --demo-port N, --persist-to DIR (local KV and the demo tokens; default .wrangler/state).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startDemoServer } from "../test/demo/server.mjs";
import { seedDemoTeam } from "./seed-demo.mjs";

const root = join(import.meta.dirname, "..");
const USAGE = `用法 Usage: npm start -- [options]
  --open             有显示器时用 Chromium 打开并加载扩展 / open Chromium with the extension (needs a display)
  --no-build         不重新构建扩展，用现有 .output / reuse the built extension
  --worker-port N    Worker 端口 / Worker port (default 8787)
  --demo-port N      演示后台端口 / demo back office port (default 8790)
  --persist-to DIR   本地 KV 与演示令牌目录 / local KV state and demo tokens (default .wrangler/state)`;

let parsed;
try {
  parsed = parseArgs({
    options: {
      help: { type: "boolean", short: "h", default: false },
      "no-build": { type: "boolean", default: false },
      open: { type: "boolean", default: false },
      "worker-port": { type: "string", default: "8787" },
      "demo-port": { type: "string", default: "8790" },
      "persist-to": { type: "string" },
    },
  });
} catch (err) {
  console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
  process.exit(2);
}
if (parsed.values.help) {
  console.log(USAGE);
  process.exit(0);
}
const opts = parsed.values;
const workerUrl = `http://127.0.0.1:${opts["worker-port"]}`;
const extensionDir = join(root, ".output", "chrome-mv3");
const persistTo = opts["persist-to"];
// The demo tokens belong with the KV state they were minted in.
const localFile = persistTo ? join(persistTo, "kefu-local.json") : join(root, ".kefu-local.json");
const children = [];
let demo;

const WRANGLER_ENV = {
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_SEND_ERROR_REPORTS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_HIDE_BANNER: "true",
  NO_UPDATE_NOTIFIER: "1",
};

function log(line) {
  process.stdout.write(`[kefu] ${line}\n`);
}

/** The bootstrap secret lets the local CLI create teams; it lives in .dev.vars (git-ignored). */
function ensureBootstrapSecret() {
  const devVars = join(root, ".dev.vars");
  const existing = existsSync(devVars) ? readFileSync(devVars, "utf8") : "";
  const match = existing.match(/^BOOTSTRAP_SECRET\s*=\s*"?([^"\n]+)"?/m);
  if (match?.[1]) return match[1];
  const secret = randomBytes(24).toString("hex");
  writeFileSync(
    devVars,
    `${existing}${existing && !existing.endsWith("\n") ? "\n" : ""}BOOTSTRAP_SECRET="${secret}"\n`,
  );
  return secret;
}

async function waitForHealth(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The Worker did not answer at ${url}/health within ${timeoutMs / 1000} s`);
}

/** Seeds the demo team once; later starts reuse the tokens if the Worker still knows them. */
async function ensureDemoTeam(secret) {
  if (existsSync(localFile)) {
    const saved = JSON.parse(readFileSync(localFile, "utf8"));
    const me = await fetch(`${workerUrl}/v1/me`, { headers: { authorization: `Bearer ${saved.adminToken}` } });
    if (me.ok && saved.workerUrl === workerUrl) return saved;
  }
  const seeded = await seedDemoTeam(workerUrl, secret);
  const saved = { workerUrl, ...seeded };
  writeFileSync(localFile, `${JSON.stringify(saved, null, 2)}\n`);
  return saved;
}

let stopping = false;
async function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  log("正在停止 Stopping…");
  for (const child of children) {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {}
    }
  }
  await demo?.close();
  await Promise.all(
    children.map(
      (child) =>
        new Promise((done) => {
          if (child.exitCode !== null) return done();
          const timer = setTimeout(() => {
            try {
              process.kill(-child.pid, "SIGKILL");
            } catch {}
            done();
          }, 5000);
          child.once("exit", () => {
            clearTimeout(timer);
            done();
          });
        }),
    ),
  );
  process.exit(code);
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

try {
  if (!opts["no-build"]) {
    log("构建扩展 Building the extension…");
    const build = spawnSync(join(root, "node_modules", ".bin", "wxt"), ["build"], { cwd: root, stdio: "inherit" });
    if (build.status !== 0) throw new Error("wxt build failed");
  }
  const secret = ensureBootstrapSecret();
  log(`启动 Worker Starting the Worker (wrangler dev) on ${workerUrl}…`);
  const wrangler = spawn(
    join(root, "node_modules", ".bin", "wrangler"),
    [
      "dev",
      "--ip",
      "127.0.0.1",
      "--port",
      opts["worker-port"],
      "--show-interactive-dev-session=false",
      ...(persistTo ? ["--persist-to", persistTo] : []),
    ],
    { cwd: root, env: { ...process.env, ...WRANGLER_ENV }, detached: true, stdio: ["ignore", "inherit", "inherit"] },
  );
  children.push(wrangler);
  wrangler.once("exit", (code) => {
    if (!stopping) {
      log(`wrangler dev exited (${code}); stopping.`);
      stopAll(1);
    }
  });
  await waitForHealth(workerUrl, 60_000);
  const team = await ensureDemoTeam(secret);
  demo = await startDemoServer({ port: Number(opts["demo-port"]), host: "127.0.0.1" });

  const lines = [
    "",
    "客服助手 Kefu Kit 已在本机运行 · running locally",
    "",
    `  Worker (同步服务 sync API)   ${workerUrl}   (health: ${workerUrl}/health)`,
    `  演示后台 Demo back office    ${new URL("/", demo.url).href}`,
    "",
    `  演示团队 Demo team           ${team.teamName ?? "演示旗舰店"} (${team.teamId})`,
    `  管理员令牌 Admin token        ${team.adminToken}`,
    `  客服令牌 Agent token          ${team.agentToken}`,
    "",
    `  扩展目录 Unpacked extension  ${extensionDir}`,
    "  加载方法 How to load: open chrome://extensions, turn on 开发者模式 Developer mode,",
    "  click 加载已解压的扩展程序 Load unpacked, pick the folder above; then in the extension's",
    `  设置 Options page connect with Worker URL ${workerUrl} and one of the tokens.`,
    "",
    "  按 Ctrl-C 停止 Press Ctrl-C to stop everything.",
    "",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);

  if (opts.open && process.env.DISPLAY && existsSync("/usr/bin/chromium")) {
    const browser = spawn(
      "/usr/bin/chromium",
      [
        `--load-extension=${extensionDir}`,
        `--disable-extensions-except=${extensionDir}`,
        "--user-data-dir=.wrangler/chromium-profile",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        `${new URL("/", demo.url).href}`,
      ],
      { cwd: root, detached: true, stdio: "ignore" },
    );
    children.push(browser);
  }
} catch (err) {
  log(`启动失败 Start failed: ${err instanceof Error ? err.message : String(err)}`);
  await stopAll(1);
}
