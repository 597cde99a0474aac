/** The normalisers by the names team profiles use (`NORMALIZER_NAMES`). */
import { normalizeCountdown, normalizeDateTime } from "./dates.ts";
import { normalizeFlagColor } from "./flag.ts";
import { normalizeInt, normalizePrice } from "./numbers.ts";
import { normalizeSkuProps } from "./sku.ts";
import { normalizePresale, normalizeRefund, normalizeStatusText } from "./status.ts";
import { asString, normalizeBool, normalizeText } from "./text.ts";
import type { NormalizeEnv, Normalizer, NormalizerName, RawValue } from "./types.ts";

// The functions themselves (they take the clock as their second argument or ignore it): no wrapper call per value.
const NORMALIZERS: Record<NormalizerName, Normalizer> = {
  text: normalizeText,
  raw: (raw) => (typeof raw === "object" && raw !== null ? raw : asString(raw)),
  price: normalizePrice,
  int: normalizeInt,
  datetime: normalizeDateTime,
  countdown: normalizeCountdown,
  skuProps: normalizeSkuProps,
  flagColor: normalizeFlagColor,
  statusText: normalizeStatusText,
  presaleText: normalizePresale,
  refund: normalizeRefund,
  bool: normalizeBool,
};
const UNKNOWN_NORMALIZER: Normalizer = () => undefined;

/**
 * The named normaliser as a function (the default is `text`; a name that is not a normaliser gives undefined for
 * every value), so callers that apply the same one to many rows look the name up once.
 */
export function normalizerFor(name: NormalizerName | undefined): Normalizer {
  const key = name ?? "text";
  // Names come from team profiles and page messages: only an own key that is a string names a normaliser.
  return typeof key === "string" && Object.hasOwn(NORMALIZERS, key) ? NORMALIZERS[key] : UNKNOWN_NORMALIZER;
}

/** Applies the named normaliser; the default is `text`. */
export function normalizeValue(name: NormalizerName | undefined, raw: RawValue, env: NormalizeEnv): unknown {
  return normalizerFor(name)(raw, env);
}
