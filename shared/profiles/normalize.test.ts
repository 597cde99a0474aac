import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  NORMALIZER_NAMES,
  normalizeBool,
  normalizeCountdown,
  normalizeDateTime,
  normalizeFlagColor,
  normalizeInt,
  normalizePresale,
  normalizePrice,
  normalizeRefund,
  normalizeSkuProps,
  normalizeStatusText,
  normalizeText,
  normalizeValue,
} from "./normalize.ts";

const NOW = Date.parse("2026-11-23T08:00:00.000Z"); // 16:00 in China
const env = { nowMs: NOW };

describe("text", () => {
  it("trims, collapses whitespace and drops placeholders", () => {
    expect(normalizeText("  陈雨桐 \n ")).toBe("陈雨桐");
    expect(normalizeText("上海  上海市\t浦东新区")).toBe("上海 上海市 浦东新区");
    for (const empty of ["-", "（空）", "(空)", "--", "暂无", "", null, undefined])
      expect(normalizeText(empty)).toBe("");
  });
  it("keeps hostile markup literally", () => {
    const hostile = `<img src=x onerror=alert(1)>请尽快发货<script>alert("x")</script>`;
    expect(normalizeText(hostile)).toBe(hostile);
    expect(normalizeValue("text", `"><svg onload=alert(1)>`, env)).toBe(`"><svg onload=alert(1)>`);
  });
});

describe("price and int", () => {
  it.each([
    ["¥129.00", 129],
    ["￥39.9", 39.9],
    ["¥1,299.00", 1299],
    ["39.90元", 39.9],
    ["实收款：¥2,099.50", 2099.5],
    [" 0 ", 0],
    [19.8, 19.8],
  ])("price %s → %s", (raw, want) => expect(normalizePrice(raw)).toBe(want));
  it("price without digits is absent", () => {
    expect(normalizePrice("面议")).toBeUndefined();
    expect(normalizePrice(Number.NaN)).toBeUndefined();
    expect(normalizePrice("")).toBeUndefined();
  });
  it.each([
    ["× 2", 2],
    ["x3", 3],
    ["12件", 12],
    ["1", 1],
  ])("int %s → %s", (raw, want) => expect(normalizeInt(raw)).toBe(want));
  it("int of text without digits is absent", () => expect(normalizeInt("若干")).toBeUndefined());
});

describe("datetime (China time on the page → UTC ISO)", () => {
  it.each([
    ["2026-11-23 14:25:00", "2026-11-23T06:25:00.000Z"],
    ["创建时间：2026-11-23 14:25:00", "2026-11-23T06:25:00.000Z"],
    ["下单时间 2026/11/21 04:00", "2026-11-20T20:00:00.000Z"],
    ["2026年11月23日 09:05", "2026-11-23T01:05:00.000Z"],
    ["11-23 09:05", "2026-11-23T01:05:00.000Z"],
    ["2026-11-25 11:01:00（剩余43小时1分）", "2026-11-25T03:01:00.000Z"],
    ["2026-11-23T08:00:00.000Z", "2026-11-23T08:00:00.000Z"],
    ["2026-11-23T16:00:00+08:00", "2026-11-23T08:00:00.000Z"],
    ["1795420800", "2026-11-23T08:00:00.000Z"],
  ])("%s", (raw, want) => expect(normalizeDateTime(raw, env)).toBe(want));
  it("epoch numbers in seconds and milliseconds", () => {
    expect(normalizeDateTime(NOW, env)).toBe("2026-11-23T08:00:00.000Z");
    expect(normalizeDateTime(NOW / 1000, env)).toBe("2026-11-23T08:00:00.000Z");
  });
  it("rejects impossible dates and non-dates", () => {
    for (const bad of ["2026-13-01 10:00", "2026-11-23 25:00", "-", "订单号 4012873365518293741", "", -5]) {
      expect(normalizeDateTime(bad, env)).toBeUndefined();
    }
  });
});

describe("countdown", () => {
  it.each([
    ["发货剩余46小时26分", 46 * 60 + 26],
    ["剩余 5小时12分", 5 * 60 + 12],
    ["还剩30分钟", 30],
    ["剩余1天2小时", 26 * 60],
    ["已超时3小时5分", -(3 * 60 + 5)],
    ["发货已超时 45分钟", -45],
  ])("%s", (raw, minutes) => expect(normalizeCountdown(raw, env)).toBe(new Date(NOW + minutes * 60_000).toISOString()));
  it("falls back to a date in the text, or nothing", () => {
    expect(normalizeCountdown("最晚出库：2026-11-25 15:11:00", env)).toBe("2026-11-25T07:11:00.000Z");
    expect(normalizeCountdown("-", env)).toBeUndefined();
  });
});

describe("skuProps", () => {
  it.each([
    ["颜色分类：黑色;尺码：XL", { 颜色分类: "黑色", 尺码: "XL" }],
    ["颜色分类：白色，长度：2米", { 颜色分类: "白色", 长度: "2米" }],
    ["颜色：军绿色 / 尺码：XL", { 颜色: "军绿色", 尺码: "XL" }],
    ["颜色：白色 容量：1.2L", { 颜色: "白色", 容量: "1.2L" }],
    ["规格：50g*2瓶", { 规格: "50g*2瓶" }],
    ["颜色分类:雾霾蓝; 容量:500ml", { 颜色分类: "雾霾蓝", 容量: "500ml" }],
    ["均码", { 规格: "均码" }],
    ["", {}],
  ])("%s", (raw, want) => expect(normalizeSkuProps(raw)).toEqual(want));
  it("takes JSON objects as they are, as text", () => {
    expect(normalizeSkuProps({ 颜色: " 红 ", 尺码: 42, "": "x" })).toEqual({ 颜色: "红", 尺码: "42" });
  });
});

describe("flag, status, presale, refund, bool", () => {
  it.each([
    ["memo-flag flag-red next-icon", "red"],
    ["flag-none", "none"],
    ["红旗", "red"],
    ["黄旗", "yellow"],
    ["绿旗", "green"],
    ["蓝旗", "blue"],
    ["紫旗", "purple"],
    ["灰旗", "none"],
    ["3", "green"],
    [5, "purple"],
  ])("flag %s → %s", (raw, want) => expect(normalizeFlagColor(raw)).toBe(want));
  it("unknown flags are absent", () => expect(normalizeFlagColor("金旗")).toBeUndefined());

  it.each([
    ["买家已付款", "paid"],
    ["等待买家付款", "unpaid"],
    ["定金已付，等待买家付尾款", "unpaid"],
    ["卖家已发货", "shipped"],
    ["交易成功", "completed"],
    ["交易关闭", "closed"],
    ["待发货", "paid"],
    ["待支付", "unpaid"],
    ["已发货，待签收", "shipped"],
    ["等待出库", "paid"],
    ["等待确认收货", "shipped"],
    ["待支付尾款", "unpaid"],
    ["已完成", "completed"],
    ["已取消", "closed"],
    ["paid", "paid"],
    ["神秘状态", "unknown"],
  ])("status %s → %s", (raw, want) => expect(normalizeStatusText(raw)).toBe(want));

  it("presale from words or objects", () => {
    expect(normalizePresale("定金已付，等待买家付尾款", env)).toEqual({ depositPaid: true, balancePaid: false });
    expect(normalizePresale("买家已付款", env)).toBeUndefined();
    expect(
      normalizePresale({ depositPaid: true, balancePaid: false, balanceDueAt: "2026-11-23T14:00:00.000Z" }, env),
    ).toEqual({ depositPaid: true, balancePaid: false, balanceDueAt: "2026-11-23T14:00:00.000Z" });
    expect(normalizePresale({ depositPaid: "yes" }, env)).toBeUndefined();
  });

  it.each([
    ["买家申请退款", "requested"],
    ["退款中", "in-progress"],
    ["售后处理中", "in-progress"],
    ["售后中", "in-progress"],
    ["退款成功", "done"],
    ["in-progress", "in-progress"],
    ["none", "none"],
    ["", undefined],
  ])("refund %s → %s", (raw, want) => expect(normalizeRefund(raw)).toBe(want));

  it("bool", () => {
    expect([true, 1, "1", "修改地址", "true"].map(normalizeBool)).toEqual([true, true, true, true, true]);
    expect([false, 0, "0", "", "false", "否", null].map(normalizeBool)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("every normaliser is total", () => {
  it("never throws on arbitrary strings, numbers or objects", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NORMALIZER_NAMES),
        fc.oneof(fc.string(), fc.double(), fc.integer(), fc.object(), fc.constant(null)),
        (name, raw) => {
          normalizeValue(name, raw as never, env);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
