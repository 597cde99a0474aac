// `npm run bench`: runs every test/bench/<section>.ts (each exports `run(): Promise<object>`) one after
// another and prints one JSON object keyed by section. Progress goes to stderr so stdout stays JSON.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const benchDir = join(dirname(fileURLToPath(import.meta.url)), "..", "test", "bench");
const only = process.argv.slice(2);
const sections = readdirSync(benchDir)
  .filter((f) => f.endsWith(".ts") && !f.startsWith("_"))
  .map((f) => f.slice(0, -3))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

const result = { machine: { node: process.version, cpus: (await import("node:os")).cpus().length } };
for (const name of sections) {
  process.stderr.write(`bench: ${name}…\n`);
  const started = performance.now();
  try {
    const mod = await import(pathToFileURL(join(benchDir, `${name}.ts`)).href);
    result[name] = await mod.run();
  } catch (err) {
    result[name] = { error: err instanceof Error ? err.message : String(err) };
  }
  process.stderr.write(`bench: ${name} done in ${Math.round(performance.now() - started)} ms\n`);
}
console.log(JSON.stringify(result, null, 2));
