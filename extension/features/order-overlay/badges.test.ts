/** Order-row badges (happy-dom): counts by severity in the kept button, rule ids on the host, no-op updates. */
import { describe, expect, it } from "vitest";
import type { OrderWarning } from "../../../shared/orders/types.ts";
import { BADGE_ATTR, createBadge, listenForBadgeClicks, updateBadge } from "./badges.ts";

const warning = (rule: string, severity: OrderWarning["severity"]) =>
  ({ rule, severity, message: `${rule}!`, orderId: "1" }) as OrderWarning;

describe("order badges", () => {
  it("shows counts by severity, worst first, and puts the rule ids on the host", () => {
    const opened: HTMLElement[] = [];
    const listening = new AbortController();
    listenForBadgeClicks(document, (host) => opened.push(host), listening.signal);
    const badge = createBadge("42");
    document.body.append(badge.host);
    expect(badge.host.hasAttribute(BADGE_ATTR)).toBe(true);
    expect(badge.host.shadowRoot?.querySelector("button")).toBe(badge.button);
    updateBadge(badge, [
      warning("remote-area", "warning"),
      warning("missing-phone", "error"),
      warning("high-value", "info"),
      warning("ship-due-soon", "warning"),
    ]);
    expect(badge.button.textContent).toBe("✖ 1\u2002⚠ 2\u2002ℹ 1");
    expect(badge.button.className).toBe("error");
    expect(badge.button.title).toBe("客服助手：严重 1，注意 2，提示 1（点击查看）");
    expect(badge.host.dataset.kefuRules).toBe("remote-area missing-phone high-value ship-due-soon");
    expect(badge.host.dataset.kefuSeverity).toBe("error");
    const clickedRow: string[] = [];
    document.body.addEventListener("click", () => clickedRow.push("row"));
    badge.button.click();
    expect(opened).toEqual([badge.host]);
    expect(clickedRow).toEqual([]); // the click stops at the badge
    listening.abort();
    badge.button.click();
    expect(opened).toHaveLength(1);
    badge.host.remove();
  });

  it("an update with the same rules touches nothing; other rules replace the counts", () => {
    const badge = createBadge("42");
    updateBadge(badge, [warning("mergeable", "info")]);
    badge.button.textContent = "marker";
    updateBadge(badge, [warning("mergeable", "info")]);
    expect(badge.button.textContent).toBe("marker");
    updateBadge(badge, [warning("ship-overdue", "error")]);
    expect(badge.button.textContent).toBe("✖ 1");
    expect(badge.host.dataset.kefuSeverity).toBe("error");
  });

  it("page text in warnings never becomes markup in the badge", () => {
    const badge = createBadge("<img src=x onerror=alert(1)>");
    updateBadge(badge, [warning("<b>x</b>", "warning")]);
    expect(badge.button.children).toHaveLength(0);
    expect(badge.host.dataset.kefuOrderId).toBe("<img src=x onerror=alert(1)>");
  });

  it("every badge has its own shadow root and button; a click opens only its own order", () => {
    const opened: string[] = [];
    const listening = new AbortController();
    listenForBadgeClicks(document, (host) => opened.push(host.dataset.kefuOrderId ?? ""), listening.signal);
    const a = createBadge("1");
    const b = createBadge("2");
    document.body.append(a.host, b.host);
    expect(a.host.shadowRoot).not.toBe(b.host.shadowRoot);
    expect(a.button).not.toBe(b.button);
    updateBadge(a, [warning("remote-area", "warning")]);
    updateBadge(b, [warning("remote-area", "warning")]);
    updateBadge(b, [warning("missing-phone", "error")]);
    expect([a.button.textContent, b.button.textContent]).toEqual(["⚠ 1", "✖ 1"]);
    b.button.click();
    a.button.click();
    expect(opened).toEqual(["2", "1"]);
    listening.abort();
    a.host.remove();
    b.host.remove();
  });
});
