import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const START = join(import.meta.dirname, "start.mjs");
const run = (...args: string[]) => spawnSync(process.execPath, [START, ...args], { encoding: "utf8", timeout: 20_000 });

describe("npm start arguments", () => {
  it("--help prints every option and starts nothing", () => {
    const result = run("--help");
    expect(result.status).toBe(0);
    for (const option of ["--open", "--no-build", "--worker-port", "--demo-port", "--persist-to"]) {
      expect(result.stdout).toContain(option);
    }
    expect(result.stdout).not.toContain("wrangler dev");
  });

  it("an unknown option is named, with the usage, and exits 2", () => {
    const result = run("--wroker-port", "9000");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--wroker-port");
    expect(result.stderr).toContain("用法 Usage");
  });
});
