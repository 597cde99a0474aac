/** Message handlers of the phrase store and sync loop; background.ts spreads them into its handler table. */
import type { Handlers } from "../messaging/protocol.ts";
import { connect, connectionInfo, disconnect } from "../sync/connection.ts";
import { resolveConflict, type SyncDeps, syncNow } from "../sync/engine.ts";
import { syncSoon } from "../sync/loop.ts";
import { restoreSettings } from "../sync/settings.ts";
import {
  applyImport,
  deleteGroup,
  deletePhrases,
  movePhrases,
  readStamp,
  readView,
  recordUsage,
  upsertGroup,
  upsertPhrase,
} from "./edits.ts";
import { syncOverview } from "./overview.ts";
import { saveTeamSettings } from "./settings-edits.ts";
import { listTeamTokens, mintTeamToken, revokeTeamToken } from "./team-tokens.ts";

export type StoreRequestType =
  | "connection.get"
  | "connection.save"
  | "connection.disconnect"
  | "library.get"
  | "library.stamp"
  | "phrase.save"
  | "phrases.delete"
  | "phrases.move"
  | "group.save"
  | "group.delete"
  | "import.apply"
  | "settings.restore"
  | "settings.save"
  | "conflict.resolve"
  | "usage.record"
  | "sync.now"
  | "sync.status"
  | "team.tokens.list"
  | "team.tokens.mint"
  | "team.tokens.revoke";

export function createStoreHandlers(deps: SyncDeps = {}): Pick<Handlers, StoreRequestType> {
  /** Runs an edit, then schedules a push so it reaches the team within seconds when online. */
  const edit = async <T>(work: Promise<T>): Promise<T> => {
    const result = await work;
    syncSoon(deps);
    return result;
  };
  return {
    "connection.get": () => connectionInfo(),
    "connection.save": async ({ workerUrl, token }) => {
      const info = await connect(workerUrl, token, deps);
      void syncNow(deps);
      return info;
    },
    "connection.disconnect": () => disconnect(),
    "library.get": () => readView(),
    "library.stamp": () => readStamp(),
    "phrase.save": ({ phrase }) => edit(upsertPhrase(phrase)),
    "phrases.delete": ({ ids }) => edit(deletePhrases(ids)),
    "phrases.move": ({ ids, groupId }) => edit(movePhrases(ids, groupId)),
    "group.save": ({ group }) => edit(upsertGroup(group)),
    "group.delete": ({ id }) => edit(deleteGroup(id)),
    "import.apply": ({ preview, scope }) => edit(applyImport(preview, scope)),
    "settings.restore": ({ settings }) => edit(restoreSettings(settings)),
    "settings.save": ({ patch, seen }) => edit(saveTeamSettings(patch, seen)),
    "conflict.resolve": ({ kind, id, choice }) => edit(resolveConflict(kind, id, choice)),
    "usage.record": ({ id, times }) => recordUsage(id, times ?? 1),
    "sync.now": async () => {
      await syncNow(deps);
      return syncOverview();
    },
    "sync.status": () => syncOverview(),
    "team.tokens.list": () => listTeamTokens(deps),
    "team.tokens.mint": async ({ name, role, agentId }) => {
      const minted = await mintTeamToken({ name, role, ...(agentId ? { agentId } : {}) }, deps);
      // The Worker added agents[agentId] = name: pull it so 团队设置 shows the new member.
      void syncNow(deps);
      return minted;
    },
    "team.tokens.revoke": async ({ tokenId }) => ({ revoked: await revokeTeamToken(tokenId, deps) }),
  };
}
