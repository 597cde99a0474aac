// The demo seller back office in real Chromium: every page renders its rows after load, paging works,
// hostile text stays text, and the chat page's four input boxes (incl. a real Preact controlled input) send.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoServer, startDemoServer } from "../demo/server.mjs";
import { CHROMIUM, OFFLINE_FLAGS } from "./harness.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const SHOTS = join(ROOT, "test", "output", "demo");
const FIXED_NOW = "2026-11-23T08:00:00.000Z";
const RULE_IDS = new Set(
  "missing-receiver missing-phone missing-address phone-invalid phone-masked phone-virtual address-incomplete remote-area memo-sku-conflict address-changed message-keyword ship-due-soon ship-overdue unpaid-reminder refund-active presale-balance mergeable duplicate-order price-over-limit high-value high-quantity".split(
    " ",
  ),
);

interface StoredOrder {
  id: string;
  platform: string;
  buyerMessage: string;
}
const orders: StoredOrder[] = JSON.parse(readFileSync(join(ROOT, "test/demo/data/orders.json"), "utf8")).orders;
const expectedWarnings: Record<string, string[]> = JSON.parse(
  readFileSync(join(ROOT, "test/demo/data/expected-warnings.json"), "utf8"),
);
const countOf = (platform: string) => orders.filter((o) => o.platform === platform).length;

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
const dialogs: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startDemoServer({ port: 0 });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: OFFLINE_FLAGS,
  });
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "zh-CN" });
  context.on("page", (page) => {
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(`${path}: ${error.message}`));
  await page.goto(new URL(path, server.url).href);
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });

describe("demo data", () => {
  it("has ≥ 36 orders over four platforms and a manifest naming only known rules and real orders", () => {
    expect(orders.length).toBeGreaterThanOrEqual(36);
    for (const platform of ["taobao", "pinduoduo", "jd", "douyin"]) expect(countOf(platform)).toBeGreaterThanOrEqual(8);
    expect(Object.keys(expectedWarnings).sort()).toEqual(orders.map((o) => o.id).sort());
    for (const rules of Object.values(expectedWarnings))
      for (const rule of rules) expect(RULE_IDS.has(rule), rule).toBe(true);
    const used = new Set(Object.values(expectedWarnings).flat());
    expect([...RULE_IDS].filter((rule) => !used.has(rule))).toEqual([]);
    expect(Object.values(expectedWarnings).filter((rules) => rules.length === 0).length).toBeGreaterThanOrEqual(10);
  });
});

describe("demo server", () => {
  it("serves files with utf-8 types, 404s unknown paths and refuses traversal", async () => {
    const html = await fetch(new URL("/taobao/trade-platform/tp/sold/", server.url));
    expect(html.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const js = await fetch(new URL("/vendor/preact/hooks.module.js", server.url));
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect((await fetch(new URL("/nope.html", server.url))).status).toBe(404);
    for (const path of ["/..%2f..%2fpackage.json", "/%2e%2e/%2e%2e/package.json", "/..%5c..%5cpackage.json"]) {
      expect((await fetch(`${server.url.replace(/\/$/, "")}${path}`)).status, path).toBe(404);
    }
    const redirect = await fetch(new URL("/chat", server.url), { redirect: "manual" });
    expect(redirect.status).toBe(301);
  });

  it("answers the platforms' order APIs page by page", async () => {
    const page1 = await (await fetch(new URL("/api/douyin/orders?page=1", server.url))).json();
    const page2 = await (await fetch(new URL("/api/douyin/orders?page=2", server.url))).json();
    expect(page1.code).toBe(0);
    expect(page1.data.total).toBe(countOf("douyin"));
    expect(page1.data.list[0].id).not.toBe(page2.data.list[0].id);
    const jd = await (await fetch(new URL(`/api/jd/orders?page=1&now=${FIXED_NOW}`, server.url))).json();
    expect(jd.result.totalCount).toBe(countOf("jd"));
    expect(jd.result.orderList[0].createdAt).toMatch(/^2026-11-23T0/);
  });
});

describe("demo pages in Chromium", () => {
  const seenOrderIds = new Set<string>();

  it("千牛 sold list: Fusion rows after load, paging re-renders, hostile text shown literally", async () => {
    const page = await open(`/taobao/trade-platform/tp/sold/?now=${FIXED_NOW}`);
    await page.waitForSelector("tbody.next-table-body");
    const ids1 = await page.locator(".next-table-group-header .sold-list_orderId__8Hk2a").allTextContents();
    expect(ids1).toHaveLength(15);
    expect(await page.locator("td.next-table-cell .item-sku").first().textContent()).toBe("颜色分类：黑色;尺码：XL");
    // 08:00Z is 16:00 Beijing; the first order was created 95 minutes earlier.
    expect(await page.locator(".create-time").first().textContent()).toBe("创建时间：2026-11-23 14:25:00");
    const hostile = orders.find((o) => o.buyerMessage.includes("onerror=alert(1)"));
    expect(hostile).toBeDefined();
    await expect.poll(() => page.locator(".buyer-msg", { hasText: "onerror=alert(1)" }).count()).toBe(1);
    expect(await page.locator(".buyer-msg", { hasText: "onerror" }).textContent()).toBe(hostile?.buyerMessage);
    expect(await page.locator("#sold-root img, #sold-root script").count()).toBe(0);
    expect(await page.locator(".addr-badge").count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator("i.memo-flag.flag-yellow").count()).toBeGreaterThanOrEqual(1);
    await shot(page, "taobao-sold");
    await page.locator("button.next-pagination-item", { hasText: /^2$/ }).click();
    await expect.poll(() => page.locator(".sold-list_orderId__8Hk2a").first().textContent()).not.toBe(ids1[0]);
    const ids2 = await page.locator(".sold-list_orderId__8Hk2a").allTextContents();
    expect(ids1.length + ids2.length).toBe(countOf("taobao"));
    for (const id of [...ids1, ...ids2]) seenOrderIds.add(id);
    await page.close();
  });

  it("千牛 sold list ?count=500 renders 500 synthetic orders", async () => {
    const page = await open("/taobao/trade-platform/tp/sold/?count=500");
    await page.waitForSelector("tbody.next-table-body");
    expect(await page.locator("tbody.next-table-body").count()).toBe(500);
    expect(new Set(await page.locator(".sold-list_orderId__8Hk2a").allTextContents()).size).toBe(500);
    await page.close();
  });

  it("千牛 order detail shows one order with its 修改地址 badge", async () => {
    const page = await open("/taobao/trade-platform/tp/detail/?bizOrderId=4012873365518293745");
    await page.waitForSelector(".order-info .order-id");
    expect(await page.locator(".order-id").textContent()).toBe("4012873365518293745");
    expect(await page.locator(".addr-badge").textContent()).toBe("修改地址");
    await shot(page, "taobao-detail");
    await page.close();
  });

  it("拼多多 list: beast-core rows, masked phones, paging", async () => {
    const page = await open("/pinduoduo/orders/list/");
    await page.waitForSelector('[data-testid="beast-core-table-row"]');
    const sn = page.locator('[data-testid="beast-core-table-row"] .order-sn');
    const ids1 = await sn.allTextContents();
    expect(ids1).toHaveLength(8);
    for (const id of ids1) expect(id).toMatch(/^\d{6}-\d{15}$/);
    expect(await page.locator(".receiver-mobile").first().textContent()).toMatch(/^1\d\d\*{4}\d{4}$/);
    await shot(page, "pinduoduo-list");
    await page.locator('[data-testid="beast-core-pagination-next"]').click();
    await expect.poll(() => sn.first().textContent()).not.toBe(ids1[0]);
    const ids2 = await sn.allTextContents();
    expect(ids1.length + ids2.length).toBe(countOf("pinduoduo"));
    for (const id of [...ids1, ...ids2]) seenOrderIds.add(id);
    await page.close();
    const detail = await open(`/pinduoduo/orders/detail/?sn=${ids1[0]}`);
    await detail.waitForSelector(".order-sn");
    expect(await detail.locator("dd.order-sn").textContent()).toBe(ids1[0]);
    await detail.close();
  });

  it("京东 micro-app renders from its API and pages", async () => {
    const page = await open("/jd/jdm/trade/orders/order-list/");
    const rows = page.locator("micro-app micro-app-body tr.ant-table-row");
    await rows.first().waitFor();
    const ids1 = await rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-row-key") ?? ""));
    expect(ids1).toHaveLength(8);
    expect(await page.locator(".consignee-phone").first().textContent()).toContain("****");
    await shot(page, "jd-list");
    await page.locator(".ant-pagination-item-2").click();
    await expect.poll(() => rows.first().getAttribute("data-row-key")).not.toBe(ids1[0]);
    const ids2 = await rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-row-key") ?? ""));
    expect(ids1.length + ids2.length).toBe(countOf("jd"));
    for (const id of [...ids1, ...ids2]) seenOrderIds.add(id);
    await page.close();
  });

  it("抖店 cards come from /api/douyin/orders, page by page, with masked receivers", async () => {
    const page = await open("/douyin/ffa/morder/order/list/");
    const responses: string[] = [];
    page.on("response", (r) => {
      if (r.url().includes("/api/douyin/orders")) responses.push(r.url());
    });
    const ids = page.locator(".index_orderCard__3fA2b .index_orderId__Xk27s");
    await ids.first().waitFor();
    expect(await page.locator(".index_receiverPhone__Qe6s1").first().textContent()).toMatch(/^1\*{8}\d\d$/);
    expect(await page.locator(".index_receiverName__Gg1a4").first().textContent()).toMatch(/^.\*{3}$/);
    await shot(page, "douyin-list");
    const pages = await page.locator(".auxo-pagination-item").count();
    const before = responses.length;
    for (let p = 1; p <= pages; p++) {
      if (p > 1) {
        const first = await ids.first().textContent();
        await page.locator(".auxo-pagination-item", { hasText: new RegExp(`^${p}$`) }).click();
        await expect.poll(() => ids.first().textContent()).not.toBe(first);
      }
      for (const id of await ids.allTextContents()) seenOrderIds.add(id);
    }
    expect(responses.length - before).toBe(pages - 1);
    // The last page holds the order whose buyer nick is a <script> tag: shown as text, never run.
    expect(await page.locator(".index_buyer__4Rt0v", { hasText: "<script>alert('nick')</script>" }).count()).toBe(1);
    expect(await page.locator("#dy-order-list script, #dy-order-list svg").count()).toBe(0);
    await page.close();
    expect(seenOrderIds.size).toBeGreaterThanOrEqual(30);
    expect(seenOrderIds.size).toBe(orders.length);
  });

  it("review management: ≥ 15 reviews, each with a reply box that submits locally", async () => {
    const page = await open("/taobao/comment-manage/list/");
    await page.waitForSelector(".rate-item");
    const items = page.locator(".rate-item");
    expect(await items.count()).toBeGreaterThanOrEqual(15);
    expect(await page.locator(".rate-item textarea.rate-reply-input").count()).toBe(await items.count());
    expect(await page.locator(".rate-append").count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator(".rate-content", { hasText: "<script>alert('review')</script>" }).count()).toBe(1);
    const third = items.nth(2);
    await third.locator("textarea").fill("亲，非常抱歉给您带来不便，已为您安排换货。");
    await third.locator("button.rate-reply-submit").click();
    expect(await third.locator(".reply-done").textContent()).toBe("已提交");
    await shot(page, "taobao-reviews");
    await page.close();
  });

  it("chat: four input boxes send; the Preact input only sees values set through its events", async () => {
    const page = await open("/chat/");
    await page.waitForSelector(".msg-text");
    expect(await page.locator("#order-card").getAttribute("data-order-id")).toBe("4012873365518293744");
    expect(await page.locator("#order-card .oc-sku").textContent()).toBe("颜色分类：黑色;尺码：L");
    expect(await page.locator("#order-card").textContent()).not.toContain("[object");
    const lastSent = () => page.locator(".msg-seller .msg-text").last().textContent();

    await page.fill("#chat-input-textarea", "您好，textarea 发送");
    await page.click("#send-textarea");
    expect(await lastSent()).toBe("您好，textarea 发送");

    await page.click("#chat-input-editable");
    await page.keyboard.type("可编辑区域发送");
    await page.click("#send-editable");
    expect(await lastSent()).toBe("可编辑区域发送");

    const controlled = page.getByTestId("controlled-input");
    const state = page.getByTestId("controlled-state");
    await controlled.fill("受控输入的值");
    expect(await state.textContent()).toBe("受控输入的值");
    // Written straight into the DOM, without an input event: the framework never sees it.
    await controlled.evaluate((el) => {
      (el as HTMLInputElement).value = "绕过框架的值";
    });
    expect(await state.textContent()).toBe("受控输入的值");
    await page.click("#chat-input-textarea"); // blur → re-render puts the state back
    expect(await controlled.inputValue()).toBe("受控输入的值");
    await page.click("#send-preact");
    expect(await lastSent()).toBe("受控输入的值");
    expect(await state.textContent()).toBe("");

    const frame = page.frameLocator("#chat-frame");
    await frame.locator("#frame-input").fill("iframe 里发送");
    await frame.locator("#frame-send").click();
    await expect.poll(lastSent).toBe("iframe 里发送");
    expect(await page.locator(".msg-seller[data-source]").count()).toBe(4);

    await page.locator(".contact-item", { hasText: "蓝色土豆" }).click();
    expect(await page.locator(".msg-text", { hasText: "onerror" }).textContent()).toBe(
      "能便宜点吗 <img src=x onerror=alert('chat')>",
    );
    await page.locator(".contact-item").first().click();
    await shot(page, "chat");
    await page.close();
  });

  it("index page links every demo page; no hostile text opened a dialog and no page threw", async () => {
    const page = await open("/");
    const links = await page.locator("a").evaluateAll((els) => els.map((a) => a.getAttribute("href")));
    for (const path of [
      "/taobao/trade-platform/tp/sold/",
      "/pinduoduo/orders/list/",
      "/jd/jdm/trade/orders/order-list/",
      "/douyin/ffa/morder/order/list/",
      "/taobao/comment-manage/list/",
      "/chat/",
    ]) {
      expect(links).toContain(path);
    }
    await page.close();
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
