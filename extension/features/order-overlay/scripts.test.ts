import { describe, expect, it } from "vitest";
import type { Order } from "../../../shared/model.ts";
import type { OrderWarning } from "../../../shared/orders/types.ts";
import { BUILTIN_SCRIPTS, fillScript, memoFor } from "./scripts.ts";

const NOW = Date.parse("2026-11-23T08:00:00.000Z");
const order: Order = {
  id: "4012873365518293747",
  platform: "taobao",
  status: "unpaid",
  buyer: `蓝色土豆"><img src=x onerror=alert(1)>`,
  items: [{ title: "回力帆布鞋女低帮百搭小白鞋", skuProps: { 颜色分类: "黑白" }, quantity: 1, price: 69.9 }],
  total: 69.9,
  receiver: { name: "周建国", phone: "13705316628", address: "山东省 济南市 历下区 泉城路1号" },
};
const warning = (rule: OrderWarning["rule"]): OrderWarning => ({
  orderId: order.id,
  rule,
  severity: "info",
  message: "",
  actions: [],
});

describe("overlay scripts", () => {
  it("fills the built-in 催付 and 核对地址 scripts with the order", () => {
    const ctx = { agent: "小美", shop: "南极潮服", nowMs: NOW };
    expect(fillScript(BUILTIN_SCRIPTS.催付 as string, order, ctx)).toContain("回力帆布鞋女低帮百搭小白鞋");
    const check = fillScript(BUILTIN_SCRIPTS.核对地址 as string, order, ctx);
    expect(check).toContain("周建国，13705316628，山东省 济南市 历下区 泉城路1号");
    expect(check).toContain(order.id);
    expect(check).not.toMatch(/[{}]/);
  });

  it("collapses the padded spaces back offices put inside the address (one space between parts)", () => {
    const padded: Order = {
      ...order,
      receiver: { name: " 周建国 ", phone: "13705316628", address: "广东省  广州市\u3000\u3000天河区 \n 体育西路1号" },
    };
    const check = fillScript(BUILTIN_SCRIPTS.核对地址 as string, padded, { agent: "", shop: "", nowMs: NOW });
    expect(check).toContain("周建国，13705316628，广东省 广州市 天河区 体育西路1号。");
    expect(check).not.toMatch(/\s{2}/);
  });

  it("fills a team phrase and keeps hostile order text as plain text", () => {
    const text = fillScript("{买家}您好，{客服}为您服务", order, { agent: "小美", shop: "", nowMs: NOW });
    expect(text).toBe(`蓝色土豆"><img src=x onerror=alert(1)>您好，小美为您服务`);
  });

  it("stamps memos with agent and China date, flag by the seed-002 convention", () => {
    expect(memoFor(order, [warning("unpaid-reminder")], "小美", NOW)).toEqual({
      text: "【未发货】已核对：待催付 小美/2026-11-23",
      flag: "purple",
    });
    expect(memoFor({ ...order, status: "shipped" }, [], "", NOW)).toEqual({
      text: "【已发货】已核对订单 客服/2026-11-23",
      flag: "blue",
    });
    expect(memoFor(order, [warning("price-over-limit")], "小美", NOW).flag).toBe("yellow");
    expect(memoFor({ ...order, refund: "requested" }, [warning("refund-active")], "小美", NOW).flag).toBe("blue");
  });
});
