/**
 * Normalisers: the raw strings (or JSON values) a site shows → the values of `Order`. Pure and total: bad input
 * yields `undefined` (the field is then absent), never an exception, and text stays text (no HTML parsing).
 *
 * This file is the public entry; the code lives in ./normalize/, one file per topic:
 *   types.ts     NORMALIZER_NAMES and the shared types (RawValue, NormalizeEnv, Normalizer)
 *   text.ts      text (whitespace, "nothing" placeholders) and yes/no words
 *   numbers.ts   prices and quantities
 *   iso-time.ts  epoch ms → ISO, the fast formatter every date ends in
 *   dates.ts     date-times and ship-deadline countdowns
 *   sku.ts       SKU properties
 *   flag.ts      memo flag colours
 *   status.ts    order status, presale and refund words
 *   by-name.ts   normalizerFor / normalizeValue: the normalisers by the names profiles use
 *
 * Every pattern is compiled once, at the top of its module: a regex literal inside a function makes a new RegExp
 * object each time it runs (cheap once optimised, but not while a freshly started service worker still interprets
 * this code).
 */
export { normalizerFor, normalizeValue } from "./normalize/by-name.ts";
export { normalizeCountdown, normalizeDateTime } from "./normalize/dates.ts";
export { normalizeFlagColor } from "./normalize/flag.ts";
export { isoFromEpochMs } from "./normalize/iso-time.ts";
export { normalizeInt, normalizePrice } from "./normalize/numbers.ts";
export { normalizeSkuProps } from "./normalize/sku.ts";
export { normalizePresale, normalizeRefund, normalizeStatusText, type PresaleState } from "./normalize/status.ts";
export { normalizeBool, normalizeText } from "./normalize/text.ts";
export {
  NORMALIZER_NAMES,
  type NormalizeEnv,
  type Normalizer,
  type NormalizerName,
  type RawValue,
} from "./normalize/types.ts";
