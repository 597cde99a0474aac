/**
 * Read side of sync: what a caller gets beyond a cursor, as ready JSON text. Rows already hold their
 * serialised JSON, so an answer is joined strings — the Worker frames them (routes/sync.ts) without parsing or
 * re-serialising a phrase. A steady poll (cursor at the head) answers from the head rev alone, touching no table.
 */
import { readMeta, readSettingsRev } from "./meta.ts";
import type { Principal } from "./tokens.ts";

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

/** Phrases per delta answer; the client follows `more`. */
const DELTA_LIMIT = 5000;

const joinJson = (rows: { json: string }[]) => rows.map((r) => r.json).join(",");

/**
 * Changes visible to `p` at team revision `head`. mode "delta": every phrase/group with rev > since (tombstones
 * included). mode "full": live items only, with team items limited to rev > since (the rest came from the KV
 * snapshot) and every live personal phrase of the caller.
 */
export function readChanges(
  sql: SqlStorage,
  p: Principal,
  head: number,
  since: number,
  mode: "delta" | "full",
): ChangesText {
  const settingsRev = readSettingsRev(sql);
  if (mode === "delta" && since >= head) {
    // Steady poll: nothing newer (or a cursor from the future): answer without touching the tables.
    return { head, rev: since, more: false, phrasesText: "", groupsText: "", settingsRev };
  }
  if (mode === "full") {
    const phrases = sql
      .exec<{ json: string }>(
        // Team tombstones after the snapshot are needed to cancel snapshot copies; personal: live only.
        "SELECT json FROM phrases WHERE (owner IS NULL AND rev > ? AND (deleted = 0 OR ? > 0)) OR (owner = ? AND deleted = 0) ORDER BY rev",
        since,
        since,
        p.agentId,
      )
      .toArray();
    const groups = sql.exec<{ json: string }>("SELECT json FROM groups WHERE deleted = 0 ORDER BY rev").toArray();
    return {
      head,
      rev: head,
      more: false,
      phrasesText: joinJson(phrases),
      groupsText: joinJson(groups),
      settingsJson: readMeta(sql, "settings"),
      settingsRev,
    };
  }
  const phrases = sql
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
  const groups = sql
    .exec<{ json: string }>("SELECT json FROM groups WHERE rev > ? AND rev <= ? ORDER BY rev", since, upTo)
    .toArray();
  const settingsChanged = settingsRev > since && settingsRev <= upTo;
  return {
    head,
    rev: upTo,
    more,
    phrasesText: joinJson(phrases),
    groupsText: joinJson(groups),
    settingsJson: settingsChanged ? readMeta(sql, "settings") : undefined,
    settingsRev,
  };
}
