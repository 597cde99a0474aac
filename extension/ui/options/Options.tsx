import { KEFU_VERSION } from "../../../shared/version.ts";
import { ConflictList } from "./ConflictList.tsx";
import { ConnectionCard } from "./ConnectionCard.tsx";
import { ImportExport } from "./ImportExport.tsx";
import { PhraseEditor } from "./PhraseEditor.tsx";
import { TeamRules } from "./rules/TeamRules.tsx";
import { SitePatterns } from "./SitePatterns.tsx";
import { TeamMembersCard } from "./TeamMembersCard.tsx";
import { TeamSettingsCard } from "./TeamSettingsCard.tsx";
import { UsagePanel } from "./UsagePanel.tsx";
import { useStore } from "./useStore.ts";
import "./options.css";

export function Options() {
  const { connection, library, error } = useStore();
  return (
    <main>
      <div class="row">
        <h1>客服助手 · 设置</h1>
        <span class="muted">v{KEFU_VERSION}</span>
      </div>
      {error && (
        <p class="status-bad" data-testid="options-error">
          后台无响应：{error}
        </p>
      )}
      {connection && (
        <ConnectionCard
          key={connection.workerUrl ?? "none"}
          connection={connection}
          pending={library?.pendingCount ?? 0}
        />
      )}
      {connection?.connected && library && (
        <>
          <ConflictList conflicts={library.conflicts} />
          <TeamSettingsCard library={library} />
          {connection.me?.role === "admin" && (
            <TeamMembersCard key={connection.me.tokenId} agentNames={library.settings?.agents} />
          )}
          <PhraseEditor library={library} />
          <ImportExport library={library} />
          <UsagePanel />
          <SitePatterns
            settings={library.settings}
            isAdmin={connection.me?.role === "admin"}
            pending={library.settingsPending.includes("customSites")}
          />
          <TeamRules
            settings={library.settings}
            isAdmin={connection.me?.role === "admin"}
            pending={library.settingsPending}
          />
        </>
      )}
    </main>
  );
}
