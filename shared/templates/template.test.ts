import { describe, expect, it } from "vitest";
import type { Order } from "../model.ts";
import { parseTemplate, renderTemplate } from "./template.ts";
import { orderToVariables, resolveVariable } from "./variables.ts";

const order: Order = {
  id: "2026112312345678",
  platform: "taobao",
  status: "unpaid",
  buyer: "小明<b>",
  items: [
    { title: "纯棉T恤", skuProps: { 颜色分类: "黑色", 尺码: "XL" }, quantity: 1, price: 59 },
    { title: "短裤", skuProps: {}, quantity: 2, price: 34.5 },
  ],
  total: 128,
  receiver: { name: "张三", phone: "138****5678", address: "浙江省 杭州市 西湖区 文三路 1 号" },
  shipDeadline: "2026-11-25T10:00:00Z",
};

describe("parseTemplate", () => {
  it("lists variables, fill-ins and choices once each, in order", () => {
    const parsed = parseTemplate("亲爱的{买家},订单{订单号}\n尺码:{填写:尺码}\n颜色:{选择:颜色|红色|黑色|白色} {买家}");
    expect(parsed.variables).toEqual(["买家", "订单号"]);
    expect(parsed.fills).toEqual([
      { kind: "text", label: "尺码" },
      { kind: "choice", label: "颜色", options: ["红色", "黑色", "白色"] },
    ]);
    expect(parsed.issues).toEqual([]);
  });
  it("accepts English aliases, full-width punctuation and defaults", () => {
    const parsed = parseTemplate("{buyer} {orderId} {Ship-Deadline} {fill:备注=无} {选择：快递｜顺丰｜中通}");
    expect(parsed.variables).toEqual(["买家", "订单号", "最晚发货"]);
    expect(parsed.fills).toEqual([
      { kind: "text", label: "备注", default: "无" },
      { kind: "choice", label: "快递", options: ["顺丰", "中通"] },
    ]);
    expect(resolveVariable("ADDRESS")).toBe("收货地址");
    expect(resolveVariable("constructor")).toBeUndefined();
  });
  it("treats {{ and }} as literal braces and reports stray braces", () => {
    expect(renderTemplate("{{买家}} 与 {{").text).toBe("{买家} 与 {");
    const parsed = parseTemplate("价格 {大概 10 元\n} 结束");
    expect(parsed.variables).toEqual([]);
    expect(parsed.issues.length).toBe(2);
    expect(renderTemplate(parsed).text).toBe("价格 {大概 10 元\n} 结束");
  });
  it("reports unknown variables and broken fields", () => {
    const parsed = parseTemplate("{笑脸} {选择:颜色} {填写:}");
    expect(parsed.unknown).toEqual(["笑脸"]);
    expect(parsed.issues.join()).toMatch(/没有选项/);
    expect(parsed.issues.join()).toMatch(/没有名称/);
  });
});

describe("renderTemplate", () => {
  it("fills variables and keeps lines", () => {
    const result = renderTemplate("亲爱的{买家}:\n您的订单{订单号}已发货。", { 买家: "小明", orderId: "123" });
    expect(result).toEqual({ text: "亲爱的小明:\n您的订单123已发货。", missing: [] });
  });
  it("drops missing placeholders and reports them instead of leaving them raw", () => {
    const result = renderTemplate("亲爱的{买家},{店铺}欢迎您 {笑脸} 尺码{填写:尺码} 颜色{选择:颜色|红|黑}", {
      店铺: "  ",
    });
    expect(result.text).toBe("亲爱的,欢迎您  尺码 颜色");
    expect(result.text).not.toMatch(/[{}]/);
    expect(result.missing).toEqual([
      { kind: "variable", name: "买家" },
      { kind: "variable", name: "店铺" },
      { kind: "unknown", name: "笑脸" },
      { kind: "fill", name: "尺码" },
      { kind: "choice", name: "颜色" },
    ]);
  });
  it("uses fill-ins, defaults and only accepts listed choices", () => {
    const template = "尺码{填写:尺码},备注{填写:备注=无},颜色{选择:颜色|红色|黑色}";
    expect(renderTemplate(template, {}, { 尺码: " XL ", 颜色: "黑色" })).toEqual({
      text: "尺码XL,备注无,颜色黑色",
      missing: [],
    });
    const wrong = renderTemplate(template, {}, { 尺码: "M", 颜色: "紫色" });
    expect(wrong.text).toBe("尺码M,备注无,颜色");
    expect(wrong.missing).toEqual([{ kind: "choice", name: "颜色" }]);
  });
  it("uses the same fill value for repeated labels", () => {
    expect(renderTemplate("{填写:尺码} / {填写:尺码}", {}, { 尺码: "L" }).text).toBe("L / L");
  });
  it("keeps hostile values as text and never re-expands them", () => {
    const result = renderTemplate("{买家}|{商品}", {
      buyer: "<img src=x onerror=alert(1)>",
      商品: "{订单号}{{}}\u0000",
    });
    expect(result.text).toBe("<img src=x onerror=alert(1)>|{订单号}{{}}");
    expect(result.missing).toEqual([]);
  });
  it("fills unknown placeholders from values by their exact name", () => {
    expect(renderTemplate("{优惠券}", { 优惠券: "满199减20" }).text).toBe("满199减20");
  });
});

describe("orderToVariables", () => {
  it("maps an order to variables in China time", () => {
    const vars = orderToVariables(order, { shop: "小美的店", agent: "小美", now: Date.parse("2026-11-23T20:00:00Z") });
    expect(vars).toEqual({
      买家: "小明<b>",
      订单号: "2026112312345678",
      商品: "纯棉T恤、短裤",
      规格: "黑色 XL",
      收货人: "张三",
      收货地址: "浙江省 杭州市 西湖区 文三路 1 号",
      手机: "138****5678",
      付款金额: "128",
      最晚发货: "2026-11-25 18:00",
      店铺: "小美的店",
      客服: "小美",
      日期: "2026-11-24",
    });
  });
  it("leaves out what the order lacks, so rendering reports it", () => {
    const vars = orderToVariables(
      { ...order, receiver: { name: "", phone: "", address: "" }, shipDeadline: "not a date", total: 99.5 },
      { now: 0 },
    );
    expect(vars.收货人).toBeUndefined();
    expect(vars.最晚发货).toBeUndefined();
    expect(vars.付款金额).toBe("99.5");
    const result = renderTemplate("{收货人} {手机} {店铺}", vars);
    expect(result.missing.map((m) => m.name)).toEqual(["收货人", "手机", "店铺"]);
  });
});
