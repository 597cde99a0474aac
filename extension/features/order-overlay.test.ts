/**
 * The order overlay as the content script starts it (happy-dom, WXT's fake browser, the background's real
 * handlers): rows are read with the page's built-in profile before the team's settings arrive; that run goes on
 * when the team's profile is the same, is replaced when a lead overrode it, and leaves nothing behind when the
 * background never answers.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { ContentScriptContext } from "wxt/utils/content-script-context";
import { BUILTIN_PROFILES } from "../../shared/profiles/builtin.ts";
import type { SiteProfile } from "../../shared/profiles/schema.ts";
import type { Handlers } from "../messaging/protocol.ts";
import { libraryItem } from "../store/state.ts";
import { serveHandlers } from "../test-background.ts";
import { showFixture } from "../test-fixtures.ts";
import { createOrderOverlayHandlers } from "./order-overlay/background.ts";
import { BADGE_ATTR } from "./order-overlay/badges.ts";
import { endsWith, orderOverlay } from "./order-overlay.tsx";

const PAGE = "http://localhost:3000/taobao/trade-platform/tp/sold/?now=2026-11-23T08%3A00%3A00.000Z";
const builtin = BUILTIN_PROFILES.find((p) => p.id === "taobao-sold") as SiteProfile;
const settle = (ms = 200) => new Promise((resolve) => setTimeout(resolve, ms));

/** Order id → rule ids of every badge on the page; fails on a second badge for one order. */
function badges(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const el of document.querySelectorAll<HTMLElement>(`[${BADGE_ATTR}]`)) {
    const id = el.dataset.kefuOrderId ?? "";
    expect(out[id], `two badges for ${id}`).toBeUndefined();
    out[id] = (el.dataset.kefuRules ?? "").split(" ");
  }
  return out;
}

/** The background: real handlers; getTeamSettings waits for `answer` (a lead's profiles, or a dead background). */
function background(answer: Promise<{ siteProfiles?: SiteProfile[] } | "down">) {
  const real = createOrderOverlayHandlers();
  const asked: string[] = [];
  const handlers: Partial<Handlers> = {
    ...real,
    getTeamSettings: async () => {
      const team = await answer;
      if (team === "down") throw new Error("background down");
      const settings = await real.getTeamSettings({});
      return team.siteProfiles ? { ...settings, siteProfiles: team.siteProfiles } : settings;
    },
  };
  serveHandlers(handlers, asked);
  return asked;
}

/**
 * Every badge the page has held since the call, removed ones included (what a person may have seen for a frame):
 * the rule ids of each.
 */
function badgesEverShown(): { rules: string[][]; stop(): void } {
  const rules: string[][] = [];
  const collect = (records: MutationRecord[]) => {
    for (const record of records)
      for (const node of record.addedNodes)
        if (node instanceof HTMLElement && node.hasAttribute(BADGE_ATTR))
          rules.push((node.dataset.kefuRules ?? "").split(" "));
  };
  const observer = new MutationObserver(collect);
  observer.observe(document, { childList: true, subtree: true });
  return {
    rules,
    stop() {
      collect(observer.takeRecords()); // those not delivered yet
      observer.disconnect();
    },
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

let ctx: ContentScriptContext;

beforeEach(() => {
  fakeBrowser.reset();
  libraryItem.dropCache();
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(PAGE);
  showFixture("demo-taobao-sold");
  ctx = new ContentScriptContext("content");
});

afterEach(() => {
  ctx.abort();
  document.body.replaceChildren();
});

describe("order overlay start", () => {
  it("reads the rows with the built-in profile while the team's settings are on their way, and keeps that run", async () => {
    const team = deferred<{ siteProfiles?: SiteProfile[] }>();
    const asked = background(team.promise);
    const started = orderOverlay.start(ctx);
    await settle(50);
    // The rows went to the background before the team's settings came back.
    expect(asked.filter((kind) => kind === "orders.checkRows").length).toBeGreaterThan(0);
    expect(document.querySelectorAll(`[${BADGE_ATTR}]`)).toHaveLength(0); // cross-order rules wait for the settings
    team.resolve({});
    await started;
    await settle();
    expect(badges()["4012873365518293742"]).toContain("missing-phone");
    expect(document.documentElement.dataset.kefuOverlayScans).toBe("1"); // not read again
  });

  it("Kefu Kit's own UIs coming and going do not make it read the page again; the page's changes do", async () => {
    background(Promise.resolve({}));
    await orderOverlay.start(ctx);
    await settle();
    const scans = () => Number(document.documentElement.dataset.kefuOverlayScans);
    expect(scans()).toBe(1);
    const chip = document.createElement("kefu-status-chip");
    document.body.append(chip);
    const pickerHost = document.createElement("div");
    pickerHost.setAttribute("data-kefu-host", "picker");
    document.body.append(pickerHost);
    await settle();
    chip.remove();
    pickerHost.remove();
    await settle();
    expect(scans()).toBe(1);
    document.body.append(document.createElement("div")); // the page's own node
    await settle();
    expect(scans()).toBe(2);
  });

  it("takes the rows' signatures when idle: then a full scan re-reads nothing; an edit before that is re-read", async () => {
    background(Promise.resolve({}));
    await orderOverlay.start(ctx);
    const last = () => JSON.parse(document.documentElement.dataset.kefuOverlayLast ?? "{}") as { changed: number };
    await settle(5);
    expect(last().changed).toBe(15);
    // Edited right after the first scan, before idle time: that row is scanned again, and the idle step leaves it.
    const msg = document.querySelector("#sold-root .buyer-msg") as Element;
    msg.textContent = "麻烦发顺丰";
    await settle();
    expect(last().changed).toBe(1);
    const id = msg.closest("tbody")?.querySelector("[data-kefu-order-id]")?.getAttribute("data-kefu-order-id");
    expect(id && badges()[id]).toContain("message-keyword");
    document.body.append(document.createElement("div")); // the page's own node: a full scan
    await settle();
    expect(last().changed).toBe(0);
  });

  it("records each scan as a measure from its start to its last badge (what the benchmark reads)", async () => {
    background(Promise.resolve({}));
    await orderOverlay.start(ctx);
    await settle(5);
    const last = JSON.parse(document.documentElement.dataset.kefuOverlayLast ?? "{}") as {
      startedAt: number;
      ms: number;
    };
    const measure = performance.getEntriesByName("kefu:overlay:scan:1", "measure").at(-1);
    expect(measure?.startTime).toBeCloseTo(last.startedAt, 1);
    expect(measure?.duration).toBeCloseTo(last.ms, 1);
  });

  it("a lead's own profile for the page replaces the built-in run, badges included", async () => {
    const fixed = { ...builtin, fields: { ...builtin.fields, receiverPhone: { selector: ".kefu-no-such-phone" } } };
    const siteProfiles = BUILTIN_PROFILES.map((p) => (p.id === builtin.id ? fixed : p));
    const team = deferred<{ siteProfiles?: SiteProfile[] }>();
    background(team.promise);
    const ever = badgesEverShown();
    const started = orderOverlay.start(ctx);
    await settle(50);
    team.resolve({ siteProfiles });
    await started;
    await settle();
    ever.stop();
    const shown = badges();
    // All 15 orders but the completed one (receiver checks end once an order has shipped).
    expect(Object.keys(shown)).toHaveLength(14);
    expect(shown["4012873365518293753"]).toBeUndefined();
    for (const rules of Object.values(shown)) expect(rules).toContain("missing-phone");
    // The built-in run's badges never went up, not even for a frame: only the lead's 14.
    expect(ever.rules).toHaveLength(14);
    for (const rules of ever.rules) expect(rules).toContain("missing-phone");
  });

  it("with the team's settings from the wake script: the lead's profile reads the rows once, nothing is asked again", async () => {
    const fixed = { ...builtin, fields: { ...builtin.fields, receiverPhone: { selector: ".kefu-no-such-phone" } } };
    const siteProfiles = BUILTIN_PROFILES.map((p) => (p.id === builtin.id ? fixed : p));
    const asked = background(Promise.resolve({ siteProfiles }));
    // What public/wake.js leaves in the isolated world once its answer came (the real background's answer).
    const reply = { ok: true, value: { ...(await createOrderOverlayHandlers().getTeamSettings({})), siteProfiles } };
    (globalThis as { kefuWake?: unknown }).kefuWake = { team: Promise.resolve(reply), settled: reply };
    const ever = badgesEverShown();
    await orderOverlay.start(ctx);
    await settle();
    ever.stop();
    expect(asked).not.toContain("getTeamSettings");
    expect(asked.filter((kind) => kind === "orders.checkRows")).toHaveLength(1); // 15 rows, one chunk, one run
    expect(ever.rules).toHaveLength(14);
    for (const rules of ever.rules) expect(rules).toContain("missing-phone");
    expect((globalThis as { kefuWake?: unknown }).kefuWake).toBeUndefined(); // taken once
  });

  it("a wake whose answer has not come: the built-in run starts and waits for it instead of asking again", async () => {
    const asked = background(Promise.resolve({}));
    const reply = deferred<unknown>();
    (globalThis as { kefuWake?: unknown }).kefuWake = { team: reply.promise };
    const started = orderOverlay.start(ctx);
    await settle(50);
    expect(asked.filter((kind) => kind === "orders.checkRows").length).toBeGreaterThan(0); // reading already
    expect(document.querySelectorAll(`[${BADGE_ATTR}]`)).toHaveLength(0);
    reply.resolve({ ok: true, value: await createOrderOverlayHandlers().getTeamSettings({}) });
    await started;
    await settle();
    expect(asked).not.toContain("getTeamSettings");
    expect(badges()["4012873365518293742"]).toContain("missing-phone");
    expect(document.documentElement.dataset.kefuOverlayScans).toBe("1");
  });

  it("a wake whose question failed: the overlay asks the background itself", async () => {
    const asked = background(Promise.resolve({}));
    (globalThis as { kefuWake?: unknown }).kefuWake = { team: Promise.resolve({ ok: false, error: "boom" }) };
    await orderOverlay.start(ctx);
    await settle();
    expect(asked).toContain("getTeamSettings");
    expect(badges()["4012873365518293742"]).toContain("missing-phone");
  });

  it("a lead who switched the page's profile off: the built-in run stops and never shows a badge", async () => {
    const team = deferred<{ siteProfiles?: SiteProfile[] }>();
    background(team.promise);
    const ever = badgesEverShown();
    const started = orderOverlay.start(ctx);
    await settle(50);
    team.resolve({ siteProfiles: BUILTIN_PROFILES.filter((p) => p.id !== builtin.id) });
    await started;
    await settle();
    ever.stop();
    expect(ever.rules).toEqual([]); // none shown, not even for a frame
    expect(document.querySelectorAll(`[${BADGE_ATTR}]`)).toHaveLength(0);
    expect(document.documentElement.dataset.kefuOverlayLast).toBeUndefined();
  });

  it("a single-page move that keeps the page's profile keeps the run and its badges; another profile's page ends it", async () => {
    background(Promise.resolve({}));
    await orderOverlay.start(ctx);
    await settle();
    const badge = document.querySelector(`[${BADGE_ATTR}]`);
    expect(badge).not.toBeNull();
    history.pushState({}, "", `${PAGE}&page=2`); // the list's next page by URL: same profile
    await settle(700); // the URL poll (500 ms) has seen it
    expect(badge?.isConnected).toBe(true); // not torn down and rebuilt
    history.pushState({}, "", "/taobao/comment-manage/list/"); // no order profile there
    await settle(700);
    expect(document.querySelectorAll(`[${BADGE_ATTR}]`)).toHaveLength(0);
    expect(document.documentElement.dataset.kefuOverlayLast).toBeUndefined();
  });

  it("no answer from the background: nothing is left on the page", async () => {
    background(Promise.resolve("down"));
    await orderOverlay.start(ctx);
    await settle();
    expect(document.querySelectorAll(`[${BADGE_ATTR}]`)).toHaveLength(0);
    expect(document.documentElement.dataset.kefuOverlayLast).toBeUndefined();
    expect(document.querySelector("kefu-order-overlay")).toBeNull();
  });
});

describe("endsWith (settings for a run)", () => {
  it("passes values and promises through while the run goes on", async () => {
    const run = new AbortController();
    expect(endsWith(3, run.signal)).toBe(3);
    await expect(endsWith(Promise.resolve(4), run.signal)).resolves.toBe(4);
    await expect(endsWith(Promise.reject(new Error("no team settings")), run.signal)).rejects.toThrow("no team");
  });

  it("ends a wait for settings that never come when the run stops", async () => {
    const run = new AbortController();
    const waiting = endsWith(new Promise<number>(() => {}), run.signal);
    run.abort();
    await expect(waiting).rejects.toThrow("order overlay stopped");
    await expect(endsWith(new Promise<number>(() => {}), run.signal)).rejects.toThrow("stopped"); // already stopped
  });
});
