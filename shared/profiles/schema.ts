/**
 * Site profiles: how to read orders off one seller page, as plain JSON-able data. A team lead can fix a broken
 * selector once in the team settings (section `siteProfiles`) and every agent gets the fix with the next sync.
 */
import * as v from "valibot";
import { isRecord } from "../guards.ts";
import { NORMALIZER_NAMES } from "./normalize.ts";
import { regexSourceSchema, selectorSchema } from "./schema-parts.ts";

/** Order-level fields a profile may read. `status` also yields presale state (定金已付，等待买家付尾款). */
export const ORDER_FIELDS = [
  "id",
  "status",
  "buyer",
  "total",
  "shippingFee",
  "buyerMessage",
  "sellerMemo",
  "flag",
  "receiverName",
  "receiverPhone",
  "receiverAddress",
  "addressChanged",
  "createdAt",
  "paidAt",
  "shipDeadline",
  "refund",
  "presale",
] as const;
export type OrderField = (typeof ORDER_FIELDS)[number];

export const ITEM_FIELDS = ["title", "skuProps", "quantity", "price", "originalPrice", "skuId", "itemId"] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

const RegexSource = regexSourceSchema();
const Selector = selectorSchema();
const Normalizer = v.picklist(NORMALIZER_NAMES);

/**
 * One value read from the DOM: the element matching `selector` inside the order container (the container itself
 * when omitted), then `attr` (text content when omitted), then the first capture group of `regex` (the whole
 * match when it has none; no match = no value), then the named normaliser. With `label`, the element is the
 * first match whose text contains the label and the value is read from its next sibling (dt/dd layouts).
 * `present: true` yields "1" when the element exists (badges such as 修改地址).
 */
export const DomFieldSchema = v.object({
  selector: v.optional(Selector),
  label: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(100))),
  attr: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(100))),
  regex: v.optional(RegexSource),
  present: v.optional(v.boolean()),
  normalize: v.optional(Normalizer),
});
export type DomField = v.InferOutput<typeof DomFieldSchema>;

/** One value read from a JSON object: a dot path ("receiver.phone", "items.0.title"), then the normaliser. */
export const JsonFieldSchema = v.object({
  path: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  normalize: v.optional(Normalizer),
});
export type JsonField = v.InferOutput<typeof JsonFieldSchema>;

const domFields = v.partial(v.object(Object.fromEntries(ORDER_FIELDS.map((f) => [f, DomFieldSchema]))));
const domItemFields = v.partial(v.object(Object.fromEntries(ITEM_FIELDS.map((f) => [f, DomFieldSchema]))));
const jsonFields = v.partial(v.object(Object.fromEntries(ORDER_FIELDS.map((f) => [f, JsonFieldSchema]))));
const jsonItemFields = v.partial(v.object(Object.fromEntries(ITEM_FIELDS.map((f) => [f, JsonFieldSchema]))));

export const SiteProfileSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "id: 小写字母、数字和 - lowercase, digits and -")),
  platform: v.picklist(["taobao", "pinduoduo", "jd", "douyin", "demo"]),
  /** 中文 name shown to the team lead. */
  label: v.optional(v.pipe(v.string(), v.maxLength(100)), ""),
  /** Regular expressions over "host/path" (no scheme, no query), e.g. "^myseller\\.taobao\\.com/trade-platform/tp/sold". */
  urls: v.pipe(v.array(RegexSource), v.minLength(1, "至少一个网址规则 at least one URL pattern")),
  /** Query parameter holding the page's clock (the demo's `?now=`); real sites use the real time. */
  clockParam: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(40))),
  /** One container per order, the value that identifies it, and where the badge goes (next to the order id). */
  rows: v.object({ selector: Selector, id: DomFieldSchema, anchor: v.optional(Selector) }),
  /** Order fields read from each row's DOM. */
  fields: v.optional(domFields, {}),
  items: v.optional(v.object({ selector: Selector, fields: domItemFields })),
  /**
   * The page's own JSON responses (for pages whose DOM hides data: 京东, 抖店): responses whose URL contains one
   * of `urlIncludes`; `listPath` leads to the array of orders. Fields read from JSON win over DOM fields.
   */
  json: v.optional(
    v.object({
      urlIncludes: v.pipe(v.array(v.pipe(v.string(), v.minLength(3), v.maxLength(200))), v.minLength(1)),
      listPath: v.pipe(v.string(), v.maxLength(200)),
      fields: jsonFields,
      items: v.optional(v.object({ path: v.pipe(v.string(), v.minLength(1)), fields: jsonItemFields })),
    }),
  ),
});

export type DomFields = Partial<Record<OrderField, DomField>>;
export type DomItemFields = Partial<Record<ItemField, DomField>>;
export type JsonFields = Partial<Record<OrderField, JsonField>>;
export type JsonItemFields = Partial<Record<ItemField, JsonField>>;

/** The validated profile (types written out so editors show field names). */
export interface SiteProfile {
  id: string;
  platform: "taobao" | "pinduoduo" | "jd" | "douyin" | "demo";
  label: string;
  urls: string[];
  clockParam?: string;
  rows: { selector: string; id: DomField; anchor?: string };
  fields: DomFields;
  items?: { selector: string; fields: DomItemFields };
  json?: {
    urlIncludes: string[];
    listPath: string;
    fields: JsonFields;
    items?: { path: string; fields: JsonItemFields };
  };
}

/** The `siteProfiles` section of the team settings: profiles by id, overriding the built-in ones. */
export const SiteProfilesSectionSchema = v.object({
  profiles: v.optional(
    v.pipe(v.custom<Record<string, unknown>>(isRecord, "应为对象 object"), v.record(v.string(), v.unknown())),
    {},
  ),
  /** Built-in profiles the team switched off. */
  disabled: v.optional(v.array(v.string()), []),
});
