/**
 * Restoring team settings from a JSON backup (admins). Unlike phrase edits this is not queued: settings are one
 * object with a single revision, so it is written while online or refused with the reason, and the caller applies
 * nothing else when it fails.
 */
import * as v from "valibot";
import { type TeamSettings, TeamSettingsSchema } from "../../shared/phrases/schema.ts";
import { connectionItem, exclusive, libraryItem } from "../store/state.ts";
import { createWorkerClient, type FetchLike } from "./client.ts";

export async function restoreSettings(
  raw: unknown,
  deps: { fetch?: FetchLike } = {},
): Promise<{ settingsRev: number }> {
  const connection = await connectionItem.getValue();
  if (!connection) throw new Error("请先连接团队 · Connect to a team first");
  if (connection.me.role !== "admin") throw new Error("只有管理员可以恢复团队设置 · Only admins restore settings");
  const parsed = v.safeParse(TeamSettingsSchema, raw);
  if (!parsed.success) {
    const problem = parsed.issues[0];
    throw new Error(`备份里的团队设置无效：${v.getDotPath(problem) ?? ""} ${problem.message}`);
  }
  const settings: TeamSettings = parsed.output;
  const client = createWorkerClient(connection.workerUrl, connection.token, deps.fetch);
  const baseRev = (await libraryItem.getValue()).settingsRev;
  const answer = await client.putSettings({ settings, baseRev });
  await exclusive(async () => {
    const library = await libraryItem.getValue();
    if (answer.settingsRev >= library.settingsRev) {
      await libraryItem.setValue({ ...library, settings: answer.settings, settingsRev: answer.settingsRev });
    }
  });
  return { settingsRev: answer.settingsRev };
}
