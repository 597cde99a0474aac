/**
 * TeamStore: one SQLite-backed Durable Object per team, the team's single writer. It authenticates tokens
 * (hashes only), assigns strictly increasing revisions, applies batches atomically with per-item baseRev checks,
 * answers deltas from an indexed table, and publishes a pre-serialised snapshot to KV from its alarm (coalesced,
 * at most once a second). Why a DO and what it costs: worker/README.md.
 */
import { DurableObject } from "cloudflare:workers";
import type {
  BatchConflict,
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
  LIMITS,
  type Phrase,
  type PhraseGroup,
  type PhraseGroupInput,
  type PhraseInput,
  type TeamSettings,
  type UsageIncrements,
} from "../../../shared/phrases/schema.ts";
import type { Env } from "../env.ts";
import { fail, ok, type StoreResult } from "./result.ts";
import { publishSnapshot } from "./snapshot.ts";

export interface Principal {
  teamId: string;
  tokenId: string;
  agentId: string;
  name: string;
  role: Role;
}

/** Parts of a sync answer as JSON text, so the Worker composes the body without re-serialising phrases. */
export interface ChangesText {
  head: number;
  /** Revision the answer covers up to (head, or less when `more`). */
  rev: number;
  more: boolean;
  phrasesText: string;
  groupsText: string;
  settingsJson?: string;
  settingsRev: number;
}

export interface BatchItem<T> {
  item: T;
  baseRev?: number;
}

/** Minimum gap between two KV publishes (KV allows one write per second per key). */
const PUBLISH_GAP_MS = 1000;
/** Phrases per delta answer; the client follows `more`. */
const DELTA_LIMIT = 5000;
/** Write requests per token per minute before 429. */
const WRITES_PER_MINUTE = 600;

type Row = Record<string, SqlStorageValue>;

export class TeamStore extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private headRev = 0;
  private readonly writeWindows = new Map<string, { start: number; count: number }>();
  /** KV writes made by this instance (reported by GET /v1/debug/stats). */
  private kvWrites = 0;
  private publishes = 0;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec(`
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS tokens (token_id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, agent_id TEXT NOT NULL,
        name TEXT NOT NULL, role TEXT NOT NULL, created_at INTEGER NOT NULL, revoked_at INTEGER);
      CREATE TABLE IF NOT EXISTS phrases (id TEXT PRIMARY KEY, owner TEXT, rev INTEGER NOT NULL,
        deleted INTEGER NOT NULL, json TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS phrases_rev ON phrases (rev);
      CREATE TABLE IF NOT EXISTS groups (id TEXT PRIMARY KEY, rev INTEGER NOT NULL, deleted INTEGER NOT NULL,
        json TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS usage (id TEXT PRIMARY KEY, count INTEGER NOT NULL);
    `);
    this.headRev = Number(this.meta("head") ?? 0);
  }

  // ---- small helpers -------------------------------------------------------------------------------------

  private meta(key: string): string | undefined {
    const row = this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = ?", key).toArray()[0];
    return row?.value;
  }

  private setMeta(key: string, value: string | number): void {
    this.sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", key, String(value));
  }

  private nextRev(): number {
    this.headRev += 1;
    this.setMeta("head", this.headRev);
    return this.headRev;
  }

  private authenticate(tokenHash: string): Principal | null {
    const teamId = this.meta("teamId");
    if (!teamId) return null;
    const row = this.sql
      .exec<{ token_id: string; agent_id: string; name: string; role: string }>(
        "SELECT token_id, agent_id, name, role FROM tokens WHERE hash = ? AND revoked_at IS NULL",
        tokenHash,
      )
      .toArray()[0];
    if (!row) return null;
    return { teamId, tokenId: row.token_id, agentId: row.agent_id, name: row.name, role: row.role as Role };
  }

  /** Runs `body` for a valid token (and role), else the matching 401/403. */
  private withPrincipal<T>(
    tokenHash: string,
    need: Role | "any",
    body: (p: Principal) => StoreResult<T>,
  ): StoreResult<T> {
    const principal = this.authenticate(tokenHash);
    if (!principal) return fail(401, "unauthorized", "Token is unknown or revoked / 令牌无效或已吊销");
    if (need === "admin" && principal.role !== "admin") {
      return fail(403, "forbidden", "Only an admin token may do this / 仅管理员可操作");
    }
    return body(principal);
  }

  private overWriteRate(tokenId: string): boolean {
    const now = Date.now();
    const window = this.writeWindows.get(tokenId);
    if (!window || now - window.start >= 60_000) {
      this.writeWindows.set(tokenId, { start: now, count: 1 });
      return false;
    }
    window.count += 1;
    return window.count > WRITES_PER_MINUTE;
  }

  private settings(): TeamSettings {
    const text = this.meta("settings");
    return text ? (JSON.parse(text) as TeamSettings) : defaultTeamSettings("");
  }

  private tokenInfo(row: Row): TokenInfo {
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

  private liveItemCount(): number {
    const row = this.sql
      .exec<{ n: number }>(
        "SELECT (SELECT COUNT(*) FROM phrases WHERE deleted = 0) + (SELECT COUNT(*) FROM groups WHERE deleted = 0) AS n",
      )
      .toArray()[0];
    return row?.n ?? 0;
  }

  /** Schedules a KV publish unless one is pending; never sooner than PUBLISH_GAP_MS after the last one. */
  private async schedulePublish(): Promise<void> {
    if ((await this.ctx.storage.getAlarm()) !== null) return;
    const last = Number(this.meta("lastPublishAt") ?? 0);
    await this.ctx.storage.setAlarm(Math.max(Date.now() + PUBLISH_GAP_MS, last + PUBLISH_GAP_MS));
  }

  // ---- RPC: team and tokens ------------------------------------------------------------------------------

  async init(
    teamId: string,
    shopName: string,
    admin: { tokenId: string; tokenHash: string; agentId: string; name: string },
  ): Promise<StoreResult<TokenInfo>> {
    if (this.meta("teamId")) return fail(409, "conflict", "Team already exists");
    const now = Date.now();
    this.ctx.storage.transactionSync(() => {
      this.setMeta("teamId", teamId);
      const settings = defaultTeamSettings(shopName);
      settings.agents[admin.agentId] = admin.name;
      this.setMeta("settings", JSON.stringify(settings));
      this.setMeta("settingsRev", this.nextRev());
      this.sql.exec(
        "INSERT INTO tokens (token_id, hash, agent_id, name, role, created_at) VALUES (?, ?, ?, ?, 'admin', ?)",
        admin.tokenId,
        admin.tokenHash,
        admin.agentId,
        admin.name,
        now,
      );
    });
    await this.schedulePublish();
    return ok({ tokenId: admin.tokenId, agentId: admin.agentId, name: admin.name, role: "admin", createdAt: now });
  }

  async me(tokenHash: string): Promise<StoreResult<MeResponse>> {
    return this.withPrincipal(tokenHash, "any", (p) =>
      ok({
        teamId: p.teamId,
        shopName: this.settings().shopName,
        tokenId: p.tokenId,
        agentId: p.agentId,
        name: p.name,
        role: p.role,
      }),
    );
  }

  async listTokens(tokenHash: string): Promise<StoreResult<TokenInfo[]>> {
    return this.withPrincipal(tokenHash, "admin", () =>
      ok(
        this.sql
          .exec("SELECT * FROM tokens ORDER BY created_at, token_id")
          .toArray()
          .map((r) => this.tokenInfo(r)),
      ),
    );
  }

  async createToken(
    tokenHash: string,
    request: { role: Role; name: string; agentId?: string },
    minted: { token: string; tokenId: string; tokenHash: string; agentId: string },
  ): Promise<StoreResult<CreateTokenResponse>> {
    const result = this.withPrincipal<CreateTokenResponse>(tokenHash, "admin", () => {
      const agentId = request.agentId ?? minted.agentId;
      const now = Date.now();
      this.ctx.storage.transactionSync(() => {
        this.sql.exec(
          "INSERT INTO tokens (token_id, hash, agent_id, name, role, created_at) VALUES (?, ?, ?, ?, ?, ?)",
          minted.tokenId,
          minted.tokenHash,
          agentId,
          request.name,
          request.role,
          now,
        );
        const settings = this.settings();
        if (settings.agents[agentId] !== request.name && Object.keys(settings.agents).length < LIMITS.agentsPerTeam) {
          settings.agents[agentId] = request.name;
          this.setMeta("settings", JSON.stringify(settings));
          this.setMeta("settingsRev", this.nextRev());
        }
      });
      return ok({
        token: minted.token,
        info: { tokenId: minted.tokenId, agentId, name: request.name, role: request.role, createdAt: now },
      });
    });
    if (result.ok) await this.schedulePublish();
    return result;
  }

  async revokeToken(tokenHash: string, tokenId: string): Promise<StoreResult<TokenInfo>> {
    return this.withPrincipal(tokenHash, "admin", () => {
      const row = this.sql.exec("SELECT * FROM tokens WHERE token_id = ?", tokenId).toArray()[0];
      if (!row) return fail(404, "not_found", `No token ${tokenId}`);
      if (row.revoked_at === null && row.role === "admin") {
        const admins = this.sql
          .exec<{ n: number }>("SELECT COUNT(*) AS n FROM tokens WHERE role = 'admin' AND revoked_at IS NULL")
          .toArray()[0];
        if ((admins?.n ?? 0) <= 1)
          return fail(409, "conflict", "Cannot revoke the last admin token / 不能吊销最后一个管理员令牌");
      }
      if (row.revoked_at === null) {
        this.sql.exec("UPDATE tokens SET revoked_at = ? WHERE token_id = ?", Date.now(), tokenId);
      }
      const updated = this.sql.exec("SELECT * FROM tokens WHERE token_id = ?", tokenId).toArray()[0] as Row;
      return ok(this.tokenInfo(updated));
    });
  }

  // ---- RPC: sync -----------------------------------------------------------------------------------------

  /** Cheap poll check: who is asking and the team's head revision. */
  async head(tokenHash: string): Promise<StoreResult<{ principal: Principal; head: number }>> {
    return this.withPrincipal(tokenHash, "any", (p) => ok({ principal: p, head: this.headRev }));
  }

  /**
   * Changes visible to the caller. mode "delta": every phrase/group with rev > since (tombstones included).
   * mode "full": live items only, with team items limited to rev > since (the rest came from the KV snapshot)
   * and every live personal phrase of the caller.
   */
  async changes(tokenHash: string, since: number, mode: "delta" | "full"): Promise<StoreResult<ChangesText>> {
    return this.withPrincipal<ChangesText>(tokenHash, "any", (p) => {
      const head = this.headRev;
      const settingsRev = Number(this.meta("settingsRev") ?? 0);
      if (mode === "delta" && since >= head) {
        // Steady poll: nothing newer (or a cursor from the future): answer without touching the tables.
        return ok({ head, rev: since, more: false, phrasesText: "", groupsText: "", settingsRev });
      }
      if (mode === "full") {
        const phrases = this.sql
          .exec<{ json: string }>(
            // Team tombstones after the snapshot are needed to cancel snapshot copies; personal: live only.
            "SELECT json FROM phrases WHERE (owner IS NULL AND rev > ? AND (deleted = 0 OR ? > 0)) OR (owner = ? AND deleted = 0) ORDER BY rev",
            since,
            since,
            p.agentId,
          )
          .toArray();
        const groups = this.sql
          .exec<{ json: string }>("SELECT json FROM groups WHERE deleted = 0 ORDER BY rev")
          .toArray();
        return ok({
          head,
          rev: head,
          more: false,
          phrasesText: phrases.map((r) => r.json).join(","),
          groupsText: groups.map((r) => r.json).join(","),
          settingsJson: this.meta("settings"),
          settingsRev,
        });
      }
      const phrases = this.sql
        .exec<{ json: string; rev: number }>(
          "SELECT json, rev FROM phrases WHERE rev > ? AND (owner IS NULL OR owner = ?) ORDER BY rev LIMIT ?",
          since,
          p.agentId,
          DELTA_LIMIT + 1,
        )
        .toArray();
      const more = phrases.length > DELTA_LIMIT;
      if (more) phrases.length = DELTA_LIMIT;
      const upTo = more ? (phrases[phrases.length - 1]?.rev ?? head) : head;
      const groups = this.sql
        .exec<{ json: string }>("SELECT json FROM groups WHERE rev > ? AND rev <= ? ORDER BY rev", since, upTo)
        .toArray();
      const settingsChanged = settingsRev > since && settingsRev <= upTo;
      return ok({
        head,
        rev: upTo,
        more,
        phrasesText: phrases.map((r) => r.json).join(","),
        groupsText: groups.map((r) => r.json).join(","),
        settingsJson: settingsChanged ? this.meta("settings") : undefined,
        settingsRev,
      });
    });
  }

  // ---- RPC: writes ---------------------------------------------------------------------------------------

  async batchPhrases(
    tokenHash: string,
    upserts: BatchItem<PhraseInput>[],
    deletes: { id: string; baseRev?: number }[],
  ): Promise<StoreResult<BatchResponse>> {
    const result = this.withPrincipal<BatchResponse>(tokenHash, "any", (p) => {
      if (this.overWriteRate(p.tokenId))
        return fail(429, "rate_limited", "Too many writes, retry in a minute / 写入过于频繁");
      if (p.role !== "admin") {
        const teamItem = upserts.find((u) => u.item.scope === "team");
        if (teamItem) {
          return fail(
            403,
            "forbidden",
            `Agents may write only personal phrases (${teamItem.item.id}) / 客服只能修改个人话术`,
          );
        }
      }
      const applied: { id: string; rev: number }[] = [];
      const conflicts: BatchConflict[] = [];
      const now = Date.now();
      this.ctx.storage.transactionSync(() => {
        let live = this.liveItemCount();
        for (const { item, baseRev } of upserts) {
          const existing = this.sql
            .exec<{ owner: string | null; rev: number; deleted: number; json: string }>(
              "SELECT owner, rev, deleted, json FROM phrases WHERE id = ?",
              item.id,
            )
            .toArray()[0];
          if (existing && !this.mayChangePhrase(p, existing.owner)) {
            conflicts.push({ id: item.id, reason: "forbidden" });
            continue;
          }
          // Scope is fixed at creation: flipping it would hide the change from agents who hold the old copy.
          if (existing && (existing.owner === null) !== (item.scope === "team")) {
            conflicts.push({ id: item.id, reason: "forbidden" });
            continue;
          }
          if ((baseRev ?? 0) !== (existing?.rev ?? 0)) {
            conflicts.push({
              id: item.id,
              reason: "stale",
              current: JSON.parse(existing?.json ?? "null") ?? undefined,
            });
            continue;
          }
          const becomesLive = !existing || existing.deleted === 1;
          if (becomesLive && live >= LIMITS.teamItems) {
            conflicts.push({ id: item.id, reason: "limit" });
            continue;
          }
          if (becomesLive) live += 1;
          const rev = this.nextRev();
          const owner = item.scope === "personal" ? (existing?.owner ?? p.agentId) : null;
          const phrase: Phrase = { ...item, updatedBy: p.agentId, updatedAt: now, rev };
          if (owner) phrase.ownerId = owner;
          this.sql.exec(
            "INSERT OR REPLACE INTO phrases (id, owner, rev, deleted, json) VALUES (?, ?, ?, 0, ?)",
            item.id,
            owner,
            rev,
            JSON.stringify(phrase),
          );
          applied.push({ id: item.id, rev });
        }
        for (const { id, baseRev } of deletes) {
          const existing = this.sql
            .exec<{ owner: string | null; rev: number; deleted: number; json: string }>(
              "SELECT owner, rev, deleted, json FROM phrases WHERE id = ?",
              id,
            )
            .toArray()[0];
          if (!existing || existing.deleted === 1) {
            conflicts.push({ id, reason: "missing" });
            continue;
          }
          if (!this.mayChangePhrase(p, existing.owner)) {
            conflicts.push({ id, reason: "forbidden" });
            continue;
          }
          if (baseRev !== undefined && baseRev !== existing.rev) {
            conflicts.push({ id, reason: "stale", current: JSON.parse(existing.json) as Phrase });
            continue;
          }
          const old = JSON.parse(existing.json) as Phrase;
          const rev = this.nextRev();
          const tombstone: Phrase = {
            id,
            code: old.code,
            content: "",
            groupId: old.groupId,
            tags: [],
            scope: old.scope,
            updatedBy: p.agentId,
            updatedAt: now,
            deleted: true,
            rev,
          };
          if (old.ownerId) tombstone.ownerId = old.ownerId;
          this.sql.exec(
            "UPDATE phrases SET rev = ?, deleted = 1, json = ? WHERE id = ?",
            rev,
            JSON.stringify(tombstone),
            id,
          );
          applied.push({ id, rev });
        }
      });
      return ok({ rev: this.headRev, applied, conflicts });
    });
    if (result.ok && result.value.applied.length > 0) await this.schedulePublish();
    return result;
  }

  private mayChangePhrase(p: Principal, owner: string | null): boolean {
    if (p.role === "admin") return true;
    return owner !== null && owner === p.agentId;
  }

  async batchGroups(
    tokenHash: string,
    upserts: BatchItem<PhraseGroupInput>[],
    deletes: { id: string; baseRev?: number }[],
  ): Promise<StoreResult<BatchResponse>> {
    const result = this.withPrincipal<BatchResponse>(tokenHash, "admin", (p) => {
      if (this.overWriteRate(p.tokenId))
        return fail(429, "rate_limited", "Too many writes, retry in a minute / 写入过于频繁");
      const applied: { id: string; rev: number }[] = [];
      const conflicts: BatchConflict[] = [];
      const now = Date.now();
      this.ctx.storage.transactionSync(() => {
        let live = this.liveItemCount();
        for (const { item, baseRev } of upserts) {
          const existing = this.sql
            .exec<{ rev: number; deleted: number; json: string }>(
              "SELECT rev, deleted, json FROM groups WHERE id = ?",
              item.id,
            )
            .toArray()[0];
          if ((baseRev ?? 0) !== (existing?.rev ?? 0)) {
            conflicts.push({
              id: item.id,
              reason: "stale",
              current: JSON.parse(existing?.json ?? "null") ?? undefined,
            });
            continue;
          }
          const becomesLive = !existing || existing.deleted === 1;
          if (becomesLive && live >= LIMITS.teamItems) {
            conflicts.push({ id: item.id, reason: "limit" });
            continue;
          }
          if (becomesLive) live += 1;
          const rev = this.nextRev();
          const group: PhraseGroup = { ...item, updatedAt: now, rev };
          this.sql.exec(
            "INSERT OR REPLACE INTO groups (id, rev, deleted, json) VALUES (?, ?, 0, ?)",
            item.id,
            rev,
            JSON.stringify(group),
          );
          applied.push({ id: item.id, rev });
        }
        for (const { id, baseRev } of deletes) {
          const existing = this.sql
            .exec<{ rev: number; deleted: number; json: string }>(
              "SELECT rev, deleted, json FROM groups WHERE id = ?",
              id,
            )
            .toArray()[0];
          if (!existing || existing.deleted === 1) {
            conflicts.push({ id, reason: "missing" });
            continue;
          }
          if (baseRev !== undefined && baseRev !== existing.rev) {
            conflicts.push({ id, reason: "stale", current: JSON.parse(existing.json) as PhraseGroup });
            continue;
          }
          const old = JSON.parse(existing.json) as PhraseGroup;
          const rev = this.nextRev();
          const tombstone: PhraseGroup = { id, name: old.name, order: old.order, updatedAt: now, deleted: true, rev };
          this.sql.exec(
            "UPDATE groups SET rev = ?, deleted = 1, json = ? WHERE id = ?",
            rev,
            JSON.stringify(tombstone),
            id,
          );
          applied.push({ id, rev });
        }
      });
      return ok({ rev: this.headRev, applied, conflicts });
    });
    if (result.ok && result.value.applied.length > 0) await this.schedulePublish();
    return result;
  }

  async getSettings(tokenHash: string): Promise<StoreResult<SettingsResponse>> {
    return this.withPrincipal(tokenHash, "any", () =>
      ok({ settings: this.settings(), settingsRev: Number(this.meta("settingsRev") ?? 0) }),
    );
  }

  async putSettings(
    tokenHash: string,
    settings: TeamSettings,
    baseRev: number | undefined,
  ): Promise<StoreResult<SettingsResponse>> {
    const result = this.withPrincipal<SettingsResponse>(tokenHash, "admin", (p) => {
      if (this.overWriteRate(p.tokenId))
        return fail(429, "rate_limited", "Too many writes, retry in a minute / 写入过于频繁");
      const current = Number(this.meta("settingsRev") ?? 0);
      if (baseRev !== undefined && baseRev !== current) {
        return fail(
          409,
          "conflict",
          `settings changed since rev ${baseRev} (now ${current}); reload and retry / 设置已被他人修改`,
        );
      }
      const settingsRev = this.ctx.storage.transactionSync(() => {
        this.setMeta("settings", JSON.stringify(settings));
        const rev = this.nextRev();
        this.setMeta("settingsRev", rev);
        return rev;
      });
      return ok({ settings, settingsRev });
    });
    if (result.ok) await this.schedulePublish();
    return result;
  }

  async addUsage(tokenHash: string, counts: UsageIncrements): Promise<StoreResult<{ ok: true }>> {
    return this.withPrincipal(tokenHash, "any", (p) => {
      if (this.overWriteRate(p.tokenId))
        return fail(429, "rate_limited", "Too many writes, retry in a minute / 写入过于频繁");
      this.ctx.storage.transactionSync(() => {
        for (const [id, n] of Object.entries(counts)) {
          this.sql.exec(
            "INSERT INTO usage (id, count) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET count = count + excluded.count",
            id,
            n,
          );
        }
      });
      return ok({ ok: true });
    });
  }

  async getUsage(tokenHash: string): Promise<StoreResult<UsageResponse>> {
    return this.withPrincipal(tokenHash, "any", () => {
      const counts: Record<string, number> = {};
      for (const row of this.sql.exec<{ id: string; count: number }>("SELECT id, count FROM usage").toArray()) {
        counts[row.id] = row.count;
      }
      return ok({ counts });
    });
  }

  async debugStats(
    tokenHash: string,
  ): Promise<StoreResult<{ head: number; publishedRev: number; kvWrites: number; publishes: number }>> {
    return this.withPrincipal(tokenHash, "admin", () =>
      ok({
        head: this.headRev,
        publishedRev: Number(this.meta("publishedRev") ?? 0),
        kvWrites: this.kvWrites,
        publishes: this.publishes,
      }),
    );
  }

  // ---- KV publishing ---------------------------------------------------------------------------------------

  /** Publishes the library to KV when it moved since the last publish; retries later if KV fails. */
  override async alarm(): Promise<void> {
    const teamId = this.meta("teamId");
    if (!teamId) return;
    const published = Number(this.meta("publishedRev") ?? 0);
    if (published >= this.headRev) return;
    const now = Date.now();
    const last = Number(this.meta("lastPublishAt") ?? 0);
    if (now - last < PUBLISH_GAP_MS) {
      await this.ctx.storage.setAlarm(last + PUBLISH_GAP_MS);
      return;
    }
    // Read everything synchronously: no other request can interleave, so the snapshot is one consistent rev.
    const rev = this.headRev;
    const rows = this.sql
      .exec<{ id: string; rev: number; deleted: number; json: string }>(
        "SELECT id, rev, deleted, json FROM phrases WHERE owner IS NULL",
      )
      .toArray();
    const olderKeys = JSON.parse(this.meta("previousKeys") ?? "[]") as string[];
    const currentKeys = this.meta("currentKeys") ?? "[]";
    try {
      const { chunkKeys, kvWrites } = await publishSnapshot(
        this.env.KEFU_KV,
        teamId,
        { rev, rows },
        JSON.parse(currentKeys) as string[],
        olderKeys,
      );
      this.kvWrites += kvWrites;
      this.publishes += 1;
      this.ctx.storage.transactionSync(() => {
        this.setMeta("publishedRev", rev);
        this.setMeta("lastPublishAt", now);
        this.setMeta("previousKeys", currentKeys);
        this.setMeta("currentKeys", JSON.stringify(chunkKeys));
      });
    } catch (err) {
      // KV 429/5xx: the pointer was not moved, readers keep the older complete snapshot; try again later.
      console.error("kefu: snapshot publish failed, retrying", err);
      this.setMeta("lastPublishAt", now);
      await this.ctx.storage.setAlarm(now + 5 * PUBLISH_GAP_MS);
      return;
    }
    if (this.headRev > rev) await this.ctx.storage.setAlarm(now + PUBLISH_GAP_MS);
  }
}
