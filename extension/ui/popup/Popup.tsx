import { useEffect, useState } from "preact/hooks";
import { browser } from "wxt/browser";
import { askBackground } from "../../messaging/protocol.ts";

type BackgroundState = { kind: "checking" } | { kind: "ok"; version: string } | { kind: "down"; error: string };

export function Popup() {
  const [state, setState] = useState<BackgroundState>({ kind: "checking" });
  useEffect(() => {
    askBackground("ping", {}).then(
      (pong) => setState({ kind: "ok", version: pong.version }),
      (err: Error) => setState({ kind: "down", error: err.message }),
    );
  }, []);
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
      <button type="button" class="secondary" onClick={() => browser.runtime.openOptionsPage()}>
        打开设置 · Settings
      </button>
    </main>
  );
}
