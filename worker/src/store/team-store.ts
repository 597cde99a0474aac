/**
 * TeamStore: one SQLite-backed Durable Object per team, the team's single writer (why, and what it costs:
 * worker/README.md). This class is the shell: it owns the SQLite handle, the in-memory head revision, the write
 * rate limiter and the alarm that publishes the KV snapshot, and it draws the transaction boundaries (one
 * transactionSync per write request). The work lives in small modules: schema.ts (tables), meta.ts (meta and
 * settings), tokens.ts (principals, token rows), batch.ts (versioned phrase/group writes), sync-read.ts
 * (delta/full reads), usage.ts (use counts), write-rate.ts (429), publish.ts and snapshot.ts (KV snapshot).
 * Its public methods are the RPC surface the routes call (store/index.ts); keep their signatures stable.
 */
import { DurableObject } from "cloudflare:workers";
import type {
  BatchResponse,
  CreateTokenResponse,
  MeResponse,
  Role,
  SettingsResponse,
  TokenInfo,
  UsageResponse,
} from "../../../shared/api.ts";
import {
  defaultTeamSettings,
  type PhraseGroupInput,
  type PhraseInput,
  type TeamSettings,
  type UsageIncrements,
} from "../../../shared/phrases/schema.ts";
import type { Env } from "../env.ts";
import { applyBatch, type BatchItem, groupKind, type ItemKind, phraseKind } from "./batch.ts";
import { readMeta, readSettings, readSettingsRev, recordAgentName, writeMeta, writeSettings } from "./meta.ts";
import { type PublishStats, publishIfMoved, schedulePublish } from "./publish.ts";
import { fail, ok, type StoreResult } from "./result.ts";
import { createSchema } from "./schema.ts";
import { type ChangesText, readChanges } from "./sync-read.ts";
import { insertToken, listTokenInfos, type Principal, revokeTokenRow, withPrincipal } from "./tokens.ts";
import { addUsageCounts, readUsageCounts } from "./usage.ts";
import { WriteRateLimiter } from "./write-rate.ts";

export class TeamStore extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private headRev = 0;
  private readonly writeRate = new WriteRateLimiter();
  /** KV writes and publishes made by this instance (reported by GET /v1/debug/stats). */
  private readonly publishStats: PublishStats = { kvWrites: 0, publishes: 0 };

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    createSchema(this.sql);
    this.headRev = Number(readMeta(this.sql, "head") ?? 0);
  }

  // ---- shell helpers ---------------------------------------------------------------------------------------

  /** The next team revision, persisted with the write (call inside its transaction). */
  private nextRev(): number {
    this.headRev += 1;
    writeMeta(this.sql, "head", this.headRev);
    return this.headRev;
  }

  /**
   * A rate-limited write: token (and role) check, then one count against the token's write rate (429 over it),
   * then `body`. Schedules a KV publish after a successful write when `movesLibrary` says it changed anything.
   */
  private async write<T>(
    tokenHash: string,
    need: Role | "any",
    body: (p: Principal) => StoreResult<T>,
    movesLibrary: (value: T) => boolean,
  ): Promise<StoreResult<T>> {
    const result = withPrincipal<T>(this.sql, tokenHash, need, (p) =>
      this.writeRate.overLimit(p.tokenId)
        ? fail(429, "rate_limited", "Too many writes, retry in a minute / 写入过于频繁")
        : body(p),
    );
    if (result.ok && movesLibrary(result.value)) await schedulePublish(this.ctx.storage);
    return result;
  }

  /** One batch of phrases or groups in one transaction; entries apply or conflict one by one. */
  private applyBatch<Input extends { id: string }, Item>(
    kind: ItemKind<Input, Item>,
    upserts: BatchItem<Input>[],
    deletes: { id: string; baseRev?: number }[],
  ): StoreResult<BatchResponse> {
    const outcome = this.ctx.storage.transactionSync(() =>
      applyBatch(this.sql, () => this.nextRev(), kind, upserts, deletes),
    );
    return ok({ rev: this.headRev, applied: outcome.applied, conflicts: outcome.conflicts });
  }

  // ---- RPC: team and tokens ------------------------------------------------------------------------------

  async init(
    teamId: string,
    shopName: string,
    admin: { tokenId: string; tokenHash: string; agentId: string; name: string },
  ): Promise<StoreResult<TokenInfo>> {
    if (readMeta(this.sql, "teamId")) return fail(409, "conflict", "Team already exists");
    const now = Date.now();
    const info = this.ctx.storage.transactionSync(() => {
      writeMeta(this.sql, "teamId", teamId);
      const settings = defaultTeamSettings(shopName);
      settings.agents[admin.agentId] = admin.name;
      writeSettings(this.sql, settings, () => this.nextRev());
      return insertToken(this.sql, { ...admin, role: "admin", createdAt: now });
    });
    await schedulePublish(this.ctx.storage);
    return ok(info);
  }

  async me(tokenHash: string): Promise<StoreResult<MeResponse>> {
    return withPrincipal(this.sql, tokenHash, "any", (p) =>
      ok({
        teamId: p.teamId,
        shopName: readSettings(this.sql).shopName,
        tokenId: p.tokenId,
        agentId: p.agentId,
        name: p.name,
        role: p.role,
      }),
    );
  }

  async listTokens(tokenHash: string): Promise<StoreResult<TokenInfo[]>> {
    return withPrincipal(this.sql, tokenHash, "admin", () => ok(listTokenInfos(this.sql)));
  }

  async createToken(
    tokenHash: string,
    request: { role: Role; name: string; agentId?: string },
    minted: { token: string; tokenId: string; tokenHash: string; agentId: string },
  ): Promise<StoreResult<CreateTokenResponse>> {
    const result = withPrincipal<CreateTokenResponse>(this.sql, tokenHash, "admin", () => {
      const agentId = request.agentId ?? minted.agentId;
      const info = this.ctx.storage.transactionSync(() => {
        const inserted = insertToken(this.sql, {
          tokenId: minted.tokenId,
          tokenHash: minted.tokenHash,
          agentId,
          name: request.name,
          role: request.role,
          createdAt: Date.now(),
        });
        recordAgentName(this.sql, agentId, request.name, () => this.nextRev());
        return inserted;
      });
      return ok({ token: minted.token, info });
    });
    if (result.ok) await schedulePublish(this.ctx.storage);
    return result;
  }

  async revokeToken(tokenHash: string, tokenId: string): Promise<StoreResult<TokenInfo>> {
    return withPrincipal(this.sql, tokenHash, "admin", () => revokeTokenRow(this.sql, tokenId));
  }

  // ---- RPC: sync -----------------------------------------------------------------------------------------

  /** Cheap poll check: who is asking and the team's head revision. */
  async head(tokenHash: string): Promise<StoreResult<{ principal: Principal; head: number }>> {
    return withPrincipal(this.sql, tokenHash, "any", (p) => ok({ principal: p, head: this.headRev }));
  }

  /** Changes visible to the caller beyond `since` (sync-read.ts: delta, or the remainder of a full sync). */
  async changes(tokenHash: string, since: number, mode: "delta" | "full"): Promise<StoreResult<ChangesText>> {
    return withPrincipal(this.sql, tokenHash, "any", (p) => ok(readChanges(this.sql, p, this.headRev, since, mode)));
  }

  // ---- RPC: writes ---------------------------------------------------------------------------------------

  async batchPhrases(
    tokenHash: string,
    upserts: BatchItem<PhraseInput>[],
    deletes: { id: string; baseRev?: number }[],
  ): Promise<StoreResult<BatchResponse>> {
    return this.write<BatchResponse>(
      tokenHash,
      "any",
      (p) => {
        const teamItem = p.role === "admin" ? undefined : upserts.find((u) => u.item.scope === "team");
        if (teamItem) {
          return fail(
            403,
            "forbidden",
            `Agents may write only personal phrases (${teamItem.item.id}) / 客服只能修改个人话术`,
          );
        }
        return this.applyBatch(phraseKind(p, Date.now()), upserts, deletes);
      },
      (batch) => batch.applied.length > 0,
    );
  }

  async batchGroups(
    tokenHash: string,
    upserts: BatchItem<PhraseGroupInput>[],
    deletes: { id: string; baseRev?: number }[],
  ): Promise<StoreResult<BatchResponse>> {
    return this.write<BatchResponse>(
      tokenHash,
      "admin",
      () => this.applyBatch(groupKind(Date.now()), upserts, deletes),
      (batch) => batch.applied.length > 0,
    );
  }

  async getSettings(tokenHash: string): Promise<StoreResult<SettingsResponse>> {
    return withPrincipal(this.sql, tokenHash, "any", () =>
      ok({ settings: readSettings(this.sql), settingsRev: readSettingsRev(this.sql) }),
    );
  }

  async putSettings(
    tokenHash: string,
    settings: TeamSettings,
    baseRev: number | undefined,
  ): Promise<StoreResult<SettingsResponse>> {
    return this.write<SettingsResponse>(
      tokenHash,
      "admin",
      () => {
        const current = readSettingsRev(this.sql);
        if (baseRev !== undefined && baseRev !== current) {
          return fail(
            409,
            "conflict",
            `settings changed since rev ${baseRev} (now ${current}); reload and retry / 设置已被他人修改`,
          );
        }
        const settingsRev = this.ctx.storage.transactionSync(() =>
          writeSettings(this.sql, settings, () => this.nextRev()),
        );
        return ok({ settings, settingsRev });
      },
      () => true,
    );
  }

  async addUsage(tokenHash: string, counts: UsageIncrements): Promise<StoreResult<{ ok: true }>> {
    return this.write<{ ok: true }>(
      tokenHash,
      "any",
      () => {
        this.ctx.storage.transactionSync(() => addUsageCounts(this.sql, counts));
        return ok({ ok: true });
      },
      // Usage counts are not part of the KV snapshot.
      () => false,
    );
  }

  async getUsage(tokenHash: string): Promise<StoreResult<UsageResponse>> {
    return withPrincipal(this.sql, tokenHash, "any", () => ok({ counts: readUsageCounts(this.sql) }));
  }

  async debugStats(
    tokenHash: string,
  ): Promise<StoreResult<{ head: number; publishedRev: number; kvWrites: number; publishes: number }>> {
    return withPrincipal(this.sql, tokenHash, "admin", () =>
      ok({
        head: this.headRev,
        publishedRev: Number(readMeta(this.sql, "publishedRev") ?? 0),
        kvWrites: this.publishStats.kvWrites,
        publishes: this.publishStats.publishes,
      }),
    );
  }

  // ---- KV publishing ---------------------------------------------------------------------------------------

  /** Publishes the library to KV when it moved since the last publish (publish.ts); retries later if KV fails. */
  override async alarm(): Promise<void> {
    await publishIfMoved(this.ctx.storage, this.env.KEFU_KV, () => this.headRev, this.publishStats);
  }
}
