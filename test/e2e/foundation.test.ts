import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KEFU_VERSION } from "../../shared/version.ts";
import { startDemoServer } from "../demo/server.mjs";
import { type ExtensionBrowser, launchExtension, OUTPUT_DIR, type RunningWorker, startWorker } from "./harness.ts";

let browser: ExtensionBrowser;
let worker: RunningWorker;
let demo: { url: string; close(): Promise<void> | void };

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  [worker, demo, browser] = await Promise.all([startWorker(), startDemoServer({ port: 0 }), launchExtension()]);
});

afterAll(async () => {
  await Promise.allSettled([browser?.close(), worker?.stop(), demo?.close()]);
});

describe("foundation", () => {
  it("runs the Worker in wrangler dev and answers /health", async () => {
    const res = await fetch(`${worker.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, version: KEFU_VERSION });
  });

  it("runs the content script on a demo order page and shows the status chip", async () => {
    const page = await browser.context.newPage();
    // The seller page's console stays clean: no failed loads (a content-script UI once fetched a missing,
    // non-web-accessible stylesheet, logged as chrome-extension://invalid/) and no errors.
    const failedLoads: string[] = [];
    const consoleErrors: string[] = [];
    page.on("requestfailed", (request) => failedLoads.push(request.url()));
    page.on("console", (message) => {
      if (message.type() === "error" && !message.location().url.endsWith("/favicon.ico")) {
        consoleErrors.push(`${message.text()} ${message.location().url}`);
      }
    });
    const response = await page.goto(new URL("/taobao/trade-platform/tp/sold/", demo.url).href);
    expect(response?.status()).toBe(200);
    // The demo list renders its rows after load, like the real single-page app.
    await page.locator("#sold-root tbody.next-table-body").first().waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.kefuKit)).toBe(KEFU_VERSION);
    // The chip lives in an open shadow root; Playwright's CSS engine pierces it.
    const chip = page.locator('[data-kefu="status-chip"][data-state="ok"]');
    await chip.waitFor();
    expect(await chip.textContent()).toContain(`v${KEFU_VERSION}`);
    // Page CSS must not reach into the chip: the page's own stylesheet cannot restyle it.
    await page.addStyleTag({ content: "div { color: rgb(255, 0, 0) !important; }" });
    expect(await chip.evaluate((el) => getComputedStyle(el).color)).toBe("rgb(255, 255, 255)");
    await page.screenshot({ path: join(OUTPUT_DIR, "foundation-content-script.png") });
    expect(failedLoads).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("opens the popup, which reaches the background", async () => {
    const page = await browser.openExtensionPage("popup.html");
    await expect.poll(() => page.getByTestId("popup-background").textContent()).toContain("后台运行正常");
    expect(await page.getByTestId("popup-version").textContent()).toBe(`v${KEFU_VERSION}`);
    // Not connected yet: the popup says where to connect, and 立即同步 looks as disabled as it is.
    await page.getByTestId("popup-connect-hint").waitFor();
    expect(await page.getByTestId("popup-connect-hint").textContent()).toContain("打开设置");
    const syncNow = page.getByTestId("popup-sync-now");
    expect(await syncNow.isDisabled()).toBe(true);
    expect(Number(await syncNow.evaluate((el) => getComputedStyle(el).opacity))).toBeLessThan(1);
    await page.screenshot({ path: join(OUTPUT_DIR, "foundation-popup.png") });
    await page.close();
  });
});
