/** The names profiles give normalisers, and the shapes every normaliser shares. */

export const NORMALIZER_NAMES = [
  "text",
  "raw",
  "price",
  "int",
  "datetime",
  "countdown",
  "skuProps",
  "flagColor",
  "statusText",
  "presaleText",
  "refund",
  "bool",
] as const;
export type NormalizerName = (typeof NORMALIZER_NAMES)[number];

export type RawValue = string | number | boolean | null | undefined | object;

export interface NormalizeEnv {
  /** The page's clock, for countdowns ("发货剩余5小时") and dates shown without a year. */
  nowMs: number;
}

/** A normaliser as a function of the raw value and the page's clock. */
export type Normalizer = (raw: RawValue, env: NormalizeEnv) => unknown;
