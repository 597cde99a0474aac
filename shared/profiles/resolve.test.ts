import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { BUILTIN_PROFILES } from "./builtin.ts";
import { ordersFromJson } from "./order.ts";
import { parseSiteProfile, profileForUrl, resolveProfiles } from "./resolve.ts";
import { SiteProfileSchema } from "./schema.ts";

const builtin = (id: string) => BUILTIN_PROFILES.find((p) => p.id === id);

describe("resolveProfiles", () => {
  it("uses the built-ins when the team has none", () => {
    const { profiles, problems } = resolveProfiles(undefined);
    expect(profiles.map((p) => p.id)).toEqual(BUILTIN_PROFILES.map((p) => p.id));
    expect(problems).toEqual([]);
  });

  it("every built-in profile passes its own schema", () => {
    for (const p of BUILTIN_PROFILES) expect(v.safeParse(SiteProfileSchema, p).success, p.id).toBe(true);
  });

  it("a team profile overrides the built-in one with the same id", () => {
    const fixed = { ...builtin("pinduoduo-list"), rows: { selector: "tr.order", id: { selector: ".sn" } } };
    const { profiles, problems } = resolveProfiles({ profiles: { "pinduoduo-list": fixed } });
    expect(problems).toEqual([]);
    expect(profiles.find((p) => p.id === "pinduoduo-list")?.rows.selector).toBe("tr.order");
    expect(profiles).toHaveLength(BUILTIN_PROFILES.length);
  });

  it("adds new team profiles and drops disabled ones", () => {
    const extra = { ...builtin("taobao-sold"), id: "tmall-sold", urls: ["^myseller\\.tmall\\.com/sold"] };
    const { profiles } = resolveProfiles({ profiles: { "tmall-sold": extra }, disabled: ["jd-list"] });
    expect(profiles.map((p) => p.id)).toContain("tmall-sold");
    expect(profiles.map((p) => p.id)).not.toContain("jd-list");
    expect(profileForUrl(profiles, "https://myseller.tmall.com/sold")?.id).toBe("tmall-sold");
  });

  it("a broken team profile falls back to the built-in and says why", () => {
    const broken = { ...builtin("taobao-sold"), urls: ["(unclosed"], rows: { selector: "" } };
    const { profiles, problems } = resolveProfiles({ profiles: { "taobao-sold": broken, "x-y": "nonsense" } });
    expect(profiles.find((p) => p.id === "taobao-sold")).toBe(builtin("taobao-sold"));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain("taobao-sold");
    expect(problems[0]).toMatch(/urls|rows/);
  });

  it("a key that differs from the profile id is ignored", () => {
    const { problems } = resolveProfiles({ profiles: { other: builtin("jd-list") } });
    expect(problems[0]).toContain("other");
  });

  it("an invalid section keeps every built-in", () => {
    const { profiles, problems } = resolveProfiles({ profiles: [1, 2] });
    expect(profiles).toHaveLength(BUILTIN_PROFILES.length);
    expect(problems).toHaveLength(1);
  });

  it("a URL pattern that does not compile matches nothing, and the profile's other patterns still match", () => {
    const handMade = { ...builtin("taobao-sold"), id: "hand-made", urls: ["(unclosed", "^crm\\.example\\.com/orders"] };
    const profiles = [handMade as NonNullable<ReturnType<typeof builtin>>];
    expect(profileForUrl(profiles, "https://crm.example.com/orders/1")?.id).toBe("hand-made");
    expect(profileForUrl(profiles, "https://crm.example.com/(unclosed")).toBeUndefined();
    expect(profileForUrl(profiles, "not a url")).toBeUndefined();
  });

  it("parseSiteProfile names bad fields", () => {
    expect(() => parseSiteProfile({ id: "BAD ID", platform: "ebay", urls: [] })).toThrow(/id|platform|urls/);
  });
});

describe("ordersFromJson (untrusted bodies)", () => {
  const jd = builtin("jd-list");
  if (!jd) throw new Error("jd-list missing");
  const env = { nowMs: Date.parse("2026-11-23T08:00:00Z") };

  it("skips bodies and entries that do not fit", () => {
    expect(ordersFromJson(null, jd, env)).toEqual([]);
    expect(ordersFromJson({ result: { orderList: "x" } }, jd, env)).toEqual([]);
    expect(ordersFromJson({ result: { orderList: [null, 5, { noId: true }] } }, jd, env)).toEqual([]);
  });

  it("does not follow prototype paths", () => {
    const body = JSON.parse('{"result":{"orderList":[{"id":"1","__proto__":{"buyer":"polluted"},"items":[]}]}}');
    const [order] = ordersFromJson(body, jd, env);
    expect(order?.id).toBe("1");
    expect(order?.buyer).toBe("");
    expect(({} as Record<string, unknown>).buyer).toBeUndefined();
  });

  it("keeps hostile strings as text and numbers as numbers", () => {
    const body = {
      result: {
        orderList: [
          {
            id: 305812347761,
            statusText: "等待出库",
            buyer: "<script>alert(1)</script>",
            total: "¥1,299.00",
            receiver: { name: "周明", phone: "138****6621", address: "北京 北京市 海淀区" },
            items: [{ title: '"><svg onload=alert(1)>', skuProps: { 颜色: "白" }, quantity: 2, price: 649.5 }],
          },
        ],
      },
    };
    const [order] = ordersFromJson(body, jd, env);
    expect(order).toMatchObject({
      id: "305812347761",
      status: "paid",
      buyer: "<script>alert(1)</script>",
      total: 1299,
      items: [{ title: '"><svg onload=alert(1)>', skuProps: { 颜色: "白" }, quantity: 2, price: 649.5 }],
    });
  });
});
