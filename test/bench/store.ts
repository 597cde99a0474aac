/**
 * Store bench: the background service worker's memory and message latency with a 10,000-phrase team library,
 * measured inside real Chromium against a real `wrangler dev`.
 *
 * - Seeds a team with 20 groups and 10,000 realistic phrases through the Worker API (batches of 500).
 * - Launches the built extension (a private copy of .output/chrome-mv3) with a DevTools port, attaches raw CDP
 *   to the service-worker target (Target.attachToTarget, flatten) and reads its V8 heap with
 *   HeapProfiler.collectGarbage + Runtime.getHeapUsage: once with an empty store (fresh profile, not connected),
 *   once after connecting, the full sync of 10k and a `library.get` (which holds the library in the store's
 *   in-memory cache, as while an agent is working). `store_heap_kb_10k` is the difference: the working state,
 *   which also holds the phrase picker's search keys (built by the background whenever the library changes).
 *   After a service-worker restart and one cold `library.get` the worker holds the library alone
 *   (`store_heap_library_only_kb_10k`), then the picker's index is built on request
 *   (`store_heap_library_and_picker_index_kb_10k`).
 * - `library_get_ms_10k` / `phrase_save_ms_10k`: round trip of the message timed inside an extension page
 *   (median of 7, the library already cached); `library_get_cold_ms_10k`: the first library.get after the
 *   service worker was restarted (CDP ServiceWorker.stopAllWorkers), read from chrome.storage.local.
 * Needs `npx wxt build` first.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { CreateTeamResponse, PhraseBatchRequest } from "../../shared/api.ts";
import { STARTER_PHRASES } from "../../shared/phrases/starter.ts";
import { startWorker } from "../e2e/harness.ts";
import { api } from "../e2e/helpers/api.ts";
import { ask, type ExtensionGlobals, launchProfile, snapshotExtension } from "../e2e/helpers/profile.ts";

const PHRASES = 10_000;
const GROUPS = 20;
const BATCH = 500;

const PRODUCTS = ["纯棉T恤", "羽绒服", "保温杯", "蓝牙耳机", "面霜", "运动鞋", "四件套", "猫粮", "电饭煲", "双肩包"];
const ADDONS = [
  "有问题随时联系我哦～",
  "具体以订单页面显示为准，谢谢亲的理解。",
  "活动期间库存有限，喜欢的话尽早下单。",
  "如需开发票请在备注里留下抬头和税号。",
  "收到后如有任何问题，拍照发给我，马上为您处理。",
];

/** 10,000 phrases shaped like a big shop's library: starter scripts varied by product, group and length. */
function realisticPhrases(): NonNullable<PhraseBatchRequest["upserts"]> {
  const upserts: NonNullable<PhraseBatchRequest["upserts"]> = [];
  for (let i = 0; i < PHRASES; i++) {
    const base = STARTER_PHRASES[i % STARTER_PHRASES.length];
    if (!base) throw new Error("no starter phrases");
    const product = PRODUCTS[i % PRODUCTS.length];
    const extra = ADDONS.slice(0, 1 + (i % ADDONS.length)).join("");
    upserts.push({
      phrase: {
        id: `bench-${i}`,
        code: `${base.code}${i}`,
        title: `${base.title ?? base.code}·${product}`,
        content: `【${product}】${base.content}${extra}`,
        groupId: `bench-g-${i % GROUPS}`,
        tags: [...base.tags, product ?? ""].filter(Boolean).slice(0, 3),
        scope: "team",
      },
    });
  }
  return upserts;
}

/** A raw CDP connection to the browser (Playwright's CDPSession cannot address a service-worker child session). */
async function cdpConnect(port: number) {
  const version = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as {
    webSocketDebuggerUrl: string;
  };
  const socket = new WebSocket(version.webSocketDebuggerUrl);
  await new Promise<void>((done, fail) => {
    socket.addEventListener("open", () => done(), { once: true });
    socket.addEventListener("error", () => fail(new Error("CDP websocket failed")), { once: true });
  });
  let nextId = 1;
  const waiting = new Map<number, { done: (value: unknown) => void; fail: (err: Error) => void }>();
  socket.addEventListener("message", (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: { message: string } };
    const entry = message.id === undefined ? undefined : waiting.get(message.id);
    if (!entry || message.id === undefined) return;
    waiting.delete(message.id);
    if (message.error) entry.fail(new Error(message.error.message));
    else entry.done(message.result);
  });
  function send<T>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = nextId++;
    socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    return new Promise<T>((done, fail) => waiting.set(id, { done: done as (value: unknown) => void, fail }));
  }
  return { send, close: () => socket.close() };
}

type Cdp = Awaited<ReturnType<typeof cdpConnect>>;

/** Attaches to the extension's background service worker and returns a function reading its heap after a GC. */
async function serviceWorkerHeap(cdp: Cdp, extensionId: string) {
  const { targetInfos } = await cdp.send<{ targetInfos: { targetId: string; type: string; url: string }[] }>(
    "Target.getTargets",
  );
  const target = targetInfos.find(
    (t) => t.type === "service_worker" && t.url.startsWith(`chrome-extension://${extensionId}/`),
  );
  if (!target) throw new Error(`no service-worker target: ${JSON.stringify(targetInfos.map((t) => t.type))}`);
  const { sessionId } = await cdp.send<{ sessionId: string }>("Target.attachToTarget", {
    targetId: target.targetId,
    flatten: true,
  });
  return async (): Promise<{ usedKb: number; totalKb: number }> => {
    // Twice: the first pass frees objects whose finalisers release more.
    await cdp.send("HeapProfiler.collectGarbage", {}, sessionId);
    await cdp.send("HeapProfiler.collectGarbage", {}, sessionId);
    const usage = await cdp.send<{ usedSize: number; totalSize: number }>("Runtime.getHeapUsage", {}, sessionId);
    return { usedKb: Math.round(usage.usedSize / 1024), totalKb: Math.round(usage.totalSize / 1024) };
  };
}

/**
 * Reads the heap until two readings agree within 2% (at most 6 readings, 250 ms apart): right after start-up
 * or a sync the service worker still finishes async work (alarm set-up, storage writes) that allocates.
 */
async function settledHeap(read: () => Promise<{ usedKb: number; totalKb: number }>) {
  let last = await read();
  for (let i = 0; i < 5; i++) {
    await new Promise((done) => setTimeout(done, 250));
    const next = await read();
    if (Math.abs(next.usedKb - last.usedKb) <= last.usedKb * 0.02) return next;
    last = next;
  }
  return last;
}

/** chrome.storage.local bytes of some keys (what the heap figure holds, as JSON), in KB. */
async function storedKb(page: Page, keys: string[]): Promise<Record<string, number>> {
  return page.evaluate(async (names) => {
    const local = (globalThis as unknown as StorageGlobals).chrome.storage.local;
    const out: Record<string, number> = {};
    for (const name of names) out[name] = Math.round((await local.getBytesInUse(name)) / 1024);
    return out;
  }, keys);
}

interface StorageGlobals {
  chrome: { storage: { local: { getBytesInUse(key: string): Promise<number> } } };
}

/**
 * Times store messages inside the extension page (performance.now around chrome.runtime.sendMessage), so the
 * figure is the extension's own round trip: returning a 3 MB answer through Playwright's evaluate would add
 * about 1.5 s of test-tool serialisation. `payloads` are sent one after another; the answer is their median ms.
 */
async function timeInPage(
  page: Page,
  type: string,
  payloads: unknown[],
): Promise<{ medianMs: number; counts: number[] }> {
  return page.evaluate(
    async ([kefu, bodies]) => {
      const { runtime } = (globalThis as unknown as ExtensionGlobals).chrome;
      const send = (message: unknown) => runtime.sendMessage(message);
      const samples: number[] = [];
      const counts: number[] = [];
      for (const payload of bodies) {
        const started = performance.now();
        const reply = (await send({ kefu, payload })) as {
          ok: boolean;
          error?: string;
          value?: { phrases?: unknown[] };
        };
        samples.push(performance.now() - started);
        if (!reply?.ok) throw new Error(`${kefu}: ${reply?.error}`);
        counts.push(reply.value?.phrases?.length ?? -1);
      }
      samples.sort((a, b) => a - b);
      return { medianMs: Math.round((samples[Math.floor(samples.length / 2)] ?? 0) * 10) / 10, counts };
    },
    [type, payloads] as const,
  );
}

export async function run(): Promise<Record<string, unknown>> {
  const extension = await snapshotExtension();
  const userDataDir = mkdtempSync(join(tmpdir(), "kefu-bench-profile-"));
  const worker = await startWorker();
  let profile: Awaited<ReturnType<typeof launchProfile>> | undefined;
  let cdp: Cdp | undefined;
  try {
    const team = await api<CreateTeamResponse>(worker.url, worker.bootstrapSecret, "POST", "/v1/teams", {
      name: "压测旗舰店",
    });
    const groups = Array.from({ length: GROUPS }, (_, i) => ({
      group: { id: `bench-g-${i}`, name: `分组${i + 1}`, order: i },
    }));
    await api(worker.url, team.adminToken, "POST", "/v1/groups/batch", { upserts: groups });
    const upserts = realisticPhrases();
    const seedStarted = performance.now();
    for (let i = 0; i < upserts.length; i += BATCH) {
      const answer = await api<{ conflicts: unknown[] }>(worker.url, team.adminToken, "POST", "/v1/phrases/batch", {
        upserts: upserts.slice(i, i + BATCH),
      });
      if (answer.conflicts.length) throw new Error(`seeding conflicts: ${JSON.stringify(answer.conflicts[0])}`);
    }
    const seedMs = Math.round(performance.now() - seedStarted);

    profile = await launchProfile({ extensionDir: extension.dir, userDataDir, devtools: true });
    if (profile.devtoolsPort === undefined) throw new Error("no DevTools port");
    cdp = await cdpConnect(profile.devtoolsPort);
    const heap = await serviceWorkerHeap(cdp, profile.extensionId);
    const page = await profile.open("popup.html");
    await page.getByTestId("popup-background").filter({ hasText: "后台运行正常" }).waitFor();
    const empty = await settledHeap(heap);

    const syncStarted = performance.now();
    await ask(page, "connection.save", { workerUrl: worker.url, token: team.adminToken });
    const overview = await ask<{ status: { state: string; lastError?: string } }>(page, "sync.now");
    const fullSyncMs = Math.round(performance.now() - syncStarted);
    if (overview.status.state !== "idle") throw new Error(`sync ended ${JSON.stringify(overview.status)}`);
    const firstView = await ask<{ phrases: unknown[] }>(page, "library.get");
    if (firstView.phrases.length !== PHRASES) throw new Error(`store holds ${firstView.phrases.length} phrases`);

    const libraryGet = await timeInPage(
      page,
      "library.get",
      Array.from({ length: 7 }, () => ({})),
    );
    if (libraryGet.counts.some((count) => count !== PHRASES)) throw new Error(`library.get: ${libraryGet.counts}`);
    // Measured before the edits below: each edit starts a push 1.5 s later, whose in-flight data is not the store.
    const loaded = await settledHeap(heap);
    const stored = await storedKb(page, ["kefu.library", "kefu.searchKeys"]);
    const saves = Array.from({ length: 7 }, (_, n) => ({
      phrase: {
        id: `bench-${n}`,
        code: `bench${n}`,
        content: `【压测】第 ${n} 次修改：亲，这条话术已更新，请以最新版本为准。`,
        groupId: "bench-g-0",
        tags: [],
        scope: "team",
      },
    }));
    const phraseSave = await timeInPage(page, "phrase.save", saves);

    // Cold read: stop the service worker; the next message starts it and reads the library from storage.
    const pageCdp = await profile.context.newCDPSession(page);
    await pageCdp.send("ServiceWorker.enable");
    await pageCdp.send("ServiceWorker.stopAllWorkers");
    const cold = await timeInPage(page, "library.get", [{}]);
    if (cold.counts[0] !== PHRASES) throw new Error(`cold library.get: ${cold.counts}`);
    // The restarted worker holds only the library (the picker's search keys are built on a storage change or
    // when the picker asks): that splits the working-state figure into library cache and search index.
    const restartedHeap = await serviceWorkerHeap(cdp, profile.extensionId);
    const libraryOnly = await settledHeap(restartedHeap);
    await ask(page, "picker.data", { have: "" });
    const withIndex = await settledHeap(restartedHeap);

    return {
      phrases: PHRASES,
      store_heap_kb_10k: loaded.usedKb - empty.usedKb,
      store_heap_library_only_kb_10k: libraryOnly.usedKb - empty.usedKb,
      store_heap_library_and_picker_index_kb_10k: withIndex.usedKb - empty.usedKb,
      sw_heap_used_kb_empty: empty.usedKb,
      sw_heap_used_kb_10k: loaded.usedKb,
      storage_library_kb_10k: stored["kefu.library"],
      storage_search_keys_kb_10k: stored["kefu.searchKeys"],
      library_get_ms_10k: libraryGet.medianMs,
      library_get_cold_ms_10k: cold.medianMs,
      phrase_save_ms_10k: phraseSave.medianMs,
      extension_full_sync_ms_10k: fullSyncMs,
      seed_ms_10k: seedMs,
      how: "CDP Runtime.getHeapUsage on the background service-worker target after HeapProfiler.collectGarbage ×2; latencies are chrome.runtime.sendMessage round trips timed inside an extension page, median of 7; cold = first library.get after ServiceWorker.stopAllWorkers",
    };
  } finally {
    cdp?.close();
    await profile?.close().catch(() => undefined);
    await worker.stop();
    extension.remove();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
