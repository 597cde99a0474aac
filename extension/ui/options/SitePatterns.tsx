/**
 * 自定义网站 · Team sites: URL patterns (team settings section `customSites`) where the phrase picker also runs.
 * Admins edit the list (one Chrome match pattern a line); the save is queued like any settings edit (`settings.save`,
 * sent by the next sync, a clash with another admin becomes a conflict). Every browser has to allow the
 * sites itself (Chrome asks on a click: `permissions.request` needs the user's gesture, so it is the first thing
 * the click does). The background (features/custom-sites.ts) registers the picker's content script for the
 * patterns this browser allows and writes what it did to `kefu.customSitesStatus`, shown per row here.
 */
import { useEffect, useState } from "preact/hooks";
import * as v from "valibot";
import { browser } from "wxt/browser";
import type { TeamSettings } from "../../../shared/phrases/schema.ts";
import { CustomSitesSchema, customSitePatterns, SitePatternSchema } from "../../../shared/settings.ts";
import { type CustomSitesStatus, customSitesStatusItem } from "../../features/custom-sites.ts";
import { askBackground } from "../../messaging/protocol.ts";
import { errorText } from "./useStore.ts";

/** The draft's lines as patterns, or the first problem named by its line number (nothing is saved then). */
export function parsePatternLines(draft: string): { patterns: string[] } | { error: string } {
  const lines = draft.split("\n").map((line) => line.trim());
  const patterns: string[] = [];
  for (const [i, line] of lines.entries()) {
    if (!line) continue;
    const parsed = v.safeParse(SitePatternSchema, line);
    if (!parsed.success) return { error: `第 ${i + 1} 行 · line ${i + 1}：${parsed.issues[0]?.message ?? ""}` };
    patterns.push(parsed.output);
  }
  const all = v.safeParse(CustomSitesSchema, { patterns });
  if (!all.success) return { error: all.issues[0]?.message ?? "网址规则无效 · invalid patterns" };
  return { patterns: all.output.patterns };
}

/** Asks Chrome for the sites' host permission; must run inside the click handler, before any other await. */
async function allowInThisBrowser(patterns: string[]): Promise<boolean> {
  if (patterns.length === 0) return true;
  return browser.permissions.request({ origins: patterns });
}

export function SitePatterns(props: { settings: TeamSettings | undefined; isAdmin: boolean; pending?: boolean }) {
  const saved = customSitePatterns(props.settings);
  const savedKey = saved.join("\n");
  const [draft, setDraft] = useState(savedKey);
  const [edited, setEdited] = useState(false);
  const [note, setNote] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<CustomSitesStatus | null>(null);

  // A sync that changes the team's list replaces the draft unless the admin is editing it.
  useEffect(() => {
    if (!edited) setDraft(savedKey);
  }, [savedKey, edited]);
  useEffect(() => {
    customSitesStatusItem.getValue().then(setStatus, () => {});
    return customSitesStatusItem.watch(setStatus);
  }, []);

  const needPermission = saved.filter((pattern) => status?.needPermission.includes(pattern));

  const grant = async () => {
    setError("");
    try {
      const ok = await allowInThisBrowser(needPermission);
      setNote(ok ? "已允许，刷新这些网站的页面后生效 · Allowed: reload those pages" : "未允许 · Not allowed");
    } catch (err) {
      setError(errorText(err));
    }
  };

  const save = async () => {
    setNote("");
    const parsed = parsePatternLines(draft);
    if ("error" in parsed) return setError(parsed.error);
    if (!props.settings) return setError("团队设置尚未同步，请先同步 · Team settings not synced yet: sync first");
    setError("");
    setBusy(true);
    let allowed = false;
    try {
      allowed = await allowInThisBrowser(parsed.patterns);
    } catch (err) {
      setError(errorText(err));
    }
    try {
      await askBackground("settings.save", { patch: { customSites: { patterns: parsed.patterns } } });
      setEdited(false);
      setNote(
        allowed
          ? "已保存（下次同步发给团队），本浏览器已允许；同事在各自的设置页允许 http 网站 · Saved and allowed here"
          : "已保存（下次同步发给团队），但本浏览器未允许这些网站 · Saved, but not allowed in this browser",
      );
    } catch (err) {
      setError(`保存失败，草稿仍在 · Not saved (draft kept)：${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" data-testid="site-patterns">
      <h2>自定义网站 · Team sites</h2>
      <p class="muted">
        快捷短语面板也在这些网址上运行（如 https://crm.example.com/*），每行一条。订单提示只在内置的店铺后台运行。
      </p>
      {saved.length === 0 && <p class="muted">尚未添加 · none yet</p>}
      {props.pending && (
        <p class="muted" data-testid="site-patterns-pending">
          修改待同步 · Change waiting for the next sync
        </p>
      )}
      <ul>
        {saved.map((pattern) => {
          const state = status?.active.includes(pattern)
            ? "active"
            : status?.needPermission.includes(pattern)
              ? "need-permission"
              : "pending";
          return (
            <li key={pattern} data-testid="site-pattern-row" data-state={state}>
              <code>{pattern}</code>{" "}
              <span class={state === "active" ? "status-ok" : "muted"}>
                {state === "active" ? "已生效 · active" : state === "need-permission" ? "待允许 · not allowed" : "…"}
              </span>
            </li>
          );
        })}
      </ul>
      {status?.error && <p class="status-bad">注册失败 · Registration failed：{status.error}</p>}
      {needPermission.length > 0 && (
        <button type="button" data-testid="site-patterns-grant" onClick={grant}>
          在本浏览器允许 {needPermission.length} 个网站 · Allow in this browser
        </button>
      )}
      {props.isAdmin && (
        <div>
          <textarea
            data-testid="site-patterns-input"
            rows={4}
            cols={60}
            value={draft}
            placeholder="https://crm.example.com/*"
            onInput={(e) => {
              setDraft(e.currentTarget.value);
              setEdited(true);
            }}
          />
          <div class="row">
            <button type="button" data-testid="site-patterns-save" disabled={busy} onClick={save}>
              保存并允许 · Save & allow
            </button>
          </div>
        </div>
      )}
      {error && (
        <p class="status-bad" data-testid="site-patterns-error">
          {error}
        </p>
      )}
      {note && (
        <p class="muted" data-testid="site-patterns-note">
          {note}
        </p>
      )}
    </section>
  );
}
