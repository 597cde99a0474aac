/**
 * Team-added sites end to end (issue 4: the picker also runs on "URL patterns a team adds in settings"). The demo
 * "in-house CRM" page (/chat/custom-crm.html) is served on 127.0.0.2, a loopback host outside the manifest's
 * matches (those name 127.0.0.1 and localhost), so nothing of Kefu Kit runs there until an admin adds its pattern in
 * the options page. Then the background registers the picker's content script for it, and it must work there,
 * survive a browser restart, and go when another admin removes the pattern and this browser syncs.
 *
 * Permission: Chrome's host-permission prompt is browser UI that automation cannot click (puppeteer#5054,
 * playwright#32755, devtools-protocol#76). The known way to test past it is a test manifest in which the origin is
 * already granted at install: `permissions.request` then answers true at once, without a prompt, and
 * `permissions.contains` is true. So the copy of the build used here lists http://127.0.0.2/* in host_permissions;
 * everything else (saving the pattern, the sync, the registration, the content script) is the real product. A
 * second pattern on 127.0.0.3 is NOT granted, to check that it is shown as waiting for this browser's permission.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoTeam } from "../../scripts/seed-demo.mjs";
import type { SettingsResponse } from "../../shared/api.ts";
import { startDemoServer } from "../demo/server.mjs";
import { OUTPUT_DIR, type RunningWorker, startWorker } from "./harness.ts";
import { api } from "./helpers/api.ts";
import { ask, launchProfile, newUserDataDir, type Profile, snapshotExtension } from "./helpers/profile.ts";
import { connectInOptions, phraseRow } from "./helpers/ui.ts";

const CRM_HOST = "127.0.0.2";
const CRM_PATTERN = `http://${CRM_HOST}/*`;
const UNGRANTED_PATTERN = "http://127.0.0.3/*";

let worker: RunningWorker;
let crm: { url: string; close(): Promise<void> | void };
let profile: Profile;
let extension: { dir: string; remove(): void };
let userDataDir: string;
let team: Awaited<ReturnType<typeof seedDemoTeam>>;
let options: Page;
/** A CRM page opened before the team adds the pattern, kept open. */
let openedEarly: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  extension = await snapshotExtension();
  const manifestPath = join(extension.dir, "manifest.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { host_permissions: string[] };
  manifest.host_permissions.push(CRM_PATTERN);
  writeFileSync(manifestPath, JSON.stringify(manifest));
  userDataDir = newUserDataDir();
  [worker, crm, profile] = await Promise.all([
    startWorker(),
    startDemoServer({ port: 0, host: CRM_HOST }),
    launchProfile({ extensionDir: extension.dir, userDataDir }),
  ]);
  team = await seedDemoTeam(worker.url, worker.bootstrapSecret);
  options = await profile.open("options.html");
  await connectInOptions(options, worker.url, team.adminToken, "管理员");
  await phraseRow(options, "hy").waitFor({ timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await Promise.allSettled([profile?.close(), worker?.stop(), crm?.close()]);
  extension?.remove();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

async function openCrm(): Promise<Page> {
  const page = await profile.context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  // Not "load": right after a browser restart the first page's load event sometimes never came (1 run in 5 here,
  // cause not found); the page's DOM and its frame's input are what the tests need.
  await page.goto(new URL("/chat/custom-crm.html", crm.url).href, { waitUntil: "domcontentloaded" });
  await page.frameLocator("#crm-frame").locator("#frame-input").waitFor();
  return page;
}

const picker = (page: Page) => page.locator('[data-kefu="phrase-picker"]');

/** "/hy" + Enter in a box: the page knows no order, so 买家 is asked in the form; the answer goes in. */
async function insertWelcome(page: Page, box: "textarea" | "iframe"): Promise<string> {
  const locator =
    box === "textarea" ? page.locator("#crm-reply") : page.frameLocator("#crm-frame").locator("#frame-input");
  await locator.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("/hy");
  await expect
    .poll(() => page.locator('[data-kefu="picker-item"]').first().getAttribute("data-code"), { timeout: 15_000 })
    .toBe("hy");
  await page.keyboard.press("Enter");
  const form = page.locator('[data-kefu="picker-form"]');
  await form.waitFor();
  await form.locator("input").first().fill("王女士");
  await form.locator("input").first().press("Enter");
  await picker(page).waitFor({ state: "hidden" });
  return locator.inputValue();
}

/** Types "/hy" and checks that nothing of the extension reacts (given time for a content script to start). */
async function expectNoPicker(page: Page) {
  await page.locator("#crm-reply").click();
  await page.keyboard.type("/hy");
  await page.waitForTimeout(1500);
  expect(await picker(page).count()).toBe(0);
  expect(await page.locator('[data-kefu="status-chip"]').count()).toBe(0);
}

async function teamSettings(): Promise<SettingsResponse> {
  return api<SettingsResponse>(worker.url, team.adminToken, "GET", "/v1/settings");
}

describe("phrase picker on URL patterns the team adds (issue 4)", () => {
  it("does not run on the in-house CRM page before the team adds it", async () => {
    openedEarly = await openCrm();
    await expectNoPicker(openedEarly);
  });

  it("refuses a pattern that would match every site, with the reason, and saves nothing", async () => {
    await options.getByTestId("site-patterns-input").fill("*://*/*");
    await options.getByTestId("site-patterns-save").click();
    expect(await options.getByTestId("site-patterns-error").textContent()).toContain("不能匹配所有网站");
    expect((await teamSettings()).settings.customSites).toBeUndefined();
  });

  it("an admin adds the CRM pattern in the options page; it reaches the Worker and the picker runs there", async () => {
    await options.getByTestId("site-patterns-input").fill(CRM_PATTERN);
    await options.getByTestId("site-patterns-save").click();
    await options.getByTestId("site-patterns-note").filter({ hasText: "已保存" }).waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => (await teamSettings()).settings.customSites, { timeout: 30_000 })
      .toEqual({
        patterns: [CRM_PATTERN],
      });
    await options
      .locator('[data-testid="site-pattern-row"][data-state="active"]', { hasText: CRM_PATTERN })
      .waitFor({ timeout: 30_000 });
    await options.getByTestId("site-patterns").screenshot({ path: join(OUTPUT_DIR, "custom-sites-options.png") });
    const registered = await options.evaluate(() =>
      (
        globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } } }
      ).chrome.scripting.getRegisteredContentScripts(),
    );
    expect(registered).toMatchObject([{ id: "kefu-custom-sites", matches: [CRM_PATTERN], allFrames: true }]);

    // The page that was already open gets the picker without a reload.
    expect((await insertWelcome(openedEarly, "textarea")).startsWith("王女士您好，欢迎来到")).toBe(true);
    await openedEarly.close();

    const page = await openCrm();
    const text = await insertWelcome(page, "textarea");
    expect(text.startsWith("王女士您好，欢迎来到")).toBe(true);
    expect(text).not.toMatch(/[{}]/);
    await page.screenshot({ path: join(OUTPUT_DIR, "custom-sites-crm.png") });
    // Same-origin iframe on the team's page too.
    expect((await insertWelcome(page, "iframe")).startsWith("王女士您好，欢迎来到")).toBe(true);
    // The status chip shows; the order overlay (seller back offices only) does not start here.
    await page.locator('[data-kefu="status-chip"]').waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.kefuKit)).toBeUndefined();
    await page.close();
  });

  it("keeps working after a browser restart, on a page opened at once", async () => {
    await profile.close();
    profile = await launchProfile({ extensionDir: extension.dir, userDataDir });
    const page = await openCrm();
    expect((await insertWelcome(page, "textarea")).startsWith("王女士您好，欢迎来到")).toBe(true);
    await page.close();
    options = await profile.open("options.html");
  });

  it("shows a pattern this browser has not allowed as waiting, with the allow button", async () => {
    const current = await teamSettings();
    await api(worker.url, team.adminToken, "PUT", "/v1/settings", {
      settings: { ...current.settings, customSites: { patterns: [CRM_PATTERN, UNGRANTED_PATTERN] } },
      baseRev: current.settingsRev,
    });
    await ask(options, "sync.now");
    await options
      .locator('[data-testid="site-pattern-row"][data-state="need-permission"]', { hasText: UNGRANTED_PATTERN })
      .waitFor({ timeout: 30_000 });
    await options.getByTestId("site-patterns-grant").waitFor();
    await options.locator('[data-testid="site-pattern-row"][data-state="active"]', { hasText: CRM_PATTERN }).waitFor();
  });

  it("stops on the CRM page after another admin removes the pattern and this browser syncs", async () => {
    const current = await teamSettings();
    await api(worker.url, team.adminToken, "PUT", "/v1/settings", {
      settings: { ...current.settings, customSites: { patterns: [] } },
      baseRev: current.settingsRev,
    });
    await ask(options, "sync.now");
    await expect
      .poll(
        () =>
          options.evaluate(() =>
            (
              globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } } }
            ).chrome.scripting.getRegisteredContentScripts(),
          ),
        { timeout: 30_000 },
      )
      .toEqual([]);
    const page = await openCrm();
    await expectNoPicker(page);
    await page.close();
  });

  it("left no page errors", () => {
    expect(pageErrors).toEqual([]);
  });
});
