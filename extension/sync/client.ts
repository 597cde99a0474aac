/**
 * Typed calls to the team's Worker (shapes from shared/api.ts). Only the background uses this: content scripts
 * and pages ask the background. Failures become `WorkerError` with `offline` set when the Worker was not reached.
 */
import type {
  ApiError,
  BatchResponse,
  CreateTokenRequest,
  CreateTokenResponse,
  GroupBatchRequest,
  MeResponse,
  PhraseBatchRequest,
  PutSettingsRequest,
  RevokeTokenResponse,
  SettingsResponse,
  SyncResponse,
  TokenListResponse,
  UsageRequest,
} from "../../shared/api.ts";

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export class WorkerError extends Error {
  readonly status: number;
  readonly code: string;
  readonly offline: boolean;
  constructor(message: string, status: number, code: string, offline: boolean) {
    super(message);
    this.name = "WorkerError";
    this.status = status;
    this.code = code;
    this.offline = offline;
  }
}

const TIMEOUT_MS = 20_000;

/** Accepts "https://kefu.example.workers.dev/" or "127.0.0.1:8787"; returns the origin-ish base without a slash. */
export function normaliseWorkerUrl(raw: string): string {
  const text = raw.trim();
  if (!text) throw new Error("请填写同步服务地址 · Worker URL is required");
  const withScheme = /^https?:\/\//i.test(text)
    ? text
    : /^(localhost|127\.)/.test(text)
      ? `http://${text}`
      : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error(`同步服务地址无效 · Invalid Worker URL：${text}`);
  }
  const local = url.hostname === "127.0.0.1" || url.hostname === "localhost";
  if (url.protocol !== "https:" && !local)
    throw new Error("同步服务地址必须是 https（本机测试可用 http://127.0.0.1）· The Worker URL must use https");
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

export interface WorkerClient {
  me(): Promise<MeResponse>;
  /** null: 304, nothing newer than `since`. */
  sync(since: number): Promise<SyncResponse | null>;
  phraseBatch(body: PhraseBatchRequest): Promise<BatchResponse>;
  groupBatch(body: GroupBatchRequest): Promise<BatchResponse>;
  usage(body: UsageRequest): Promise<void>;
  getSettings(): Promise<SettingsResponse>;
  putSettings(body: PutSettingsRequest): Promise<SettingsResponse>;
  /** Admins: the team's tokens (hashes stay in the Worker; never the token text). */
  listTokens(): Promise<TokenListResponse>;
  /** Admins: a new token; its text is in the answer once and nowhere else. */
  mintToken(body: CreateTokenRequest): Promise<CreateTokenResponse>;
  revokeToken(tokenId: string): Promise<RevokeTokenResponse>;
}

export function createWorkerClient(
  baseUrl: string,
  token: string,
  fetchImpl: FetchLike = globalThis.fetch,
): WorkerClient {
  async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    let response: Response;
    try {
      const init: RequestInit = {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
          ...headers,
        },
        signal: controller.signal,
      };
      if (body !== undefined) init.body = JSON.stringify(body);
      response = await fetchImpl(`${baseUrl}${path}`, init);
    } catch (err) {
      const why = controller.signal.aborted ? "超时" : (err as Error).message;
      throw new WorkerError(`无法连接 Worker（${why}）`, 0, "offline", true);
    } finally {
      clearTimeout(timer);
    }
    if (response.status === 304) return { status: 304, data: null as T | null };
    let data: unknown = null;
    const text = await response.text();
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
    if (!response.ok) {
      const error = (data as ApiError | null)?.error;
      const message = error?.message ?? `HTTP ${response.status}`;
      const friendly =
        response.status === 401
          ? `令牌无效或已被吊销（${message}）`
          : response.status === 403
            ? `没有权限（${message}）`
            : message;
      // 5xx and 429 mean the Worker is there but cannot help now: retry later like offline.
      const transient = response.status >= 500 || response.status === 429;
      throw new WorkerError(friendly, response.status, error?.code ?? "http_error", transient);
    }
    if (data === null)
      throw new WorkerError(
        `Worker 返回的不是 JSON（HTTP ${response.status}）`,
        response.status,
        "bad_response",
        false,
      );
    return { status: response.status, data: data as T };
  }

  return {
    async me() {
      return (await call<MeResponse>("GET", "/v1/me")).data as MeResponse;
    },
    async sync(since) {
      const result = await call<SyncResponse>(
        "GET",
        `/v1/sync?since=${since}`,
        undefined,
        since > 0 ? { "If-None-Match": `"r${since}"` } : {},
      );
      return result.status === 304 ? null : result.data;
    },
    async phraseBatch(body) {
      return (await call<BatchResponse>("POST", "/v1/phrases/batch", body)).data as BatchResponse;
    },
    async groupBatch(body) {
      return (await call<BatchResponse>("POST", "/v1/groups/batch", body)).data as BatchResponse;
    },
    async usage(body) {
      await call<{ ok: true }>("POST", "/v1/usage", body);
    },
    async getSettings() {
      return (await call<SettingsResponse>("GET", "/v1/settings")).data as SettingsResponse;
    },
    async putSettings(body) {
      return (await call<SettingsResponse>("PUT", "/v1/settings", body)).data as SettingsResponse;
    },
    async listTokens() {
      return (await call<TokenListResponse>("GET", "/v1/tokens")).data as TokenListResponse;
    },
    async mintToken(body) {
      return (await call<CreateTokenResponse>("POST", "/v1/tokens", body)).data as CreateTokenResponse;
    },
    async revokeToken(tokenId) {
      const path = `/v1/tokens/${encodeURIComponent(tokenId)}`;
      return (await call<RevokeTokenResponse>("DELETE", path)).data as RevokeTokenResponse;
    },
  };
}
