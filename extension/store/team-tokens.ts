/**
 * Team members (admins): list, mint and revoke the team's tokens through the Worker. These are security actions,
 * so nothing is queued: offline they fail at once with a clear reason. A minted token's text goes back to the
 * options page once and is never stored here.
 */
import type { Role, TokenInfo } from "../../shared/api.ts";
import { createWorkerClient, type FetchLike, WorkerError } from "../sync/client.ts";
import { connectionItem } from "./state.ts";

export type TeamTokensList =
  | { online: true; tokens: TokenInfo[]; myTokenId: string }
  /** The Worker was not reached: the card says it needs the Worker and offers nothing. */
  | { online: false; reason: string };

export interface MintedToken {
  /** Shown once in the options page; not kept anywhere in the extension. */
  token: string;
  info: TokenInfo;
}

const OFFLINE = "团队成员管理需要连接同步服务（Worker），离线时不能操作 · Team members need the Worker (offline)";

async function adminClient(deps: { fetch?: FetchLike }) {
  const connection = await connectionItem.getValue();
  if (!connection) throw new Error("尚未连接团队 · Not connected to a team");
  if (connection.me.role !== "admin") throw new Error("只有管理员可以管理团队成员 · Only admins manage team members");
  return { client: createWorkerClient(connection.workerUrl, connection.token, deps.fetch), me: connection.me };
}

/** Turns a Worker failure into a Chinese-first sentence; the Worker's own message is kept for details. */
export function tokenErrorText(err: unknown, action: "list" | "mint" | "revoke"): string {
  if (!(err instanceof WorkerError)) return err instanceof Error ? err.message : String(err);
  if (err.offline && err.status === 0) return OFFLINE;
  if (err.status === 409 && action === "revoke")
    return "不能吊销最后一个管理员令牌：团队至少要保留一个管理员 · Cannot revoke the last admin token";
  if (err.status === 404) return `找不到该令牌（可能已被删除）· Token not found（${err.message}）`;
  if (err.status === 400) return `输入有误 · Invalid input：${err.message}`;
  if (err.status === 429) return `请求太频繁，请稍后再试 · Too many requests（${err.message}）`;
  if (err.status >= 500) return `同步服务暂时不可用，请稍后再试 · Worker unavailable（${err.message}）`;
  return err.message;
}

export async function listTeamTokens(deps: { fetch?: FetchLike } = {}): Promise<TeamTokensList> {
  const { client, me } = await adminClient(deps);
  try {
    const { tokens } = await client.listTokens();
    return { online: true, tokens, myTokenId: me.tokenId };
  } catch (err) {
    if (err instanceof WorkerError && err.offline && err.status === 0) return { online: false, reason: OFFLINE };
    throw new Error(tokenErrorText(err, "list"));
  }
}

/** A new token; with `agentId`, a replacement token for that existing agent (the Worker reuses the agent). */
export async function mintTeamToken(
  request: { name: string; role: Role; agentId?: string },
  deps: { fetch?: FetchLike } = {},
): Promise<MintedToken> {
  const name = request.name.trim();
  if (!name) throw new Error("请填写成员名字 · Name is required");
  if (request.role !== "admin" && request.role !== "agent")
    throw new Error("角色只能是管理员或客服 · Role must be admin or agent");
  const { client } = await adminClient(deps);
  try {
    const body = { name, role: request.role, ...(request.agentId ? { agentId: request.agentId } : {}) };
    const { token, info } = await client.mintToken(body);
    return { token, info };
  } catch (err) {
    throw new Error(tokenErrorText(err, "mint"));
  }
}

export async function revokeTeamToken(tokenId: string, deps: { fetch?: FetchLike } = {}): Promise<TokenInfo> {
  if (!tokenId) throw new Error("缺少令牌编号 · tokenId is required");
  const { client } = await adminClient(deps);
  try {
    return (await client.revokeToken(tokenId)).revoked;
  } catch (err) {
    throw new Error(tokenErrorText(err, "revoke"));
  }
}
