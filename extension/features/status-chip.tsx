import { render } from "preact";
import { createShadowRootUi } from "wxt/utils/content-script-ui/shadow-root";
import { askBackground } from "../messaging/protocol.ts";
import type { Feature } from "./feature.ts";

/**
 * A small chip in the page corner saying Kefu Kit is active here and whether the background answers.
 * It lives in a shadow root, so the seller page's CSS cannot restyle it.
 */
export const statusChip: Feature = {
  id: "status-chip",
  async start(ctx) {
    // A courtesy, so it waits: its node, added while a freshly loaded page (a 500-order list) is being checked, would
    // make the page lay out and paint again in the middle of the order overlay's first scan (~40 ms there).
    await new Promise<void>((resolve) => {
      ctx.setTimeout(() => ctx.requestIdleCallback(() => resolve(), { timeout: 1000 }), 500);
    });
    if (ctx.isInvalid) return;
    const ui = await createShadowRootUi(ctx, {
      name: "kefu-status-chip",
      position: "overlay",
      alignment: "bottom-right",
      zIndex: 2147483000,
      onMount(container) {
        const host = document.createElement("div");
        container.append(host);
        render(<Chip label="客服助手" detail="连接中…" />, host);
        askBackground("ping", {}).then(
          (pong) => render(<Chip label="客服助手" detail={`v${pong.version}`} ok />, host),
          () => render(<Chip label="客服助手" detail="后台未响应" />, host),
        );
        return host;
      },
      onRemove(host) {
        if (host) render(null, host);
      },
    });
    ui.mount();
    ctx.onInvalidated(() => ui.remove());
  },
};

function Chip(props: { label: string; detail: string; ok?: boolean }) {
  return (
    <div
      data-kefu="status-chip"
      data-state={props.ok ? "ok" : "pending"}
      style={{
        position: "fixed",
        right: "12px",
        bottom: "12px",
        font: "12px/1.4 system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif",
        background: props.ok ? "#0f766e" : "#64748b",
        color: "#fff",
        borderRadius: "999px",
        padding: "4px 10px",
        boxShadow: "0 1px 4px rgba(0,0,0,.25)",
        pointerEvents: "none",
      }}
    >
      {props.label} · {props.detail}
    </div>
  );
}
