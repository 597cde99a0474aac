import type { Env } from "../env.ts";
import type { TeamStore } from "./team-store.ts";

/** The RPC methods the Worker calls, with their plain signatures (the generated stub types are unwieldy). */
export type TeamStoreApi = Pick<
  TeamStore,
  | "init"
  | "me"
  | "listTokens"
  | "createToken"
  | "revokeToken"
  | "head"
  | "changes"
  | "batchPhrases"
  | "batchGroups"
  | "getSettings"
  | "putSettings"
  | "addUsage"
  | "getUsage"
  | "debugStats"
>;

/** The Durable Object stub of one team (its single writer). */
export function teamStore(env: Env, teamId: string): TeamStoreApi {
  return env.TEAM_STORE.get(env.TEAM_STORE.idFromName(teamId)) as unknown as TeamStoreApi;
}
