import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "./env.ts";
import { health } from "./routes/health.ts";

export const app = new Hono<AppEnv>();

app.use("*", secureHeaders());
app.route("/health", health);

app.notFound((c) => c.json({ error: { code: "not_found", message: `No route for ${c.req.method} ${c.req.path}` } }, 404));
app.onError((err, c) => {
  console.error(err);
  return c.json({ error: { code: "internal", message: "Internal error" } }, 500);
});

export default app;
