import { KEFU_VERSION } from "../../../shared/version.ts";

export function Options() {
  return (
    <main>
      <div class="row">
        <h1>客服助手 · 设置</h1>
        <span class="muted">v{KEFU_VERSION}</span>
      </div>
      <section class="card">
        <h2>团队连接 · Team connection</h2>
        <p class="muted">尚未连接团队。Not connected to a team yet.</p>
      </section>
    </main>
  );
}
