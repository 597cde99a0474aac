/**
 * A/B of extension builds on the overlay's figure (issue 5's `ms_500_rows`): one Chromium per build, page loads of
 * the 500-order list interleaved between them (so load drifts hit every build alike), the medians printed as JSON.
 *
 *   npm run build && cp -r .output/chrome-mv3 /tmp/a    # then change something, build again into /tmp/b
 *   node test/perf/overlay-ab.ts 48 /tmp/a /tmp/b
 *
 * Single loads on the 2-core machine spread over ±15 ms and medians of 48 loads still move by ~4 ms between runs:
 * run it twice, and trust `readMs`/`crossMs` (the parts a change touches) more than the whole.
 */
import type { BrowserContext } from "playwright-core";
import { startDemoServer } from "../demo/server.mjs";
import { type ExtensionBrowser, launchExtension } from "../e2e/harness.ts";
import { LIST_500, lastScanOf, type ScanLoad } from "./overlay-load.ts";

const [loadsArg, ...dirs] = process.argv.slice(2);
const loads = Number(loadsArg);
if (!Number.isInteger(loads) || loads < 1 || dirs.length < 2) {
  console.error("usage: node test/perf/overlay-ab.ts LOADS BUILD_DIR_A BUILD_DIR_B [BUILD_DIR…]");
  process.exit(2);
}

async function load(context: BrowserContext, url: string): Promise<ScanLoad> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    return await lastScanOf(page, 500);
  } finally {
    await page.close();
  }
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round((sorted[Math.floor((sorted.length - 1) * q)] ?? Number.NaN) * 10) / 10;
};

const demo = await startDemoServer({ port: 0 });
const browsers: ExtensionBrowser[] = [];
try {
  const url = new URL(LIST_500, demo.url).href;
  for (const dir of dirs) {
    const browser = await launchExtension({ extensionDir: dir });
    browsers.push(browser);
    await load(browser.context, url); // warm the service worker, as a working day finds it
  }
  const results: ScanLoad[][] = dirs.map(() => []);
  for (let i = 0; i < loads; i++) {
    for (let j = 0; j < dirs.length; j++) {
      const k = (i + j) % dirs.length; // rotate who goes first
      const browser = browsers[k];
      if (browser) results[k]?.push(await load(browser.context, `${url}&delay=0`));
    }
  }
  const summary = dirs.map((dir, k) => {
    const runs = results[k] ?? [];
    const pick = (key: keyof ScanLoad) => runs.map((r) => r[key]);
    return {
      build: dir,
      loads: runs.length,
      ms_500_rows: {
        p25: quantile(pick("fromStart"), 0.25),
        median: quantile(pick("fromStart"), 0.5),
        p75: quantile(pick("fromStart"), 0.75),
      },
      median_readMs: quantile(pick("readMs"), 0.5),
      median_checkMs: quantile(pick("checkMs"), 0.5),
      median_crossMs: quantile(pick("crossMs"), 0.5),
      median_backgroundMs: quantile(pick("backgroundMs"), 0.5),
    };
  });
  console.log(JSON.stringify(summary, null, 2));
} finally {
  for (const browser of browsers) await browser.close();
  await demo.close();
}
