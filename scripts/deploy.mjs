// `npm run deploy`: deploys the Worker with wrangler. On first deploy it creates the KV namespace and writes its
// id into wrangler.toml, then reminds you to set the BOOTSTRAP_SECRET secret. Needs `wrangler login` (or
// CLOUDFLARE_API_TOKEN) — never run by the tests.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const wrangler = join(root, "node_modules", ".bin", "wrangler");
const tomlPath = join(root, "wrangler.toml");
const PLACEHOLDER_ID = "00000000000000000000000000000000";

function run(args, capture = false) {
  const result = spawnSync(wrangler, args, { cwd: root, stdio: capture ? "pipe" : "inherit", encoding: "utf8" });
  if (result.status !== 0) {
    if (capture) process.stderr.write(`${result.stdout ?? ""}${result.stderr ?? ""}`);
    throw new Error(`wrangler ${args.join(" ")} failed`);
  }
  return result.stdout ?? "";
}

let toml = readFileSync(tomlPath, "utf8");
if (toml.includes(PLACEHOLDER_ID)) {
  console.log("Creating the KV namespace KEFU_KV…");
  const out = run(["kv", "namespace", "create", "KEFU_KV"], true);
  const id = out.match(/id\s*=\s*"([0-9a-f]{32})"/)?.[1] ?? out.match(/"id":\s*"([0-9a-f]{32})"/)?.[1];
  if (!id) throw new Error(`Could not read the new namespace id from wrangler's output:\n${out}`);
  toml = toml.replace(PLACEHOLDER_ID, id);
  writeFileSync(tomlPath, toml);
  console.log(`KV namespace ${id} written to wrangler.toml (commit it).`);
}
run(["deploy", ...process.argv.slice(2)]);
console.log("\nDeployed. If this is the first deploy, set the bootstrap secret used by `kefu team create`:");
console.log("  npx wrangler secret put BOOTSTRAP_SECRET");
console.log(
  "and allow your extension's origin: set ALLOWED_ORIGINS in wrangler.toml [vars] to chrome-extension://<id>.",
);
