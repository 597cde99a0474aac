/** Arbitrary orders for the property tests: every field, hostile and malformed values included. */
import fc from "fast-check";
import type { Order } from "../model.ts";

const text = fc.oneof(
  fc.string(),
  fc.constantFrom("", "<script>alert(1)</script>", "发红色", "不要XL", "广东深圳南山区", "138****5678", "急", "\u0000"),
);
const time = fc.oneof(
  fc.constant(undefined),
  fc.constant("not a date"),
  fc.integer({ min: 1.7e12, max: 1.8e12 }).map((ms) => new Date(ms).toISOString()),
);

export const orderArb: fc.Arbitrary<Order> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 6 }),
  platform: fc.constant("taobao" as const),
  status: fc.constantFrom("unpaid", "paid", "shipped", "completed", "closed", "unknown" as const),
  buyer: fc.constantFrom("", "a", "b", "<b>"),
  items: fc.array(
    fc.record({
      title: text,
      skuProps: fc.dictionary(fc.constantFrom("颜色分类", "尺码", "适用型号", "x"), text),
      quantity: fc.integer({ min: 0, max: 50 }),
      price: fc.double({ min: 0, max: 1e5, noNaN: true }),
      originalPrice: fc.option(fc.double({ min: 0, max: 1e5, noNaN: true }), { nil: undefined }),
      skuId: fc.option(fc.constantFrom("", "5001", "sku-2"), { nil: undefined }),
      itemId: fc.option(fc.constantFrom("", "600001", "600002"), { nil: undefined }),
    }),
    { maxLength: 3 },
  ),
  total: fc.double({ min: 0, max: 1e6, noNaN: true }),
  shippingFee: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined }),
  flag: fc.option(fc.constantFrom("red", "yellow", "green", "blue", "purple", "none" as const), { nil: undefined }),
  buyerMessage: fc.option(text, { nil: undefined }),
  sellerMemo: fc.option(text, { nil: undefined }),
  receiver: fc.record({ name: text, phone: text, address: text }),
  createdAt: time,
  paidAt: time,
  shipDeadline: time,
  addressChanged: fc.boolean(),
  refund: fc.constantFrom("none", "requested", "in-progress", "done" as const),
}) as fc.Arbitrary<Order>;
