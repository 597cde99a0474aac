import { Hono } from "hono";
import { cors } from "hono/cors";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv, Env } from "./env.ts";
import { errorBody, HttpError } from "./http.ts";
import { health } from "./routes/health.ts";
import { debug, groups, phrases, settings, usage } from "./routes/library.ts";
import { me } from "./routes/me.ts";
import { sync } from "./routes/sync.ts";
import { teams } from "./routes/teams.ts";
import { tokens } from "./routes/tokens.ts";

export { TeamStore } from "./store/team-store.ts";

/** CORS: only listed extension origins; `*` means any chrome-extension:// origin (never web pages). */
export function allowedOrigin(origin: string, allowed: string): string | null {
  if (!origin) return null;
  const list = allowed
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.includes("*")) return /^chrome-extension:\/\/[a-p]{32}$/.test(origin) ? origin : null;
  return list.includes(origin) ? origin : null;
}

/** With DEBUG_METRICS=1, counts this request's KV reads/writes into the `x-kefu-kv` header (bench only). */
function countingKv(kv: KVNamespace, counts: { reads: number; writes: number }): KVNamespace {
  return new Proxy(kv, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        if (prop === "get" || prop === "getWithMetadata" || prop === "list") {
          counts.reads += Array.isArray(args[0]) ? args[0].length : 1;
        } else if (prop === "put" || prop === "delete") counts.writes += 1;
        return value.apply(target, args);
      };
    },
  });
}

export const app = new Hono<AppEnv>();

app.use("*", secureHeaders());
app.use(
  "*",
  cors({
    origin: (origin, c) => allowedOrigin(origin, (c.env as Env).ALLOWED_ORIGINS ?? ""),
    allowMethods: ["GET", "POST", "PUT", "DELETE", "OPTIONS"],
    allowHeaders: ["Authorization", "Content-Type", "If-None-Match"],
    exposeHeaders: ["ETag"],
    maxAge: 600,
  }),
);
app.use("*", async (c, next) => {
  if (c.env.DEBUG_METRICS !== "1") return next();
  const counts = { reads: 0, writes: 0 };
  c.env = { ...c.env, KEFU_KV: countingKv(c.env.KEFU_KV, counts) };
  await next();
  c.res.headers.set("x-kefu-kv", `reads=${counts.reads};writes=${counts.writes}`);
});

app.route("/health", health);
app.route("/v1/teams", teams);
app.route("/v1/me", me);
app.route("/v1/tokens", tokens);
app.route("/v1/sync", sync);
app.route("/v1/phrases", phrases);
app.route("/v1/groups", groups);
app.route("/v1/settings", settings);
app.route("/v1/usage", usage);
app.route("/v1/debug", debug);

app.notFound((c) => c.json(errorBody("not_found", `No route for ${c.req.method} ${c.req.path}`), 404));
app.onError((err, c) => {
  if (err instanceof HttpError) return c.json(errorBody(err.code, err.message), err.status);
  console.error(err);
  return c.json(errorBody("internal", "Internal error"), 500);
});

export default app;
