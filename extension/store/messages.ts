/**
 * Message types of the phrase store and sync loop (merged into BackgroundRequests in messaging/protocol.ts).
 * Pages and content scripts call them with askBackground(type, payload).
 */
import type { TokenInfo } from "../../shared/api.ts";
import type { ImportPreview } from "../../shared/phrases/io/index.ts";
import type { PhraseScope, TeamSettings } from "../../shared/phrases/schema.ts";
import type { ConnectionInfo } from "../sync/connection.ts";
import type { GroupDraft, ImportOutcome, LibraryStamp, PhraseDraft } from "./edits.ts";
import type { SyncOverview } from "./overview.ts";
import type { Conflict } from "./state.ts";
import type { MintedToken, TeamTokensList } from "./team-tokens.ts";
import type { LibraryView } from "./view.ts";

type Empty = Record<string, never>;

export interface StoreRequests {
  /** Worker URL, who I am (team, role, agent name), token hint; never the token. */
  "connection.get": { request: Empty; response: ConnectionInfo };
  /** Tests the token with GET /v1/me, then saves it and starts a full sync. Throws with a readable reason. */
  "connection.save": { request: { workerUrl: string; token: string }; response: ConnectionInfo };
  /** Forgets the token and every local copy of the team's data (queued edits included). */
  "connection.disconnect": { request: Empty; response: ConnectionInfo };
  /** The library as this browser sees it: server copy + queued edits, conflicts, settings. */
  "library.get": { request: Empty; response: LibraryView };
  /**
   * Cheap change marker: { rev, outboxSeq } changes whenever library.get would answer differently (except
   * conflicts), so a content script can cache library.get (≈0.5 s at 10,000 phrases) and re-ask only on change.
   */
  "library.stamp": { request: Empty; response: LibraryStamp };
  "phrase.save": { request: { phrase: PhraseDraft }; response: { id: string } };
  "phrases.delete": { request: { ids: string[] }; response: { deleted: number } };
  "phrases.move": { request: { ids: string[]; groupId: string }; response: { moved: number } };
  "group.save": { request: { group: GroupDraft }; response: { id: string } };
  "group.delete": { request: { id: string }; response: { deleted: true } };
  /** Applies a parseImport preview all-or-nothing. */
  "import.apply": { request: { preview: ImportPreview; scope: PhraseScope }; response: ImportOutcome };
  /**
   * Admins: replaces the team settings with a JSON backup's. Validated now (refused with the reason), queued like
   * any settings edit (see settings.save). Answers with the settings as they now show.
   */
  "settings.restore": { request: { settings: unknown }; response: { settings: TeamSettings } };
  /**
   * Admins: new values for some top-level team-settings keys (shopName, agents, orderRules, lint, reviewTemplates,
   * siteProfiles), e.g. { patch: { siteProfiles: {...} } }. Validated now (the error names the field), queued in
   * storage (survives restarts, works offline), shown at once in library.get's `settings`, sent by the next sync.
   * Another admin's change to the same key meanwhile becomes a conflict (kind "settings") in the options page.
   */
  "settings.save": {
    /** seen: the values the form showed when editing began (a newer value from another admin is then a conflict). */
    request: { patch: Partial<TeamSettings>; seen?: Partial<TeamSettings> };
    response: { settings: TeamSettings };
  };
  "conflict.resolve": {
    request: { kind: Conflict["kind"]; id: string; choice: "mine" | "theirs" };
    response: { ok: true };
  };
  /** The picker reports a phrase used; counts are queued and sent with the next sync. */
  "usage.record": { request: { id: string; times?: number }; response: { queued: number } };
  /** Runs a sync round now (joins one already running) and answers with the outcome. */
  "sync.now": { request: Empty; response: SyncOverview };
  "sync.status": { request: Empty; response: SyncOverview };
  /** Admins: the team's tokens (GET /v1/tokens) and which one is mine; { online: false } when the Worker is away. */
  "team.tokens.list": { request: Empty; response: TeamTokensList };
  /**
   * Admins: POST /v1/tokens, then a sync (the new name shows in 团队设置). The token text is answered once.
   * With agentId: a replacement token for that existing agent (重新发放: lost token, new computer).
   */
  "team.tokens.mint": {
    request: { name: string; role: "admin" | "agent"; agentId?: string };
    response: MintedToken;
  };
  /** Admins: DELETE /v1/tokens/:id. Never queued; the last admin token is refused with a clear reason. */
  "team.tokens.revoke": { request: { tokenId: string }; response: { revoked: TokenInfo } };
}
