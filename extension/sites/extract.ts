/**
 * The one extraction path for every seller page: the profile's selectors → raw strings (this file, DOM only),
 * then the pure normalisers in shared/profiles → `Order`. Reads textContent/attributes only: page text is never
 * parsed as HTML.
 */
import type { Order } from "../../shared/model.ts";
import { ITEM_FIELDS_NO_RULE_READS, ORDER_FIELDS_NO_RULE_READS } from "../../shared/orders/fields.ts";
import type { NormalizeEnv, NormalizerName, RawValue } from "../../shared/profiles/normalize.ts";
import { buildOrder, type RawOrder } from "../../shared/profiles/order.ts";
import type { DomField, ItemField, OrderField, SiteProfile } from "../../shared/profiles/schema.ts";

const regexCache = new Map<string, RegExp | null>();

function regexFor(source: string): RegExp | null {
  let re = regexCache.get(source);
  if (re === undefined) {
    try {
      re = new RegExp(source, "u");
    } catch {
      re = null; // profiles are validated; this guards hand-built ones
    }
    regexCache.set(source, re);
  }
  return re;
}

function query(container: Element, selector: string): Element | null {
  // querySelector even for one class name: getElementsByClassName builds (and caches on the row) a live collection
  // per row and class, which measured about twice as slow on a freshly rendered 500-order page, and costs memory.
  try {
    return container.querySelector(selector);
  } catch {
    return null; // an invalid selector in a team profile reads as "not found"
  }
}

function queryAll(container: ParentNode, selector: string): Element[] {
  try {
    return Array.from(container.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** One raw value per the field spec; undefined when the element (or the regex match) is missing. */
export function readDomField(container: Element, spec: DomField): string | undefined {
  let el: Element | null | undefined;
  if (spec.label !== undefined) {
    const labelled = queryAll(container, spec.selector ?? "*").find((e) => e.textContent?.includes(spec.label ?? ""));
    el = labelled?.nextElementSibling;
  } else {
    el = spec.selector ? query(container, spec.selector) : container;
  }
  if (spec.present) return el ? "1" : "0";
  if (!el) return undefined;
  const value = spec.attr ? el.getAttribute(spec.attr) : el.textContent;
  if (value === null || value === undefined) return undefined;
  if (!spec.regex) return value;
  const re = regexFor(spec.regex);
  const match = re?.exec(value);
  if (!match) return undefined;
  return match[1] ?? match[0];
}

function readFields<K extends string>(
  container: Element,
  specs: Partial<Record<K, DomField>>,
): Partial<Record<K, RawValue>> {
  const out: Partial<Record<K, RawValue>> = {};
  for (const key in specs) {
    const spec = specs[key];
    if (!spec) continue;
    const value = readDomField(container, spec);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** The id of one order row, as the profile's `rows.id` reads it ("" when absent). */
export function rowId(row: Element, profile: SiteProfile): string {
  return (readDomField(row, profile.rows.id) ?? "").trim();
}

/** Raw strings of one order row (the id included; pass it when already read). */
export function extractRawRow(row: Element, profile: SiteProfile, id: string = rowId(row, profile)): RawOrder {
  const fields = readFields<OrderField>(row, profile.fields);
  fields.id = id;
  const items = profile.items
    ? queryAll(row, profile.items.selector).map((el) =>
        readFields<ItemField>(el, profile.items?.fields ?? ({} as Partial<Record<ItemField, DomField>>)),
      )
    : [];
  return { fields, items };
}

/** Which normaliser each field of a row uses (a profile's `fields`/`items.fields` without the selectors). */
export interface RowNormalizers {
  fields: Partial<Record<string, { normalize?: NormalizerName }>>;
  items?: Partial<Record<string, { normalize?: NormalizerName }>>;
}

/** The profile's normaliser per field, for the background that turns raw rows into orders. */
export function rowNormalizers(profile: SiteProfile): RowNormalizers {
  const pick = (specs: Record<string, { normalize?: NormalizerName } | undefined>) => {
    const out: RowNormalizers["fields"] = {};
    for (const [field, spec] of Object.entries(specs))
      if (spec) out[field] = spec.normalize ? { normalize: spec.normalize } : {};
    return out;
  };
  return { fields: pick(profile.fields), ...(profile.items ? { items: pick(profile.items.fields) } : {}) };
}

/**
 * The profile without the fields no order rule reads (shared/orders/fields.ts): what the overlay reads off each row.
 * The phrase picker's order in view still reads them all.
 */
export function profileForChecks(profile: SiteProfile): SiteProfile {
  const fields = { ...profile.fields };
  for (const field of ORDER_FIELDS_NO_RULE_READS) delete fields[field];
  if (!profile.items) return { ...profile, fields };
  const itemFields = { ...profile.items.fields };
  for (const field of ITEM_FIELDS_NO_RULE_READS) delete itemFields[field];
  return { ...profile, fields, items: { ...profile.items, fields: itemFields } };
}

/** The order rows currently in `root`. */
export function findRows(root: ParentNode, profile: SiteProfile): Element[] {
  return queryAll(root, profile.rows.selector);
}

/** One row → Order (undefined when the row holds no order id). */
export function extractRow(row: Element, profile: SiteProfile, env: NormalizeEnv, id?: string): Order | undefined {
  const specs = { fields: profile.fields, items: profile.items?.fields };
  return buildOrder(extractRawRow(row, profile, id), specs, profile.platform, env);
}

/** Every order on the page (or under `root`) with the row it came from. */
export function extractOrders(
  root: ParentNode,
  profile: SiteProfile,
  env: NormalizeEnv,
): { row: Element; order: Order }[] {
  const out: { row: Element; order: Order }[] = [];
  for (const row of findRows(root, profile)) {
    const order = extractRow(row, profile, env);
    if (order) out.push({ row, order });
  }
  return out;
}
