/**
 * Request/response shapes of every Worker route (issue 3). The extension's sync client and the CLI build on
 * these; keep them stable. All routes except /health and POST /v1/teams need `Authorization: Bearer <token>`.
 * Every error is `ApiError` JSON with the matching HTTP status.
 */
import * as v from "valibot";
import {
  IdSchema,
  LIMITS,
  type Phrase,
  type PhraseGroup,
  PhraseGroupInputSchema,
  PhraseInputSchema,
  type TeamSettings,
  TeamSettingsSchema,
  type UsageCounts,
  UsageIncrementsSchema,
} from "./phrases/schema.ts";

export type ApiErrorCode =
  | "bad_request" // 400: validation; message names the field
  | "unauthorized" // 401: missing, malformed, unknown or revoked token
  | "forbidden" // 403: role may not do this
  | "not_found" // 404
  | "conflict" // 409: whole-request conflict (settings baseRev stale)
  | "payload_too_large" // 413
  | "unsupported_media_type" // 415: body must be application/json
  | "rate_limited" // 429
  | "not_configured" // 503: BOOTSTRAP_SECRET missing
  | "storage_unavailable" // 503: KV / Durable Object failed; nothing was changed
  | "internal"; // 500

export interface ApiError {
  error: { code: ApiErrorCode; message: string };
}

export type Role = "admin" | "agent";

/** Tokens look like `kefu_<teamId>_<secret>`; the team id lets the Worker route to the team's store. */
export const TOKEN_PATTERN = /^kefu_([a-z0-9]{16})_([A-Za-z0-9_-]{43})$/;

// POST /v1/teams  (Authorization: Bearer <BOOTSTRAP_SECRET>) → 201
export const CreateTeamRequestSchema = v.strictObject({
  name: v.pipe(v.string(), v.trim(), v.minLength(1, "name must not be empty"), v.maxLength(LIMITS.shopNameLength)),
  adminName: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.agentNameLength)), "管理员"),
});
export type CreateTeamRequest = v.InferInput<typeof CreateTeamRequestSchema>;
export interface CreateTeamResponse {
  teamId: string;
  /** Shown once; only its SHA-256 hash is stored. */
  adminToken: string;
  token: TokenInfo;
}

// GET /v1/me → 200
export interface MeResponse {
  teamId: string;
  shopName: string;
  tokenId: string;
  agentId: string;
  name: string;
  role: Role;
}

// GET /v1/tokens (admin) → 200
export interface TokenInfo {
  tokenId: string;
  /** The agent this token acts as; phrases' updatedBy/ownerId use it. */
  agentId: string;
  name: string;
  role: Role;
  createdAt: number;
  revokedAt?: number;
}
export interface TokenListResponse {
  tokens: TokenInfo[];
}

// POST /v1/tokens (admin) → 201. agentId reuses an agent (e.g. a replacement token for 小王); default: new agent.
export const CreateTokenRequestSchema = v.strictObject({
  role: v.picklist(["admin", "agent"], "role must be admin or agent"),
  name: v.pipe(v.string(), v.trim(), v.minLength(1, "name must not be empty"), v.maxLength(LIMITS.agentNameLength)),
  agentId: v.optional(IdSchema),
});
export type CreateTokenRequest = v.InferInput<typeof CreateTokenRequestSchema>;
export interface CreateTokenResponse {
  /** Shown once. */
  token: string;
  info: TokenInfo;
}

// DELETE /v1/tokens/:tokenId (admin) → 200 (takes effect on the next request)
export interface RevokeTokenResponse {
  revoked: TokenInfo;
}

/**
 * GET /v1/sync?since=<rev>  (or If-None-Match: "r<rev>") → 200 SyncResponse with ETag "r<rev>", or 304 no body
 * when the team has nothing newer than the client's revision (the answer never goes backwards).
 * since=0 (or absent) is a full sync: every live team phrase + the caller's personal phrases, groups, settings.
 * since>0 is a delta: every item with rev > since, tombstones included (deleted: true). `settings` is present
 * when it changed after `since`. When `more` is true, call again with since=rev straight away.
 */
export interface SyncResponse {
  /** New cursor: the client has everything up to and including this revision. */
  rev: number;
  full: boolean;
  more: boolean;
  phrases: Phrase[];
  groups: PhraseGroup[];
  settings?: TeamSettings;
  settingsRev?: number;
}

/** The rev an edit was made on (absent or 0 for a new id); a stale one comes back as a conflict. */
const BaseRevSchema = v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)));
/** Deletes of a batch: ids, each with an optional base rev. */
const BatchDeletesSchema = v.optional(v.array(v.strictObject({ id: IdSchema, baseRev: BaseRevSchema })), []);
/** Upserts and deletes together stay within one batch. */
const withinBatchLimit = (b: { upserts: unknown[]; deletes: unknown[] }) =>
  b.upserts.length + b.deletes.length <= LIMITS.batchItems;
const BATCH_LIMIT_MESSAGE = `at most ${LIMITS.batchItems} items per batch`;

/**
 * POST /v1/phrases/batch → 200. Agents may upsert/delete only personal phrases they own; admins anything.
 * baseRev: the rev the client last saw (0 or absent for a new phrase). A stale baseRev is reported in
 * `conflicts` with the server's current version; nothing is silently dropped and other entries still apply.
 */
export const PhraseBatchRequestSchema = v.pipe(
  v.strictObject({
    upserts: v.optional(
      v.array(
        v.strictObject({
          phrase: PhraseInputSchema,
          baseRev: BaseRevSchema,
        }),
      ),
      [],
    ),
    deletes: BatchDeletesSchema,
  }),
  v.check((b) => withinBatchLimit(b), BATCH_LIMIT_MESSAGE),
);
export type PhraseBatchRequest = v.InferInput<typeof PhraseBatchRequestSchema>;

export interface BatchConflict {
  id: string;
  /**
   * stale: baseRev is not the current rev; forbidden: not yours to change; missing: delete of an unknown or
   * already deleted id; limit: the team already holds LIMITS.teamItems live items.
   */
  reason: "stale" | "forbidden" | "missing" | "limit";
  /** Current server version (for stale), so the client can merge and retry. */
  current?: Phrase | PhraseGroup;
}
export interface BatchResponse {
  /** Team revision after this batch. */
  rev: number;
  applied: { id: string; rev: number }[];
  conflicts: BatchConflict[];
}

// POST /v1/groups/batch (admin) → 200 BatchResponse. Same rules as phrases.
export const GroupBatchRequestSchema = v.pipe(
  v.strictObject({
    upserts: v.optional(
      v.array(
        v.strictObject({
          group: PhraseGroupInputSchema,
          baseRev: BaseRevSchema,
        }),
      ),
      [],
    ),
    deletes: BatchDeletesSchema,
  }),
  v.check((b) => withinBatchLimit(b), BATCH_LIMIT_MESSAGE),
);
export type GroupBatchRequest = v.InferInput<typeof GroupBatchRequestSchema>;

// GET /v1/settings → 200 SettingsResponse; PUT /v1/settings (admin) → 200 SettingsResponse, 409 if baseRev stale.
export const PutSettingsRequestSchema = v.strictObject({
  settings: TeamSettingsSchema,
  baseRev: BaseRevSchema,
});
export type PutSettingsRequest = v.InferInput<typeof PutSettingsRequestSchema>;
export interface SettingsResponse {
  settings: TeamSettings;
  settingsRev: number;
}

// POST /v1/usage (any role) → 200 { ok: true }; increments are added to team-wide totals (never lost).
export const UsageRequestSchema = v.strictObject({ counts: UsageIncrementsSchema });
export type UsageRequest = v.InferInput<typeof UsageRequestSchema>;
// GET /v1/usage → 200
export interface UsageResponse {
  counts: UsageCounts;
}

/** Biggest JSON body the Worker accepts (a full batch of long Chinese phrases fits). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** Bodies of every other write route. */
export const MAX_SMALL_BODY_BYTES = 512 * 1024;
