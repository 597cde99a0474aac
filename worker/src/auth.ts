/** Bearer-token handling: tokens are random, shown once, and stored only as SHA-256 hashes in the team's DO. */
import { createMiddleware } from "hono/factory";
import { TOKEN_PATTERN } from "../../shared/api.ts";
import type { AppEnv } from "./env.ts";
import { HttpError } from "./http.ts";

export interface Caller {
  teamId: string;
  tokenHash: string;
}

export type AuthedEnv = AppEnv & { Variables: { caller: Caller } };

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function randomChars(bytes: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(bytes));
}

export function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}

/** 16 lowercase letters/digits. */
export function newTeamId(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  return [...randomChars(16)].map((b) => alphabet[b % 36]).join("");
}

export function newId(prefix: string): string {
  return `${prefix}_${base64Url(randomChars(9))}`;
}

/** A fresh token for `teamId` (256 random bits) with its id and hash. */
export async function mintToken(teamId: string): Promise<{ token: string; tokenId: string; tokenHash: string }> {
  const token = `kefu_${teamId}_${base64Url(randomChars(32))}`;
  return { token, tokenId: newId("tok"), tokenHash: await sha256Hex(token) };
}

export function bearer(header: string | undefined): string | null {
  const match = /^Bearer +(\S+)\s*$/i.exec(header ?? "");
  return match?.[1] ?? null;
}

/** Requires a well-formed bearer token; the team's DO checks it is known and not revoked. */
export const requireToken = createMiddleware<AuthedEnv>(async (c, next) => {
  const token = bearer(c.req.header("authorization"));
  if (!token) throw new HttpError(401, "unauthorized", "Missing Authorization: Bearer <token> / 缺少令牌");
  const match = TOKEN_PATTERN.exec(token);
  if (!match?.[1]) throw new HttpError(401, "unauthorized", "Malformed token / 令牌格式错误");
  c.set("caller", { teamId: match[1], tokenHash: await sha256Hex(token) });
  await next();
});

/** Constant-time comparison of two secrets (via their hashes, so lengths do not leak either). */
export async function secretsEqual(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([sha256Hex(given), sha256Hex(expected)]);
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
