import { useEffect, useState } from "preact/hooks";
import { browser } from "wxt/browser";
import { askBackground } from "../../messaging/protocol.ts";
import type { SyncOverview } from "../../store/overview.ts";

type BackgroundState = { kind: "checking" } | { kind: "ok"; version: string } | { kind: "down"; error: string };

const STATE_LABEL: Record<SyncOverview["status"]["state"], string> = {
  disconnected: "未连接团队 · Not connected",
  idle: "已同步 · Synced",
  syncing: "正在同步… · Syncing",
  offline: "离线，使用本机副本 · Offline",
  error: "同步出错 · Sync error",
};

function formatTime(ms: number | undefined): string {
  return ms ? new Date(ms).toLocaleString("zh-CN", { hour12: false }) : "从未 · never";
}

export function Popup() {
  const [state, setState] = useState<BackgroundState>({ kind: "checking" });
  const [overview, setOverview] = useState<SyncOverview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");

  useEffect(() => {
    askBackground("ping", {}).then(
      (pong) => setState({ kind: "ok", version: pong.version }),
      (err: Error) => setState({ kind: "down", error: err.message }),
    );
    const load = () => askBackground("sync.status", {}).then(setOverview, (err: Error) => setError(err.message));
    void load();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === "local" && Object.keys(changes).some((key) => key.startsWith("kefu."))) void load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  async function syncNow() {
    setBusy(true);
    setError("");
    try {
      setOverview(await askBackground("sync.now", {}));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const status = overview?.status;
  const good = status?.state === "idle";
  return (
    <main style={{ padding: "12px" }}>
      <div class="row">
        <h1>客服助手 Kefu Kit</h1>
        <span class="muted" data-testid="popup-version">
          {state.kind === "ok" ? `v${state.version}` : ""}
        </span>
      </div>
      <div class="card" data-testid="popup-background">
        {state.kind === "checking" && <span class="muted">正在连接后台…</span>}
        {state.kind === "ok" && <span class="status-ok">后台运行正常 · Background running</span>}
        {state.kind === "down" && <span class="status-bad">后台无响应：{state.error}</span>}
      </div>
      {overview && status && (
        <div class="card" data-testid="popup-sync">
          {overview.connected && (
            <div data-testid="popup-team">
              {overview.shopName} · {overview.agentName}（{overview.role === "admin" ? "管理员" : "客服"}）
            </div>
          )}
          <div
            class={good ? "status-ok" : status.state === "syncing" ? "" : "status-bad"}
            data-testid="popup-sync-state"
          >
            {STATE_LABEL[status.state]}
          </div>
          <div class="muted" data-testid="popup-last-sync">
            上次同步 · Last sync：{formatTime(status.lastSyncAt)}
          </div>
          <div class="muted" data-testid="popup-pending">
            待同步修改 · Pending edits：{overview.pendingEdits}
          </div>
          {!overview.connected && (
            <div data-testid="popup-connect-hint">
              点“打开设置”，填写管理员给你的同步服务地址和令牌 · Connect in Settings
            </div>
          )}
          {overview.conflicts > 0 && (
            <div class="status-bad" data-testid="popup-conflicts">
              {overview.conflicts} 条冲突待处理 · conflicts to resolve in settings
            </div>
          )}
          {status.lastError && (status.state === "offline" || status.state === "error") && (
            <div class="status-bad" data-testid="popup-error">
              {status.lastError}
            </div>
          )}
        </div>
      )}
      {error && (
        <div class="status-bad" data-testid="popup-error-message">
          {error}
        </div>
      )}
      <div class="row">
        <button type="button" data-testid="popup-sync-now" disabled={busy || !overview?.connected} onClick={syncNow}>
          {busy ? "同步中…" : "立即同步 Sync now"}
        </button>
        <button
          type="button"
          class="secondary"
          data-testid="popup-settings"
          onClick={() => browser.runtime.openOptionsPage()}
        >
          打开设置 · Settings
        </button>
      </div>
    </main>
  );
}
