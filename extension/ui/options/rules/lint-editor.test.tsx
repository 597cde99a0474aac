import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_BANNED_PHRASES } from "../../../../shared/lint/defaults.ts";
import { parseLintSettings } from "../../../../shared/lint/settings.ts";
import { defaultTeamSettings } from "../../../../shared/phrases/schema.ts";
import { LintEditor } from "./LintEditor.tsx";
import { check, click, setup, type } from "./test-kit.tsx";

describe("话术检查 editor", () => {
  let kit: ReturnType<typeof setup>;
  beforeEach(() => {
    kit = setup();
  });
  afterEach(() => kit.unmount());
  const settings = { ...defaultTeamSettings("小美的店"), orderRules: { highValueTotal: 1 } };
  const rows = () => kit.root.querySelectorAll('[data-testid="lint-bannedPhrases-row"]');
  const lastRowInputs = () => [...rows()].at(-1)?.querySelectorAll("input") ?? [];

  it("adds a banned phrase: the preview flags it at once, the save sends only the lint section", async () => {
    await kit.mount(<LintEditor settings={settings} isAdmin pending={false} />);
    expect(rows()).toHaveLength(DEFAULT_BANNED_PHRASES.length);
    await type(kit.get("lint-preview-input"), "亲，包您满意哦");
    expect(kit.find("lint-preview-clean")).not.toBeNull();
    await click(kit.get("lint-bannedPhrases-add"));
    await type(lastRowInputs()[0] ?? null, "包您满意");
    await type(lastRowInputs()[1] ?? null, "希望您满意");
    const finding = kit.get("lint-finding");
    expect(finding.dataset.rule).toBe("banned");
    expect(finding.textContent).toContain("包您满意");
    expect(finding.textContent).toContain("希望您满意");
    await click(kit.get("rules-lint-save"));
    expect(kit.saves).toHaveLength(1);
    expect(Object.keys(kit.saves[0]?.patch ?? {})).toEqual(["lint"]);
    const lint = kit.saves[0]?.patch.lint as Record<string, unknown>;
    expect(Object.keys(lint)).toEqual(["bannedPhrases"]); // unchanged lists stay on the defaults
    expect(parseLintSettings(lint).bannedPhrases.at(-1)).toEqual({ text: "包您满意", suggestion: "希望您满意" });
    expect(kit.saves[0]?.seen).toEqual({ lint: {} });
  });

  it("edits the plain word lists and the switch; removing a row and 恢复默认 work", async () => {
    await kit.mount(<LintEditor settings={settings} isAdmin pending={false} />);
    await type(kit.get("lint-preview-input"), "这个不能退");
    expect(kit.get("lint-finding").dataset.rule).toBe("bare-negative");
    await type(kit.get("lint-negativeWords"), "无法");
    expect(kit.find("lint-preview-clean")).not.toBeNull();
    await click(kit.get("lint-negativeWords-restore"));
    expect(kit.get("lint-finding").dataset.rule).toBe("bare-negative");
    const before = rows().length;
    await click(rows()[0]?.querySelector("button") ?? null);
    expect(rows()).toHaveLength(before - 1);
    await click(kit.get("lint-bannedPhrases-restore"));
    expect(rows()).toHaveLength(before);
    await check(kit.get("lint-enabled"), false);
    await click(kit.get("rules-lint-save"));
    expect(kit.saves[0]?.patch).toEqual({ lint: { enabled: false } });
  });

  it("a row with a suggestion but no phrase is named, nothing sent, the draft kept", async () => {
    await kit.mount(<LintEditor settings={settings} isAdmin pending={false} />);
    await click(kit.get("lint-superlatives-add"));
    const inputs = [...kit.root.querySelectorAll('[data-testid="lint-superlatives-row"]')]
      .at(-1)
      ?.querySelectorAll("input");
    await type(inputs?.[1] ?? null, "换个说法");
    await click(kit.get("rules-lint-save"));
    const count = kit.root.querySelectorAll('[data-testid="lint-superlatives-row"]').length;
    expect(kit.get("rules-lint-error").textContent).toBe(
      `话术检查 · 绝对化用语（广告法） 第 ${count} 行：不能为空 · must not be empty`,
    );
    expect(kit.saves).toEqual([]);
    expect((inputs?.[1] as HTMLInputElement | undefined)?.value).toBe("换个说法");
    await type(inputs?.[0] ?? null, "最".repeat(61));
    await click(kit.get("rules-lint-save"));
    expect(kit.get("rules-lint-error").textContent).toContain(`第 ${count} 行：太长，最多 60 个字`);
    expect(kit.saves).toEqual([]);
  });

  it("agents see the lists read-only (the preview still works); hostile text stays text", async () => {
    const hostile = {
      ...settings,
      lint: { bannedPhrases: [{ text: "<b>坏</b>", suggestion: "<script>x()</script>" }] },
    };
    await kit.mount(<LintEditor settings={hostile} isAdmin={false} pending />);
    expect(kit.find("rules-lint-pending")).not.toBeNull();
    expect(kit.find("rules-lint-save")).toBeNull();
    expect(kit.find("lint-bannedPhrases-add")).toBeNull();
    expect(rows()[0]?.querySelector("input")?.disabled).toBe(true);
    await type(kit.get("lint-preview-input"), "这<b>坏</b>了");
    expect(kit.get("lint-finding").textContent).toContain("<script>x()</script>");
    expect(kit.root.querySelector("b, script")).toBeNull();
  });
});
