/**
 * The overlay's background handlers over the store's storage (WXT fake browser): team settings with a broken
 * team profile, single-order checks, and team scripts by quick code, title or tag.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { digest53 } from "../../../shared/hash.ts";
import type { Order } from "../../../shared/model.ts";
import { emptyLibrary } from "../../../shared/phrases/merge.ts";
import { defaultTeamSettings, type Phrase } from "../../../shared/phrases/schema.ts";
import { BUILTIN_PROFILES } from "../../../shared/profiles/builtin.ts";
import type { SiteProfile } from "../../../shared/profiles/schema.ts";
import { rowNormalizers } from "../../sites/extract.ts";
import { saveTeamSettings } from "../../store/settings-edits.ts";
import { connectionItem, libraryItem } from "../../store/state.ts";
import { buildRows, createOrderOverlayHandlers } from "./background.ts";
import { WARM_ROWS } from "./warm.ts";

const phrase = (id: string, code: string, content: string, extra: Partial<Phrase> = {}): Phrase => ({
  id,
  code,
  content,
  groupId: "g1",
  tags: [],
  scope: "team",
  updatedBy: "a1",
  updatedAt: 1,
  rev: 1,
  ...extra,
});

const NOW_MS = Date.parse("2026-11-23T08:00:00Z");
const ADDRESS = "北京市 北京市 海淀区 中关村大街27号";
/** A paid 150 元 order with a full receiver: only the amount rules can flag it. */
const paidOrder: Order = {
  id: "1",
  platform: "taobao",
  status: "paid",
  buyer: "b",
  items: [{ title: "t", skuProps: {}, quantity: 1, price: 150 }],
  total: 150,
  receiver: { name: "周明", phone: "13812345678", address: ADDRESS },
};
const taobaoSold = BUILTIN_PROFILES.find((p) => p.id === "taobao-sold") as SiteProfile;

const connectAs = (role: "admin" | "agent", shopName: string, name: string) =>
  connectionItem.setValue({
    workerUrl: "http://127.0.0.1:1",
    token: "t",
    connectedAt: 1,
    me: { teamId: "t1", shopName, tokenId: "k1", agentId: "a1", name, role },
  });

beforeEach(async () => {
  fakeBrowser.reset();
  libraryItem.dropCache();
  const broken = { ...BUILTIN_PROFILES[0], rows: { selector: "" } };
  const fixedPdd = { ...BUILTIN_PROFILES.find((p) => p.id === "pinduoduo-list"), label: "团队修正版" };
  await libraryItem.setValue({
    rev: 3,
    settingsRev: 2,
    groups: {},
    phrases: {
      p1: phrase("p1", "cf", "团队催付：{商品}", { title: "催付" }),
      p2: phrase("p2", "催付", "个人催付", { scope: "personal", ownerId: "a1" }),
      p3: phrase("p3", "hd", "核对：{收货地址}", { tags: ["核对地址"] }),
    },
    settings: {
      shopName: "南极潮服",
      agents: { a1: "小美" },
      orderRules: { highValueTotal: 100 },
      lint: {},
      reviewTemplates: {},
      siteProfiles: { profiles: { "taobao-sold": broken, "pinduoduo-list": fixedPdd } },
    },
  });
  await connectAs("agent", "南极潮服", "meimei");
});

describe("order overlay background handlers", () => {
  it("getTeamSettings: parsed rules, team profiles over built-ins, broken ones replaced and reported", async () => {
    const settings = await createOrderOverlayHandlers().getTeamSettings({});
    expect(settings.orderRules.highValueTotal).toBe(100);
    expect(settings.orderRules.shipDueSoonHours).toBe(6); // defaults filled in
    expect(settings.agentName).toBe("小美");
    expect(settings.shopName).toBe("南极潮服");
    expect(settings.siteProfiles.find((p) => p.id === "taobao-sold")).toEqual(BUILTIN_PROFILES[0]);
    expect(settings.siteProfiles.find((p) => p.id === "pinduoduo-list")?.label).toBe("团队修正版");
    expect(settings.siteProfileProblems).toHaveLength(1);
    expect(settings.siteProfileProblems[0]).toContain("taobao-sold");
  });

  it("orders.check: single-order warnings per order, with the team's thresholds", async () => {
    const order = paidOrder;
    const { warnings } = await createOrderOverlayHandlers()["orders.check"]({
      orders: [order, { ...order, id: "2", receiver: { name: "", phone: "", address: "" } }],
      nowMs: NOW_MS,
    });
    expect(warnings[0]?.map((w) => w.rule)).toEqual(["high-value"]);
    expect(warnings[1]?.map((w) => w.rule)).toEqual(expect.arrayContaining(["missing-receiver", "missing-phone"]));
  });

  it("an admin's queued settings edit applies at once, before the Worker accepts it (settings, checks, rows)", async () => {
    await libraryItem.setValue({ ...emptyLibrary(), settings: defaultTeamSettings("小美的店") });
    await connectAs("admin", "小美的店", "lead");
    const handlers = createOrderOverlayHandlers();
    const order = paidOrder;
    const nowMs = NOW_MS;
    const rulesOf = async () =>
      (await handlers["orders.check"]({ orders: [order], nowMs })).warnings[0]?.map((w) => w.rule);
    expect(await rulesOf()).not.toContain("high-value");
    await saveTeamSettings({ orderRules: { highValueTotal: 100 }, shopName: "新店名" });
    expect((await handlers.getTeamSettings({})).orderRules.highValueTotal).toBe(100);
    expect((await handlers.getTeamSettings({})).shopName).toBe("新店名");
    expect(await rulesOf()).toContain("high-value");
    // Rows read off the page follow the queued edit too, and a second edit replaces the first.
    const profile = taobaoSold;
    const row = {
      fields: { id: "9", status: "等待卖家发货", buyer: "b", total: "¥150.00", receiverName: "周明" },
      items: [{ title: "t", price: "¥150.00", quantity: "1" }],
    };
    const checkRow = async () =>
      (
        await handlers["orders.checkRows"]({
          rows: [row],
          normalizers: rowNormalizers(profile),
          platform: "taobao",
          nowMs,
        })
      ).warnings[0]?.map((w) => w.rule);
    expect(await checkRow()).toContain("high-value");
    await saveTeamSettings({ orderRules: { highValueTotal: 1000 } });
    expect(await checkRow()).not.toContain("high-value");
    expect(await rulesOf()).not.toContain("high-value");
  });

  it("phrases.byCode: code, then title, then tag; team phrases first", async () => {
    const { phrases } = await createOrderOverlayHandlers()["phrases.byCode"]({ codes: ["催付", "核对地址", "无"] });
    expect(phrases).toEqual({ 催付: "团队催付：{商品}", 核对地址: "核对：{收货地址}" });
  });

  it("orders.checkRows: raw rows normalised with the profile's normalisers, then checked; junk rows give null", async () => {
    const profile = taobaoSold;
    const row = {
      fields: {
        id: "4012873365518293742",
        status: "买家已付款",
        buyer: "tb_<script>alert(1)</script>",
        total: "¥1,299.00",
        receiverName: "周明",
        receiverPhone: "",
        receiverAddress: ADDRESS,
        createdAt: "创建时间：2026-11-23 11:55:00",
        shipDeadline: "发货剩余43小时56分",
      },
      items: [{ title: "卫衣", skuProps: "颜色分类：藏青;尺码：XXL", price: "¥1,299.00", quantity: "1" }],
    };
    const nowMs = NOW_MS;
    const rows = [row, "junk" as never, { fields: {}, items: [] }];
    const { keys, warnings } = await createOrderOverlayHandlers()["orders.checkRows"]({
      rows,
      normalizers: rowNormalizers(profile),
      platform: "taobao",
      nowMs,
    });
    // The answer carries the cross keys (not the order; receiver and items only as digests of their comparison
    // keys); the order itself is what buildRows makes of the row.
    expect(keys[0]).toEqual({
      id: "4012873365518293742",
      buyer: "tb_<script>alert(1)</script>",
      status: "paid",
      shipTo: digest53("2:周明北京市北京市海淀区中关村大街27号"),
      created: Date.parse("2026-11-23T03:55:00.000Z"),
      items: digest53("卫衣|尺码=XXL;颜色分类=藏青|1"),
    });
    const orders = buildRows(rows, rowNormalizers(profile), "taobao", nowMs);
    expect(orders[0]).toMatchObject({
      id: "4012873365518293742",
      status: "paid",
      buyer: "tb_<script>alert(1)</script>", // text stays text
      total: 1299,
      items: [{ title: "卫衣", skuProps: { 颜色分类: "藏青", 尺码: "XXL" }, quantity: 1, price: 1299 }],
      createdAt: "2026-11-23T03:55:00.000Z",
      shipDeadline: new Date(nowMs + (43 * 60 + 56) * 60_000).toISOString(),
    });
    expect(warnings[0]?.map((w) => w.rule)).toEqual(expect.arrayContaining(["missing-phone", "high-value"]));
    expect(orders.slice(1)).toEqual([null, null]); // not an object; no order id
    expect(keys.slice(1)).toEqual([null, null]);
    expect(warnings.slice(1)).toEqual([[], []]);
    await expect(
      createOrderOverlayHandlers()["orders.checkRows"]({
        rows: [],
        normalizers: null as never,
        platform: "taobao",
        nowMs,
      }),
    ).rejects.toThrow("normalizers");
  });

  it("orders.warm: the sample rows go the whole way (built, checked, flagged); once per worker, then a no-op", async () => {
    const handlers = createOrderOverlayHandlers();
    // The sample must keep exercising the rules' parsing paths: both rows make orders, the rules find what they show.
    const checked = await handlers["orders.checkRows"]({
      rows: WARM_ROWS,
      normalizers: rowNormalizers(taobaoSold),
      platform: "taobao",
      nowMs: NOW_MS,
    });
    expect(checked.keys.every((k) => k !== null)).toBe(true);
    const rules = checked.warnings.map((list) => list.map((w) => w.rule));
    expect(rules[0]).toEqual(expect.arrayContaining(["memo-sku-conflict", "message-keyword"]));
    expect(rules[1]).toEqual(expect.arrayContaining(["address-incomplete", "phone-masked", "unpaid-reminder"]));
    const first = await handlers["orders.warm"]({});
    expect(first.orders).toBe(2);
    expect(first.ms).toBeGreaterThan(0);
    expect(await handlers["orders.warm"]({})).toEqual({ ms: 0, orders: 0 });
    // A new worker (new handlers) warms again.
    expect((await createOrderOverlayHandlers()["orders.warm"]({})).orders).toBe(2);
  });

  it("orders.fromJson: orders from a page response through the profile's json section; not JSON → none", async () => {
    const jd = BUILTIN_PROFILES.find((p) => p.id === "jd-list");
    if (!jd?.json) throw new Error("no jd-list json profile");
    const body = {
      result: {
        orderList: [
          {
            id: "301",
            statusText: "等待出库",
            buyer: "jd_a",
            total: 88,
            items: [{ title: "鞋", price: 88, quantity: 1 }],
          },
          { statusText: "no id" },
        ],
      },
    };
    const fromJson = createOrderOverlayHandlers()["orders.fromJson"];
    const { orders } = await fromJson({ text: JSON.stringify(body), json: jd.json, platform: "jd", nowMs: 0 });
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ id: "301", platform: "jd", status: "paid", buyer: "jd_a", total: 88 });
    expect((await fromJson({ text: "<html>", json: jd.json, platform: "jd", nowMs: 0 })).orders).toEqual([]);
    await expect(fromJson({ text: 5 as never, json: jd.json, platform: "jd", nowMs: 0 })).rejects.toThrow("string");
  });

  it("orders.actions: the team's 催付 phrase filled with the order, 核对地址, a memo stamped with the agent", async () => {
    const order: Order = {
      id: "7",
      platform: "taobao",
      status: "unpaid",
      buyer: "b",
      items: [{ title: "帆布鞋", skuProps: {}, quantity: 1, price: 69 }],
      total: 69,
      receiver: { name: "周明", phone: "13812345678", address: ADDRESS },
    };
    const nowMs = NOW_MS;
    const { actions } = await createOrderOverlayHandlers()["orders.actions"]({
      source: { order },
      warnings: [],
      nowMs,
    });
    expect(actions.map((a) => a.id)).toEqual(["script:催付", "script:核对地址", "memo"]);
    expect(actions[0]?.text).toBe("团队催付：帆布鞋");
    expect(actions[1]?.text).toBe(`核对：${ADDRESS}`);
    expect(actions[2]?.label).toBe("复制备注（紫旗）");
    expect(actions[2]?.text).toContain("小美/2026-11-23");
    // A DOM row travels as its raw strings: the background builds the order the same way checkRows does.
    const fromRow = await createOrderOverlayHandlers()["orders.actions"]({
      source: {
        raw: {
          fields: {
            id: "7",
            status: "等待买家付款",
            buyer: "b",
            receiverName: "周明",
            receiverAddress: ADDRESS,
          },
          items: [{ title: "帆布鞋", price: "¥69.00", quantity: "1" }],
        },
        normalizers: rowNormalizers(taobaoSold),
        platform: "taobao",
      },
      warnings: [],
      nowMs,
    });
    expect(fromRow.actions.map((a) => a.text).slice(0, 2)).toEqual(actions.map((a) => a.text).slice(0, 2));
    const normalizers = rowNormalizers(taobaoSold);
    const unusable = [null, { raw: "junk" }, { raw: { fields: {}, items: [] }, normalizers, platform: "taobao" }];
    for (const source of unusable) {
      await expect(
        createOrderOverlayHandlers()["orders.actions"]({ source: source as never, warnings: [], nowMs }),
      ).rejects.toThrow("order");
    }
  });
});
