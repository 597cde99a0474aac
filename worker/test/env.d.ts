// Types for `cloudflare:workers` `env`/`exports` inside the worker tests (what `wrangler types` would generate).
type WorkerEnv = import("../src/env.ts").Env;
declare namespace Cloudflare {
  interface GlobalProps {
    mainModule: typeof import("../src/index.ts");
    durableNamespaces: "TeamStore";
  }
  interface Env extends WorkerEnv {}
}
