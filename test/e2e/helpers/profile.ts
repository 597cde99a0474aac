/**
 * Browser profiles for the sync tests: like harness.launchExtension, but from a private copy of the built
 * extension (other people rebuild .output/chrome-mv3 while tests run; a rebuild mid-test would swap the
 * extension under a running profile) and optionally with a DevTools port for raw CDP (the bench attaches to
 * the background service worker through it).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page, type Worker } from "playwright-core";
import { CHROMIUM, CHROMIUM_FLAGS, EXTENSION_DIR, waitFor } from "../harness.ts";

/**
 * Copies the built extension once per test file; the copy's path fixes the extension id across relaunches.
 * Someone else's `wxt build` may be rewriting .output at this moment: wait for a complete build (manifest and
 * the pages and worker it names) and check the copy, retrying a few times.
 */
export async function snapshotExtension(): Promise<{ dir: string; remove(): void }> {
  const complete = (dir: string) => {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as {
        background?: { service_worker?: string };
      };
      const needed = [manifest.background?.service_worker ?? "background.js", "options.html", "popup.html"];
      return needed.every((file) => existsSync(join(dir, file)));
    } catch {
      return false;
    }
  };
  for (let attempt = 1; ; attempt++) {
    await waitFor(
      () => complete(EXTENSION_DIR),
      30_000,
      () => `No built extension in ${EXTENSION_DIR}: run \`npx wxt build\` first`,
    );
    const parent = mkdtempSync(join(tmpdir(), "kefu-ext-"));
    const dir = join(parent, "chrome-mv3");
    try {
      cpSync(EXTENSION_DIR, dir, { recursive: true });
    } catch {}
    if (complete(dir)) return { dir, remove: () => rmSync(parent, { recursive: true, force: true }) };
    rmSync(parent, { recursive: true, force: true });
    if (attempt >= 5) throw new Error(`could not copy a complete build from ${EXTENSION_DIR}`);
  }
}

export interface Profile {
  context: BrowserContext;
  extensionId: string;
  background: Worker;
  userDataDir: string;
  /** DevTools HTTP port when launched with `devtools: true`. */
  devtoolsPort?: number;
  open(path: string): Promise<Page>;
  /** Closes the browser; the user-data dir stays (relaunch it to simulate a browser restart). */
  close(): Promise<void>;
}

export function newUserDataDir(): string {
  return mkdtempSync(join(tmpdir(), "kefu-profile-"));
}

export async function launchProfile(options: {
  extensionDir: string;
  userDataDir: string;
  devtools?: boolean;
}): Promise<Profile> {
  const args = [...CHROMIUM_FLAGS, `--disable-extensions-except=${options.extensionDir}`];
  args.push(`--load-extension=${options.extensionDir}`);
  // Port 0: Chromium picks a free one and writes it to DevToolsActivePort in the profile.
  if (options.devtools) args.push("--remote-debugging-port=0");
  const portFile = join(options.userDataDir, "DevToolsActivePort");
  rmSync(portFile, { force: true });
  const context = await chromium.launchPersistentContext(options.userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: { width: 1280, height: 900 },
    locale: "zh-CN",
    acceptDownloads: true,
    args,
  });
  const background = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker", { timeout: 20_000 }));
  const extensionId = new URL(background.url()).host;
  let devtoolsPort: number | undefined;
  if (options.devtools) {
    await waitFor(
      () => existsSync(portFile),
      10_000,
      () => "DevToolsActivePort was not written",
    );
    devtoolsPort = Number(readFileSync(portFile, "utf8").split("\n")[0]);
  }
  return {
    context,
    extensionId,
    background,
    userDataDir: options.userDataDir,
    ...(devtoolsPort !== undefined ? { devtoolsPort } : {}),
    async open(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
    },
  };
}

/** The part of the extension page's `chrome` global these helpers use (runs inside the page). */
export interface ExtensionGlobals {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

/** Asks the background like a page does (chrome.runtime.sendMessage with the store's envelope). */
export async function ask<T = unknown>(page: Page, type: string, payload: unknown = {}): Promise<T> {
  const send = ([kefu, body]: readonly [string, unknown]) =>
    (globalThis as unknown as ExtensionGlobals).chrome.runtime.sendMessage({ kefu, payload: body });
  const reply = (await page.evaluate(send, [type, payload] as const)) as
    | { ok: true; value: T }
    | { ok: false; error: string }
    | undefined;
  if (!reply) throw new Error(`no answer from the background for ${type}`);
  if (!reply.ok) throw new Error(`${type}: ${reply.error}`);
  return reply.value;
}
