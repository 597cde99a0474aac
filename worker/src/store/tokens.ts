/**
 * Principals and the `tokens` table. A request's bearer token arrives here only as its SHA-256 hash; the DO
 * looks it up in its own table, so a token works for one team only and a revoked token fails on the very next
 * request (worker/README.md, "Auth in the DO"). `withPrincipal` is the gate every RPC goes through.
 */
import type { Role, TokenInfo } from "../../../shared/api.ts";
import { readMeta } from "./meta.ts";
import { fail, ok, type StoreResult } from "./result.ts";

export interface Principal {
  teamId: string;
  tokenId: string;
  agentId: string;
  name: string;
  role: Role;
}

/** A token row to insert; `tokenHash` is the SHA-256 of the secret, which is never stored. */
export interface NewToken {
  tokenId: string;
  tokenHash: string;
  agentId: string;
  name: string;
  role: Role;
  createdAt: number;
}

type Row = Record<string, SqlStorageValue>;

function authenticate(sql: SqlStorage, tokenHash: string): Principal | null {
  const teamId = readMeta(sql, "teamId");
  if (!teamId) return null;
  const row = sql
    .exec<{ token_id: string; agent_id: string; name: string; role: string }>(
      "SELECT token_id, agent_id, name, role FROM tokens WHERE hash = ? AND revoked_at IS NULL",
      tokenHash,
    )
    .toArray()[0];
  if (!row) return null;
  return { teamId, tokenId: row.token_id, agentId: row.agent_id, name: row.name, role: row.role as Role };
}

/** Runs `body` for a valid token (and role), else the matching 401/403. */
export function withPrincipal<T>(
  sql: SqlStorage,
  tokenHash: string,
  need: Role | "any",
  body: (p: Principal) => StoreResult<T>,
): StoreResult<T> {
  const principal = authenticate(sql, tokenHash);
  if (!principal) return fail(401, "unauthorized", "Token is unknown or revoked / 令牌无效或已吊销");
  if (need === "admin" && principal.role !== "admin") {
    return fail(403, "forbidden", "Only an admin token may do this / 仅管理员可操作");
  }
  return body(principal);
}

function tokenInfo(row: Row): TokenInfo {
  const info: TokenInfo = {
    tokenId: String(row.token_id),
    agentId: String(row.agent_id),
    name: String(row.name),
    role: row.role as Role,
    createdAt: Number(row.created_at),
  };
  if (row.revoked_at !== null && row.revoked_at !== undefined) info.revokedAt = Number(row.revoked_at);
  return info;
}

export function insertToken(sql: SqlStorage, token: NewToken): TokenInfo {
  sql.exec(
    "INSERT INTO tokens (token_id, hash, agent_id, name, role, created_at) VALUES (?, ?, ?, ?, ?, ?)",
    token.tokenId,
    token.tokenHash,
    token.agentId,
    token.name,
    token.role,
    token.createdAt,
  );
  return {
    tokenId: token.tokenId,
    agentId: token.agentId,
    name: token.name,
    role: token.role,
    createdAt: token.createdAt,
  };
}

/** Every token of the team, revoked ones included (no hashes). */
export function listTokenInfos(sql: SqlStorage): TokenInfo[] {
  return sql
    .exec("SELECT * FROM tokens ORDER BY created_at, token_id")
    .toArray()
    .map((r) => tokenInfo(r));
}

/** Revokes a token (idempotent); refuses the last live admin token, so a team can never lock itself out. */
export function revokeTokenRow(sql: SqlStorage, tokenId: string): StoreResult<TokenInfo> {
  const row = sql.exec("SELECT * FROM tokens WHERE token_id = ?", tokenId).toArray()[0];
  if (!row) return fail(404, "not_found", `No token ${tokenId}`);
  if (row.revoked_at === null && row.role === "admin") {
    const admins = sql
      .exec<{ n: number }>("SELECT COUNT(*) AS n FROM tokens WHERE role = 'admin' AND revoked_at IS NULL")
      .toArray()[0];
    if ((admins?.n ?? 0) <= 1)
      return fail(409, "conflict", "Cannot revoke the last admin token / 不能吊销最后一个管理员令牌");
  }
  if (row.revoked_at === null) {
    sql.exec("UPDATE tokens SET revoked_at = ? WHERE token_id = ?", Date.now(), tokenId);
  }
  const updated = sql.exec("SELECT * FROM tokens WHERE token_id = ?", tokenId).toArray()[0] as Row;
  return ok(tokenInfo(updated));
}
