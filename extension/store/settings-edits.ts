/**
 * Team-settings edits by admins. Like phrase edits they are queued in the outbox (one storage write, so they
 * survive a browser restart), shown at once, and sent by the sync loop; another admin's change to the same keys
 * meanwhile becomes a conflict (extension/sync/engine.ts), never a silent overwrite either way.
 */
import * as v from "valibot";
import { type TeamSettings, TeamSettingsSchema } from "../../shared/phrases/schema.ts";
import {
  applyPendingSettings,
  queueSettingsEdit,
  SETTINGS_KEYS,
  type SettingsPatch,
  sameJson,
  settingsKeyName,
} from "../../shared/phrases/settings-merge.ts";
import { connectionItem, exclusive, libraryItem, outboxItem } from "./state.ts";

/** Team settings as this browser shows them (server copy + queued edit); undefined before the first sync. */
export function readTeamSettings(): Promise<TeamSettings | undefined> {
  return exclusive(async () => {
    const [library, outbox] = await Promise.all([libraryItem.getValue(), outboxItem.getValue()]);
    return library.settings && applyPendingSettings(library.settings, outbox.settings);
  });
}

/**
 * Queues new values for some top-level settings keys (admins only). The result of applying them must be valid
 * settings; the error names the field. `seen`: the values the form showed when editing began, so a change another
 * admin made meanwhile (already pulled here) comes back as a conflict instead of being overwritten.
 * Answers with the settings as they now show.
 */
export function saveTeamSettings(patch: unknown, seen?: SettingsPatch): Promise<{ settings: TeamSettings }> {
  return exclusive(async () => {
    const connection = await connectionItem.getValue();
    if (!connection) throw new Error("请先连接团队 · Connect to a team first");
    if (connection.me.role !== "admin") throw new Error("只有管理员可以修改团队设置 · Only admins edit team settings");
    if (typeof patch !== "object" || patch === null || Array.isArray(patch)) {
      throw new Error("团队设置必须是对象 · Settings must be an object");
    }
    const unknown = Object.keys(patch).filter((key) => !(SETTINGS_KEYS as readonly string[]).includes(key));
    if (unknown.length) throw new Error(`未知的团队设置项：${unknown.join("、")} · Unknown settings keys`);
    const [library, outbox] = await Promise.all([libraryItem.getValue(), outboxItem.getValue()]);
    if (!library.settings) throw new Error("团队设置还没有同步下来，请先同步一次 · Sync once before editing settings");
    const shown = applyPendingSettings(library.settings, outbox.settings);
    const parsed = v.safeParse(TeamSettingsSchema, { ...shown, ...patch });
    if (!parsed.success) {
      const problem = parsed.issues[0];
      const path = v.getDotPath(problem) ?? "";
      const head = path.split(".")[0] ?? "";
      throw new Error(`${settingsKeyName(head)}${path.includes(".") ? `（${path}）` : ""}：${problem.message}`);
    }
    // Only keys whose value changes are queued: a whole settings object (a backup, a section editor writing all of
    // it) must not claim keys it did not change, or another admin's change there would look like a conflict.
    const valid: SettingsPatch = {};
    for (const key of SETTINGS_KEYS) {
      if (Object.hasOwn(patch, key) && !sameJson(parsed.output[key], shown[key])) {
        Object.assign(valid, { [key]: parsed.output[key] });
      }
    }
    if (!Object.keys(valid).length) return { settings: shown };
    outbox.seq += 1;
    outbox.settings = queueSettingsEdit(
      outbox.settings,
      library.settings,
      library.settingsRev,
      valid,
      outbox.seq,
      seen ?? {},
    );
    await outboxItem.setValue(outbox);
    return { settings: applyPendingSettings(library.settings, outbox.settings) };
  });
}
