/**
 * Restoring team settings from a JSON backup (admins). The backup replaces every settings key, queued like any
 * settings edit: it lands when the Worker is reachable, and another admin's change meanwhile to a key the backup
 * would overwrite becomes a conflict to decide on, not a silent overwrite.
 */
import * as v from "valibot";
import { type TeamSettings, TeamSettingsSchema } from "../../shared/phrases/schema.ts";
import { saveTeamSettings } from "../store/settings-edits.ts";
import { connectionItem } from "../store/state.ts";

export async function restoreSettings(raw: unknown): Promise<{ settings: TeamSettings }> {
  const connection = await connectionItem.getValue();
  if (!connection) throw new Error("请先连接团队 · Connect to a team first");
  if (connection.me.role !== "admin") throw new Error("只有管理员可以恢复团队设置 · Only admins restore settings");
  const parsed = v.safeParse(TeamSettingsSchema, raw);
  if (!parsed.success) {
    const problem = parsed.issues[0];
    throw new Error(`备份里的团队设置无效：${v.getDotPath(problem) ?? ""} ${problem.message}`);
  }
  return saveTeamSettings(parsed.output);
}
