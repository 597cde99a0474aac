/**
 * Order overlay cost on the 千牛 sold list with 500 orders on one page (`?count=500`), in Chromium with the built
 * extension (run `npm run build` first; built here when missing):
 *   ms_500_rows          issue 5's figure: content script start → all 500 rows badged, on the page rendered with its
 *                        rows already there when the content script starts (`&delay=0`). Content-script start is the
 *                        `kefu:content:start` mark at the top of the content script's main; the end is the moment the
 *                        scan that badged the 500th row placed its last badge (its `kefu:overlay:scan:N` measure;
 *                        the page summary's update after it is not in). Everything the extension does is in it
 *                        (settings from the background, the overlay's set-up, the scan); the page's own first
 *                        rendering may be too, as it shares the thread. Median of 11 page loads.
 *   scan_ms_500_rows     the scan alone (rows found → all badges): read rows (raw strings), normalise + single-order
 *                        checks in the background (chunks sent while the next rows are read; round trips included),
 *                        cross-order checks, badges. Median of 5 loads of the page that renders its rows 150 ms after
 *                        load (like the real SPA); `breakdown_500` splits it (readMs, sendMs, checkMs = waiting for the
 *                        background after the last row, crossMs = cross checks + badges; backgroundMs = the
 *                        background's own time, overlapping the reading).
 *   start_to_badges_ms   on that page: content-script start → all badges, its 150 ms skeleton and rendering included.
 *   navigation_to_badges_ms_500  on the same loads: navigation start → all badges, the page's own loading and
 *                        rendering included (what the agent waits; the extension's share is ms_500_rows).
 *   cold_worker_ms_500_rows  ms_500_rows on the first page after the service worker stopped (Chrome stops it after
 *                        30 s idle; stopped here through CDP): median of 3 loads. The page's document_start wake script
 *                        (public/wake.js) starts and warms the worker while the page loads, i.e. before this figure's
 *                        start: compare cold_worker_navigation_to_badges_ms_500 too, where that work is included.
 *   rescan_ms            median scan after one row's text changes (9 edits, rows 0, 37, 74 …).
 *   content_heap_kb_500  JS heap used by the page with the extension minus without it, after a forced GC (CDP).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { startDemoServer } from "../demo/server.mjs";
import { CHROMIUM, EXTENSION_DIR, launchExtension, ROOT } from "../e2e/harness.ts";

const NOW = "2026-11-23T08:00:00.000Z";
const LOADS_MS_500_ROWS = 11;
/** The 千牛 sold list with 500 orders (also used by test/perf/). */
export const PATH = `/taobao/trade-platform/tp/sold/?count=500&now=${encodeURIComponent(NOW)}`;

/** The overlay's record of its last scan on <html> (ScanStats plus the badge count). */
export interface ScanRecord {
  rows: number;
  changed: number;
  ms: number;
  badges: number;
  readMs: number;
  sendMs: number;
  checkMs: number;
  crossMs: number;
  backgroundMs: number;
}

export async function lastScan(page: Page): Promise<ScanRecord | undefined> {
  const raw = await page.evaluate(() => document.documentElement.dataset.kefuOverlayLast);
  return raw ? (JSON.parse(raw) as ScanRecord) : undefined;
}

async function scans(page: Page): Promise<number> {
  return Number(await page.evaluate(() => document.documentElement.dataset.kefuOverlayScans ?? "0"));
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** JS heap used by the page's isolate after a full GC, in KB. */
async function heapKb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.enable");
  for (let i = 0; i < 3; i++) await cdp.send("HeapProfiler.collectGarbage");
  const usage = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
  await cdp.detach();
  return usage.usedSize / 1024;
}

/**
 * End of the overlay's last scan, in ms, from the content script's start (the `kefu:content:start` mark) and from
 * navigation start (the page's time origin: what the agent waits).
 */
export function lastScanEnd(page: Page): Promise<{ fromStart: number; fromNavigation: number }> {
  return page.evaluate(() => {
    const start = performance.getEntriesByName("kefu:content:start")[0]?.startTime;
    const measures = performance.getEntriesByType("measure").filter((m) => m.name.startsWith("kefu:overlay:scan"));
    const last = measures[measures.length - 1];
    const end = last ? last.startTime + last.duration : Number.NaN;
    return { fromStart: start !== undefined ? end - start : Number.NaN, fromNavigation: end };
  });
}

/**
 * Waits inside the page for a scan that covered `rows` rows: one evaluate that resolves on the overlay's own record,
 * instead of polling, so the measured loads are not interrupted by the bench every 20 ms.
 */
export async function scannedRows(page: Page, rows: number): Promise<void> {
  await page.evaluate(
    (want) =>
      new Promise<void>((resolve, reject) => {
        const html = document.documentElement;
        const done = () => {
          const last = html.dataset.kefuOverlayLast;
          return last !== undefined && (JSON.parse(last) as { rows: number }).rows === want;
        };
        if (done()) return resolve();
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`no scan of ${want} rows in 30 s`));
        }, 30_000);
        const observer = new MutationObserver(() => {
          if (!done()) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve();
        });
        observer.observe(html, { attributes: true, attributeFilter: ["data-kefu-overlay-last"] });
      }),
    rows,
  );
}

async function pageRendered(page: Page): Promise<void> {
  await page.locator("#sold-root tbody.next-table-body").nth(499).waitFor({ state: "attached", timeout: 30_000 });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const round = (n: number) => Math.round(n * 10) / 10;

export async function run(): Promise<Record<string, unknown>> {
  if (!existsSync(join(EXTENSION_DIR, "manifest.json"))) {
    const build = spawnSync(join(ROOT, "node_modules", ".bin", "wxt"), ["build"], { cwd: ROOT, stdio: "ignore" });
    if (build.status !== 0) throw new Error("wxt build failed");
  }
  const demo = await startDemoServer({ port: 0 });
  const withExtension = await launchExtension();
  let plain: Browser | undefined;
  try {
    const url = new URL(PATH, demo.url).href;
    // Warm the service worker (address tables) the way a working day does: it is already running.
    const warm = await withExtension.context.newPage();
    await warm.goto(url);
    await until("warm-up badges", async () => (await lastScan(warm))?.rows === 500);
    await warm.close();

    // Five page loads; the median is reported (the machine is shared, single runs are noisy).
    const loads: { scan: ScanRecord; startToBadges: number }[] = [];
    let page: Page | undefined;
    for (let i = 0; i < 5; i++) {
      await page?.close();
      page = await withExtension.context.newPage();
      const current = page;
      await current.goto(url);
      await scannedRows(current, 500);
      const scan = await lastScan(current);
      if (!scan) throw new Error("no scan recorded");
      loads.push({ scan, startToBadges: (await lastScanEnd(current)).fromStart });
    }
    if (!page) throw new Error("no page");
    loads.sort((a, b) => a.scan.ms - b.scan.ms);
    const { scan: full } = loads[2] as (typeof loads)[number];
    const startToBadges = median(loads.map((l) => l.startToBadges));

    // Issue 5's figure: the rows are on the page when the content script starts. Single loads spread over ±10 ms on
    // this 2-core machine, so the median is over 11 of them (5 moved by 3-7 ms from run to run).
    const fromStart: number[] = [];
    const fromNavigation: number[] = [];
    for (let i = 0; i < LOADS_MS_500_ROWS; i++) {
      const current = await withExtension.context.newPage();
      await current.goto(`${url}&delay=0`);
      await scannedRows(current, 500);
      const end = await lastScanEnd(current);
      fromStart.push(end.fromStart);
      fromNavigation.push(end.fromNavigation);
      await current.close();
    }

    // The first order page after Chrome stopped the idle service worker (30 s without events): the same load with
    // the worker stopped through CDP first, as a working day often finds it.
    const afterStop: number[] = [];
    const afterStopFromNavigation: number[] = [];
    const control = await withExtension.context.newCDPSession(page);
    const workerStatus: string[] = [];
    control.on("ServiceWorker.workerVersionUpdated", ({ versions }) => {
      for (const version of versions) workerStatus.push(version.runningStatus);
    });
    await control.send("ServiceWorker.enable");
    for (let i = 0; i < 3; i++) {
      await control.send("ServiceWorker.stopAllWorkers");
      await until("worker stopped", async () => workerStatus.at(-1) === "stopped");
      const current = await withExtension.context.newPage();
      await current.goto(`${url}&delay=0`);
      await scannedRows(current, 500);
      const end = await lastScanEnd(current);
      afterStop.push(end.fromStart);
      afterStopFromNavigation.push(end.fromNavigation);
      await current.close();
    }
    await control.detach();

    const rescans: number[] = [];
    let lastRescan: ScanRecord | undefined;
    for (let i = 0; i < 9; i++) {
      const before = await scans(page);
      await page.evaluate((n) => {
        const msg = document.querySelectorAll("#sold-root .buyer-msg")[n * 37];
        if (msg) msg.textContent = `第${n}次修改：请尽快发货`;
      }, i);
      const scan = await until("rescan", async () => ((await scans(page)) > before ? lastScan(page) : undefined));
      if (scan.changed !== 1) throw new Error(`expected one changed row, got ${scan.changed}`);
      rescans.push(scan.ms);
      lastRescan = scan;
    }

    const heapWith = await heapKb(page);
    plain = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
    const plainDir = mkdtempSync(join(tmpdir(), "kefu-bench-"));
    const plainPage = await (await plain.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await plainPage.goto(url);
    await pageRendered(plainPage);
    await plainPage.waitForTimeout(500);
    const heapWithout = await heapKb(plainPage);
    rmSync(plainDir, { recursive: true, force: true });

    return {
      ms_500_rows: round(median(fromStart)),
      ms_500_rows_all: fromStart.map(round),
      navigation_to_badges_ms_500: round(median(fromNavigation)),
      cold_worker_ms_500_rows: round(median(afterStop)),
      cold_worker_ms_500_rows_all: afterStop.map(round),
      cold_worker_navigation_to_badges_ms_500: round(median(afterStopFromNavigation)),
      scan_ms_500_rows: round(full.ms),
      scan_ms_500_rows_all: loads.map((l) => round(l.scan.ms)),
      breakdown_500: full,
      badges_500: full.badges,
      start_to_badges_ms: round(startToBadges),
      rescan_ms: round(median(rescans)),
      rescan_ms_all: rescans.map(round),
      breakdown_rescan: lastRescan,
      content_heap_kb_500: Math.round(heapWith - heapWithout),
      heap_kb_with: Math.round(heapWith),
      heap_kb_without: Math.round(heapWithout),
      goals: { ms_500_rows: 50, rescan_ms: 5 },
    };
  } finally {
    await Promise.allSettled([withExtension.close(), plain?.close(), demo.close()]);
  }
}
