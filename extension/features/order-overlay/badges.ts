/**
 * Order-row badges: one small host element next to the order id, with its own open shadow root (page CSS stays
 * out, our CSS stays in). Plain DOM with textContent: hundreds of rows cost one host, one shadow root and one button
 * each; the counts are one text node, and the button is kept so an update does not query for it.
 */
import type { OrderWarning, Severity } from "../../../shared/orders/types.ts";
import { SEVERITY_ICONS, SEVERITY_LABELS, SEVERITY_ORDER } from "./labels.ts";

export const BADGE_ATTR = "data-kefu-badge";

/**
 * `!important` on :host beats even the page's `span { … !important }` on the host element: for important
 * declarations the shadow tree's own rules win over the outer page's (CSS Cascade 4, context). No inline style on
 * the host, so each clone copies no style attribute (about 10% of a badge's cost on a 500-order page).
 */
const BADGE_CSS = `
:host{all:initial!important;display:inline-block!important;vertical-align:middle!important;margin:0 6px!important}
button{font:12px/18px system-ui,"PingFang SC","Microsoft YaHei",sans-serif;border:0;border-radius:9px;padding:0 7px;cursor:pointer;color:#fff;background:#2563eb;white-space:nowrap}
button.error{background:#dc2626}
button.warning{background:#d97706}
button.info{background:#2563eb}
button:focus-visible{outline:2px solid #111;outline-offset:1px}
`;

/** One stylesheet adopted by every badge's shadow root (Chrome has constructable sheets since 73). */
let sheet: CSSStyleSheet | undefined;
function sharedSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(BADGE_CSS);
  }
  return sheet;
}

export interface Badge {
  host: HTMLElement;
  button: HTMLButtonElement;
  /** rules+severities the badge shows; an update with the same key touches nothing. */
  key: string;
}

export function badgeKey(warnings: readonly OrderWarning[]): string {
  return warnings.map((w) => `${w.severity}:${w.rule}`).join(" ");
}

export function topSeverity(warnings: readonly OrderWarning[]): Severity | undefined {
  return SEVERITY_ORDER.find((s) => warnings.some((w) => w.severity === s));
}

/**
 * The first badge is built by hand; the others are clones of it (a clonable shadow root copies with its host,
 * which measured about twice as fast as attaching and filling a shadow root per badge on a 500-order page).
 */
let template: HTMLElement | undefined;

/**
 * Whether this content script has made a badge yet. Before the first one, the page cannot hold a copy of ours, so
 * the first full scan skips its page-wide sweep for strays (2–14 ms on a 500-order page).
 */
export function anyBadgeMade(): boolean {
  return template !== undefined;
}

function badgeHost(): HTMLElement {
  if (!template) {
    template = document.createElement("span");
    template.setAttribute(BADGE_ATTR, "");
    const button = template
      .attachShadow({ mode: "open", clonable: true })
      .appendChild(document.createElement("button"));
    button.type = "button";
  }
  const host = template.cloneNode(true) as HTMLElement;
  // Where clonable shadow roots are unknown (older engines, test DOMs) the clone comes without one: build it.
  if (!host.shadowRoot)
    host.attachShadow({ mode: "open" }).appendChild(document.createElement("button")).type = "button";
  return host;
}

export function createBadge(orderId: string): Badge {
  const host = badgeHost();
  host.dataset.kefuOrderId = orderId;
  const root = host.shadowRoot as ShadowRoot;
  root.adoptedStyleSheets = [sharedSheet()];
  return { host, button: root.firstElementChild as HTMLButtonElement, key: "" };
}

/**
 * One click listener for every badge, on the document in the capture phase (a listener per badge cost ~15 µs each
 * on a 500-order page): a click on a badge goes no further (the row may be a link or toggle selection) and `open`
 * gets its host.
 */
export function listenForBadgeClicks(doc: Document, open: (host: HTMLElement) => void, signal: AbortSignal): void {
  doc.addEventListener(
    "click",
    (event) => {
      const host = event
        .composedPath()
        .find((node): node is HTMLElement => node instanceof HTMLElement && node.hasAttribute(BADGE_ATTR));
      if (!host) return;
      event.preventDefault();
      event.stopPropagation();
      open(host);
    },
    { capture: true, signal },
  );
}

/** What a badge shows for one set of rules and severities; many rows share one (cached per key). */
interface BadgeLook {
  rules: string;
  severity: Severity;
  text: string;
  title: string;
  label: string;
}
const looks = new Map<string, BadgeLook>();

function lookOf(key: string, warnings: readonly OrderWarning[]): BadgeLook {
  let look = looks.get(key);
  if (look) return look;
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const w of warnings) counts[w.severity]++;
  const shown: string[] = [];
  const titles: string[] = [];
  for (const s of SEVERITY_ORDER) {
    if (counts[s] === 0) continue;
    shown.push(`${SEVERITY_ICONS[s]} ${counts[s]}`);
    titles.push(`${SEVERITY_LABELS[s]} ${counts[s]}`);
  }
  look = {
    rules: [...new Set(warnings.map((w) => w.rule))].join(" "),
    severity: topSeverity(warnings) ?? "info",
    text: shown.join("\u2002"), // en space between the severities
    title: `客服助手：${titles.join("，")}（点击查看）`,
    label: `订单检查 ${titles.join("，")}`,
  };
  if (looks.size > 500) looks.clear(); // rule ids are a fixed set; this only bounds odd combinations
  looks.set(key, look);
  return look;
}

/** Shows counts by severity; rule ids go on the host for tests and for the team's own tooling. */
export function updateBadge(badge: Badge, warnings: readonly OrderWarning[]): void {
  const key = badgeKey(warnings);
  if (badge.key === key) return;
  badge.key = key;
  const look = lookOf(key, warnings);
  badge.host.dataset.kefuRules = look.rules;
  badge.host.dataset.kefuSeverity = look.severity;
  const button = badge.button;
  button.className = look.severity;
  button.textContent = look.text;
  button.title = look.title;
  button.setAttribute("aria-label", look.label);
}
