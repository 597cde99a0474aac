/**
 * An in-memory stand-in for the team Worker, following shared/api.ts (revisions, deltas with tombstones,
 * 304 on a steady poll, stale-baseRev conflicts, role checks), for the extension's unit tests only.
 * The real Worker is exercised by the e2e suite.
 */
import type { BatchConflict, BatchResponse, MeResponse, SyncResponse } from "../../../shared/api.ts";
import {
  defaultTeamSettings,
  type Phrase,
  type PhraseGroup,
  type PhraseGroupInput,
  type PhraseInput,
  type TeamSettings,
} from "../../../shared/phrases/schema.ts";

interface Upsert<T> {
  baseRev?: number;
  phrase?: T;
  group?: T;
}

export class FakeWorker {
  online = true;
  rev = 0;
  phrases = new Map<string, Phrase>();
  groups = new Map<string, PhraseGroup>();
  usage: Record<string, number> = {};
  settings: TeamSettings = defaultTeamSettings("小美的店");
  settingsRev = 0;
  requests: string[] = [];
  readonly tokens = new Map<string, MeResponse>();

  addToken(token: string, role: "admin" | "agent", agentId: string, name: string): void {
    this.tokens.set(token, {
      teamId: "team0000000000001",
      shopName: "小美的店",
      tokenId: `t-${agentId}`,
      agentId,
      name,
      role,
    });
  }

  /** Another client's write, straight into the server state. */
  serverWrite(input: PhraseInput, by = "someone"): Phrase {
    const phrase: Phrase = { ...input, rev: ++this.rev, updatedAt: Date.now(), updatedBy: by };
    this.phrases.set(phrase.id, phrase);
    return phrase;
  }

  /** Another admin's settings change, straight into the server state. */
  serverSettings(patch: Partial<TeamSettings>): void {
    this.settings = { ...this.settings, ...patch };
    this.settingsRev = ++this.rev;
  }

  serverDelete(id: string): void {
    const current = this.phrases.get(id);
    if (current) this.phrases.set(id, { ...current, content: "", deleted: true, rev: ++this.rev });
  }

  readonly fetch = async (input: string, init: RequestInit = {}): Promise<Response> => {
    const method = init.method ?? "GET";
    const url = new URL(input);
    this.requests.push(`${method} ${url.pathname}${url.search}`);
    if (!this.online) throw new TypeError("Failed to fetch");
    const auth = new Headers(init.headers).get("Authorization") ?? "";
    const me = this.tokens.get(auth.replace(/^Bearer /, ""));
    if (!me) return json(401, { error: { code: "unauthorized", message: "unknown token" } });
    const body = init.body ? JSON.parse(String(init.body)) : {};
    if (method === "GET" && url.pathname === "/v1/me") return json(200, me);
    if (method === "GET" && url.pathname === "/v1/sync")
      return this.sync(Number(url.searchParams.get("since") ?? 0), me);
    if (method === "POST" && url.pathname === "/v1/phrases/batch") return json(200, this.batchPhrases(body, me));
    if (method === "POST" && url.pathname === "/v1/groups/batch") {
      if (me.role !== "admin") return json(403, { error: { code: "forbidden", message: "admins only" } });
      return json(200, this.batchGroups(body));
    }
    if (method === "POST" && url.pathname === "/v1/usage") {
      for (const [id, n] of Object.entries(body.counts as Record<string, number>))
        this.usage[id] = (this.usage[id] ?? 0) + n;
      return json(200, { ok: true });
    }
    if (method === "GET" && url.pathname === "/v1/settings") {
      return json(200, { settings: this.settings, settingsRev: this.settingsRev });
    }
    if (method === "PUT" && url.pathname === "/v1/settings") {
      if (me.role !== "admin") return json(403, { error: { code: "forbidden", message: "admins only" } });
      if (body.baseRev !== undefined && body.baseRev !== this.settingsRev) {
        return json(409, { error: { code: "conflict", message: "settings changed" } });
      }
      this.settings = body.settings;
      this.settingsRev = ++this.rev;
      return json(200, { settings: this.settings, settingsRev: this.settingsRev });
    }
    return json(404, { error: { code: "not_found", message: "no route" } });
  };

  private visible(phrase: Phrase, me: MeResponse): boolean {
    return phrase.scope === "team" || phrase.ownerId === me.agentId;
  }

  private sync(since: number, me: MeResponse): Response {
    const phrases = [...this.phrases.values()].filter(
      (p) => this.visible(p, me) && p.rev > since && (since > 0 || !p.deleted),
    );
    const groups = [...this.groups.values()].filter((g) => g.rev > since && (since > 0 || !g.deleted));
    const settingsChanged = since === 0 || this.settingsRev > since;
    if (since > 0 && !phrases.length && !groups.length && !settingsChanged) return new Response(null, { status: 304 });
    const answer: SyncResponse = { rev: this.rev, full: since === 0, more: false, phrases, groups };
    if (settingsChanged) Object.assign(answer, { settings: this.settings, settingsRev: this.settingsRev });
    return json(200, answer);
  }

  private batchPhrases(
    body: { upserts?: Upsert<PhraseInput>[]; deletes?: { id: string; baseRev?: number }[] },
    me: MeResponse,
  ) {
    const applied: BatchResponse["applied"] = [];
    const conflicts: BatchConflict[] = [];
    for (const { phrase: input, baseRev = 0 } of body.upserts ?? []) {
      if (!input) continue;
      const current = this.phrases.get(input.id);
      if (me.role !== "admin" && (input.scope === "team" || (current && current.ownerId !== me.agentId))) {
        conflicts.push({ id: input.id, reason: "forbidden" });
      } else if (current && current.rev !== baseRev) {
        conflicts.push({ id: input.id, reason: "stale", current });
      } else {
        const phrase: Phrase = { ...input, rev: ++this.rev, updatedAt: Date.now(), updatedBy: me.agentId };
        if (input.scope === "personal") phrase.ownerId = me.agentId;
        this.phrases.set(input.id, phrase);
        applied.push({ id: input.id, rev: phrase.rev });
      }
    }
    for (const { id, baseRev = 0 } of body.deletes ?? []) {
      const current = this.phrases.get(id);
      if (!current || current.deleted) conflicts.push({ id, reason: "missing" });
      else if (current.rev !== baseRev) conflicts.push({ id, reason: "stale", current });
      else {
        this.serverDelete(id);
        applied.push({ id, rev: this.rev });
      }
    }
    return { rev: this.rev, applied, conflicts } satisfies BatchResponse;
  }

  private batchGroups(body: { upserts?: Upsert<PhraseGroupInput>[]; deletes?: { id: string; baseRev?: number }[] }) {
    const applied: BatchResponse["applied"] = [];
    const conflicts: BatchConflict[] = [];
    for (const { group: input, baseRev = 0 } of body.upserts ?? []) {
      if (!input) continue;
      const current = this.groups.get(input.id);
      if (current && current.rev !== baseRev) conflicts.push({ id: input.id, reason: "stale", current });
      else {
        this.groups.set(input.id, { ...input, rev: ++this.rev, updatedAt: Date.now() });
        applied.push({ id: input.id, rev: this.rev });
      }
    }
    for (const { id, baseRev = 0 } of body.deletes ?? []) {
      const current = this.groups.get(id);
      if (!current || current.deleted) conflicts.push({ id, reason: "missing" });
      else if (current.rev !== baseRev) conflicts.push({ id, reason: "stale", current });
      else {
        this.groups.set(id, { ...current, deleted: true, rev: ++this.rev });
        applied.push({ id, rev: this.rev });
      }
    }
    return { rev: this.rev, applied, conflicts } satisfies BatchResponse;
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}
