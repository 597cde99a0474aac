// The demo seller back office server: static files under test/demo/ plus the JSON endpoints the SPA-like
// pages call (like the real sites' own XHRs). node:http only, so `npm start` and the e2e suite need nothing else.
import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { materializeOrder, paginate, resolveNow } from "./lib/orders-core.js";

const DEMO_ROOT = dirname(fileURLToPath(import.meta.url));
const PREACT_ROOT = join(DEMO_ROOT, "..", "..", "node_modules", "preact");
/** Real Preact ESM builds for the chat page's controlled input (no build step). */
const VENDOR_FILES = {
  "/vendor/preact/preact.module.js": join(PREACT_ROOT, "dist", "preact.module.js"),
  "/vendor/preact/hooks.module.js": join(PREACT_ROOT, "hooks", "dist", "hooks.module.js"),
};
const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml; charset=utf-8",
  ".png": "image/png",
  ".ico": "image/x-icon",
};
const API_PAGE_SIZE = { douyin: 5, jd: 8 };

let ordersCache;
async function loadOrders() {
  ordersCache ??= JSON.parse(await readFile(join(DEMO_ROOT, "data", "orders.json"), "utf8")).orders;
  return ordersCache;
}

function send(res, status, type, body) {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store", "x-content-type-options": "nosniff" });
  res.end(body);
}

async function answerOrdersApi(platform, url, res) {
  const now = resolveNow(url.search);
  const all = (await loadOrders()).filter((o) => o.platform === platform).map((o) => materializeOrder(o, now));
  const pageSize = Number(url.searchParams.get("pageSize")) || API_PAGE_SIZE[platform];
  const page = paginate(all, Number(url.searchParams.get("page")) || 1, pageSize);
  // Shapes loosely follow each platform's own responses: 抖店 { code, data: { list, total } }, 京东 { success, result }.
  const body =
    platform === "douyin"
      ? { code: 0, msg: "success", data: { list: page.items, page: page.page, size: page.pageSize, total: page.total } }
      : {
          success: true,
          code: 200,
          result: { orderList: page.items, pageNo: page.page, pageSize: page.pageSize, totalCount: page.total },
        };
  send(res, 200, CONTENT_TYPES[".json"], JSON.stringify(body));
}

/** Maps a URL path to a file inside DEMO_ROOT, or null when it would escape it. Directories serve index.html. */
async function resolveFile(pathname) {
  if (VENDOR_FILES[pathname]) return VENDOR_FILES[pathname];
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const full = normalize(join(DEMO_ROOT, decoded));
  if (full !== DEMO_ROOT && !full.startsWith(DEMO_ROOT + sep)) return null;
  const info = await stat(full).catch(() => null);
  if (!info) return null;
  if (info.isDirectory()) {
    const index = join(full, "index.html");
    return (await stat(index).catch(() => null))?.isFile() ? index : null;
  }
  return info.isFile() ? full : null;
}

async function handle(req, res) {
  const url = new URL(req.url ?? "/", "http://demo.local");
  if (req.method !== "GET" && req.method !== "HEAD")
    return send(res, 405, "text/plain; charset=utf-8", "方法不允许 Method not allowed");
  const api = url.pathname.match(/^\/api\/(douyin|jd)\/orders\/?$/);
  if (api) return answerOrdersApi(api[1], url, res);
  if (url.pathname.startsWith("/api/"))
    return send(res, 404, CONTENT_TYPES[".json"], JSON.stringify({ code: 404, msg: "not found" }));
  // A directory URL without its trailing slash would break relative links: redirect like a static host does.
  const file = await resolveFile(url.pathname);
  if (!file) return send(res, 404, "text/plain; charset=utf-8", "404 页面不存在 Not found");
  if (!url.pathname.endsWith("/") && file.endsWith(`${sep}index.html`) && !url.pathname.endsWith("index.html")) {
    res.writeHead(301, { location: `${url.pathname}/${url.search}` });
    return res.end();
  }
  const body = await readFile(file);
  send(res, 200, CONTENT_TYPES[extname(file)] ?? "application/octet-stream", req.method === "HEAD" ? undefined : body);
}

/** Starts the demo back office. Port 0 picks a free port; the returned `port`/`url` are the real ones. */
export async function startDemoServer({ port = 8790, host = "127.0.0.1" } = {}) {
  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent) send(res, 500, "text/plain; charset=utf-8", `500 服务器错误: ${error.message}`);
      else res.destroy();
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = server.address();
  const realPort = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://${host}:${realPort}/`,
    port: realPort,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const port = process.argv[2] === undefined ? 8790 : Number(process.argv[2]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`端口无效 invalid port: ${process.argv[2]}`);
    process.exit(2);
  }
  const demo = await startDemoServer({ port });
  console.log(demo.url);
}
