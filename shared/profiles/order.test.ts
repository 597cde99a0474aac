/**
 * buildOrder looks each field's normaliser up once per specs object. Against the reference that looks it up for
 * every value (as buildOrder did before), on random specs (valid, missing, hostile normaliser names) and random
 * rows, both must build the same order — and a specs object must not leak into another's rows.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Order, OrderItem } from "../model.ts";
import { NORMALIZER_NAMES, type NormalizeEnv, normalizePresale, normalizeValue, type RawValue } from "./normalize.ts";
import { buildOrder, DEFAULT_NORMALIZER, type RawOrder } from "./order.ts";
import type { ItemField, OrderField } from "./schema.ts";

type Specs = Partial<Record<string, { normalize?: unknown } | string | null>>;

function refNorm(specs: Specs, field: OrderField | ItemField, raw: RawValue, env: NormalizeEnv): unknown {
  if (raw === undefined) return undefined;
  return normalizeValue((specs[field]?.normalize ?? DEFAULT_NORMALIZER[field]) as never, raw, env);
}
const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const num = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) ? value : undefined;

function refItem(raw: Partial<Record<ItemField, RawValue>>, specs: Specs, env: NormalizeEnv): OrderItem {
  const skuProps = refNorm(specs, "skuProps", raw.skuProps, env);
  const item: OrderItem = {
    title: str(refNorm(specs, "title", raw.title, env)) ?? "",
    skuProps: skuProps && typeof skuProps === "object" ? (skuProps as Record<string, string>) : {},
    quantity: num(refNorm(specs, "quantity", raw.quantity, env)) ?? 1,
    price: num(refNorm(specs, "price", raw.price, env)) ?? 0,
  };
  const originalPrice = num(refNorm(specs, "originalPrice", raw.originalPrice, env));
  if (originalPrice !== undefined) item.originalPrice = originalPrice;
  const skuId = str(refNorm(specs, "skuId", raw.skuId, env));
  if (skuId) item.skuId = skuId;
  const itemId = str(refNorm(specs, "itemId", raw.itemId, env));
  if (itemId) item.itemId = itemId;
  return item;
}

function refBuildOrder(raw: RawOrder, specs: { fields: Specs; items?: Specs }, env: NormalizeEnv): Order | undefined {
  const f = raw.fields;
  const s = specs.fields;
  const id = str(refNorm(s, "id", f.id, env));
  if (!id) return undefined;
  const items = raw.items.map((item) => refItem(item, specs.items ?? {}, env)).filter((i) => i.title || i.price);
  const order: Order = {
    id,
    platform: "taobao",
    status: (str(refNorm(s, "status", f.status, env)) as Order["status"] | undefined) ?? "unknown",
    buyer: str(refNorm(s, "buyer", f.buyer, env)) ?? "",
    items,
    total:
      num(refNorm(s, "total", f.total, env)) ??
      Math.round(items.reduce((sum, i) => sum + i.price * i.quantity, 0) * 100) / 100,
    receiver: {
      name: str(refNorm(s, "receiverName", f.receiverName, env)) ?? "",
      phone: str(refNorm(s, "receiverPhone", f.receiverPhone, env)) ?? "",
      address: str(refNorm(s, "receiverAddress", f.receiverAddress, env)) ?? "",
    },
  };
  const shippingFee = num(refNorm(s, "shippingFee", f.shippingFee, env));
  if (shippingFee !== undefined) order.shippingFee = shippingFee;
  for (const key of ["buyerMessage", "sellerMemo", "createdAt", "paidAt", "shipDeadline"] as const) {
    const value = str(refNorm(s, key, f[key], env));
    if (value) order[key] = value;
  }
  const flag = refNorm(s, "flag", f.flag, env);
  if (flag) order.flag = flag as Order["flag"];
  if (f.addressChanged !== undefined)
    order.addressChanged = refNorm(s, "addressChanged", f.addressChanged, env) === true;
  const refund = refNorm(s, "refund", f.refund, env);
  order.refund = (refund as Order["refund"]) ?? "none";
  const presale =
    refNorm(s, "presale", f.presale, env) ??
    (typeof f.status === "string" ? normalizePresale(f.status, env) : undefined);
  if (presale) order.presale = presale as Order["presale"];
  return order;
}

const ORDER_FIELDS = Object.keys(DEFAULT_NORMALIZER).filter(
  (k) => !["title", "skuProps", "quantity", "price", "originalPrice", "skuId", "itemId"].includes(k),
);
const ITEM_FIELDS = ["title", "skuProps", "quantity", "price", "originalPrice", "skuId", "itemId"];
/** Valid names, and what a hostile page or profile could send instead. */
const normalizerName = fc.oneof(
  fc.constantFrom(...NORMALIZER_NAMES),
  fc.constantFrom("constructor", "__proto__", "toString", "nope", "", ["text"], 1, null),
);
const specsArb = (fields: string[]): fc.Arbitrary<Specs> =>
  fc.dictionary(
    fc.constantFrom(...fields),
    fc.oneof(fc.record({ normalize: normalizerName }, { requiredKeys: [] }), fc.constant("text"), fc.constant(null)),
  );
const rawValue: fc.Arbitrary<RawValue> = fc.oneof(
  fc.constantFrom(
    "¥1,299.00",
    "创建时间：2026-11-23 14:59:00",
    "发货剩余47小时11分",
    "颜色分类：白绿;鞋码：36",
    "买家已付款",
    "定金已付，等待买家付尾款",
    "flag-red",
    " 陈 雨桐 ",
    "-",
    "1",
    "0",
    "退款中",
  ),
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.dictionary(fc.constantFrom("颜色", "depositPaid", "balancePaid"), fc.oneof(fc.string(), fc.boolean())),
);
const rawRow = (fields: string[]) => fc.dictionary(fc.constantFrom(...fields), rawValue);
const rowArb: fc.Arbitrary<RawOrder> = fc.record({
  fields: fc
    .tuple(rawRow(ORDER_FIELDS), fc.oneof(fc.string({ minLength: 1 }), fc.constant(undefined)))
    .map(([fields, id]) => (id === undefined ? fields : { ...fields, id })),
  items: fc.array(rawRow(ITEM_FIELDS), { maxLength: 3 }),
});

const env = { nowMs: Date.parse("2026-11-23T08:00:00.000Z") };

describe("buildOrder with normalisers looked up once per specs object", () => {
  it("builds what looking them up per value builds", () => {
    fc.assert(
      fc.property(specsArb(ORDER_FIELDS), fc.option(specsArb(ITEM_FIELDS)), fc.array(rowArb), (fields, items, rows) => {
        const specs = items === null ? { fields } : { fields, items };
        for (const row of rows) {
          let want: Order | undefined | Error;
          try {
            want = refBuildOrder(row, specs, env);
          } catch (err) {
            want = err as Error; // e.g. a countdown too large for a Date
          }
          if (want instanceof Error) expect(() => buildOrder(row, specs as never, "taobao", env)).toThrow();
          else expect(buildOrder(row, specs as never, "taobao", env)).toEqual(want);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("keeps each specs object's normalisers apart", () => {
    const row: RawOrder = { fields: { id: "1", total: "¥1,299.00", createdAt: "2026-11-23 14:59:00" }, items: [] };
    const asText = { fields: { total: { normalize: "text" as const }, createdAt: { normalize: "text" as const } } };
    const asDefault = { fields: {} };
    for (let i = 0; i < 2; i++) {
      expect(buildOrder(row, asText, "taobao", env)).toMatchObject({ total: 0, createdAt: "2026-11-23 14:59:00" });
      expect(buildOrder(row, asDefault, "taobao", env)).toMatchObject({
        total: 1299,
        createdAt: "2026-11-23T06:59:00.000Z",
      });
    }
  });

  it("skips holes in the item list as before", () => {
    // biome-ignore lint/suspicious/noSparseArray: a sparse list, as a structured clone can deliver one
    const items = [, { title: "卫衣", price: "¥1" }] as RawOrder["items"];
    expect(buildOrder({ fields: { id: "1" }, items }, { fields: {} }, "taobao", env)?.items).toEqual([
      { title: "卫衣", skuProps: {}, quantity: 1, price: 1 },
    ]);
  });
});
