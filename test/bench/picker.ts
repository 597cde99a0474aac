/**
 * Picker bench: keystroke-to-picker-render latency in real Chromium with a 10,000-phrase team library.
 *
 * - Seeds a team with the search bench's 10,000 generated phrases through the Worker API (`wrangler dev`), connects
 *   the built extension (a private copy of .output/chrome-mv3) and runs a full sync.
 * - On the demo 接待中心 (/chat/), types "/" + a query into the textarea with page.keyboard, one key at a time.
 *   The page itself measures (main world, so no test-tool round trip is counted): from `keydown` to the first change
 *   of the picker's shadow DOM (`render_ms`: search + Preact render, synchronous in the input handler) and to the
 *   next animation frame after it (`frame_ms`: what the agent sees).
 * - `first_open_ms`: the first "/h" on a fresh page, background already warm: picker.data (≈4 MB index message) +
 *   createSearchIndex in the page + render. `cold_first_open_ms`: the same on the first page after the sync (the
 *   background builds pinyin keys for 10,000 phrases if it has not yet).
 * - `picker_data_message`: the index message alone, timed in an extension page: the full index (what a page gets
 *   once) and the answer when the page already holds the current stamp.
 * Needs `npx wxt build` first.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { CreateTeamResponse } from "../../shared/api.ts";
import { startDemoServer } from "../demo/server.mjs";
import { startWorker } from "../e2e/harness.ts";
import { api } from "../e2e/helpers/api.ts";
import { ask, type ExtensionGlobals, launchProfile, snapshotExtension } from "../e2e/helpers/profile.ts";
import { generatePhrases, generateQueries } from "./search.ts";

const PHRASES = 10_000;
const BATCH = 500;
const QUERIES = 30;

/** Full queries back from the search bench's keystroke prefixes (a query ends where the next does not extend it). */
function fullQueries(): string[] {
  const prefixes = generateQueries(generatePhrases(PHRASES), 11, QUERIES);
  return prefixes.filter((q, i) => !(prefixes[i + 1] ?? "").startsWith(q) || prefixes[i + 1] === q);
}

interface Sample {
  render: number;
  frame: number;
}

/** Installs the in-page probe: keydown time → first mutation of the picker's shadow root → next frame. */
async function installProbe(page: Page) {
  await page.evaluate(() => {
    const state = { t0: 0, waiting: false, samples: [] as { render: number; frame: number }[] };
    (globalThis as unknown as { __pickerProbe: typeof state }).__pickerProbe = state;
    window.addEventListener(
      "keydown",
      () => {
        state.t0 = performance.now();
        state.waiting = true;
      },
      true,
    );
    let observed: ShadowRoot | null = null;
    const observer = new MutationObserver(() => {
      if (!state.waiting) return;
      state.waiting = false;
      const render = performance.now() - state.t0;
      requestAnimationFrame(() => state.samples.push({ render, frame: performance.now() - state.t0 }));
    });
    const attach = () => {
      const host = document.querySelector("[data-kefu-host=phrase-picker]");
      if (host?.shadowRoot && host.shadowRoot !== observed) {
        observed = host.shadowRoot;
        observer.observe(observed, { childList: true, subtree: true, characterData: true, attributes: true });
      }
    };
    new MutationObserver(attach).observe(document.documentElement, { childList: true });
    attach();
  });
}

async function takeSamples(page: Page): Promise<Sample[]> {
  return page.evaluate(() => {
    const probe = (globalThis as unknown as { __pickerProbe: { samples: Sample[] } }).__pickerProbe;
    const out = probe.samples.slice();
    probe.samples.length = 0;
    return out;
  });
}

async function openChat(page: Page, demoUrl: string) {
  await page.goto(new URL("/chat/", demoUrl).href);
  await page.locator("#order-card[data-order-id]").waitFor();
  await installProbe(page);
  await page.locator("#chat-input-textarea").click();
}

/** Types "/h" and waits for the first list: the time of a first open on a fresh page. */
async function firstOpen(page: Page): Promise<number> {
  const started = performance.now();
  await page.keyboard.type("/h");
  await page.locator('[data-kefu="picker-item"]').first().waitFor({ timeout: 60_000 });
  const ms = performance.now() - started;
  await page.keyboard.press("Escape");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  return Math.round(ms);
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0) * 10) / 10;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: at(1) };
}

export async function run(): Promise<Record<string, unknown>> {
  const extension = await snapshotExtension();
  const userDataDir = mkdtempSync(join(tmpdir(), "kefu-bench-picker-"));
  const [worker, demo] = await Promise.all([startWorker(), startDemoServer({ port: 0 })]);
  let profile: Awaited<ReturnType<typeof launchProfile>> | undefined;
  try {
    const team = await api<CreateTeamResponse>(worker.url, worker.bootstrapSecret, "POST", "/v1/teams", {
      name: "压测旗舰店",
    });
    await api(worker.url, team.adminToken, "POST", "/v1/groups/batch", {
      upserts: [{ group: { id: "bench-g", name: "压测", order: 0 } }],
    });
    const upserts = generatePhrases(PHRASES).map((p) => ({
      phrase: { ...p, id: `bench-${p.id}`, groupId: "bench-g", tags: [...(p.tags ?? [])], scope: "team" as const },
    }));
    for (let i = 0; i < upserts.length; i += BATCH) {
      await api(worker.url, team.adminToken, "POST", "/v1/phrases/batch", { upserts: upserts.slice(i, i + BATCH) });
    }
    profile = await launchProfile({ extensionDir: extension.dir, userDataDir });
    const options = await profile.open("options.html");
    await ask(options, "connection.save", { workerUrl: worker.url, token: team.adminToken });
    await ask(options, "sync.now");

    const page = await profile.context.newPage();
    await openChat(page, demo.url);
    const coldFirstOpen = await firstOpen(page);
    await openChat(page, demo.url);
    const firstOpenMs = await firstOpen(page);
    await takeSamples(page);

    const queries = fullQueries();
    const perKey: Sample[] = [];
    for (const query of queries) {
      for (const ch of `/${query}`) {
        await page.keyboard.type(ch);
        await page.waitForTimeout(30);
      }
      perKey.push(...(await takeSamples(page)));
      await page.keyboard.press("Escape");
      await page.keyboard.press("Control+A");
      await page.keyboard.press("Backspace");
    }
    // The index message alone, timed inside the extension page (no test-tool serialisation): full vs "have" stamp.
    const messageMs = await options.evaluate(async () => {
      const { runtime } = (globalThis as unknown as ExtensionGlobals).chrome;
      const time = async (payload: unknown) => {
        const started = performance.now();
        const reply = (await runtime.sendMessage({ kefu: "picker.data", payload })) as {
          ok: boolean;
          value?: { stamp: string; data?: { phrases: unknown[] } };
        };
        if (!reply?.ok || !reply.value) throw new Error("picker.data failed");
        return {
          ms: Math.round(performance.now() - started),
          stamp: reply.value.stamp,
          size: reply.value.data ? JSON.stringify(reply.value.data).length : 0,
        };
      };
      const full = await time({});
      const unchanged = await time({ have: full.stamp });
      return { full_ms: full.ms, full_json_kb: Math.round(full.size / 1024), unchanged_ms: unchanged.ms };
    });
    await options.close();
    return {
      picker_data_message: messageMs,
      phrases: PHRASES,
      queries: queries.length,
      cold_first_open_ms: coldFirstOpen,
      first_open_ms: firstOpenMs,
      keystroke_render_ms: stats(perKey.map((s) => s.render)),
      keystroke_frame_ms: stats(perKey.map((s) => s.frame)),
    };
  } finally {
    await Promise.allSettled([profile?.close(), worker.stop(), demo.close()]);
    rmSync(userDataDir, { recursive: true, force: true });
    extension.remove();
  }
}
