#!/usr/bin/env node
// Kefu Kit command line: `kefu <command> [args]`. Each command is cli/<command>.ts exporting
// `run(argv: string[]): Promise<number>` (the exit code). Node >= 22.18 runs the TypeScript directly.
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const cliDir = join(dirname(fileURLToPath(import.meta.url)), "..", "cli");
const commands = readdirSync(cliDir)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.startsWith("_"))
  .map((f) => f.slice(0, -3))
  .sort();

const [name, ...argv] = process.argv.slice(2);
if (!name || name === "--help" || name === "-h" || name === "help") {
  console.log(
    `用法 Usage: kefu <command> [options]\n\nCommands: ${commands.join(", ")}\nkefu <command> --help for details.`,
  );
  process.exit(name ? 0 : 1);
}
const file = join(cliDir, `${name}.ts`);
if (!commands.includes(name) || !existsSync(file)) {
  console.error(`kefu: unknown command "${name}". Commands: ${commands.join(", ")}`);
  process.exit(2);
}
try {
  const mod = await import(file);
  process.exitCode = await mod.run(argv);
} catch (err) {
  console.error(`kefu ${name}: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
