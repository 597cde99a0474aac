import { describe, expect, it } from "vitest";
import { cleanCell, OrderFileError, ordersFromCsv, parseChinaTime, parseSkuProps } from "./export-csv.ts";

describe("order export CSV", () => {
  it("cleans Excel-protected cells", () => {
    expect(cleanCell('="3901234567890123451"')).toBe("3901234567890123451");
    expect(cleanCell("\t13800138000")).toBe("13800138000");
    expect(cleanCell("'0755-1234")).toBe("0755-1234");
    expect(cleanCell(undefined)).toBe("");
  });

  it("parses SKU property strings", () => {
    expect(parseSkuProps("颜色分类：黑色；尺码：XL")).toEqual({ 颜色分类: "黑色", 尺码: "XL" });
    expect(parseSkuProps("颜色分类:白色,尺码:M")).toEqual({ 颜色分类: "白色", 尺码: "M" });
    expect(parseSkuProps("")).toEqual({});
  });

  it("accepts header variants, China-time dates, and merges one-row-per-item exports", () => {
    const csv = [
      "订单号,买家昵称,实付金额,交易状态,收件人,收货人地址,手机,下单时间,商品名称,销售属性,数量,修改后的收货地址",
      "A1,tb_x,30,待发货,张三,广东省深圳市南山区1号,13800138000,2026/11/23 10:00,T恤,颜色分类：黑色,1,广东省深圳市福田区2号",
      "A1,tb_x,30,待发货,张三,广东省深圳市南山区1号,13800138000,2026/11/23 10:00,袜子,颜色分类：白色,2,广东省深圳市福田区2号",
    ].join("\n");
    const [order, ...rest] = ordersFromCsv(csv);
    expect(rest).toEqual([]);
    expect(order).toMatchObject({
      id: "A1",
      buyer: "tb_x",
      status: "paid",
      total: 30,
      createdAt: "2026-11-23T02:00:00.000Z",
      addressChanged: true,
      receiver: { name: "张三", phone: "13800138000", address: "广东省深圳市福田区2号" },
    });
    expect(order?.items.map((i) => [i.title, i.quantity])).toEqual([
      ["T恤", 1],
      ["袜子", 2],
    ]);
  });

  it("reads the 淘宝 status words, including closed-before-payment and partly shipped", () => {
    const statuses = [
      ["等待买家付款", "unpaid"],
      ["买家已付款，等待卖家发货", "paid"],
      ["卖家部分发货", "paid"],
      ["卖家已发货，等待买家确认", "shipped"],
      ["交易成功", "completed"],
      ["交易关闭", "closed"],
      ["付款以前，卖家或买家主动关闭交易", "closed"],
      ["奇怪的状态", "unknown"],
    ];
    const csv = ["订单编号,订单状态", ...statuses.map(([text], i) => `${i + 1},"${text}"`)].join("\n");
    expect(ordersFromCsv(csv).map((o) => o.status)).toEqual(statuses.map(([, status]) => status));
  });

  it("reads zone-less times as China time and refuses out-of-range parts", () => {
    expect(parseChinaTime("2026-11-23 10:12:33")).toBe(Date.parse("2026-11-23T02:12:33Z"));
    expect(parseChinaTime("2026/1/5 8:05")).toBe(Date.parse("2026-01-05T00:05:00Z"));
    expect(parseChinaTime("2026-11-23")).toBe(Date.parse("2026-11-22T16:00:00Z"));
    expect(parseChinaTime("2026-11-23T10:00:00+08:00")).toBe(Date.parse("2026-11-23T02:00:00Z"));
    for (const bad of ["2026-13-01 10:00", "2026-02-30", "2026-11-23 25:00", "昨天", ""]) {
      expect(parseChinaTime(bad), bad).toBeNaN();
    }
    expect(() => ordersFromCsv("订单编号,订单创建时间\n1,2026-02-30 10:00:00\n")).toThrow(/第 2 行/);
  });

  it("names the row of a bad value", () => {
    expect(() => ordersFromCsv("订单编号,订单创建时间\n1,2026-11-23\n2,昨天\n")).toThrow(/第 3 行/);
    expect(() => ordersFromCsv("")).toThrow(OrderFileError);
  });
});
