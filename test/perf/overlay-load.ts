/** One measured load of the 500-order list for the perf tools, with the bench's own wait and records. */
import type { Page } from "playwright-core";
import { lastScan, lastScanEnd, type ScanRecord, scannedRows } from "../bench/overlay.ts";

export { PATH as LIST_500 } from "../bench/overlay.ts";

/** Content-script start → the last scan's last badge (one load's `ms_500_rows`), and the scan's own parts. */
export type ScanLoad = Pick<ScanRecord, "readMs" | "sendMs" | "checkMs" | "crossMs" | "backgroundMs"> & {
  fromStart: number;
};

export async function lastScanOf(page: Page, rows: number): Promise<ScanLoad> {
  await scannedRows(page, rows);
  const [scan, end] = await Promise.all([lastScan(page), lastScanEnd(page)]);
  if (!scan) throw new Error("no scan recorded");
  const { readMs, sendMs, checkMs, crossMs, backgroundMs } = scan;
  return { fromStart: end.fromStart, readMs, sendMs, checkMs, crossMs, backgroundMs };
}
