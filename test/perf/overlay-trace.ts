/**
 * Where the CPU goes while the overlay badges the 500-order list: a Chrome trace of each load (the built extension,
 * or KEFU_EXTENSION_DIR), cut to the measured window (`kefu:content:start` → the first scan's last badge).
 *
 *   npm run build && node test/perf/overlay-trace.ts 3 [--save /tmp/traces]
 *
 * Per load it prints the window, the busiest threads in it (any process the trace sees: the page's renderer, the
 * browser, the GPU process; not the extension's service worker, whose process a page-level trace does not record),
 * the page main thread's tasks of 1 ms or more with what they spent it on, the software raster of the page's frames
 * and the large IPC messages the browser's main thread took in. `--save DIR` keeps each trace for chrome://tracing
 * or Perfetto.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startDemoServer } from "../demo/server.mjs";
import { launchExtension } from "../e2e/harness.ts";
import { LIST_500, lastScanOf } from "./overlay-load.ts";

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  cat?: string;
  args?: {
    name?: string;
    data?: { url?: string; functionName?: string };
    chrome_mojo_event_info?: { data_num_bytes?: number };
  };
}

const CATEGORIES = [
  "toplevel",
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "blink.user_timing",
  "v8.execute",
  "blink",
  "cc",
  "mojom",
  "ipc",
];

const args = process.argv.slice(2);
const saveAt = args.indexOf("--save");
const saveDir = saveAt >= 0 ? args[saveAt + 1] : undefined;
const loads = Number(args.find((a, i) => /^\d+$/.test(a) && (saveAt < 0 || i !== saveAt + 1)) ?? 3);
const ms = (us: number) => (us / 1000).toFixed(1);

function report(events: TraceEvent[], load: number): void {
  const threadNames = new Map<string, string>();
  const processNames = new Map<number, string>();
  for (const e of events) {
    if (e.ph !== "M") continue;
    if (e.name === "thread_name") threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? "");
    if (e.name === "process_name") processNames.set(e.pid, e.args?.name ?? "");
  }
  const start = events.find((e) => e.name === "kefu:content:start");
  const end = events.find((e) => e.name.startsWith("kefu:overlay:scan:") && e.ph === "e");
  if (!start || !end) {
    console.log(`load ${load}: no content start or scan end in the trace`);
    return;
  }
  const [t0, t1] = [start.ts, end.ts];
  const complete = events.filter((e): e is TraceEvent & { dur: number } => e.ph === "X" && e.dur !== undefined);
  const clip = (e: { ts: number; dur: number }) => Math.max(0, Math.min(e.ts + e.dur, t1) - Math.max(e.ts, t0));
  const thread = (e: TraceEvent) =>
    `${processNames.get(e.pid) ?? e.pid} ${threadNames.get(`${e.pid}:${e.tid}`) ?? e.tid} (${e.tid})`;

  console.log(`\nload ${load}: window ${ms(t1 - t0)} ms`);
  // A task shows up as nested top-level events (RunTask around ThreadControllerImpl::RunTask): keep the outermost.
  const tasks: (TraceEvent & { dur: number })[] = [];
  const lastEnd = new Map<string, number>();
  for (const e of complete.filter((c) => c.cat?.includes("toplevel")).sort((a, b) => a.ts - b.ts)) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ts < (lastEnd.get(key) ?? 0)) continue;
    lastEnd.set(key, e.ts + e.dur);
    tasks.push(e);
  }
  const busy = new Map<string, number>();
  for (const e of tasks) {
    const inWindow = clip(e);
    if (inWindow > 0) busy.set(thread(e), (busy.get(thread(e)) ?? 0) + inWindow);
  }
  console.log("  busiest threads in the window (ms):");
  for (const [name, us] of [...busy].sort((a, b) => b[1] - a[1]).slice(0, 8))
    console.log(`    ${ms(us).padStart(6)}  ${name}`);

  const onPageMain = (e: TraceEvent) => e.pid === start.pid && e.tid === start.tid;
  const onMain = complete.filter(onPageMain);
  console.log("  page main thread, tasks ≥ 1 ms (start, length, where the time went):");
  for (const task of tasks.filter((e) => onPageMain(e) && e.dur >= 1000 && clip(e) > 0)) {
    const spent = new Map<string, number>();
    for (const e of onMain) {
      if (e === task || e.cat?.includes("toplevel") || e.ts < task.ts || e.ts + e.dur > task.ts + task.dur) continue;
      const url = e.args?.data?.url?.split("/").pop();
      const key = e.name === "FunctionCall" && url ? `FunctionCall ${url}` : e.name;
      spent.set(key, (spent.get(key) ?? 0) + e.dur);
    }
    const top = [...spent]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([name, us]) => `${name} ${ms(us)}`)
      .join(", ");
    console.log(`    ${ms(task.ts - t0).padStart(6)} +${ms(task.dur).padStart(5)}  ${top}`);
  }

  const raster = complete.filter((e) => e.pid === start.pid && e.name === "RasterTask");
  const rasterIn = raster.reduce((sum, e) => sum + clip(e), 0);
  console.log(`  page raster in the window: ${ms(rasterIn)} ms of ${raster.length} tasks in the trace`);

  const browserMain = [...threadNames].find(([, n]) => n === "CrBrowserMain")?.[0];
  const messages = complete.filter(
    (e) =>
      `${e.pid}:${e.tid}` === browserMain &&
      e.name === "Receive mojo message" &&
      clip(e) > 0 &&
      (e.args?.chrome_mojo_event_info?.data_num_bytes ?? 0) >= 10_000,
  );
  console.log(
    `  browser main, messages ≥ 10 KB: ${messages
      .map((e) => `${Math.round((e.args?.chrome_mojo_event_info?.data_num_bytes ?? 0) / 1000)} KB ${ms(e.dur)} ms`)
      .join(", ")}`,
  );
}

const demo = await startDemoServer({ port: 0 });
const browser = await launchExtension();
try {
  const url = new URL(LIST_500, demo.url).href;
  const warm = await browser.context.newPage();
  await warm.goto(url);
  await lastScanOf(warm, 500);
  await warm.close();
  if (saveDir) mkdirSync(saveDir, { recursive: true });
  for (let i = 0; i < loads; i++) {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on("Tracing.dataCollected", ({ value }) => events.push(...(value as unknown as TraceEvent[])));
    const traceDone = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
    await cdp.send("Tracing.start", {
      traceConfig: { includedCategories: CATEGORIES, recordMode: "recordAsMuchAsPossible" },
      transferMode: "ReportEvents",
    });
    await page.goto(`${url}&delay=0`);
    await lastScanOf(page, 500);
    await page.waitForTimeout(300); // the trace's buffers are flushed from every process
    await cdp.send("Tracing.end");
    await traceDone;
    if (saveDir) writeFileSync(join(saveDir, `overlay-${i}.json`), JSON.stringify({ traceEvents: events }));
    report(events, i);
    await page.close();
  }
} finally {
  await browser.close();
  await demo.close();
}
