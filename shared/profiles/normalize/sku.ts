/** SKU text ("颜色分类：黑色;尺码：XL") or a JSON object → the item's properties. */
import { normalizeText } from "./text.ts";
import type { RawValue } from "./types.ts";

const SKU_KEY = /([^\s;；,，/|：:]+)\s*[：:]\s*/g;
const SKU_TRIM = /^[\s;；,，/|]+|[\s;；,，/|]+$/g;

/**
 * SKU text → properties: "颜色分类：黑色;尺码：XL", "颜色分类：白色，长度：2米", "颜色：军绿色 / 尺码：XL",
 * "颜色：白色 容量：1.2L". Text without any "key：" is kept whole under 规格.
 */
export function normalizeSkuProps(raw: RawValue): Record<string, string> {
  if (raw && typeof raw === "object" && !Array.isArray(raw)) {
    const out: Record<string, string> = {};
    for (const [k, value] of Object.entries(raw)) {
      const text = normalizeText(value as RawValue);
      if (k.trim() && text) out[k.trim()] = text;
    }
    return out;
  }
  if (typeof raw !== "string") return skuPropsOfText(raw);
  // A shop's SKU texts repeat across its orders: each is split once (bounded); every caller gets its own copy.
  let props = skuPropsByText.get(raw);
  if (props === undefined) {
    if (skuPropsByText.size >= 2000) skuPropsByText.clear();
    props = skuPropsOfText(raw);
    skuPropsByText.set(raw, { ...props });
    return props;
  }
  return { ...props };
}

const skuPropsByText = new Map<string, Readonly<Record<string, string>>>();

function skuPropsOfText(raw: RawValue): Record<string, string> {
  const text = normalizeText(raw);
  const out: Record<string, string> = {};
  if (!text) return out;
  SKU_KEY.lastIndex = 0;
  let key = SKU_KEY.exec(text);
  if (!key) return { 规格: text };
  while (key) {
    const start = key.index + key[0].length;
    const next = SKU_KEY.exec(text);
    const value = trimSkuValue(text.slice(start, next ? next.index : text.length));
    const name = key[1] ?? "";
    if (name && value) out[name] = value;
    key = next;
  }
  return out;
}

/** A separator at either end of a SKU value (what SKU_TRIM removes); values without one skip the replace. */
const SKU_EDGE = /^[\s;；,，/|]|[\s;；,，/|]$/;

function trimSkuValue(value: string): string {
  return SKU_EDGE.test(value) ? value.replace(SKU_TRIM, "") : value;
}
