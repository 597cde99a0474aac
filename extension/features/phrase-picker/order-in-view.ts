/**
 * Script variables from the order in view. Chat pages: the order card (chat-order.ts). Order pages (lists and
 * details the site profiles know, team profiles included): the order extracted by the profile — the one whose row
 * holds the box the agent types in, else the page's only order. The profiles come from the background once per
 * page (getTeamSettings, the same answer the order overlay uses).
 */

import { pageClock, profileForUrl } from "../../../shared/profiles/match.ts";
import type { SiteProfile } from "../../../shared/profiles/schema.ts";
import { orderToVariables, type VariableValues } from "../../../shared/templates/variables.ts";
import { askBackground } from "../../messaging/protocol.ts";
import { extractOrders } from "../../sites/extract.ts";
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
    const orders = extractOrders(doc, profile, { nowMs: pageClock(profile, href, Date.now()) });
    const hit = orders.find((o) => o.row.contains(box)) ?? (orders.length === 1 ? orders[0] : undefined);
    return hit ? orderToVariables(hit.order) : {};
  } catch (err) {
    console.warn("[kefu] order in view not readable", err);
    return {};
  }
}
