/**
 * Every built-in profile on the demo back office's rendered snapshots (test/fixtures/demo-*.html, clock fixed at
 * SNAPSHOT_NOW) yields the orders of test/demo/data/orders.json: same ids in page order, same key fields.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Order } from "../../shared/model.ts";
import { BUILTIN_PROFILES } from "../../shared/profiles/builtin.ts";
import { ordersFromJson } from "../../shared/profiles/order.ts";
import { pageClock, profileForUrl } from "../../shared/profiles/resolve.ts";
import type { SiteProfile } from "../../shared/profiles/schema.ts";
import { extractOrders, findRows, profileForChecks, readDomField, rowId } from "./extract.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const SNAPSHOT_NOW = Date.parse("2026-11-23T08:00:00.000Z");
const MINUTE = 60_000;

interface StoredOrder extends Omit<Order, "createdAt" | "paidAt" | "shipDeadline" | "presale"> {
  createdMinutesAgo: number;
  paidMinutesAgo: number | null;
  shipDeadlineInMinutes: number | null;
  presale?: { depositPaid: boolean; balancePaid: boolean; balanceDueInMinutes?: number };
}

const stored = (JSON.parse(readFileSync(join(ROOT, "test/demo/data/orders.json"), "utf8")) as { orders: StoredOrder[] })
  .orders;

const iso = (minutesFromNow: number) => new Date(SNAPSHOT_NOW + minutesFromNow * MINUTE).toISOString();

function fixture(name: string): Document {
  // Stylesheet links are dropped: happy-dom does not load CSS and extraction never depends on it.
  const html = readFileSync(join(ROOT, "test/fixtures", `demo-${name}.html`), "utf8").replace(/<link\b[^>]*>/g, "");
  return new DOMParser().parseFromString(html, "text/html");
}

function profile(id: string): SiteProfile {
  const found = BUILTIN_PROFILES.find((p) => p.id === id);
  if (!found) throw new Error(`no profile ${id}`);
  return found;
}

/** The fields every page shows, compared against the data the page was rendered from. */
function expectSameOrder(actual: Order, expected: StoredOrder, options: { deadline?: boolean; created?: boolean }) {
  expect(actual.id).toBe(expected.id);
  expect(actual.status, expected.id).toBe(expected.status);
  expect(actual.buyer, expected.id).toBe(expected.buyer);
  expect(actual.total, expected.id).toBe(expected.total);
  expect(actual.receiver.name, expected.id).toBe(expected.receiver.name);
  expect(actual.receiver.phone, expected.id).toBe(expected.receiver.phone);
  expect(actual.receiver.address, expected.id).toBe(expected.receiver.address);
  expect(actual.buyerMessage ?? "", expected.id).toBe(expected.buyerMessage ?? "");
  expect(actual.refund ?? "none", expected.id).toBe(expected.refund ?? "none");
  expect(
    actual.items.map((i) => ({ title: i.title, skuProps: i.skuProps, quantity: i.quantity, price: i.price })),
    expected.id,
  ).toEqual(
    expected.items.map((i) => ({ title: i.title, skuProps: i.skuProps, quantity: i.quantity, price: i.price })),
  );
  if (options.created !== false) expect(actual.createdAt, expected.id).toBe(iso(-expected.createdMinutesAgo));
  if (options.deadline && expected.status === "paid" && expected.shipDeadlineInMinutes !== null) {
    expect(actual.shipDeadline, expected.id).toBe(iso(expected.shipDeadlineInMinutes));
  }
  if (expected.presale) expect(actual.presale?.depositPaid, expected.id).toBe(expected.presale.depositPaid);
}

describe("built-in profiles on the demo snapshots", () => {
  it("千牛 已卖出的宝贝: the first page's 15 orders with items, memo, flag, countdown and badges", () => {
    const p = profile("taobao-sold");
    const doc = fixture("taobao-sold");
    const orders = extractOrders(doc, p, { nowMs: SNAPSHOT_NOW }).map((r) => r.order);
    const expected = stored.filter((o) => o.platform === "taobao").slice(0, 15);
    expect(orders.map((o) => o.id)).toEqual(expected.map((o) => o.id));
    orders.forEach((order, i) => {
      const want = expected[i] as StoredOrder;
      expectSameOrder(order, want, { deadline: true });
      expect(order.sellerMemo ?? "").toBe(want.sellerMemo ?? "");
      expect(order.flag).toBe(want.flag ?? "none");
      expect(order.addressChanged).toBe(want.addressChanged ?? false);
      expect(order.shippingFee).toBe(want.shippingFee ?? 0);
      expect(order.items.map((it) => it.originalPrice)).toEqual(want.items.map((it) => it.originalPrice));
    });
  });

  it("千牛 订单详情: the one order with paid time and deadline", () => {
    const p = profile("taobao-detail");
    const [row, ...rest] = extractOrders(fixture("taobao-detail"), p, { nowMs: SNAPSHOT_NOW });
    expect(rest).toHaveLength(0);
    const want = stored.find((o) => o.id === row?.order.id) as StoredOrder;
    expect(want).toBeDefined();
    const order = row?.order as Order;
    expectSameOrder(order, want, { deadline: true });
    expect(order.paidAt).toBe(iso(-(want.paidMinutesAgo ?? 0)));
    expect(order.addressChanged).toBe(true);
  });

  it("拼多多 订单查询: the first page's 8 orders with masked phones and empty receivers", () => {
    const p = profile("pinduoduo-list");
    const orders = extractOrders(fixture("pinduoduo-list"), p, { nowMs: SNAPSHOT_NOW }).map((r) => r.order);
    const expected = stored.filter((o) => o.platform === "pinduoduo").slice(0, 8);
    expect(orders.map((o) => o.id)).toEqual(expected.map((o) => o.id));
    orders.forEach((order, i) => {
      expectSameOrder(order, expected[i] as StoredOrder, {});
    });
  });

  for (const [id, name, platform, body] of [
    ["jd-list", "jd-list", "jd", (list: unknown[]) => ({ success: true, code: 200, result: { orderList: list } })],
    ["douyin-list", "douyin-list", "douyin", (list: unknown[]) => ({ code: 0, msg: "success", data: { list } })],
  ] as const) {
    it(`${id}: rows in the DOM carry the ids of the page's JSON orders, which read back whole`, () => {
      const p = profile(id);
      const doc = fixture(name);
      const ids = findRows(doc, p).map((row) => rowId(row, p));
      const expected = stored.filter((o) => o.platform === platform).slice(0, ids.length);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids).toEqual(expected.map((o) => o.id));
      // The API body, materialised as the demo server does it.
      const materialised = expected.map((o) => {
        const { createdMinutesAgo, paidMinutesAgo, shipDeadlineInMinutes, presale, ...rest } = o;
        return {
          ...rest,
          createdAt: iso(-createdMinutesAgo),
          ...(paidMinutesAgo === null ? {} : { paidAt: iso(-paidMinutesAgo) }),
          ...(shipDeadlineInMinutes === null ? {} : { shipDeadline: iso(shipDeadlineInMinutes) }),
          ...(presale
            ? {
                presale: {
                  depositPaid: presale.depositPaid,
                  balancePaid: presale.balancePaid,
                  ...(presale.balanceDueInMinutes === undefined
                    ? {}
                    : { balanceDueAt: iso(presale.balanceDueInMinutes) }),
                },
              }
            : {}),
        };
      });
      // The rows alone (before the JSON is seen, or if it never is) already give the key fields.
      const { json: _json, ...domOnly } = p;
      const fromDom = extractOrders(doc, domOnly, { nowMs: SNAPSHOT_NOW }).map((r) => r.order);
      expect(fromDom.map((o) => o.id)).toEqual(ids);
      fromDom.forEach((order, i) => {
        const want = expected[i] as StoredOrder;
        expectSameOrder(order, want, { deadline: true });
        expect(order.sellerMemo ?? "").toBe(want.sellerMemo ?? "");
        if (platform === "douyin") expect(order.addressChanged, want.id).toBe(want.addressChanged ?? false);
      });
      const orders = ordersFromJson(body(materialised), p, { nowMs: SNAPSHOT_NOW });
      orders.forEach((order, i) => {
        const want = expected[i] as StoredOrder;
        expectSameOrder(order, want, { deadline: true });
        expect(order.addressChanged ?? false).toBe(want.addressChanged ?? false);
        expect(order.sellerMemo ?? "").toBe(want.sellerMemo ?? "");
      });
    });
  }

  it("matches the real back office URLs and the demo paths", () => {
    const cases: [string, string | undefined][] = [
      ["https://myseller.taobao.com/home.htm/trade-platform/tp/sold?x=1", undefined],
      ["https://myseller.taobao.com/trade-platform/tp/sold", "taobao-sold"],
      ["https://qn.taobao.com/trade-platform/tp/sold/?tab=all", "taobao-sold"],
      ["https://trade.taobao.com/trade/itemlist/list_sold_items.htm?action=itemlist", "taobao-sold"],
      ["https://myseller.taobao.com/trade-platform/tp/detail?bizOrderId=1", "taobao-detail"],
      ["https://mms.pinduoduo.com/orders/list", "pinduoduo-list"],
      ["https://mms.pinduoduo.com/orders/detail?sn=261121-084736291038472", "pinduoduo-detail"],
      ["https://shop.jd.com/jdm/trade/orders/order-list?x", "jd-list"],
      ["https://fxg.jinritemai.com/ffa/morder/order/list", "douyin-list"],
      ["http://127.0.0.1:8790/taobao/trade-platform/tp/sold/?count=500", "taobao-sold"],
      ["http://localhost:3000/jd/jdm/trade/orders/order-list/", "jd-list"],
      ["http://127.0.0.1:8790/douyin/ffa/morder/order/list/", "douyin-list"],
      ["https://evil.example/taobao/trade-platform/tp/sold/", undefined],
      ["https://myseller.taobao.com.evil.example/trade-platform/tp/sold", undefined],
      ["not a url", undefined],
    ];
    for (const [url, id] of cases) expect(profileForUrl(BUILTIN_PROFILES, url)?.id, url).toBe(id);
  });

  it("reads the clock parameter on loopback only", () => {
    const p = profile("taobao-sold");
    expect(pageClock(p, "http://127.0.0.1:1/taobao/trade-platform/tp/sold/?now=2026-11-23T08:00:00Z", 5)).toBe(
      SNAPSHOT_NOW,
    );
    expect(pageClock(p, "https://myseller.taobao.com/trade-platform/tp/sold?now=2026-11-23T08:00:00Z", 5)).toBe(5);
    expect(pageClock(p, "http://127.0.0.1:1/x?now=garbage", 5)).toBe(5);
  });
});

describe("readDomField", () => {
  const doc = new DOMParser().parseFromString(
    `<div id="r"><dl><dt>付款时间：</dt><dd>2026-11-23 11:01:00</dd></dl><span class="a" data-x="k-7">x</span>` +
      `<span class="msg">&lt;img src=x onerror=alert(1)&gt;</span></div>`,
    "text/html",
  );
  const row = doc.getElementById("r") as Element;

  it("reads text, attributes, regex groups, labels and presence", () => {
    expect(readDomField(row, { selector: ".a", attr: "data-x", regex: "k-(\\d)" })).toBe("7");
    expect(readDomField(row, { selector: ".a", regex: "nothing" })).toBeUndefined();
    expect(readDomField(row, { selector: "dt", label: "付款时间" })).toBe("2026-11-23 11:01:00");
    expect(readDomField(row, { selector: ".missing", present: true })).toBe("0");
    expect(readDomField(row, { selector: ".a", present: true })).toBe("1");
    expect(readDomField(row, { selector: "::bogus((" })).toBeUndefined();
  });

  it("keeps hostile text as text and creates no elements", () => {
    expect(readDomField(row, { selector: ".msg" })).toBe("<img src=x onerror=alert(1)>");
    expect(row.querySelector("img")).toBeNull();
  });
});

describe("profileForChecks", () => {
  it("drops the fields no rule reads and keeps the rest, without touching the profile", () => {
    const sold = BUILTIN_PROFILES.find((p) => p.id === "taobao-sold") as SiteProfile;
    const before = JSON.stringify(sold);
    const reading = profileForChecks(sold);
    expect(Object.keys(sold.fields)).toEqual(expect.arrayContaining(["flag", "shippingFee"]));
    expect(Object.keys(reading.fields).sort()).toEqual(
      Object.keys(sold.fields)
        .filter((f) => f !== "flag" && f !== "shippingFee")
        .sort(),
    );
    expect(reading.items?.fields).toEqual(sold.items?.fields); // the demo list reads no skuId
    expect(reading.rows).toBe(sold.rows);
    expect(JSON.stringify(sold)).toBe(before);
    const withSku = {
      ...sold,
      items: { selector: "tr", fields: { title: { selector: ".t" }, skuId: { selector: ".s" } } },
    };
    expect(profileForChecks(withSku).items?.fields).toEqual({ title: { selector: ".t" } });
    const noItems = { ...sold, items: undefined };
    expect(profileForChecks(noItems).items).toBeUndefined();
  });
});
