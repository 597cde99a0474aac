/**
 * Script variables from the order in view. Chat pages: the order card (chat-order.ts). Order pages (lists and
 * details the site profiles know, team profiles included): the row the profile reads — the one that holds the box
 * the agent types in, else the page's only order row — built into an order by the background. The profiles come
 * from the background once per page (getTeamSettings, the same answer the order overlay uses).
 */

import { pageClock, profileForUrl } from "../../../shared/profiles/match.ts";
import type { SiteProfile } from "../../../shared/profiles/schema.ts";
import { orderToVariables, type VariableValues } from "../../../shared/templates/variables.ts";
import { askBackground } from "../../messaging/protocol.ts";
import { extractRawRow, findRows, rowId, rowNormalizers } from "../../sites/extract.ts";
import { readChatVariables } from "./chat-order.ts";

let profiles: Promise<readonly SiteProfile[]> | undefined;

export async function orderVariables(doc: Document, href: string, box: Node): Promise<VariableValues> {
  const chat = readChatVariables(doc, href);
  if (Object.keys(chat).length > 0) return chat;
  profiles ??= askBackground("getTeamSettings", {}).then(
    (team) => team.siteProfiles,
    () => [],
  );
  const profile = profileForUrl(await profiles, href);
  if (!profile) return {};
  try {
    // Rows are read here as raw strings; the background turns them into the order (the normalisers stay there).
    const rows = findRows(doc, profile)
      .map((row) => ({ row, id: rowId(row, profile) }))
      .filter((r) => r.id);
    const hit = rows.find((r) => r.row.contains(box)) ?? (rows.length === 1 ? rows[0] : undefined);
    if (!hit) return {};
    const raw = extractRawRow(hit.row, profile, hit.id);
    const { order } = await askBackground("orders.build", {
      source: { raw, normalizers: rowNormalizers(profile), platform: profile.platform },
      nowMs: pageClock(profile, href, Date.now()),
    });
    return order ? orderToVariables(order) : {};
  } catch (err) {
    console.warn("[kefu] order in view not readable", err);
    return {};
  }
}
