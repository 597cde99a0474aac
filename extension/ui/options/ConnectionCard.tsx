import { useState } from "preact/hooks";
import { askBackground } from "../../messaging/protocol.ts";
import { normaliseWorkerUrl } from "../../sync/client.ts";
import type { ConnectionInfo } from "../../sync/connection.ts";
import { parseRule, requiredRule, useFieldChecks } from "./field-checks.tsx";
import { errorText, formatTime } from "./useStore.ts";

export const ROLE_LABEL = { admin: "管理员 · Admin", agent: "客服 · Agent" } as const;

/** The address gets the same reading the background gives it (scheme added, https required), before any request. */
const CONNECTION_RULES = {
  workerUrl: [requiredRule({ zh: "同步服务地址", en: "Worker URL" }), parseRule(normaliseWorkerUrl)],
  token: [requiredRule({ zh: "令牌", en: "token" })],
};

export function ConnectionCard({ connection, pending }: { connection?: ConnectionInfo; pending: number }) {
  const [url, setUrl] = useState(connection?.workerUrl ?? "");
  const [token, setToken] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const checks = useFieldChecks(CONNECTION_RULES, { workerUrl: url, token });

  async function save(event: Event) {
    event.preventDefault();
    if (!checks.check(event.currentTarget as HTMLFormElement)) return;
    setBusy(true);
    setError("");
    try {
      await askBackground("connection.save", { workerUrl: url, token });
      setToken("");
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  async function disconnect() {
    const warn = pending > 0 ? `还有 ${pending} 条修改没有同步，断开后会丢失。` : "";
    if (!window.confirm(`${warn}确定断开团队连接？本机的团队短语副本会被清除。`)) return;
    await askBackground("connection.disconnect", {});
  }

  return (
    <section class="card" data-testid="conn-card">
      <h2>团队连接 · Team connection</h2>
      {connection?.connected && connection.me ? (
        <div class="row conn-status" data-testid="conn-status">
          <div>
            <div>
              <strong data-testid="conn-shop">{connection.me.shopName}</strong>{" "}
              <span class="badge" data-testid="conn-role">
                {ROLE_LABEL[connection.me.role]}
              </span>
            </div>
            <div class="muted">
              客服 <span data-testid="conn-agent">{connection.me.name}</span> · {connection.workerUrl} · 令牌 …
              {connection.tokenHint} · 连接于 {formatTime(connection.connectedAt)}
            </div>
          </div>
          <button type="button" class="secondary" data-testid="conn-disconnect" onClick={disconnect}>
            断开 · Disconnect
          </button>
        </div>
      ) : (
        <p class="muted">尚未连接团队。填写管理员给你的同步服务地址和令牌。Not connected to a team yet.</p>
      )}
      <form class="form-grid" noValidate onSubmit={save}>
        <label>
          同步服务地址 · Worker URL
          <input
            data-testid="conn-url"
            {...checks.field("workerUrl")}
            aria-required="true"
            value={url}
            placeholder="https://kefu.example.workers.dev"
            onInput={(e) => setUrl(e.currentTarget.value)}
          />
          {checks.error("workerUrl")}
        </label>
        <label>
          令牌 · Token
          <input
            data-testid="conn-token"
            type="password"
            value={token}
            autocomplete="off"
            {...checks.field("token")}
            placeholder="kefu_…"
            onInput={(e) => setToken(e.currentTarget.value)}
          />
          {checks.error("token")}
        </label>
        <div class="row">
          <button type="submit" data-testid="conn-save" disabled={busy}>
            {busy ? "正在验证… Checking" : connection?.connected ? "更换令牌 · Replace" : "连接并验证 · Connect"}
          </button>
          {error && (
            <span class="status-bad" data-testid="conn-error">
              {error}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
