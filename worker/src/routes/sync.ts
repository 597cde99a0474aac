import { Hono } from "hono";
import { type AuthedEnv, requireToken } from "../auth.ts";
import { HttpError, storage, unwrap } from "../http.ts";
import { teamStore } from "../store/index.ts";
import { readSnapshot } from "../store/snapshot.ts";
import type { ChangesText } from "../store/sync-read.ts";

/** Client cursor from `?since=` or `If-None-Match: "r<rev>"` (weak `W/` prefix stripped); the larger wins. */
export function clientCursor(sinceParam: string | undefined, ifNoneMatch: string | undefined): number {
  let since = 0;
  if (sinceParam !== undefined) {
    if (!/^\d{1,15}$/.test(sinceParam))
      throw new HttpError(400, "bad_request", "since: must be a non-negative integer");
    since = Number(sinceParam);
  }
  const tag = /^(?:W\/)?"r(\d{1,15})"$/.exec((ifNoneMatch ?? "").trim());
  if (tag?.[1]) since = Math.max(since, Number(tag[1]));
  return since;
}

const etag = (rev: number) => `"r${rev}"`;

/** The answer around its phrases: `head` + phrases (comma-separated JSON objects) + `tail`. */
function frame(full: boolean, rev: number, more: boolean, changes: ChangesText): { head: string; tail: string } {
  const settings =
    changes.settingsJson === undefined
      ? ""
      : `,"settings":${changes.settingsJson},"settingsRev":${changes.settingsRev}`;
  return {
    head: `{"rev":${rev},"full":${full},"more":${more},"phrases":[`,
    tail: `],"groups":[${changes.groupsText}]${settings}}`,
  };
}

/**
 * GET /v1/sync. Poll/delta: one Durable Object call, no KV read; 304 when nothing is newer than the cursor.
 * Full (since=0): the pre-serialised KV snapshot's bytes plus what the DO has beyond it, never re-parsed.
 */
export const sync = new Hono<AuthedEnv>().use(requireToken).get("/", async (c) => {
  const { teamId, tokenHash } = c.get("caller");
  const since = clientCursor(c.req.query("since"), c.req.header("if-none-match"));
  const store = teamStore(c.env, teamId);
  c.header("Cache-Control", "private, no-cache");
  if (since > 0) {
    const changes = unwrap(await storage("team store", () => store.changes(tokenHash, since, "delta")));
    if (changes.rev <= since) {
      c.header("ETag", etag(since));
      return c.body(null, 304);
    }
    const { head, tail } = frame(false, changes.rev, changes.more, changes);
    c.header("ETag", etag(changes.rev));
    c.header("Content-Type", "application/json; charset=UTF-8");
    return c.body(`${head}${changes.phrasesText}${tail}`, 200);
  }
  unwrap(await storage("team store", () => store.head(tokenHash)));
  const snapshot = await storage("KV", () => readSnapshot(c.env.KEFU_KV, teamId));
  const rest = unwrap(await storage("team store", () => store.changes(tokenHash, snapshot?.pointer.rev ?? 0, "full")));
  const { head, tail } = frame(true, rest.rev, false, rest);
  // KV bucket bytes, commas between, then what the DO has beyond the snapshot: joined natively by Blob.
  const parts: (string | ArrayBuffer)[] = [head];
  for (const bucket of snapshot?.buckets ?? []) {
    if (parts.length > 1) parts.push(",");
    parts.push(bucket);
  }
  if (rest.phrasesText.length > 0) {
    if (parts.length > 1) parts.push(",");
    parts.push(rest.phrasesText);
  }
  parts.push(tail);
  c.header("ETag", etag(rest.rev));
  c.header("Content-Type", "application/json; charset=UTF-8");
  // One native copy into a buffer (~4 MB at 10k phrases) so the answer carries a Content-Length.
  return c.body(await new Blob(parts).arrayBuffer(), 200);
});
