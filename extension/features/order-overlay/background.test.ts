/**
 * The overlay's background handlers over the store's storage (WXT fake browser): team settings with a broken
 * team profile, single-order checks, and team scripts by quick code, title or tag.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { Order } from "../../../shared/model.ts";
import type { Phrase } from "../../../shared/phrases/schema.ts";
import { BUILTIN_PROFILES } from "../../../shared/profiles/builtin.ts";
import { connectionItem, libraryItem } from "../../store/state.ts";
import { createOrderOverlayHandlers } from "./background.ts";

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
  await connectionItem.setValue({
    workerUrl: "http://127.0.0.1:1",
    token: "t",
    connectedAt: 1,
    me: { teamId: "t1", shopName: "南极潮服", tokenId: "k1", agentId: "a1", name: "meimei", role: "agent" },
  });
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
    const order: Order = {
      id: "1",
      platform: "taobao",
      status: "paid",
      buyer: "b",
      items: [{ title: "t", skuProps: {}, quantity: 1, price: 150 }],
      total: 150,
      receiver: { name: "周明", phone: "13812345678", address: "北京市 北京市 海淀区 中关村大街27号" },
    };
    const { warnings } = await createOrderOverlayHandlers()["orders.check"]({
      orders: [order, { ...order, id: "2", receiver: { name: "", phone: "", address: "" } }],
      nowMs: Date.parse("2026-11-23T08:00:00Z"),
    });
    expect(warnings[0]?.map((w) => w.rule)).toEqual(["high-value"]);
    expect(warnings[1]?.map((w) => w.rule)).toEqual(expect.arrayContaining(["missing-receiver", "missing-phone"]));
  });

  it("phrases.byCode: code, then title, then tag; team phrases first", async () => {
    const { phrases } = await createOrderOverlayHandlers()["phrases.byCode"]({ codes: ["催付", "核对地址", "无"] });
    expect(phrases).toEqual({ 催付: "团队催付：{商品}", 核对地址: "核对：{收货地址}" });
  });
});
