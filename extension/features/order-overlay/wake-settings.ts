/**
 * The team's settings as the wake script (public/wake.js) asked for them at document_start. That script shares this
 * content script's isolated world, so its `kefuWake` global is visible here and to nothing on the page.
 */

import { isRecord } from "../../../shared/guards.ts";
import { askBackground, type Reply, type ResponseOf } from "../../messaging/protocol.ts";

export type TeamSettingsAnswer = ResponseOf<"getTeamSettings">;

function answerOf(reply: unknown): TeamSettingsAnswer | undefined {
  if (!isRecord(reply) || reply.ok !== true || !isRecord(reply.value)) return undefined;
  const value = (reply as Reply<"getTeamSettings"> & { ok: true }).value;
  return Array.isArray(value.siteProfiles) && isRecord(value.orderRules) ? value : undefined;
}

/**
 * Takes the wake's question (once: the global is removed). `value`: the answer, when it came before this content
 * script started; `answer`: the answer whenever it comes, or the background asked again when the wake's question
 * failed. Undefined when there was no wake (a frame or page it does not run on).
 */
export function takeWakeSettings(): { value?: TeamSettingsAnswer; answer: Promise<TeamSettingsAnswer> } | undefined {
  const holder = globalThis as { kefuWake?: unknown };
  const wake = holder.kefuWake;
  delete holder.kefuWake;
  // What public/wake.js leaves: `team`, its question's promise; `settled`, the reply once it came.
  const { team, settled } = isRecord(wake) ? wake : {};
  if (!(team instanceof Promise)) return undefined;
  const value = answerOf(settled);
  return {
    ...(value ? { value } : {}),
    answer: value
      ? Promise.resolve(value)
      : team.then((reply) => answerOf(reply) ?? askBackground("getTeamSettings", {})),
  };
}
