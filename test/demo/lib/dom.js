// Tiny DOM helpers for the demo pages. Data is only ever put in the page as text (textContent or
// attribute values), never as HTML, so hostile order/review text shows literally.
import { materializeOrder, resolveNow } from "./orders-core.js";

/** h("td", { class: "x", "data-id": 1 }, "text", childNode, [more]) — strings become text nodes. */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2).toLowerCase(), value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export const demoNow = () => resolveNow(location.search);
export const param = (name) => new URLSearchParams(location.search).get(name);

/** Query string carrying the fixed clock (if any) to API calls and links. */
export function withNow(path) {
  const now = param("now");
  if (!now) return path;
  return `${path}${path.includes("?") ? "&" : "?"}now=${encodeURIComponent(now)}`;
}

/** This platform's orders from the single data file, with absolute times for the demo clock. */
export async function loadPlatformOrders(platform) {
  const response = await fetch("/data/orders.json", { cache: "no-store" });
  if (!response.ok) throw new Error(`订单数据加载失败 HTTP ${response.status}`);
  const { orders } = await response.json();
  const now = demoNow();
  return orders.filter((o) => o.platform === platform).map((o) => materializeOrder(o, now));
}

export const yuan = (n) => Number(n).toFixed(2);

/** Shows a load error in the page instead of failing silently. */
export function showError(container, error) {
  container.replaceChildren(h("div", { class: "demo-load-error", role: "alert" }, `加载失败：${error.message}`));
}
