/**
 * Bundle sizes of the built extension (run `npm run build` first; the bench builds if .output is missing).
 * `content_gz_kb` is what every seller page pays: the content script, gzipped at level 9.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const root = join(import.meta.dirname, "..", "..");
const out = join(root, ".output", "chrome-mv3");

function gzKb(file: string): number {
  return Math.round((gzipSync(readFileSync(file), { level: 9 }).length / 1024) * 10) / 10;
}

function totalKb(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    bytes += entry.isDirectory() ? totalKb(path) * 1024 : statSync(path).size;
  }
  return Math.round((bytes / 1024) * 10) / 10;
}

export async function run() {
  if (!existsSync(join(out, "manifest.json"))) {
    const build = spawnSync(join(root, "node_modules", ".bin", "wxt"), ["build"], { cwd: root, stdio: "ignore" });
    if (build.status !== 0) throw new Error("wxt build failed");
  }
  const content = join(out, "content-scripts", "content.js");
  return {
    content_gz_kb: gzKb(content),
    content_raw_kb: Math.round((statSync(content).size / 1024) * 10) / 10,
    background_gz_kb: gzKb(join(out, "background.js")),
    extension_total_kb: totalKb(out),
  };
}
