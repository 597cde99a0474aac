/**
 * Runs in the page's own JS world (MAIN) at document_start on pages whose profiles read JSON (京东, 抖店): wraps
 * fetch and XMLHttpRequest and hands JSON response bodies to the content script with window.postMessage. It only
 * copies what the page already received; it sends nothing anywhere else and changes no response.
 *
 * Until the content script says which URLs it wants (`kefu-json-config`), the last few JSON bodies are kept, so
 * responses that arrive before the content script starts are not lost.
 */
export const JSON_MESSAGE = "kefu-json";
export const CONFIG_MESSAGE = "kefu-json-config";
const MAX_BODY_CHARS = 8_000_000;
const MAX_BUFFERED = 8;

interface Captured {
  url: string;
  text: string;
}

export function installJsonHook(win: Window & typeof globalThis): void {
  const marker = "__kefuJsonHook";
  if ((win as unknown as Record<string, unknown>)[marker]) return;
  Object.defineProperty(win, marker, { value: true });

  let wanted: string[] | undefined;
  let buffer: Captured[] = [];

  const post = (item: Captured) =>
    win.postMessage({ kefu: JSON_MESSAGE, url: item.url, text: item.text }, win.location.origin);

  const capture = (url: string, text: string) => {
    if (typeof text !== "string" || text.length > MAX_BODY_CHARS) return;
    const first = text.trimStart()[0];
    if (first !== "{" && first !== "[") return;
    const item = { url, text };
    if (wanted === undefined) {
      buffer.push(item);
      if (buffer.length > MAX_BUFFERED) buffer.shift();
    } else if (wanted.some((w) => url.includes(w))) post(item);
  };

  win.addEventListener("message", (event) => {
    if (event.source !== win || event.origin !== win.location.origin) return;
    const data = event.data as { kefu?: unknown; urlIncludes?: unknown } | null;
    if (!data || data.kefu !== CONFIG_MESSAGE || !Array.isArray(data.urlIncludes)) return;
    wanted = data.urlIncludes.filter((s): s is string => typeof s === "string" && s.length >= 3);
    const pending = buffer;
    buffer = [];
    for (const item of pending) if (wanted.some((w) => item.url.includes(w))) post(item);
  });

  const originalFetch = win.fetch;
  if (typeof originalFetch === "function") {
    win.fetch = async function kefuFetch(this: unknown, ...args: Parameters<typeof fetch>) {
      const response = await originalFetch.apply(this, args);
      try {
        const type = response.headers.get("content-type") ?? "";
        if (!type || type.includes("json") || type.includes("text")) {
          response
            .clone()
            .text()
            .then((text) => capture(response.url, text))
            .catch(() => {});
        }
      } catch {}
      return response;
    } as typeof fetch;
  }

  const proto = win.XMLHttpRequest?.prototype;
  if (proto) {
    const originalOpen = proto.open;
    const originalSend = proto.send;
    const urls = new WeakMap<XMLHttpRequest, string>();
    proto.open = function kefuOpen(this: XMLHttpRequest, ...args: unknown[]) {
      try {
        urls.set(this, new URL(String(args[1]), win.location.href).href);
      } catch {}
      return (originalOpen as (...a: unknown[]) => void).apply(this, args);
    } as typeof proto.open;
    proto.send = function kefuSend(this: XMLHttpRequest, ...args: unknown[]) {
      this.addEventListener("load", () => {
        try {
          const url = urls.get(this) ?? this.responseURL;
          if (this.responseType === "" || this.responseType === "text") capture(url, this.responseText);
          else if (this.responseType === "json" && this.response !== null) capture(url, JSON.stringify(this.response));
        } catch {}
      });
      return (originalSend as (...a: unknown[]) => void).apply(this, args);
    } as typeof proto.send;
  }
}
