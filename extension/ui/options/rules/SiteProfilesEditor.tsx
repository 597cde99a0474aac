/**
 * 站点配置 · Site profiles (advanced): how each seller page is read. Built-in profiles are shown read-only as the
 * base; a team override replaces a built-in whole and is edited as JSON, checked with the profile schema (the
 * error names the field path). 恢复内置 drops the override. Saved as the `siteProfiles` section.
 */
import { useState } from "preact/hooks";
import {
  BUILTIN_IDS,
  buildProfilesSection,
  builtinProfile,
  pretty,
  profilesDraftFromSection,
  skeletonProfile,
  validateProfileText,
} from "./profile-fields.ts";
import { SectionFrame, type SectionProps, useSectionDraft } from "./section.tsx";

const NEW_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function SiteProfilesEditor({ settings, isAdmin, pending }: SectionProps) {
  const editor = useSectionDraft(settings.siteProfiles, profilesDraftFromSection);
  const { draft, edit } = editor;
  const ids = [...BUILTIN_IDS, ...Object.keys(draft.overrides).filter((id) => !BUILTIN_IDS.includes(id))];
  const [selected, setSelected] = useState(ids[0] ?? "");
  const [newId, setNewId] = useState("");
  const [newIdError, setNewIdError] = useState("");
  const builtin = builtinProfile(selected);
  const text = draft.overrides[selected];
  const check = text?.trim() ? validateProfileText(selected, text) : undefined;
  const setText = (next: string | undefined) =>
    edit((old) => {
      const overrides = { ...old.overrides };
      if (next === undefined) delete overrides[selected];
      else overrides[selected] = next;
      return { ...old, overrides };
    });

  const addProfile = () => {
    const id = newId.trim();
    if (!NEW_ID.test(id)) return setNewIdError("id 只能含小写字母、数字和 -（如 my-erp）· lowercase, digits and -");
    if (ids.includes(id)) return setNewIdError(`已有配置 ${id} · already exists`);
    setNewIdError("");
    edit((old) => ({ ...old, overrides: { ...old.overrides, [id]: skeletonProfile(id) } }));
    setSelected(id);
    setNewId("");
  };

  return (
    <SectionFrame
      id="profiles"
      title="站点配置 · Site profiles（高级 · advanced）"
      intro="订单提示按这些配置读取各平台页面。平台改版时在这里改一次选择器，全队同步生效。团队配置整体替换同 id 的内置配置。"
      isAdmin={isAdmin}
      pending={pending}
      editor={editor}
      onSave={() => editor.save("siteProfiles", buildProfilesSection)}
    >
      <div class="row">
        <label>
          配置 · Profile
          <select data-testid="profile-select" value={selected} onChange={(e) => setSelected(e.currentTarget.value)}>
            {ids.map((id) => (
              <option key={id} value={id}>
                {id}
                {builtinProfile(id)?.label ? ` · ${builtinProfile(id)?.label}` : ""}
                {draft.overrides[id] !== undefined ? "（团队修改）" : ""}
                {draft.disabled.includes(id) ? "（已停用）" : ""}
              </option>
            ))}
          </select>
        </label>
        {isAdmin && (
          <label>
            新建配置 id · New profile id
            <span class="row">
              <input
                data-testid="profile-new-id"
                value={newId}
                placeholder="my-erp"
                onInput={(e) => setNewId(e.currentTarget.value)}
              />
              <button type="button" data-testid="profile-add" onClick={addProfile}>
                新建 · Add
              </button>
            </span>
          </label>
        )}
      </div>
      {newIdError && <p class="status-bad">{newIdError}</p>}
      {builtin && (
        <label class="inline">
          <input
            type="checkbox"
            data-testid="profile-disabled"
            checked={draft.disabled.includes(selected)}
            disabled={!isAdmin}
            onChange={(e) => {
              const off = e.currentTarget.checked;
              edit((old) => ({
                ...old,
                disabled: off ? [...old.disabled, selected] : old.disabled.filter((id) => id !== selected),
              }));
            }}
          />
          停用此配置（该页面不再显示订单提示）· Switch this profile off
        </label>
      )}
      <div class="rules-two">
        {builtin && (
          <details class="rules-base" open={text === undefined}>
            <summary>内置配置（只读）· Built-in (read-only)</summary>
            <pre data-testid="profile-builtin">{pretty(builtin)}</pre>
          </details>
        )}
        <div class="rules-slots">
          {text === undefined ? (
            <p class="muted" data-testid="profile-uses-builtin">
              {builtin ? "使用内置配置，团队未修改 · Using the built-in" : ""}
            </p>
          ) : (
            <label>
              团队配置 JSON · Team override
              <textarea
                class="code"
                data-testid="profile-json"
                rows={18}
                spellcheck={false}
                value={text}
                disabled={!isAdmin}
                onInput={(e) => setText(e.currentTarget.value)}
              />
            </label>
          )}
          {check && "error" in check && (
            <p class="status-bad" data-testid="profile-check">
              {check.error}
            </p>
          )}
          {check && "value" in check && (
            <p class="status-ok" data-testid="profile-check">
              格式正确 · Valid
            </p>
          )}
          {isAdmin && (
            <div class="row">
              {text === undefined && builtin && (
                <button type="button" data-testid="profile-copy-builtin" onClick={() => setText(pretty(builtin))}>
                  以内置为底修改 · Edit a copy
                </button>
              )}
              {text !== undefined && (
                <button
                  type="button"
                  class="danger"
                  data-testid="profile-restore"
                  onClick={() => {
                    setText(undefined);
                    if (!builtin) setSelected(BUILTIN_IDS[0] ?? "");
                  }}
                >
                  {builtin ? "恢复内置 · Restore built-in" : "删除此配置 · Remove"}
                </button>
              )}
            </div>
          )}
        </div>
      </div>
    </SectionFrame>
  );
}
