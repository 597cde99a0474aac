import { Hono } from "hono";
import { type AuthedEnv, requireToken } from "../auth.ts";
import { HttpError, storage, unwrap } from "../http.ts";
import { teamStore } from "../store/index.ts";
import { readSnapshot } from "../store/snapshot.ts";
import type { ChangesText } from "../store/team-store.ts";

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

function body(full: boolean, rev: number, more: boolean, phrasesText: string, changes: ChangesText): string {
  const settings =
    changes.settingsJson === undefined
      ? ""
      : `,"settings":${changes.settingsJson},"settingsRev":${changes.settingsRev}`;
  return `{"rev":${rev},"full":${full},"more":${more},"phrases":[${phrasesText}],"groups":[${changes.groupsText}]${settings}}`;
}

/**
 * GET /v1/sync. Poll/delta: one Durable Object call, no KV read; 304 when nothing is newer than the cursor.
 * Full (since=0): the pre-serialised KV snapshot plus what the DO has beyond it, concatenated as text.
 */
export const sync = new Hono<AuthedEnv>().use(requireToken).get("/", async (c) => {
  const { teamId, tokenHash } = c.get("caller");
  const since = clientCursor(c.req.query("since"), c.req.header("if-none-match"));
  const store = teamStore(c.env, teamId);
  c.header("Cache-Control", "private, no-cache");
  let text: string;
  let rev: number;
  if (since > 0) {
    const changes = unwrap(await storage("team store", () => store.changes(tokenHash, since, "delta")));
    if (changes.rev <= since) {
      c.header("ETag", etag(since));
      return c.body(null, 304);
    }
    rev = changes.rev;
    text = body(false, rev, changes.more, changes.phrasesText, changes);
  } else {
    unwrap(await storage("team store", () => store.head(tokenHash)));
    const snapshot = await storage("KV", () => readSnapshot(c.env.KEFU_KV, teamId));
    const snapRev = snapshot?.pointer.rev ?? 0;
    const rest = unwrap(await storage("team store", () => store.changes(tokenHash, snapRev, "full")));
    rev = rest.rev;
    const phrasesText = [snapshot?.phrasesText ?? "", rest.phrasesText].filter((t) => t.length > 0).join(",");
    text = body(true, rev, false, phrasesText, rest);
  }
  c.header("ETag", etag(rev));
  c.header("Content-Type", "application/json; charset=UTF-8");
  return c.body(text, 200);
});
