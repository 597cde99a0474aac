/**
 * End-to-end harness: real Debian Chromium with the built extension loaded unpacked, a real `wrangler dev`
 * (workerd + local KV) on a free loopback port, and the demo back office. Every helper cleans up after itself.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type BrowserContext, chromium, type Page, type Worker } from "playwright-core";

export const ROOT = resolve(import.meta.dirname, "../..");
/** The built extension the e2e suite and the benchmarks load (`KEFU_EXTENSION_DIR` compares another build). */
export const EXTENSION_DIR = process.env.KEFU_EXTENSION_DIR ?? join(ROOT, ".output", "chrome-mv3");
export const OUTPUT_DIR = join(ROOT, "test", "output");
export const SCREENSHOTS_DIR = join(ROOT, "docs", "screenshots");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// Chromium turns file paths into strings with the process locale: under the C locale of a bare CI shell
// (no LANG) a file input given "千牛话术.csv" reads nothing. Every browser started from here gets UTF-8.
if (!process.env.LC_ALL && !process.env.LANG?.toUpperCase().includes("UTF")) process.env.LANG = "C.UTF-8";

/** Flags that keep Chromium off the closed network (see ../shared/notes/stack.md), for any launch. */
export const OFFLINE_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** Flags for a persistent context with the extension: headless, offline, Chinese UI. */
export const CHROMIUM_FLAGS = ["--headless=new", ...OFFLINE_FLAGS, "--disable-default-apps", "--lang=zh-CN"];

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  background: Worker;
  userDataDir: string;
  /** Opens an extension page such as "popup.html" or "options.html". */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Launches Chromium with the built extension (or the build in `extensionDir`). `userDataDir` may be reused to simulate
 * a browser restart.
 */
export async function launchExtension(
  options: { userDataDir?: string; extensionDir?: string } = {},
): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, "manifest.json"))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build\` first`);
  }
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), "kefu-profile-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: { width: 1280, height: 800 },
    locale: "zh-CN",
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  const background = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker", { timeout: 20_000 }));
  const extensionId = new URL(background.url()).host;
  return {
    context,
    extensionId,
    background,
    userDataDir,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface RunningWorker {
  url: string;
  port: number;
  bootstrapSecret: string;
  persistDir: string;
  /** Stops wrangler and workerd (the whole process group). */
  stop(): Promise<void>;
}

/** Quiet, offline-safe wrangler: no metrics, no error reports, no update checks, no remote calls. */
export const WRANGLER_ENV = {
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_SEND_ERROR_REPORTS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_HIDE_BANNER: "true",
  WRANGLER_LOG: "warn",
  NO_UPDATE_NOTIFIER: "1",
  CI: "true",
};

/** Starts `wrangler dev` on a free loopback port with its own local KV (or `persistDir` to reuse one). */
export async function startWorker(
  options: { persistDir?: string; bootstrapSecret?: string; port?: number; allowedOrigins?: string } = {},
): Promise<RunningWorker> {
  const port = options.port ?? (await freePort());
  const persistDir = options.persistDir ?? mkdtempSync(join(tmpdir(), "kefu-kv-"));
  const bootstrapSecret = options.bootstrapSecret ?? `e2e-${Math.random().toString(36).slice(2)}`;
  const child = spawn(
    join(ROOT, "node_modules", ".bin", "wrangler"),
    [
      "dev",
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--persist-to",
      persistDir,
      "--var",
      `BOOTSTRAP_SECRET:${bootstrapSecret}`,
      "--var",
      `ALLOWED_ORIGINS:${options.allowedOrigins ?? "*"}`,
      "--show-interactive-dev-session=false",
      "--inspector-port",
      String(await freePort()),
    ],
    { cwd: ROOT, env: { ...process.env, ...WRANGLER_ENV }, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  child.stdout?.on("data", (d) => {
    log += d;
  });
  child.stderr?.on("data", (d) => {
    log += d;
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      async () => (await fetch(`${url}/health`)).ok,
      60_000,
      () => `wrangler dev did not start:\n${log}`,
    );
  } catch (err) {
    await stopProcessGroup(child);
    throw err;
  }
  return {
    url,
    port,
    bootstrapSecret,
    persistDir,
    async stop() {
      await stopProcessGroup(child);
      if (!options.persistDir) rmSync(persistDir, { recursive: true, force: true });
    },
  };
}

export async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    } catch {}
  }, 5_000);
  await exited;
  clearTimeout(timer);
}

export async function waitFor(
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  describe: () => string = () => "condition",
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {}
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms: ${describe()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Copies a test screenshot to docs/screenshots (the README's pictures) when `KEFU_SCREENSHOTS=1`; a plain test
 * run writes only under test/output, so it never dirties the checkout.
 */
export function publishScreenshot(shot: string, name: string): void {
  if (process.env.KEFU_SCREENSHOTS !== "1") return;
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  copyFileSync(shot, join(SCREENSHOTS_DIR, name));
}
