import { useState } from "preact/hooks";
import { LIMITS } from "../../../shared/phrases/schema.ts";
import { askBackground } from "../../messaging/protocol.ts";
import type { LibraryView } from "../../store/view.ts";
import { ROLE_LABEL } from "./ConnectionCard.tsx";
import { type FieldRule, maxLengthRule, useFieldChecks } from "./field-checks.tsx";
import { errorText } from "./useStore.ts";

/**
 * Shop name and agents' display names (团队设置). Admins edit them; the edit is queued like phrase edits (offline
 * too) and shows 待同步 until the Worker accepts it. Agents see them read-only.
 */
interface Draft {
  /** Only what the user changed: a field left alone never overwrites another admin's newer value. */
  shopName?: string;
  agents: Record<string, string>;
  /** The values shown when editing began (sent as `seen`: a newer value from elsewhere is then a conflict). */
  seen: { shopName: string; agents: Record<string, string> };
}

const SHOP_NAME_RULES = [maxLengthRule({ zh: "店铺名称", en: "shop name" }, LIMITS.shopNameLength)];
const AGENT_NAME_RULES = [maxLengthRule({ zh: "客服显示名", en: "agent name" }, LIMITS.agentNameLength)];

export function TeamSettingsCard({ library }: { library: LibraryView }) {
  const settings = library.settings;
  const isAdmin = library.me?.role === "admin";
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState("");
  const [saved, setSaved] = useState(false);
  const shownAgents = draft ? { ...draft.seen.agents, ...draft.agents } : (settings?.agents ?? {});
  const shownShopName = draft?.shopName ?? draft?.seen.shopName ?? settings?.shopName ?? "";
  // Field keys: "shopName" and "agent:<agentId>" (ids are letters, digits, _ and -), in the order shown.
  const rules: Record<string, readonly FieldRule[]> = { shopName: SHOP_NAME_RULES };
  const values: Record<string, string> = { shopName: shownShopName };
  for (const [agentId, name] of Object.entries(shownAgents)) {
    rules[`agent:${agentId}`] = AGENT_NAME_RULES;
    values[`agent:${agentId}`] = name;
  }
  const checks = useFieldChecks(rules, values);
  if (!settings) return null;
  const pending = library.settingsPending.length > 0;

  async function save(event: Event) {
    event.preventDefault();
    if (!draft || !checks.check(event.currentTarget as HTMLFormElement)) return;
    const patch: { shopName?: string; agents?: Record<string, string> } = {};
    const seen: typeof patch = {};
    if (draft.shopName !== undefined) {
      patch.shopName = draft.shopName;
      seen.shopName = draft.seen.shopName;
    }
    if (Object.keys(draft.agents).length) {
      // Built on what the form showed: agents added elsewhere meanwhile are neither changed nor dropped.
      patch.agents = { ...draft.seen.agents, ...draft.agents };
      seen.agents = draft.seen.agents;
    }
    try {
      if (Object.keys(patch).length) await askBackground("settings.save", { patch, seen });
      setDraft(null);
      setError("");
      setSaved(true);
    } catch (err) {
      setError(errorText(err));
    }
  }

  const edit = (change: Partial<Pick<Draft, "shopName" | "agents">>) => {
    const current = draft ?? { agents: {}, seen: { shopName: settings.shopName, agents: settings.agents } };
    setDraft({ ...current, ...change, agents: { ...current.agents, ...change.agents } });
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
      <form class="form-grid" noValidate onSubmit={save}>
        <label>
          店铺名称 · Shop name
          <input
            data-testid="team-shop-name"
            {...checks.field("shopName")}
            value={shownShopName}
            disabled={!isAdmin}
            onInput={(e) => edit({ shopName: e.currentTarget.value })}
          />
          {checks.error("shopName")}
        </label>
        {Object.entries(shownAgents).map(([agentId, name]) => (
          <label key={agentId}>
            <span data-testid={`team-agent-label-${agentId}`}>
              客服显示名 · Agent name：<strong>{agentTitle(library, agentId)}</strong>{" "}
              <small title="客服编号 · Agent id" style={{ fontSize: "11px", fontFamily: "ui-monospace, monospace" }}>
                {agentId}
              </small>
            </span>
            <input
              data-testid={`team-agent-${agentId}`}
              {...checks.field(`agent:${agentId}`)}
              value={name}
              disabled={!isAdmin}
              onInput={(e) => edit({ agents: { [agentId]: e.currentTarget.value } })}
            />
            {checks.error(`agent:${agentId}`)}
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

/**
 * Who a display-name row is, for the label: the saved display name (the name the token was minted with until
 * an admin renames it), else the signed-in user's own name; the role where this browser knows it (its own
 * token — other tokens' roles need the admin token list, which the extension does not load).
 */
export function agentTitle(library: LibraryView, agentId: string): string {
  const me = library.me?.agentId === agentId ? library.me : undefined;
  const name = library.settings?.agents[agentId]?.trim() || me?.name || "未命名 · Unnamed";
  return me ? `${name}（我 · ${ROLE_LABEL[me.role]}）` : name;
}
