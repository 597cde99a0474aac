/**
 * Raw values (strings read off the DOM, or values from the page's JSON) → `Order`, through the normalisers the
 * profile names. The DOM side (extension/sites) only collects raw strings; everything else happens here.
 */
import type { Order, OrderItem, Platform } from "../model.ts";
import {
  type NormalizeEnv,
  type Normalizer,
  type NormalizerName,
  normalizePresale,
  normalizerFor,
  type PresaleState,
  type RawValue,
} from "./normalize.ts";
import type { ItemField, JsonFields, JsonItemFields, OrderField, SiteProfile } from "./schema.ts";

export interface RawOrder {
  fields: Partial<Record<OrderField, RawValue>>;
  items: Partial<Record<ItemField, RawValue>>[];
}

/** Normaliser used when a profile field names none. */
export const DEFAULT_NORMALIZER: Record<OrderField | ItemField, NormalizerName> = {
  id: "text",
  status: "statusText",
  buyer: "text",
  total: "price",
  shippingFee: "price",
  buyerMessage: "text",
  sellerMemo: "text",
  flag: "flagColor",
  receiverName: "text",
  receiverPhone: "text",
  receiverAddress: "text",
  addressChanged: "bool",
  createdAt: "datetime",
  paidAt: "datetime",
  shipDeadline: "datetime",
  refund: "refund",
  presale: "presaleText",
  title: "text",
  skuProps: "skuProps",
  quantity: "int",
  price: "price",
  originalPrice: "price",
  skuId: "text",
  itemId: "text",
};

type NormalizerSpecs = Partial<Record<OrderField | ItemField, { normalize?: NormalizerName }>>;

type FieldNormalizers = Record<OrderField | ItemField, Normalizer>;
const ALL_FIELDS = Object.keys(DEFAULT_NORMALIZER) as (OrderField | ItemField)[];

/**
 * The normaliser of every field for one specs object (the profile's, or a page message's), looked up once per
 * specs object rather than twice per field of every row: a profile's specs do not change while its rows are read.
 */
const compiledSpecs = new WeakMap<NormalizerSpecs, FieldNormalizers>();

function normalizersOf(specs: NormalizerSpecs): FieldNormalizers {
  const cacheable = typeof specs === "object" && specs !== null;
  let compiled = cacheable ? compiledSpecs.get(specs) : undefined;
  if (!compiled) {
    compiled = {} as FieldNormalizers;
    for (const field of ALL_FIELDS)
      compiled[field] = normalizerFor(specs[field]?.normalize ?? DEFAULT_NORMALIZER[field]);
    if (cacheable) compiledSpecs.set(specs, compiled);
  }
  return compiled;
}

const NO_SPECS: NormalizerSpecs = Object.freeze({});

function norm(normalize: Normalizer, raw: RawValue, env: NormalizeEnv): unknown {
  return raw === undefined ? undefined : normalize(raw, env);
}

const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const num = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) ? value : undefined;

function buildItem(raw: Partial<Record<ItemField, RawValue>>, n: FieldNormalizers, env: NormalizeEnv): OrderItem {
  const skuProps = norm(n.skuProps, raw.skuProps, env);
  const item: OrderItem = {
    title: str(norm(n.title, raw.title, env)) ?? "",
    skuProps: skuProps && typeof skuProps === "object" ? (skuProps as Record<string, string>) : {},
    quantity: num(norm(n.quantity, raw.quantity, env)) ?? 1,
    price: num(norm(n.price, raw.price, env)) ?? 0,
  };
  const originalPrice = num(norm(n.originalPrice, raw.originalPrice, env));
  if (originalPrice !== undefined) item.originalPrice = originalPrice;
  const skuId = str(norm(n.skuId, raw.skuId, env));
  if (skuId) item.skuId = skuId;
  const itemId = str(norm(n.itemId, raw.itemId, env));
  if (itemId) item.itemId = itemId;
  return item;
}

/** One order from raw values; undefined when the order id is missing (the row is not an order). */
export function buildOrder(
  raw: RawOrder,
  specs: { fields: NormalizerSpecs; items?: NormalizerSpecs },
  platform: Platform,
  env: NormalizeEnv,
): Order | undefined {
  const f = raw.fields;
  const n = normalizersOf(specs.fields);
  const id = str(norm(n.id, f.id, env));
  if (!id) return undefined;
  const itemNormalizers = normalizersOf(specs.items ?? NO_SPECS);
  const items: OrderItem[] = [];
  raw.items.forEach((rawItem) => {
    const item = buildItem(rawItem, itemNormalizers, env);
    if (item.title || item.price) items.push(item);
  });
  const order: Order = {
    id,
    platform,
    status: (str(norm(n.status, f.status, env)) as Order["status"] | undefined) ?? "unknown",
    buyer: str(norm(n.buyer, f.buyer, env)) ?? "",
    items,
    total:
      num(norm(n.total, f.total, env)) ??
      Math.round(items.reduce((sum, i) => sum + i.price * i.quantity, 0) * 100) / 100,
    receiver: {
      name: str(norm(n.receiverName, f.receiverName, env)) ?? "",
      phone: str(norm(n.receiverPhone, f.receiverPhone, env)) ?? "",
      address: str(norm(n.receiverAddress, f.receiverAddress, env)) ?? "",
    },
  };
  const shippingFee = num(norm(n.shippingFee, f.shippingFee, env));
  if (shippingFee !== undefined) order.shippingFee = shippingFee;
  const buyerMessage = str(norm(n.buyerMessage, f.buyerMessage, env));
  if (buyerMessage) order.buyerMessage = buyerMessage;
  const sellerMemo = str(norm(n.sellerMemo, f.sellerMemo, env));
  if (sellerMemo) order.sellerMemo = sellerMemo;
  const createdAt = str(norm(n.createdAt, f.createdAt, env));
  if (createdAt) order.createdAt = createdAt;
  const paidAt = str(norm(n.paidAt, f.paidAt, env));
  if (paidAt) order.paidAt = paidAt;
  const shipDeadline = str(norm(n.shipDeadline, f.shipDeadline, env));
  if (shipDeadline) order.shipDeadline = shipDeadline;
  const flag = norm(n.flag, f.flag, env);
  if (flag) order.flag = flag as Order["flag"];
  if (f.addressChanged !== undefined) order.addressChanged = norm(n.addressChanged, f.addressChanged, env) === true;
  const refund = norm(n.refund, f.refund, env);
  order.refund = (refund as Order["refund"]) ?? "none";
  const presale =
    (norm(n.presale, f.presale, env) as PresaleState | undefined) ??
    (typeof f.status === "string" ? normalizePresale(f.status, env) : undefined);
  if (presale) order.presale = presale;
  return order;
}

/** Reads "a.b.0.c" from parsed JSON without touching prototypes. */
export function readPath(value: unknown, path: string): unknown {
  if (path === "") return value;
  let current: unknown = value;
  for (const key of path.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    if (!Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function rawFrom<K extends string>(
  source: unknown,
  specs: Partial<Record<K, { path: string }>>,
): Partial<Record<K, RawValue>> {
  const out: Partial<Record<K, RawValue>> = {};
  for (const [field, spec] of Object.entries(specs) as [K, { path: string } | undefined][]) {
    if (!spec) continue;
    const value = readPath(source, spec.path);
    if (value !== undefined) out[field] = value as RawValue;
  }
  return out;
}

/** Raw orders from one JSON response body (untrusted: anything not matching the paths is skipped). */
export function rawOrdersFromJson(
  body: unknown,
  json: { listPath: string; fields: JsonFields; items?: { path: string; fields: JsonItemFields } },
): RawOrder[] {
  const list = readPath(body, json.listPath);
  if (!Array.isArray(list)) return [];
  return list.slice(0, 5000).map((entry) => {
    const itemsValue = json.items ? readPath(entry, json.items.path) : undefined;
    const items = Array.isArray(itemsValue)
      ? itemsValue.slice(0, 200).map((item) => rawFrom(item, json.items?.fields ?? {}))
      : [];
    return { fields: rawFrom(entry, json.fields), items };
  });
}

/** Orders from one JSON response body through the profile's `json` section. */
export function ordersFromJson(body: unknown, profile: SiteProfile, env: NormalizeEnv): Order[] {
  if (!profile.json) return [];
  const specs = { fields: profile.json.fields, items: profile.json.items?.fields };
  const out: Order[] = [];
  for (const raw of rawOrdersFromJson(body, profile.json)) {
    const order = buildOrder(raw, specs, profile.platform, env);
    if (order) out.push(order);
  }
  return out;
}
