/**
 * 团队规则 · Team rules: the order checks, language lint, review templates and site profiles the whole team
 * uses, one tab each. Admins edit (queued like every settings edit, 待同步 until the Worker accepts it); agents
 * read. Each tab saves only its own settings section.
 */
import { useState } from "preact/hooks";
import type { TeamSettings } from "../../../../shared/phrases/schema.ts";
import { LintEditor } from "./LintEditor.tsx";
import { OrderRulesEditor } from "./OrderRulesEditor.tsx";
import { ReviewTemplatesEditor } from "./ReviewTemplatesEditor.tsx";
import { SiteProfilesEditor } from "./SiteProfilesEditor.tsx";
import type { RulesSection } from "./section.tsx";

const TABS: { section: RulesSection; label: string; Editor: typeof OrderRulesEditor }[] = [
  { section: "orderRules", label: "审单规则 · Order checks", Editor: OrderRulesEditor },
  { section: "lint", label: "话术检查 · Language lint", Editor: LintEditor },
  { section: "reviewTemplates", label: "评价模板 · Review templates", Editor: ReviewTemplatesEditor },
  { section: "siteProfiles", label: "站点配置 · Site profiles", Editor: SiteProfilesEditor },
];

export function TeamRules(props: { settings: TeamSettings | undefined; isAdmin: boolean; pending: readonly string[] }) {
  const [tab, setTab] = useState<RulesSection>("orderRules");
  const { settings } = props;
  const current = TABS.find((entry) => entry.section === tab) ?? TABS[0];
  return (
    <section class="card team-rules" data-testid="team-rules">
      <h2>团队规则 · Team rules</h2>
      {!settings || !current ? (
        <p class="muted">团队设置还没有同步下来，请先同步一次 · Sync once to see the team's rules</p>
      ) : (
        <>
          <div class="row tabs" role="tablist">
            {TABS.map((entry) => (
              <button
                type="button"
                role="tab"
                key={entry.section}
                aria-selected={entry.section === tab}
                class={entry.section === tab ? "tab" : "tab secondary"}
                data-testid={`team-rules-tab-${entry.section}`}
                onClick={() => setTab(entry.section)}
              >
                {entry.label}
                {props.pending.includes(entry.section) && <span class="badge warn">待同步</span>}
              </button>
            ))}
          </div>
          <current.Editor
            key={current.section}
            settings={settings}
            isAdmin={props.isAdmin}
            pending={props.pending.includes(current.section)}
          />
        </>
      )}
    </section>
  );
}
