import type { ApiErrorCode } from "../../../shared/api.ts";

/** What a TeamStore RPC returns: a value or an HTTP-shaped failure (thrown errors would lose their status). */
export type StoreResult<T> =
  | { ok: true; value: T }
  | { ok: false; status: 401 | 403 | 404 | 409 | 429; code: ApiErrorCode; message: string };

export const ok = <T>(value: T): StoreResult<T> => ({ ok: true, value });
export const fail = (status: 401 | 403 | 404 | 409 | 429, code: ApiErrorCode, message: string): StoreResult<never> => ({
  ok: false,
  status,
  code,
  message,
});
