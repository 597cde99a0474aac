/** One measured load of the 500-order list, shared by the perf tools (the bench has its own, see bench/overlay.ts). */
import type { Page } from "playwright-core";

export const LIST_500 = `/taobao/trade-platform/tp/sold/?count=500&now=${encodeURIComponent("2026-11-23T08:00:00.000Z")}`;

export interface ScanLoad {
  /** Content-script start → the last scan's last badge (issue 5's `ms_500_rows` for one load). */
  fromStart: number;
  readMs: number;
  sendMs: number;
  checkMs: number;
  crossMs: number;
  backgroundMs: number;
}

/**
 * Waits inside the page (no polling from outside, which would interrupt the load) for a scan of `rows` rows, then
 * reads the overlay's own record and marks.
 */
export async function lastScanOf(page: Page, rows: number): Promise<ScanLoad> {
  return page.evaluate(
    (want) =>
      new Promise<ScanLoad>((resolve, reject) => {
        const html = document.documentElement;
        const finish = () => {
          const last = JSON.parse(html.dataset.kefuOverlayLast ?? "{}") as Partial<ScanLoad> & { rows?: number };
          if (last.rows !== want) return false;
          const start = performance.getEntriesByName("kefu:content:start")[0]?.startTime ?? Number.NaN;
          const measure = performance
            .getEntriesByType("measure")
            .filter((m) => m.name.startsWith("kefu:overlay:scan"))
            .at(-1);
          const end = measure ? measure.startTime + measure.duration : Number.NaN;
          resolve({
            fromStart: end - start,
            readMs: last.readMs ?? Number.NaN,
            sendMs: last.sendMs ?? Number.NaN,
            checkMs: last.checkMs ?? Number.NaN,
            crossMs: last.crossMs ?? Number.NaN,
            backgroundMs: last.backgroundMs ?? Number.NaN,
          });
          return true;
        };
        if (finish()) return;
        const timer = setTimeout(() => reject(new Error(`no scan of ${want} rows in 30 s`)), 30_000);
        const observer = new MutationObserver(() => {
          if (!finish()) return;
          observer.disconnect();
          clearTimeout(timer);
        });
        observer.observe(html, { attributes: true, attributeFilter: ["data-kefu-overlay-last"] });
      }),
    rows,
  );
}
