/**
 * Order overlay end to end: the built extension in Chromium on every platform's demo order pages, clock fixed
 * with `?now=`. Badges must carry, on the right rows, the rule ids that the order checks (shared/orders) give for
 * the page's source data (test/demo/data/orders.json) — so extraction through the site profiles loses nothing —
 * and every problem put in on purpose (test/demo/data/expected-warnings.json) that the checks report. They must
 * follow paging and re-renders without duplicates, copy the right texts, and show hostile text literally.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Order } from "../../shared/model.ts";
import { checkOrders, DEFAULT_ORDER_RULE_SETTINGS } from "../../shared/orders/index.ts";
import { startDemoServer } from "../demo/server.mjs";
import { type ExtensionBrowser, launchExtension, OUTPUT_DIR, publishScreenshot, ROOT } from "./harness.ts";

const NOW = "2026-11-23T08:00:00.000Z";
const expected = JSON.parse(readFileSync(join(ROOT, "test/demo/data/expected-warnings.json"), "utf8")) as Record<
  string,
  string[]
>;
type StoredOrder = Omit<Order, "createdAt" | "paidAt" | "shipDeadline"> & {
  createdMinutesAgo: number;
  paidMinutesAgo: number | null;
  shipDeadlineInMinutes: number | null;
  presale?: { depositPaid: boolean; balancePaid: boolean; balanceDueInMinutes?: number };
};
const stored = (JSON.parse(readFileSync(join(ROOT, "test/demo/data/orders.json"), "utf8")) as { orders: StoredOrder[] })
  .orders;

/** The order as the demo pages show it at NOW (what test/demo/lib/orders-core.js materializeOrder does). */
function materialize(o: StoredOrder): Order {
  const at = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString();
  const { createdMinutesAgo, paidMinutesAgo, shipDeadlineInMinutes, presale, ...rest } = o;
  const order: Order = { ...rest, createdAt: at(-createdMinutesAgo) };
  if (paidMinutesAgo !== null) order.paidAt = at(-paidMinutesAgo);
  if (shipDeadlineInMinutes !== null) order.shipDeadline = at(shipDeadlineInMinutes);
  if (presale) {
    order.presale = { depositPaid: presale.depositPaid, balancePaid: presale.balancePaid };
    if (presale.balanceDueInMinutes !== undefined) order.presale.balanceDueAt = at(presale.balanceDueInMinutes);
  }
  return order;
}

const PAGES = [
  { platform: "taobao", path: "/taobao/trade-platform/tp/sold/", pageSize: 15 },
  { platform: "pinduoduo", path: "/pinduoduo/orders/list/", pageSize: 8 },
  { platform: "jd", path: "/jd/jdm/trade/orders/order-list/", pageSize: 8 },
  { platform: "douyin", path: "/douyin/ffa/morder/order/list/", pageSize: 5 },
] as const;

let browser: ExtensionBrowser;
let demo: { url: string; close(): Promise<void> | void };
const dialogs: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  [demo, browser] = await Promise.all([startDemoServer({ port: 0 }), launchExtension()]);
  await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(demo.url).origin });
});

afterAll(async () => {
  await Promise.allSettled([browser?.close(), demo?.close()]);
  if (disagreements.size > 0) {
    console.info(
      "Order checks vs expected-warnings.json (not the overlay's doing):",
      Object.fromEntries(disagreements),
    );
  }
});

async function open(path: string, query = ""): Promise<Page> {
  const page = await browser.context.newPage();
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(new URL(`${path}?now=${encodeURIComponent(NOW)}${query}`, demo.url).href);
  return page;
}

/** Badges on the page: order id → rule ids; fails on a second badge for one row. */
async function badges(page: Page): Promise<Record<string, string[]>> {
  const list = await page.evaluate(() =>
    [...document.querySelectorAll("[data-kefu-badge]")].map((el) => ({
      id: (el as HTMLElement).dataset.kefuOrderId ?? "",
      rules: ((el as HTMLElement).dataset.kefuRules ?? "").split(" ").filter(Boolean),
    })),
  );
  const out: Record<string, string[]> = {};
  for (const badge of list) {
    expect(out[badge.id], `duplicate badge for ${badge.id}`).toBeUndefined();
    out[badge.id] = [...badge.rules].sort();
  }
  return out;
}

/**
 * What the page's orders should show: the checks over the page's source data (cross-order rules over the orders
 * on that page, as the overlay knows only those). Problems put in on purpose that the checks do not report
 * (or extra ones they do) are listed in `disagreements`, so a change in the rules shows up here.
 */
const disagreements = new Map<string, string>();
function expectedFor(ids: string[]): Record<string, string[]> {
  const orders = ids.map((id) => materialize(stored.find((o) => o.id === id) as StoredOrder));
  const warnings = checkOrders(orders, DEFAULT_ORDER_RULE_SETTINGS, NOW);
  const out: Record<string, string[]> = {};
  for (const id of ids) {
    const rules = [...new Set(warnings.filter((w) => w.orderId === id).map((w) => w.rule))].sort();
    if (rules.length > 0) out[id] = rules;
    const planted = [...(expected[id] ?? [])].sort();
    if (planted.join() !== rules.join()) disagreements.set(id, `checks: [${rules}] planted: [${planted}]`);
  }
  return out;
}

const idsOf = (platform: string, page: number, size: number) =>
  stored
    .filter((o) => o.platform === platform)
    .slice((page - 1) * size, page * size)
    .map((o) => o.id);

async function settled(page: Page, rows: number): Promise<void> {
  await expect
    .poll(
      async () =>
        JSON.parse((await page.evaluate(() => document.documentElement.dataset.kefuOverlayLast)) ?? "{}").rows,
      {
        timeout: 15_000,
      },
    )
    .toBe(rows);
  // One more frame so a scan triggered by the last mutation has finished.
  await page.waitForTimeout(300);
}

describe("order overlay on the demo back office", () => {
  for (const { platform, path, pageSize } of PAGES) {
    it(`${platform}: badges carry the expected rule ids on the right rows, also after paging`, async () => {
      const page = await open(path);
      const first = idsOf(platform, 1, pageSize);
      await settled(page, first.length);
      expect(await badges(page)).toEqual(expectedFor(first));
      // Each badge sits inside the row of its own order.
      const misplaced = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>("[data-kefu-badge]")]
          .filter(
            (b) =>
              !(b.closest("tbody, tr, [class*=orderCard]")?.textContent ?? "").includes(b.dataset.kefuOrderId ?? "?"),
          )
          .map((b) => b.dataset.kefuOrderId),
      );
      expect(misplaced).toEqual([]);
      // The page's CSS does not reach into the badges (shadow roots) nor move their hosts.
      if (platform === "taobao") {
        await page.addStyleTag({
          content:
            "button, span { background: rgb(0, 255, 0) !important; display: block !important; color: rgb(255, 0, 0) }",
        });
        const look = await page.evaluate(() => {
          const host = document.querySelector<HTMLElement>("[data-kefu-badge]");
          const button = host?.shadowRoot?.querySelector("button");
          return button && host ? [getComputedStyle(button).backgroundColor, getComputedStyle(host).display] : [];
        });
        expect(look[0]).not.toBe("rgb(0, 255, 0)");
        expect(look[1]).toBe("inline-block");
      }
      const summary = page.locator('[data-kefu="order-summary"]');
      const flagged = Object.keys(expectedFor(first)).length;
      await expect.poll(() => summary.getAttribute("data-need-action")).toBe(String(flagged));
      expect(await summary.textContent()).toContain(`${flagged} 单待处理`);
      expect(await summary.getAttribute("title")).toContain(`${flagged} 个订单需要处理`);
      await page.screenshot({ path: join(OUTPUT_DIR, `order-overlay-${platform}.png`), fullPage: false });

      // Page 2: rows rendered after a click get badges; page 1's badges leave with their rows.
      const second = idsOf(platform, 2, pageSize);
      const pager: Record<string, string> = {
        taobao: "button.next-pagination-item:text-is('2')",
        pinduoduo: "[data-testid=beast-core-pagination-item]:text-is('2')",
        jd: ".ant-pagination-item-2",
        douyin: ".auxo-pagination-item:text-is('2')",
      };
      await page
        .locator(pager[platform] as string)
        .first()
        .click();
      await settled(page, second.length);
      await expect.poll(() => badges(page)).toEqual(expectedFor(second));
      await page.close();
    });
  }

  it("京东 list: the summary pill and status chip leave the pagination visible and clickable", async () => {
    const page = await open("/jd/jdm/trade/orders/order-list/");
    await settled(page, 8);
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 1024, height: 640 },
    ]) {
      await page.setViewportSize(viewport);
      // The pagination is the page's last row: scrolled to the end it sits right above the corner UI.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const boxes = await page.evaluate(() => {
        const inShadow = (host: string, sel: string) =>
          document.querySelector(host)?.shadowRoot?.querySelector(sel)?.getBoundingClientRect();
        return {
          pagination: document.querySelector(".ant-pagination")?.getBoundingClientRect().toJSON() as DOMRect,
          corner: [
            inShadow("kefu-order-overlay", '[data-kefu="order-summary"]'),
            inShadow("kefu-status-chip", '[data-kefu="status-chip"]'),
          ].map((r) => r?.toJSON() as DOMRect | undefined),
        };
      });
      expect(boxes.corner[0], "summary pill shown").toBeDefined();
      for (const box of boxes.corner.filter((b) => b !== undefined)) {
        const p = boxes.pagination;
        const overlaps = box.left < p.right && p.left < box.right && box.top < p.bottom && p.top < box.bottom;
        expect(overlaps, `${JSON.stringify(box)} covers the pagination ${JSON.stringify(p)} at ${viewport.width}`).toBe(
          false,
        );
      }
    }
    // A plain click (no force: Playwright refuses when something covers the target) pages on.
    await page.locator(".ant-pagination-item-2").click({ timeout: 5_000 });
    await settled(page, idsOf("jd", 2, 8).length);
    await expect.poll(() => badges(page)).toEqual(expectedFor(idsOf("jd", 2, 8)));
    await page.close();
  });

  for (const { platform, path, id } of [
    { platform: "taobao", path: "/taobao/trade-platform/tp/detail/", id: "4012873365518293745" },
    { platform: "pinduoduo", path: "/pinduoduo/orders/detail/", id: "261122-084736291038477" },
  ]) {
    it(`${platform} detail page: one badge for the order`, async () => {
      const page = await open(path, `&${platform === "taobao" ? "bizOrderId" : "sn"}=${id}`);
      await settled(page, 1);
      const want = expectedFor([id]);
      expect(Object.keys(want)).toEqual([id]);
      expect(await badges(page)).toEqual(want);
      // One order needing action: nothing to step to, so the summary offers no "下一个".
      const summary = page.locator('[data-kefu="order-summary"]');
      await expect.poll(() => summary.getAttribute("data-need-action")).toBe("1");
      expect(await summary.locator('[data-kefu-action="next-order"]').count()).toBe(0);
      await page.screenshot({ path: join(OUTPUT_DIR, `order-overlay-${platform}-detail.png`) });
      await page.close();
    });
  }

  it("follows the single-page app to another page and away from order pages", async () => {
    const page = await open("/taobao/trade-platform/tp/sold/");
    await settled(page, 15);
    // The app moves to a page no profile covers: the overlay leaves with its badges.
    await page.evaluate(() => {
      history.pushState({}, "", "/taobao/comment-manage/list/");
    });
    await expect.poll(() => page.locator("[data-kefu-badge]").count(), { timeout: 10_000 }).toBe(0);
    expect(await page.locator('[data-kefu="order-summary"]').count()).toBe(0);
    // Back on the order list, it returns.
    await page.evaluate((now) => {
      history.pushState({}, "", `/taobao/trade-platform/tp/sold/?now=${encodeURIComponent(now)}`);
    }, NOW);
    await settled(page, 15);
    expect(await badges(page)).toEqual(expectedFor(idsOf("taobao", 1, 15)));
    await page.close();
  });

  it("re-rendered and edited rows keep exactly one badge each and are re-checked", async () => {
    const page = await open("/taobao/trade-platform/tp/sold/");
    const first = idsOf("taobao", 1, 15);
    await settled(page, 15);
    const before = await badges(page);
    // The app re-renders page 1 (new elements, same orders) three times in a row.
    for (let i = 0; i < 3; i++) await page.locator("button.next-pagination-item:text-is('1')").click();
    await settled(page, 15);
    expect(await badges(page)).toEqual(before);
    // An edit inside one row (the buyer now asks for 顺丰): only that row changes.
    const clean = first.find((id) => (expected[id] ?? []).length === 0 && id !== "4012873365518293750") as string;
    await page.evaluate((id) => {
      const body = [...document.querySelectorAll("tbody.next-table-body")].find((b) => b.textContent?.includes(id));
      const msg = body?.querySelector(".buyer-msg");
      if (msg) msg.textContent = "麻烦发顺丰，谢谢";
    }, clean);
    await expect.poll(async () => (await badges(page))[clean]).toEqual(["message-keyword"]);
    const last = JSON.parse((await page.evaluate(() => document.documentElement.dataset.kefuOverlayLast)) ?? "{}");
    expect(last.changed).toBe(1);
    // Rows removed by the app take their badges with them.
    await page.evaluate(() => document.querySelector("#sold-root table")?.remove());
    await expect.poll(() => page.locator("[data-kefu-badge]").count()).toBe(0);
    await page.close();
  });

  it("actions copy the filled 催付 script, the 核对地址 script and a stamped memo", async () => {
    const page = await open("/taobao/trade-platform/tp/sold/");
    await settled(page, 15);
    const unpaid = "4012873365518293747";
    const order = stored.find((o) => o.id === unpaid);
    await page.locator(`[data-kefu-badge][data-kefu-order-id="${unpaid}"] >> button`).click();
    const panel = page.locator('[data-kefu="order-panel"]');
    await expect.poll(() => panel.getAttribute("data-order-id")).toBe(unpaid);
    expect(
      await panel.locator("[data-kefu-rule]").evaluateAll((els) => els.map((e) => e.getAttribute("data-kefu-rule"))),
    ).toEqual(["unpaid-reminder"]);

    await panel.locator('[data-kefu-action="script:催付"]').click();
    const copied = page.locator('[data-kefu="copied-text"]');
    await expect.poll(() => copied.inputValue()).toContain(order?.items[0]?.title ?? "?");
    const script = await copied.inputValue();
    expect(script).not.toMatch(/[{}]/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(script);

    await panel.locator('[data-kefu-action="script:核对地址"]').click();
    await expect.poll(() => copied.inputValue()).toContain(order?.receiver.address ?? "?");
    expect(await copied.inputValue()).toContain(unpaid);

    await panel.locator('[data-kefu-action="memo"]').click();
    await expect.poll(() => copied.inputValue()).toMatch(/^【未发货】已核对：待催付 客服\/2026-11-23$/);
    expect(await panel.locator('[data-kefu-action="memo"]').textContent()).toContain("紫旗");
    await page.screenshot({ path: join(OUTPUT_DIR, "order-overlay-actions.png") });
    publishScreenshot(join(OUTPUT_DIR, "order-overlay-actions.png"), "order-overlay.png");
    await page.keyboard.press("Escape");
    await expect.poll(() => panel.count()).toBe(0);
    // The summary walks through the orders that need action, in page order.
    const next = page.locator('[data-kefu-action="next-order"]');
    await next.click();
    const firstFlagged = Object.keys(expectedFor(idsOf("taobao", 1, 15)))[0];
    await expect.poll(() => panel.getAttribute("data-order-id")).toBe(firstFlagged);
    await next.click();
    await expect.poll(() => panel.getAttribute("data-order-id")).not.toBe(firstFlagged);
    // A click elsewhere on the page closes the panel.
    await page.mouse.click(5, 5);
    await expect.poll(() => panel.count()).toBe(0);
    await page.close();
  });

  it("starts with the team's settings the wake script asked for at document_start (no second question)", async () => {
    // The background is running (earlier tests): the wake's answer is back long before the content script starts at
    // document_idle, and the content script (same isolated world) takes it instead of asking again.
    const page = await open("/taobao/trade-platform/tp/sold/");
    await settled(page, 15);
    const marks = await page.evaluate(() => ({
      fromWake: performance.getEntriesByName("kefu:overlay:settings-from-wake").length,
      // Nothing of the wake's is left for the page: its global lives in the extension's isolated world.
      pageSeesWake: "kefuWake" in globalThis,
    }));
    expect(marks).toEqual({ fromWake: 1, pageSeesWake: false });
    await page.close();
  });

  it("posts nothing into the seller page (WXT's start message would hand page scripts the extension's id)", async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      const posted: unknown[] = [];
      Object.defineProperty(window, "__posted", { value: posted });
      window.addEventListener("message", (event) => posted.push(event.data));
    });
    await page.goto(new URL(`/taobao/trade-platform/tp/sold/?now=${encodeURIComponent(NOW)}`, demo.url).href);
    await settled(page, 15);
    expect(await page.locator("[data-kefu-badge]").count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted)).toEqual([]);
    await page.close();
  });

  it("shows hostile order text literally and runs none of it", async () => {
    const page = await open("/douyin/ffa/morder/order/list/", "");
    await settled(page, 5);
    await page.locator(".auxo-pagination-item:text-is('3')").click();
    const hostile = "6938105729348716211";
    await page.locator(`[data-kefu-badge][data-kefu-order-id="${hostile}"] >> button`).click();
    const message = page.locator('[data-kefu="order-panel"] [data-kefu-rule="message-keyword"] .msg');
    await expect.poll(() => message.textContent()).toContain("<b>加急</b>");
    expect(await message.locator("b, svg, img, script").count()).toBe(0);
    await page.screenshot({ path: join(OUTPUT_DIR, "order-overlay-hostile.png") });
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it("a seller page that starts loading wakes a stopped background and warms its order checks", async () => {
    const control = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(control);
    const statuses: { status: string; at: number }[] = [];
    cdp.on("ServiceWorker.workerVersionUpdated", ({ versions }) => {
      for (const version of versions)
        statuses.push({ status: `${version.runningStatus} ${version.status}`, at: Date.now() });
    });
    await cdp.send("ServiceWorker.enable");
    // Installed first (stopped while a browser just launched still installs it, the worker is dropped), then
    // stopped, as Chrome does after 30 s idle (it may have done so already): the first page after a pause finds it so.
    await expect.poll(() => statuses.at(-1)?.status.endsWith(" activated"), { timeout: 10_000 }).toBe(true);
    if (statuses.at(-1)?.status !== "stopped activated") {
      const stoppedFrom = statuses.length;
      await cdp.send("ServiceWorker.stopAllWorkers");
      await expect
        .poll(() => statuses.slice(stoppedFrom).some((s) => s.status === "stopped activated"), { timeout: 10_000 })
        .toBe(true);
    }
    const since = statuses.length;
    // 500 rows take the page a while to render: without the wake, the worker would start only once the content
    // script asks for the team's settings, after that. (Node's clock when the event arrives: never early.)
    const page = await open("/taobao/trade-platform/tp/sold/", "&count=500&delay=0");
    await settled(page, 500);
    const contentStartedAt = await page.evaluate(
      () => performance.timeOrigin + (performance.getEntriesByName("kefu:content:start")[0]?.startTime ?? Number.NaN),
    );
    const wokenAt = statuses.slice(since).find((s) => s.status.startsWith("starting"))?.at;
    expect(wokenAt).toBeLessThan(contentStartedAt);
    // And it was the wake's own question that warmed the checks in this worker's life (nothing else asks it): asked
    // again now, there is nothing left to warm.
    const extensionPage = await browser.openExtensionPage("popup.html");
    const again = await extensionPage.evaluate(() =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({ kefu: "orders.warm", payload: {} }),
    );
    expect(again).toEqual({ ok: true, value: { ms: 0, orders: 0 } });
    await extensionPage.close();
    await page.close();
    await cdp.detach();
    await control.close();
  });
});
