/** valibot schema of `Order` (shared/model.ts) for orders read from JSON files. */
import * as v from "valibot";
import type { Order } from "../model.ts";
import { OrderFileError } from "./export-csv.ts";

const money = v.pipe(v.number(), v.finite());
const iso = v.pipe(
  v.string(),
  v.check((s) => !Number.isNaN(Date.parse(s)), "不是日期时间 not a date"),
);

const OrderItemSchema = v.object({
  title: v.string(),
  skuProps: v.optional(v.record(v.string(), v.string()), {}),
  quantity: v.pipe(v.number(), v.integer(), v.minValue(0)),
  price: money,
  originalPrice: v.optional(money),
  skuId: v.optional(v.string()),
  itemId: v.optional(v.string()),
});

export const OrderSchema = v.object({
  id: v.pipe(v.union([v.string(), v.pipe(v.number(), v.transform(String))]), v.string(), v.minLength(1)),
  platform: v.optional(v.picklist(["taobao", "pinduoduo", "jd", "douyin", "demo"]), "taobao"),
  status: v.optional(v.picklist(["unpaid", "paid", "shipped", "completed", "closed", "unknown"]), "unknown"),
  buyer: v.optional(v.string(), ""),
  items: v.optional(v.array(OrderItemSchema), []),
  total: v.optional(money, 0),
  shippingFee: v.optional(money),
  buyerMessage: v.optional(v.string()),
  sellerMemo: v.optional(v.string()),
  flag: v.optional(v.picklist(["none", "red", "yellow", "green", "blue", "purple"])),
  receiver: v.optional(
    v.object({
      name: v.optional(v.string(), ""),
      phone: v.optional(v.string(), ""),
      address: v.optional(v.string(), ""),
      province: v.optional(v.string()),
      city: v.optional(v.string()),
      district: v.optional(v.string()),
      detail: v.optional(v.string()),
    }),
    { name: "", phone: "", address: "" },
  ),
  createdAt: v.optional(iso),
  paidAt: v.optional(iso),
  shipDeadline: v.optional(iso),
  addressChanged: v.optional(v.boolean()),
  refund: v.optional(v.picklist(["none", "requested", "in-progress", "done"])),
  presale: v.optional(v.object({ depositPaid: v.boolean(), balancePaid: v.boolean(), balanceDueAt: v.optional(iso) })),
  logistics: v.optional(
    v.object({ company: v.optional(v.string()), trackingNo: v.optional(v.string()), lastUpdateAt: v.optional(iso) }),
  ),
});

/** Validates a parsed JSON value as an array of orders; the error names the order (1-based) and field. */
export function ordersFromJson(value: unknown): Order[] {
  if (!Array.isArray(value))
    throw new OrderFileError("JSON 文件应为订单数组 (the JSON file must be an array of orders)");
  return value.map((item, i) => {
    const result = v.safeParse(OrderSchema, item);
    if (result.success) return result.output as Order;
    const issue = result.issues[0];
    const path = issue ? (v.getDotPath(issue) ?? "") : "";
    throw new OrderFileError(
      `第 ${i + 1} 个订单${path ? ` 字段 ${path}` : ""}：${issue?.message ?? "格式错误"} (order ${i + 1}${path ? ` ${path}` : ""})`,
    );
  });
}
