/**
 * The row tracker on the 千牛 sold-list snapshot (happy-dom): one badge per flagged row next to the order id,
 * nothing re-read or re-checked when nothing changed, only touched rows re-checked, clones and removed rows
 * handled, cross-order rules kept in step, everything removed on destroy.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import type { Order } from "../../../shared/model.ts";
import { checkOrder, compileContext, crossKeysOf, DEFAULT_ORDER_RULE_SETTINGS } from "../../../shared/orders/index.ts";
import type { OrderWarning } from "../../../shared/orders/types.ts";
import { BUILTIN_PROFILES } from "../../../shared/profiles/builtin.ts";
import type { RawOrder } from "../../../shared/profiles/order.ts";
import type { SiteProfile } from "../../../shared/profiles/schema.ts";
import { extractRawRow, rowNormalizers } from "../../sites/extract.ts";
import { buildRows } from "./background.ts";
import { BADGE_ATTR } from "./badges.ts";
import { createTracker, type Tracker } from "./tracker.ts";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const NOW = Date.parse("2026-11-23T08:00:00.000Z");
const profile = BUILTIN_PROFILES.find((p) => p.id === "taobao-sold") as SiteProfile;
const html = readFileSync(join(ROOT, "test/fixtures/demo-taobao-sold.html"), "utf8").replace(/<link\b[^>]*>/g, "");

let checked: string[][];
let sentRows: RawOrder[];
let opened: string[];
let tracker: Tracker;

/** Stands in for the background: the real single-order checks, recording which orders were sent. */
function checkedOrders(orders: Order[], nowMs: number): OrderWarning[][] {
  checked.push(orders.map((o) => o.id));
  const ctx = compileContext(DEFAULT_ORDER_RULE_SETTINGS, nowMs);
  return orders.map((o) => checkOrder(o, ctx));
}
async function checkSingle(orders: Order[], nowMs: number) {
  return { warnings: checkedOrders(orders, nowMs), keys: orders.map(crossKeysOf) };
}

/** Stands in for the background's raw-row path: the real normalisers, then the same checks. */
async function checkRows(rows: RawOrder[], nowMs: number) {
  sentRows.push(...rows);
  const orders = buildRows(rows, rowNormalizers(profile), profile.platform, nowMs);
  const valid = orders.filter((o) => o !== null);
  const warnings = checkedOrders(valid, nowMs);
  let next = 0;
  return {
    keys: orders.map((o) => (o ? crossKeysOf(o) : null)),
    warnings: orders.map((o) => (o ? (warnings[next++] ?? []) : [])),
  };
}

const rowOf = (id: string) =>
  [...document.querySelectorAll("tbody.next-table-body")].find((b) => b.textContent?.includes(id)) as Element;
const badgeMap = () =>
  Object.fromEntries(
    [...document.querySelectorAll<HTMLElement>(`[${BADGE_ATTR}]`)].map((b) => [
      b.dataset.kefuOrderId,
      b.dataset.kefuRules,
    ]),
  );

beforeEach(() => {
  document.open();
  document.write(html);
  document.close();
  checked = [];
  sentRows = [];
  opened = [];
  tracker = createTracker({
    profile,
    settings: DEFAULT_ORDER_RULE_SETTINGS,
    now: () => NOW,
    checkSingle,
    checkRows,
    onOpen: (id) => opened.push(id),
  });
});

describe("order row tracker", () => {
  it("reads only what the rules read: not the memo flag or the shipping fee", async () => {
    await tracker.scan();
    expect(sentRows).toHaveLength(15);
    // The page has both (the phrase picker's full read finds them), the tracker leaves them.
    const full = [...document.querySelectorAll("tbody.next-table-body")].map((row) => extractRawRow(row, profile));
    expect(full.filter((raw) => raw.fields.flag !== undefined).length).toBeGreaterThan(0);
    expect(full.filter((raw) => raw.fields.shippingFee !== undefined).length).toBeGreaterThan(0);
    for (const raw of sentRows) {
      expect(raw.fields).not.toHaveProperty("flag");
      expect(raw.fields).not.toHaveProperty("shippingFee");
    }
    expect(sentRows.filter((raw) => raw.fields.buyerMessage !== undefined).length).toBeGreaterThan(0);
  });

  it("badges every flagged row once, next to its order id, with the rule ids", async () => {
    const stats = await tracker.scan();
    expect(stats).toMatchObject({ rows: 15, changed: 15, removed: 0 });
    const badges = badgeMap();
    expect(badges["4012873365518293742"]).toBe("missing-phone");
    expect(badges["4012873365518293751"]).toBe("mergeable");
    expect(badges["4012873365518293752"]).toBe("mergeable");
    expect(badges["4012873365518293741"]).toBeUndefined(); // clean order: no badge
    for (const badge of document.querySelectorAll<HTMLElement>(`[${BADGE_ATTR}]`)) {
      expect(badge.previousElementSibling?.classList.contains("order-no")).toBe(true);
      expect(badge.shadowRoot?.querySelector("button")?.textContent).toMatch(/\d/);
    }
    // Clicking a badge asks to open that order's panel.
    document
      .querySelector<HTMLElement>(`[data-kefu-order-id="4012873365518293742"]`)
      ?.shadowRoot?.querySelector("button")
      ?.click();
    expect(opened).toEqual(["4012873365518293742"]);
  });

  it("re-reads and re-checks nothing when nothing changed", async () => {
    await tracker.scan();
    expect(tracker.fillSignatures(() => true)).toBe(true); // the page was idle
    const before = badgeMap();
    checked = [];
    const stats = await tracker.scan();
    expect(stats.changed).toBe(0);
    expect(checked).toEqual([]);
    expect(badgeMap()).toEqual(before);
    expect(document.querySelectorAll(`[${BADGE_ATTR}]`)).toHaveLength(Object.keys(before).length);
  });

  it("leaves first-seen rows' signatures for idle time: until then a scan re-reads them, after it nothing", async () => {
    await tracker.scan();
    checked = [];
    // Not signed yet: every row is read and checked again (right, only slower).
    expect((await tracker.scan()).changed).toBe(15);
    expect(checked.flat()).toHaveLength(15);
    // Idle time runs out after two rows: the rest wait for the next idle period.
    let budget = 2;
    expect(tracker.fillSignatures(() => budget-- > 0)).toBe(false);
    checked = [];
    expect((await tracker.scan()).changed).toBe(13);
    expect(tracker.fillSignatures(() => true)).toBe(true);
    checked = [];
    expect((await tracker.scan()).changed).toBe(0);
    expect(checked).toEqual([]);
  });

  it("a row edited before its signature was taken is re-read, and its new text is what gets signed", async () => {
    await tracker.scan();
    const row = rowOf("4012873365518293741");
    const msg = row.querySelector(".buyer-msg") as Element;
    msg.textContent = "麻烦发顺丰";
    checked = [];
    await tracker.scan(tracker.rowsOf([msg.firstChild as Node]) ?? undefined);
    expect(checked).toEqual([["4012873365518293741"]]);
    expect(badgeMap()["4012873365518293741"]).toBe("message-keyword");
    tracker.fillSignatures(() => true);
    checked = [];
    expect((await tracker.scan()).changed).toBe(0);
    expect(badgeMap()["4012873365518293741"]).toBe("message-keyword");
  });

  it("re-checks only a row whose text changed, also as a targeted scan", async () => {
    await tracker.scan();
    checked = [];
    const row = rowOf("4012873365518293741");
    const msg = row.querySelector(".buyer-msg") as Element;
    msg.textContent = "麻烦发顺丰";
    const rows = tracker.rowsOf([msg.firstChild as Node]);
    expect(rows && [...rows]).toEqual([row]);
    const stats = await tracker.scan(rows ?? undefined);
    expect(stats.changed).toBe(1);
    expect(checked).toEqual([["4012873365518293741"]]);
    expect(badgeMap()["4012873365518293741"]).toBe("message-keyword");
    // Outside any row (the list itself re-rendered): the caller must scan everything.
    expect(tracker.rowsOf([document.getElementById("sold-root") as Node])).toBeNull();
  });

  it("a row re-rendered as a new element keeps one badge and reuses its result; removed rows lose theirs", async () => {
    await tracker.scan();
    tracker.fillSignatures(() => true);
    checked = [];
    const row = rowOf("4012873365518293742");
    const clone = row.cloneNode(true) as Element; // carries a copy of our badge host, without its shadow root
    row.replaceWith(clone);
    await tracker.scan();
    expect(checked).toEqual([]);
    expect(clone.querySelectorAll(`[${BADGE_ATTR}]`)).toHaveLength(1);
    expect(clone.querySelector<HTMLElement>(`[${BADGE_ATTR}]`)?.shadowRoot).not.toBeNull();
    clone.remove();
    const stats = await tracker.scan();
    expect(stats.removed).toBe(1);
    expect(badgeMap()["4012873365518293742"]).toBeUndefined();
  });

  it("keeps cross-order rules in step: an edited address ends the mergeable pair on both rows", async () => {
    await tracker.scan();
    const row = rowOf("4012873365518293752");
    const address = row.querySelector(".receiver-address") as Element;
    address.textContent = "江苏省 南京市 玄武区 中山路1号";
    await tracker.scan(tracker.rowsOf([address]) ?? undefined);
    const badges = badgeMap();
    expect(badges["4012873365518293751"]).toBeUndefined();
    expect(badges["4012873365518293752"]).toBeUndefined();
  });

  it("destroy removes every badge", async () => {
    await tracker.scan();
    tracker.destroy();
    expect(document.querySelectorAll(`[${BADGE_ATTR}]`)).toHaveLength(0);
  });

  it("a row part re-rendered with a copy of our badge keeps exactly one live badge (targeted scan)", async () => {
    await tracker.scan();
    tracker.fillSignatures(() => true);
    const row = rowOf("4012873365518293742");
    const header = row.querySelector(".next-table-group-header") as Element;
    const copy = header.cloneNode(true) as Element; // the app re-renders the header from its own copy of the DOM
    header.replaceWith(copy);
    expect(row.querySelectorAll(`[${BADGE_ATTR}]`)).toHaveLength(1); // a dead copy: no shadow root
    checked = [];
    const rows = tracker.rowsOf([copy]);
    await tracker.scan(rows ?? undefined);
    expect(checked).toEqual([]); // same text: nothing re-checked
    const badges = row.querySelectorAll<HTMLElement>(`[${BADGE_ATTR}]`);
    expect(badges).toHaveLength(1);
    expect(badges[0]?.shadowRoot?.querySelector("button")).not.toBeNull();
    expect(badges[0]?.previousElementSibling?.classList.contains("order-no")).toBe(true);
  });

  it("a badge copy the page moved outside every row is swept by the next full scan", async () => {
    await tracker.scan();
    const before = badgeMap();
    const stray = document.querySelector(`[${BADGE_ATTR}]`)?.cloneNode(true) as Element;
    document.body.append(stray);
    await tracker.scan();
    expect(stray.isConnected).toBe(false);
    expect(badgeMap()).toEqual(before);
  });

  it("a long list goes to the background in chunks that shrink towards the end, each row once", async () => {
    const body = document.querySelector("tbody.next-table-body") as Element;
    for (let i = 0; i < 485; i++) {
      const copy = body.cloneNode(true) as Element;
      const id = copy.querySelector("[class*=orderId]") as Element;
      id.textContent = String(9000000000 + i);
      body.parentElement?.append(copy);
    }
    const stats = await tracker.scan();
    expect(stats).toMatchObject({ rows: 500, changed: 500 });
    const sizes = checked.map((batch) => batch.length);
    expect(new Set(checked.flat()).size).toBe(500);
    // The background starts after 125 rows; the largest chunk is next; little is left after the last row.
    expect(sizes).toEqual([125, 188, 94, 75, 18]);
  });
});
