/** Connecting this browser to a team: the token is tested with GET /v1/me before anything is saved. */
import type { MeResponse } from "../../shared/api.ts";
import { connectionItem, exclusive, statusItem } from "../store/state.ts";
import { createWorkerClient, type FetchLike, normaliseWorkerUrl } from "./client.ts";
import { resetTeamData } from "./engine.ts";

export interface ConnectionInfo {
  connected: boolean;
  workerUrl?: string;
  me?: MeResponse;
  /** Last 4 characters of the token, so people can tell tokens apart; the token itself never leaves the background. */
  tokenHint?: string;
  connectedAt?: number;
}

export async function connectionInfo(): Promise<ConnectionInfo> {
  const connection = await connectionItem.getValue();
  if (!connection) return { connected: false };
  return {
    connected: true,
    workerUrl: connection.workerUrl,
    me: connection.me,
    tokenHint: connection.token.slice(-4),
    connectedAt: connection.connectedAt,
  };
}

export async function connect(
  rawUrl: string,
  rawToken: string,
  deps: { fetch?: FetchLike; now?: () => number } = {},
): Promise<ConnectionInfo> {
  const workerUrl = normaliseWorkerUrl(rawUrl);
  const token = rawToken.trim();
  if (!token) throw new Error("请填写令牌 · Token is required");
  const me = await createWorkerClient(workerUrl, token, deps.fetch).me();
  const previous = await connectionItem.getValue();
  // Another team or another agent: the local copy, queue and conflicts belong to the previous one.
  if (previous && (previous.me.teamId !== me.teamId || previous.me.agentId !== me.agentId)) await resetTeamData();
  await exclusive(async () => {
    await connectionItem.setValue({ workerUrl, token, me, connectedAt: (deps.now ?? Date.now)() });
    await statusItem.setValue({ state: "idle" });
  });
  return connectionInfo();
}

export async function disconnect(): Promise<ConnectionInfo> {
  await resetTeamData();
  await exclusive(async () => {
    await connectionItem.setValue(null);
    await statusItem.setValue({ state: "disconnected" });
  });
  return { connected: false };
}
