/** For the order-rule tests: the clock they share and one clean order to patch. */
import type { Order, OrderItem } from "../model.ts";

export const NOW = "2026-11-23T04:00:00Z";

export const BASE_ITEM: OrderItem = {
  title: "加绒卫衣",
  skuProps: { 颜色分类: "黑色", 尺码: "L" },
  quantity: 1,
  price: 129,
  itemId: "600001",
};

/** A clean paid order that triggers no rule under the defaults at NOW. */
export function cleanOrder(patch: Partial<Order> = {}): Order {
  return {
    id: "1001",
    platform: "taobao",
    status: "paid",
    buyer: "tb_alice",
    items: [{ ...BASE_ITEM, skuProps: { ...BASE_ITEM.skuProps } }],
    total: 129,
    receiver: { name: "张三", phone: "13800138000", address: "广东省 深圳市 南山区 科技园南区1号" },
    createdAt: "2026-11-23T02:00:00Z",
    paidAt: "2026-11-23T02:01:00Z",
    ...patch,
  };
}
