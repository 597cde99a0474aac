// `npm test`: every check the project has, in order, ending with one plain line "N passed, N failed".
// Static checks (typecheck x2, Biome, the extension build) count as one test each; vitest tests count one each.
// Unit projects run first; the end-to-end suite (real Chromium + wrangler dev) runs after the build.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const outDir = join(root, "test", "output");
mkdirSync(outDir, { recursive: true });

let passed = 0;
let failed = 0;
const failures = [];

function step(name, command, args) {
  process.stdout.write(`\n▶ ${name}: ${command} ${args.join(" ")}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: process.env });
  const ok = result.status === 0;
  process.stdout.write(`${ok ? "✔" : "✘"} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  return ok;
}

function check(name, command, args) {
  if (step(name, command, args)) passed++;
  else {
    failed++;
    failures.push(name);
  }
}

/** Runs vitest with a JSON report and adds its per-test outcome to the totals. */
function vitest(name, projects) {
  const report = join(outDir, `vitest-${name}.json`);
  rmSync(report, { force: true });
  const args = ["run", ...projects.flatMap((p) => ["--project", p]), "--reporter=default", "--reporter=json"];
  args.push(`--outputFile.json=${report}`);
  const ok = step(name, "vitest", args);
  let counted = false;
  try {
    const json = JSON.parse(readFileSync(report, "utf8"));
    passed += json.numPassedTests;
    failed += json.numFailedTests;
    counted = true;
    for (const file of json.testResults ?? []) {
      for (const t of file.assertionResults ?? []) {
        if (t.status === "failed") failures.push(`${name}: ${t.fullName}`);
      }
      // A file that failed to load has no assertions but still failed.
      if (file.status === "failed" && (file.assertionResults ?? []).length === 0) {
        failed++;
        failures.push(`${name}: ${file.name} (${(file.message ?? "").split("\n")[0]})`);
      }
    }
  } catch {}
  if (!ok && (!counted || failures.length === 0)) {
    failed++;
    failures.push(`${name}: vitest exited with an error`);
  }
}

check("typecheck (extension, shared, test)", "tsc", ["--noEmit", "-p", "tsconfig.json"]);
check("typecheck (worker)", "tsc", ["--noEmit", "-p", "worker/tsconfig.json"]);
check("lint (Biome)", "biome", ["check", "."]);
const built = step("build extension", "wxt", ["build"]);
if (built) passed++;
else {
  failed++;
  failures.push("build extension");
}
vitest("unit", ["shared", "worker", "extension"]);
if (built) vitest("e2e", ["e2e"]);

if (failures.length) {
  process.stdout.write("\nFailed:\n");
  for (const f of failures) process.stdout.write(`  ✘ ${f}\n`);
}
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
