/** HTTP plumbing shared by the routes: typed errors, capped JSON bodies, store results → responses. */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import * as v from "valibot";
import type { ApiError, ApiErrorCode } from "../../shared/api.ts";
import { describeIssues } from "../../shared/phrases/schema.ts";
import type { StoreResult } from "./store/result.ts";

export class HttpError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: ApiErrorCode;
  constructor(status: ContentfulStatusCode, code: ApiErrorCode, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function errorBody(code: ApiErrorCode, message: string): ApiError {
  return { error: { code, message } };
}

/**
 * Reads a JSON body of at most `maxBytes`, checking Content-Type (415), size (413, also when the length header
 * lies or is absent), JSON syntax (400), then the valibot schema (400 naming the first bad field).
 */
export async function readJson<TSchema extends v.GenericSchema>(
  c: Context,
  schema: TSchema,
  maxBytes: number,
): Promise<v.InferOutput<TSchema>> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new HttpError(415, "unsupported_media_type", "Body must be application/json / 请求体必须是 JSON");
  }
  const declared = Number(c.req.header("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const body = c.req.raw.body;
  if (!body) throw new HttpError(400, "bad_request", "Body is empty / 请求体为空");
  const reader = body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes));
  } catch {
    throw new HttpError(400, "bad_request", "Body is not valid UTF-8 JSON / 请求体不是有效的 JSON");
  }
  // Every route takes an object (valibot's object schemas would also accept an array).
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new HttpError(400, "bad_request", "Body must be a JSON object / 请求体必须是 JSON 对象");
  }
  const parsed = v.safeParse(schema, data);
  if (!parsed.success) {
    const { message } = describeIssues(parsed.issues);
    throw new HttpError(400, "bad_request", message);
  }
  return parsed.output;
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, "payload_too_large", `Body exceeds ${maxBytes} bytes / 请求体过大`);
}

/** Unwraps a TeamStore result or throws it as the matching HTTP error. */
export function unwrap<T>(result: StoreResult<T>): T {
  if (result.ok) return result.value;
  throw new HttpError(result.status, result.code, result.message);
}

/** Turns a failed binding call (KV or Durable Object) into a 503 the client may retry; nothing was changed. */
export async function storage<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof HttpError) throw err;
    console.error(`kefu: ${what} failed`, err);
    throw new HttpError(
      503,
      "storage_unavailable",
      `Storage is unavailable (${what}), retry later / 存储暂不可用，请稍后重试`,
    );
  }
}
