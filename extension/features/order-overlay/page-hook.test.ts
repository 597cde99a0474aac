import { describe, expect, it } from "vitest";
import { CONFIG_MESSAGE, installJsonHook, JSON_MESSAGE } from "./page-hook.ts";

/** A stand-in page window: a fetch that answers JSON, and recorded postMessage calls and listeners. */
function fakeWindow() {
  const posted: { message: unknown; origin: string }[] = [];
  const listeners: ((event: unknown) => void)[] = [];
  const win = {
    location: { origin: "http://127.0.0.1:8790", href: "http://127.0.0.1:8790/jd/" },
    fetch: async (url: string) =>
      Object.defineProperty(
        new Response(JSON.stringify({ result: { orderList: [{ id: "1" }] }, url }), {
          headers: { "content-type": "application/json" },
        }),
        "url",
        { value: url },
      ),
    postMessage: (message: unknown, origin: string) => posted.push({ message, origin }),
    addEventListener: (_type: string, fn: (event: unknown) => void) => listeners.push(fn),
  };
  const send = (data: unknown, source: unknown = win, origin = win.location.origin) => {
    for (const fn of listeners) fn({ source, origin, data });
  };
  return { win, posted, send };
}

const tick = () => new Promise((r) => setTimeout(r, 10));

describe("page JSON hook", () => {
  it("keeps early responses until configured, then forwards only the wanted URLs to this window", async () => {
    const { win, posted, send } = fakeWindow();
    installJsonHook(win as unknown as Window & typeof globalThis);
    const early = await win.fetch("http://127.0.0.1:8790/api/jd/orders?page=1");
    expect(await early.json()).toMatchObject({ result: { orderList: [{ id: "1" }] } }); // the page still reads it
    await win.fetch("http://127.0.0.1:8790/api/other");
    await tick();
    expect(posted).toEqual([]);

    send({ kefu: CONFIG_MESSAGE, urlIncludes: ["/api/jd/orders"] }, {}, win.location.origin); // not from this window
    expect(posted).toEqual([]);
    send({ kefu: CONFIG_MESSAGE, urlIncludes: ["/api/jd/orders"] });
    expect(posted).toHaveLength(1);
    expect(posted[0]?.origin).toBe(win.location.origin);
    expect(posted[0]?.message).toMatchObject({ kefu: JSON_MESSAGE, url: "http://127.0.0.1:8790/api/jd/orders?page=1" });

    await win.fetch("http://127.0.0.1:8790/api/jd/orders?page=2");
    await win.fetch("http://127.0.0.1:8790/api/other");
    await tick();
    expect(posted.map((p) => (p.message as { url: string }).url)).toEqual([
      "http://127.0.0.1:8790/api/jd/orders?page=1",
      "http://127.0.0.1:8790/api/jd/orders?page=2",
    ]);
  });

  it("forwards XMLHttpRequest JSON (text and json response types) the same way", async () => {
    class FakeXhr {
      responseType = "";
      responseText = "";
      response: unknown = null;
      responseURL = "";
      private listeners: (() => void)[] = [];
      open(_method: string, _url: string) {}
      send() {
        this.responseText = this.responseType === "" ? '{"result":{"orderList":[]}}' : "";
        this.response = this.responseType === "json" ? { data: { list: [] } } : this.responseText;
        for (const fn of this.listeners) fn();
      }
      addEventListener(_type: string, fn: () => void) {
        this.listeners.push(fn);
      }
    }
    const { win, posted, send } = fakeWindow();
    Object.assign(win, { XMLHttpRequest: FakeXhr });
    installJsonHook(win as unknown as Window & typeof globalThis);
    send({ kefu: CONFIG_MESSAGE, urlIncludes: ["/api/"] });
    const text = new FakeXhr();
    text.open("GET", "/api/jd/orders?page=1");
    text.send();
    const json = new FakeXhr();
    json.responseType = "json";
    json.open("GET", "/api/douyin/orders");
    json.send();
    const other = new FakeXhr();
    other.open("GET", "/static/app.json");
    other.send();
    expect(posted.map((p) => p.message)).toEqual([
      { kefu: JSON_MESSAGE, url: "http://127.0.0.1:8790/api/jd/orders?page=1", text: '{"result":{"orderList":[]}}' },
      { kefu: JSON_MESSAGE, url: "http://127.0.0.1:8790/api/douyin/orders", text: '{"data":{"list":[]}}' },
    ]);
  });

  it("installs once", async () => {
    const { win, posted, send } = fakeWindow();
    installJsonHook(win as unknown as Window & typeof globalThis);
    installJsonHook(win as unknown as Window & typeof globalThis);
    send({ kefu: CONFIG_MESSAGE, urlIncludes: ["/api/"] });
    await win.fetch("http://127.0.0.1:8790/api/jd/orders");
    await tick();
    expect(posted).toHaveLength(1);
  });
});
