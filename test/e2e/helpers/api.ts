/** Direct calls to the Worker API, for checking what the server really holds (never to drive the UI under test). */
import type { BatchResponse, CreateTokenResponse, PhraseBatchRequest, SyncResponse } from "../../../shared/api.ts";
import type { Phrase } from "../../../shared/phrases/schema.ts";

export async function api<T>(url: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: { authorization: `Bearer ${token}` } };
  if (body !== undefined) {
    init.headers = { ...init.headers, "content-type": "application/json" };
    init.body = JSON.stringify(body);
  }
  const res = await fetch(`${url}${path}`, init);
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/** Everything the token may see, from a full sync (since=0), following `more` pages. */
export async function serverPhrases(url: string, token: string): Promise<Map<string, Phrase>> {
  const phrases = new Map<string, Phrase>();
  let since = 0;
  for (;;) {
    const answer = await api<SyncResponse>(url, token, "GET", `/v1/sync?since=${since}`);
    for (const phrase of answer.phrases) {
      if (phrase.deleted) phrases.delete(phrase.id);
      else phrases.set(phrase.id, phrase);
    }
    if (!answer.more) return phrases;
    since = answer.rev;
  }
}

export async function findByCode(url: string, token: string, code: string): Promise<Phrase | undefined> {
  return [...(await serverPhrases(url, token)).values()].find((phrase) => phrase.code === code);
}

export function phraseBatch(url: string, token: string, body: PhraseBatchRequest): Promise<BatchResponse> {
  return api<BatchResponse>(url, token, "POST", "/v1/phrases/batch", body);
}

export function createToken(url: string, adminToken: string, role: "admin" | "agent", name: string) {
  return api<CreateTokenResponse>(url, adminToken, "POST", "/v1/tokens", { role, name });
}
