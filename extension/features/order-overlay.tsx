import { render } from "preact";
import { browser } from "wxt/browser";
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { createShadowRootUi } from "wxt/utils/content-script-ui/shadow-root";
import type { OrderRuleSettings } from "../../shared/orders/settings.ts";
import type { OrderWarning } from "../../shared/orders/types.ts";
import { BUILTIN_PROFILES } from "../../shared/profiles/builtin.ts";
import { pageClock, profileForUrl } from "../../shared/profiles/match.ts";
import type { SiteProfile } from "../../shared/profiles/schema.ts";
import { askBackground } from "../messaging/protocol.ts";
import { rowNormalizers } from "../sites/extract.ts";
import type { Feature } from "./feature.ts";
import { BADGE_ATTR } from "./order-overlay/badges.ts";
import { createCheckChannel, ORDER_CHECK_PORT } from "./order-overlay/channel.ts";
import { listenForPageJson } from "./order-overlay/json-bridge.ts";
import type { OrderSource } from "./order-overlay/messages.ts";
import { OVERLAY_CSS, type OverlayState, OverlayView, type PanelAction } from "./order-overlay/panel.tsx";
import { createTracker, type ScanStats, type TrackedOrder } from "./order-overlay/tracker.ts";
import { takeWakeSettings } from "./order-overlay/wake-settings.ts";
import { watchUrl } from "./url-changes.ts";

/**
 * Order overlay (售中 审单 on the seller's own pages): reads every order row through the page's site profile as raw
 * strings, has the background turn them into orders and run the single-order rules (over one long-lived port, in
 * chunks, while the page reads on), runs the cross-order rules here over the orders on the page, puts a badge next
 * to each order id that has warnings, and keeps a summary in the corner. Panel buttons are built by the background
 * when a panel opens. One MutationObserver, debounced to a frame, follows the single-page app; everything is
 * removed when the content script is invalidated.
 */
export const orderOverlay: Feature = {
  id: "order-overlay",
  async start(ctx) {
    performance.mark("kefu:overlay:start");
    // The background validates the team's settings and runs the single-order checks: without it there is
    // nothing to show, so the page is left alone. The wake script asked for the settings at document_start; usually
    // the answer is here already.
    const woken = takeWakeSettings();
    if (woken?.value) performance.mark("kefu:overlay:settings-from-wake");
    const teamAsked = (woken?.answer ?? askBackground("getTeamSettings", {})).catch((err) => {
      console.warn("[kefu] 后台未响应，订单检查未启动 background unavailable, order checks off", err);
      return undefined;
    });
    let stop: (() => void) | undefined;
    let running: SiteProfile | undefined;
    let generation = 0;
    const run = async (profile: SiteProfile | undefined, team: TeamContext) => {
      const mine = ++generation;
      stop?.();
      stop = undefined;
      running = profile;
      if (!profile || ctx.isInvalid) return;
      const stopThis = await runOverlay(ctx, profile, team);
      if (mine === generation) stop = stopThis;
      else stopThis();
    };
    // When the settings are not here yet (the wake's worker was stopped and is still starting, or there was no
    // wake), the page's built-in profile starts reading rows now, while they are on their way; the rules' settings
    // are awaited only before the cross-order checks, so no badge goes up before the team's answer. They come once
    // `apply` below keeps this run: if the team's profile for the page differs (a lead's override) or is switched
    // off, it starts that one (or none) instead, and this run, never given its settings, places nothing and stops.
    // With the settings here, `apply` starts the team's profile for the page at once (same task, next microtask).
    const builtin = woken?.value ? undefined : profileForUrl(BUILTIN_PROFILES, location.href);
    let confirmEarly: ((rules: OrderRuleSettings) => void) | undefined;
    let refuseEarly: ((err: Error) => void) | undefined;
    const early = builtin
      ? run(builtin, {
          settings: new Promise<OrderRuleSettings>((resolve, reject) => {
            confirmEarly = resolve;
            refuseEarly = reject;
          }),
        })
      : undefined;
    const team = await teamAsked;
    if (!team) {
      refuseEarly?.(new Error("no team settings"));
      generation++;
      stop?.();
      return;
    }
    const profiles = team.siteProfiles;
    for (const problem of team.siteProfileProblems) console.warn(`[kefu] ${problem}`);
    const teamContext: TeamContext = { settings: team.orderRules };
    // Seller back offices are single-page apps: going from the list to a detail page (or anywhere else) swaps the
    // profile, or ends the overlay, without a page load. A move that keeps the profile (the list's next page by URL)
    // keeps the run, its badges and its cache: its MutationObserver sees the rows the app renders. Undefined when
    // the running profile stays.
    const apply = (url = location.href) => {
      const profile = profileForUrl(profiles, url);
      if (profile && running && sameProfile(profile, running)) return;
      return run(profile, teamContext);
    };
    watchUrl(ctx, (url) => void apply(url));
    const replaced = apply();
    if (!replaced) confirmEarly?.(team.orderRules);
    await early;
    await replaced;
  },
};

/**
 * A host element of one of Kefu Kit's UIs: WXT shadow-root UIs are custom elements named kefu-…, the picker's and
 * the lint chip's hosts carry data-kefu-host. The status chip mounting after the first scan made the overlay read
 * all 500 rows again for nothing.
 */
function isKefuUi(node: Node): boolean {
  return node instanceof Element && (node.localName.startsWith("kefu-") || node.hasAttribute("data-kefu-host"));
}

/** Profiles come from the background as JSON: equal content means the same reading of the page. */
function sameProfile(a: SiteProfile, b: SiteProfile): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

interface TeamContext {
  settings: OrderRuleSettings | Promise<OrderRuleSettings>;
}

/**
 * The settings, or a rejection once the run stops: the early run's settings never come when the team replaced the
 * page's profile, and its first scan, waiting for them, must end with the run instead of holding its rows forever.
 */
export function endsWith<T>(value: T | Promise<T>, signal: AbortSignal): T | Promise<T> {
  if (!(value instanceof Promise)) return value;
  return new Promise<T>((resolve, reject) => {
    const stopped = () => reject(new Error("order overlay stopped"));
    if (signal.aborted) return stopped();
    signal.addEventListener("abort", stopped, { once: true });
    value.then(resolve, reject).finally(() => signal.removeEventListener("abort", stopped));
  });
}

/** Records for tests and the benchmark: the last scan on <html>, and performance marks/measures. */
function recordScan(stats: ScanStats, badges: number, scans: number): void {
  const html = document.documentElement;
  html.dataset.kefuOverlayScans = String(scans);
  const r = (n: number) => Math.round(n * 100) / 100;
  html.dataset.kefuOverlayLast = JSON.stringify({
    ...stats,
    startedAt: r(stats.startedAt),
    ms: r(stats.ms),
    readMs: r(stats.readMs),
    sendMs: r(stats.sendMs),
    checkMs: r(stats.checkMs),
    crossMs: r(stats.crossMs),
    backgroundMs: r(stats.backgroundMs),
    badges,
  });
  try {
    // From the scan's start to its last badge, the summary's update after it left out.
    performance.measure(`kefu:overlay:scan:${scans}`, {
      start: stats.startedAt,
      end: stats.startedAt + stats.ms,
      detail: stats,
    });
  } catch {}
}

/** Runs the overlay for one profile until the returned stop function is called or the script is invalidated. */
async function runOverlay(ctx: ContentScriptContext, profile: SiteProfile, team: TeamContext): Promise<() => void> {
  const session = new AbortController();
  const signal = AbortSignal.any([ctx.signal, session.signal]);
  const stopped = () => signal.aborted;
  const now = () => pageClock(profile, location.href, Date.now());
  let scheduled = false;
  let running = false;
  let again = false;
  let scans = 0;
  let failures = 0;

  const jsonOrders = profile.json ? listenForPageJson(profile, now, () => schedule(), signal) : undefined;

  const state: OverlayState = { summary: { orders: 0, needAction: 0, bySeverity: {} } };
  let uiHost: HTMLElement | undefined;
  const paint = () => {
    if (uiHost) {
      render(<OverlayView state={state} onAction={runAction} onClose={closePanel} onNext={nextFlagged} />, uiHost);
    }
  };

  const normalizers = rowNormalizers(profile);
  const ask = createCheckChannel({
    connect: () => browser.runtime.connect({ name: ORDER_CHECK_PORT }),
    fallback: askBackground,
    signal,
  });
  const tracker = createTracker({
    profile,
    settings: endsWith(team.settings, signal),
    now,
    checkSingle: (orders, nowMs) => ask("orders.check", { orders, nowMs }),
    checkRows: (rows, nowMs) => ask("orders.checkRows", { rows, normalizers, platform: profile.platform, nowMs }),
    ...(jsonOrders ? { jsonOrder: (id: string) => jsonOrders.get(id) } : {}),
    onOpen: (orderId, host) => openPanel(orderId, host),
  });

  // ---- panel and actions ----
  /** Asks the background for the panel's buttons (texts built there with the team's scripts); the answer is
   * dropped when another order's panel opened meanwhile. */
  let actionsAsked = 0;
  function loadActions(entry: TrackedOrder): void {
    const asked = ++actionsAsked;
    const source: OrderSource =
      "raw" in entry.source ? { raw: entry.source.raw, normalizers, platform: profile.platform } : entry.source;
    askBackground("orders.actions", { source, warnings: entry.warnings, nowMs: now() }).then(
      ({ actions }) => {
        if (asked !== actionsAsked || state.panel?.orderId !== entry.id) return;
        state.panel = { ...state.panel, actions };
        paint();
      },
      (err) => console.warn("[kefu] 无法生成操作 panel actions unavailable", err),
    );
  }

  function openPanel(orderId: string, host: HTMLElement): void {
    const entry =
      tracker.entries().find((e) => e.id === orderId && e.badge?.host === host) ?? tracker.byOrderId(orderId);
    if (!entry) return;
    const rect = host.getBoundingClientRect();
    state.panel = { orderId, warnings: entry.warnings, actions: [], top: rect.bottom + 6, left: rect.left };
    state.copied = undefined;
    paint();
    loadActions(entry);
  }

  /** The summary's "下一个": scroll to the next order that needs action (in page order) and open its panel. */
  let nextIndex = 0;
  function nextFlagged(): void {
    const flagged = tracker
      .entries()
      .filter((e) => e.badge?.host.isConnected)
      .sort((a, b) => (a.row.compareDocumentPosition(b.row) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    if (flagged.length === 0) return;
    const entry = flagged[nextIndex++ % flagged.length];
    const host = entry?.badge?.host;
    if (!entry || !host) return;
    host.scrollIntoView({ block: "center" });
    openPanel(entry.id, host);
  }

  function closePanel(): void {
    state.panel = undefined;
    state.copied = undefined;
    paint();
  }

  async function runAction(action: PanelAction): Promise<void> {
    const text = action.text;
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      // No clipboard access (page not focused, permission): the text stays selectable in the panel.
    }
    state.copied = { actionId: action.id, text, ok };
    paint();
  }

  // ---- scanning ----
  function summarise(): void {
    const entries = tracker.entries();
    const ids = new Set(entries.map((e) => e.id));
    const flagged = new Set(entries.filter((e) => e.warnings.length > 0).map((e) => e.id));
    const bySeverity: Record<string, number> = {};
    for (const e of entries) for (const w of e.warnings) bySeverity[w.severity] = (bySeverity[w.severity] ?? 0) + 1;
    state.summary = { orders: ids.size, needAction: flagged.size, bySeverity };
    if (state.panel) {
      // The open order may have changed (or left the page) since the panel opened.
      const entry = tracker.byOrderId(state.panel.orderId);
      if (!entry) state.panel = undefined;
      else if (!sameWarnings(entry.warnings, state.panel.warnings)) {
        state.panel = { ...state.panel, warnings: entry.warnings };
        loadActions(entry);
      }
    }
    paint();
  }

  // The summary and panel host goes in after the first scan: a node added to the page before it makes the page
  // lay out and paint again (~40 ms on a 500-order list) while the scan waits for the background's answers.
  let overlayUi: { mount(): void; remove(): void; shadowHost: HTMLElement } | undefined;
  let uiMounted = false;
  let firstScanDone = false;
  function mountUi(): void {
    if (uiMounted || !overlayUi || stopped()) return;
    uiMounted = true;
    overlayUi.mount();
  }

  /** What the next scan covers: every row ("full") or only rows the mutations touched. */
  let pendingFull = true;
  const pendingRows = new Set<Element>();

  async function runScan(): Promise<void> {
    scheduled = false;
    if (stopped()) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    const full = pendingFull;
    const rows = [...pendingRows];
    pendingFull = false;
    pendingRows.clear();
    try {
      const stats = await tracker.scan(full ? undefined : rows);
      if (stopped()) return;
      scans++;
      summarise();
      const badges = tracker.entries().filter((e) => e.badge).length;
      recordScan(stats, badges, scans);
      failures = 0;
    } catch (err) {
      if (!stopped()) {
        console.error("[kefu] order overlay scan failed", err);
        // Rows whose answer was lost keep their old state and are read again by the next full scan; try that a few
        // times (the background may have been restarting), not forever.
        if (++failures <= 3) setTimeout(() => schedule(), 1000 * failures);
      }
    } finally {
      running = false;
      firstScanDone = true;
      mountUi(); // also when the scan failed: the panel and summary still work for the next one
      if (again || pendingFull || pendingRows.size > 0) {
        again = false;
        kick();
      } else signWhenIdle();
    }
  }

  /**
   * Rows read for the first time leave their signature (whole-row text) for later: taken when the page is idle and
   * no scan runs or waits. A row changed since it was read has its scan pending then, so it is left for that scan;
   * a scan that comes first re-reads unsigned rows, and the scan's end asks for the idle time again.
   */
  let signing = false;
  function signWhenIdle(): void {
    if (signing || stopped()) return;
    signing = true;
    const sign = (deadline?: IdleDeadline) => {
      signing = false;
      if (stopped() || running || scheduled || pendingFull || pendingRows.size > 0) return;
      const more = deadline ? () => deadline.didTimeout || deadline.timeRemaining() > 1 : () => true;
      if (!tracker.fillSignatures(more)) signWhenIdle();
    };
    if (typeof requestIdleCallback === "function") ctx.requestIdleCallback(sign, { timeout: 2000 });
    else ctx.setTimeout(() => sign(), 50);
  }

  function schedule(rows?: Iterable<Element>): void {
    if (rows) for (const row of rows) pendingRows.add(row);
    else pendingFull = true;
    kick();
  }

  function kick(): void {
    if (scheduled || stopped()) return;
    scheduled = true;
    // At most one scan per frame, started after the frame is drawn (so the page's own rendering of new rows is
    // not spent waiting inside our scan); the timer covers background tabs, where frames do not run.
    let done = false;
    const fire = () => {
      if (done) return;
      done = true;
      void runScan();
    };
    requestAnimationFrame(() => setTimeout(fire, 0));
    setTimeout(fire, 150);
  }

  const ours = (node: Node) =>
    node instanceof Element && (node.hasAttribute(BADGE_ATTR) || node === overlayUi?.shadowHost);
  const observer = new MutationObserver((records) => {
    const touched: Node[] = [];
    for (const record of records) {
      if (record.type === "childList") {
        const nodes = [...record.addedNodes, ...record.removedNodes];
        // Badges and Kefu Kit's own UIs (this overlay's, the status chip, the picker) coming and going: not the page.
        if (nodes.length > 0 && nodes.every((node) => ours(node) || isKefuUi(node))) continue;
      }
      touched.push(record.target);
    }
    if (touched.length === 0) return;
    // Changes inside known rows re-read just those rows; anything else (rows added, removed, paged) scans all.
    schedule(tracker.rowsOf(touched) ?? undefined);
  });

  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true, characterData: true });
  // A click anywhere but the panel or a badge closes the panel.
  document.addEventListener(
    "pointerdown",
    (event) => {
      if (!state.panel) return;
      const path = event.composedPath();
      if (path.some((node) => node instanceof Node && ours(node))) return;
      closePanel();
    },
    { signal, capture: true },
  );
  document.addEventListener(
    "keydown",
    (event) => {
      if (event.key === "Escape" && state.panel) closePanel();
    },
    { signal },
  );
  let forgetStop = () => {};
  const stop = () => {
    if (session.signal.aborted) return;
    session.abort();
    forgetStop(); // a single-page app starts many runs in one content script: each leaves nothing behind
    observer.disconnect();
    tracker.destroy();
    overlayUi?.remove();
    delete document.documentElement.dataset.kefuOverlayLast;
    delete document.documentElement.dataset.kefuOverlayScans;
  };
  forgetStop = ctx.onInvalidated(stop);
  // The first scan starts now, not after a frame, and before the UI is built: rows already on the page get their
  // badges before the page paints again (later changes are scanned a frame after they happen, see kick).
  void runScan();
  const ui = await createShadowRootUi(ctx, {
    name: "kefu-order-overlay",
    position: "overlay",
    alignment: "top-left",
    zIndex: 2147483000,
    css: OVERLAY_CSS,
    onMount(container) {
      const host = document.createElement("div");
      container.append(host);
      uiHost = host;
      paint();
      return host;
    },
    onRemove(host) {
      if (host) render(null, host);
      uiHost = undefined;
    },
  });
  if (stopped()) ui.remove();
  else {
    overlayUi = ui;
    if (firstScanDone) mountUi();
  }
  return stop;
}

function sameWarnings(a: readonly OrderWarning[], b: readonly OrderWarning[]): boolean {
  return a.length === b.length && a.every((w, i) => w.rule === b[i]?.rule && w.message === b[i]?.message);
}
