import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { WxtVitest } from "wxt/testing/vitest-plugin";

// One `vitest run`, four projects: the pure core in Node, the Worker inside workerd with a real KV
// binding, extension units in happy-dom with WXT's fake browser, and the end-to-end suite (real Chromium,
// real `wrangler dev`), which `npm test` runs after building the extension.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "shared",
          include: ["shared/**/*.test.ts", "cli/**/*.test.ts", "scripts/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        plugins: [cloudflareTest({ wrangler: { configPath: "./wrangler.toml" } })],
        test: { name: "worker", include: ["worker/test/**/*.test.ts"] },
      },
      {
        plugins: [WxtVitest()],
        test: { name: "extension", include: ["extension/**/*.test.{ts,tsx}"], environment: "happy-dom" },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium and one wrangler at a time fit 2 cores; files run one after another.
          fileParallelism: false,
        },
      },
    ],
  },
});
