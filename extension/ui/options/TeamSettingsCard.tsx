import { useState } from "preact/hooks";
import { askBackground } from "../../messaging/protocol.ts";
import type { LibraryView } from "../../store/view.ts";
import { errorText } from "./useStore.ts";

/**
 * Shop name and agents' display names (团队设置). Admins edit them; the edit is queued like phrase edits (offline
 * too) and shows 待同步 until the Worker accepts it. Agents see them read-only.
 */
export function TeamSettingsCard({ library }: { library: LibraryView }) {
  const settings = library.settings;
  const isAdmin = library.me?.role === "admin";
  const [draft, setDraft] = useState<{ shopName: string; agents: Record<string, string> } | null>(null);
  const [error, setError] = useState("");
  const [saved, setSaved] = useState(false);
  if (!settings) return null;
  const shown = draft ?? { shopName: settings.shopName, agents: settings.agents };
  const pending = library.settingsPending.length > 0;

  async function save(event: Event) {
    event.preventDefault();
    if (!draft || !settings) return;
    const patch: { shopName?: string; agents?: Record<string, string> } = {};
    if (draft.shopName !== settings.shopName) patch.shopName = draft.shopName;
    if (JSON.stringify(draft.agents) !== JSON.stringify(settings.agents)) patch.agents = draft.agents;
    try {
      if (Object.keys(patch).length) await askBackground("settings.save", { patch });
      setDraft(null);
      setError("");
      setSaved(true);
    } catch (err) {
      setError(errorText(err));
    }
  }

  const edit = (next: typeof shown) => {
    setDraft(next);
    setSaved(false);
  };

  return (
    <section class="card" data-testid="team-settings">
      <div class="row">
        <h2>
          团队设置 · Team settings{" "}
          {pending && (
            <span class="badge warn" data-testid="team-settings-pending" title="尚未同步 · Not synced yet">
              待同步
            </span>
          )}
        </h2>
      </div>
      {!isAdmin && <p class="muted">团队设置由管理员维护，这里只读。Read-only for agents.</p>}
      <form class="form-grid" onSubmit={save}>
        <label>
          店铺名称 · Shop name
          <input
            data-testid="team-shop-name"
            value={shown.shopName}
            disabled={!isAdmin}
            maxLength={100}
            onInput={(e) => edit({ ...shown, shopName: e.currentTarget.value })}
          />
        </label>
        {Object.entries(shown.agents).map(([agentId, name]) => (
          <label key={agentId}>
            客服显示名 · Agent name（{agentId}）
            <input
              data-testid={`team-agent-${agentId}`}
              value={name}
              disabled={!isAdmin}
              maxLength={40}
              onInput={(e) => edit({ ...shown, agents: { ...shown.agents, [agentId]: e.currentTarget.value } })}
            />
          </label>
        ))}
        {isAdmin && (
          <div class="row">
            <button type="submit" data-testid="team-settings-save" disabled={!draft}>
              保存 · Save
            </button>
            {saved && !error && (
              <span class="muted" data-testid="team-settings-saved">
                {pending ? "已保存，等待同步 · Saved, syncing" : "已保存 · Saved"}
              </span>
            )}
            {error && (
              <span class="status-bad" data-testid="team-settings-error">
                {error}
              </span>
            )}
          </div>
        )}
      </form>
    </section>
  );
}
