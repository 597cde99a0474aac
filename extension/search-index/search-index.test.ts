import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { storage } from "wxt/utils/storage";
import { createSearchIndexFromData } from "../../shared/search/index.ts";
import { SEARCH_KEYS_VERSION } from "../../shared/search/types.ts";
import { createStoreHandlers } from "../store/handlers.ts";
import { libraryItem } from "../store/state.ts";
import { cancelSyncSoon } from "../sync/loop.ts";
import { FakeWorker } from "../sync/testing/fake-worker.ts";
import { createPickerHandlers, forgetBuiltIndex, phraseSignature } from "./index.ts";
import { hotkeyOf, normalizeHotkey } from "./stamp.ts";

const ADMIN = "kefu_team0000000000001_admin-token";
const empty = {} as Record<string, never>;
let worker: FakeWorker;
let store: ReturnType<typeof createStoreHandlers>;
let picker: ReturnType<typeof createPickerHandlers>;

beforeEach(async () => {
  fakeBrowser.reset();
  libraryItem.dropCache();
  forgetBuiltIndex(); // memory of a "previous service worker"
  worker = new FakeWorker();
  worker.addToken(ADMIN, "admin", "agentAdmin", "店长");
  worker.serverWrite({
    id: "p-cf",
    code: "cf",
    title: "催付",
    content: "{买家}您好，记得付款哦",
    groupId: "g",
    tags: [],
    scope: "team",
  });
  worker.serverWrite({
    id: "p-hy",
    code: "hy",
    title: "欢迎语",
    content: "欢迎光临{店铺}",
    groupId: "g",
    tags: [],
    scope: "team",
  });
  store = createStoreHandlers({ fetch: worker.fetch });
  picker = createPickerHandlers();
  await store["connection.save"]({ workerUrl: "https://kefu.example.workers.dev/", token: ADMIN });
  await store["sync.now"](empty);
  cancelSyncSoon();
});

describe("picker.data", () => {
  it("sends the index with pinyin keys once, then only the stamp while the library is unchanged", async () => {
    const first = await picker["picker.data"]({});
    expect(first.data?.phrases.map((p) => p.code).sort()).toEqual(["cf", "hy"]);
    expect(first).toMatchObject({ shopName: "小美的店", agentName: "店长" });
    const index = createSearchIndexFromData(first.data as NonNullable<typeof first.data>);
    expect(index.search("huany")[0]?.phrase.code).toBe("hy");
    expect(index.search("cuif")[0]?.phrase.code).toBe("cf");
    const again = await picker["picker.data"]({ have: first.stamp });
    expect(again.stamp).toBe(first.stamp);
    expect(again.data).toBeUndefined();
  });

  it("re-keys after an edit: new stamp, new phrase searchable, unchanged phrases keep their cached keys", async () => {
    const first = await picker["picker.data"]({});
    const cached = await storage.getItem<{ v: number; entries: Record<string, [string, unknown]> }>(
      "local:kefu.searchKeys",
    );
    expect(cached?.v).toBe(SEARCH_KEYS_VERSION);
    expect(Object.keys(cached?.entries ?? {}).sort()).toEqual(["p-cf", "p-hy"]);
    await store["phrase.save"]({
      phrase: { code: "hd1", title: "核对地址", content: "核对{收货地址}", groupId: "g", tags: [], scope: "team" },
    });
    cancelSyncSoon();
    const next = await picker["picker.data"]({ have: first.stamp });
    expect(next.stamp).not.toBe(first.stamp);
    const index = createSearchIndexFromData(next.data as NonNullable<typeof next.data>);
    expect(index.search("hddz")[0]?.phrase.code).toBe("hd1");
    const after = await storage.getItem<{ entries: Record<string, [string, unknown]> }>("local:kefu.searchKeys");
    expect(after?.entries["p-cf"]).toEqual(cached?.entries["p-cf"]);
    expect(Object.keys(after?.entries ?? {})).toHaveLength(3);
  });

  it("never labels an index built from the library before a sync with the stamp after it", async () => {
    // A sync lands while the keys are being built (here: while the key cache is read from storage). Before the
    // fix the index was labelled with the stamp read after building, so the picker took the old phrases for the
    // synced library until the next change (CI: "/cf" found nothing right after connecting).
    worker.serverWrite({
      id: "p-hd",
      code: "hd",
      title: "核对",
      content: "核对地址",
      groupId: "g",
      tags: [],
      scope: "team",
    });
    const getItem = storage.getItem.bind(storage);
    let synced = false;
    const spy = vi.spyOn(storage, "getItem").mockImplementation(async (key, ...rest) => {
      if (key === "local:kefu.searchKeys" && !synced) {
        synced = true;
        await store["sync.now"](empty);
        cancelSyncSoon();
      }
      return getItem(key as never, ...(rest as []));
    });
    try {
      const first = await picker["picker.data"]({});
      expect(synced).toBe(true);
      expect(first.data?.phrases.map((p) => p.code).sort()).toEqual(["cf", "hy"]);
      const next = await picker["picker.data"]({ have: first.stamp });
      expect(next.stamp).not.toBe(first.stamp);
      expect(next.data?.phrases.map((p) => p.code).sort()).toEqual(["cf", "hd", "hy"]);
    } finally {
      spy.mockRestore();
    }
  });

  it("remembers this browser's use of a phrase for ranking", async () => {
    await picker["picker.used"]({ id: "p-hy" });
    await picker["picker.used"]({ id: "p-hy" });
    const { usage } = await picker["picker.data"]({});
    expect(usage["p-hy"]?.count).toBe(2);
    expect(Number(usage["p-hy"]?.lastUsedAt)).toBeGreaterThan(Date.now() - 60_000);
  });
});

describe("picker.lint and hotkey", () => {
  it("lints with the default word lists when the team has none", async () => {
    const { findings, enabled } = await picker["picker.lint"]({ text: "这个我不知道" });
    expect(enabled).toBe(true);
    expect(findings.map((f) => f.text)).toContain("我不知道");
    expect((await picker["picker.lint"]({ text: "好的，我马上帮您确认" })).findings).toEqual([]);
  });

  it("uses the team's lint section and names (shop, agent display name) from the team settings", async () => {
    const library = await libraryItem.getValue();
    const settings = {
      shopName: "南极旗舰店",
      agents: { agentAdmin: "店长阿美" },
      orderRules: {},
      lint: { bannedPhrases: [{ text: "亲你自己看", suggestion: "我帮您查一下" }] },
      reviewTemplates: {},
      siteProfiles: {},
    };
    await libraryItem.setValue({ ...library, settings });
    const { findings } = await picker["picker.lint"]({ text: "亲你自己看吧" });
    expect(findings).toMatchObject([{ rule: "banned", text: "亲你自己看", suggestion: "我帮您查一下" }]);
    expect(await picker["picker.data"]({})).toMatchObject({ shopName: "南极旗舰店", agentName: "店长阿美" });
    await libraryItem.setValue({ ...library, settings: { ...settings, lint: { enabled: false } } });
    expect(await picker["picker.lint"]({ text: "我不知道" })).toEqual({ findings: [], enabled: false });
  });

  it("stores a normalised hotkey, tells open tabs, and refuses one without a modifier", async () => {
    const tab = await fakeBrowser.tabs.create({ url: "https://myseller.taobao.com/" });
    const sent = vi.spyOn(fakeBrowser.tabs, "sendMessage").mockResolvedValue(undefined);
    expect(await picker["picker.hotkey.set"]({ hotkey: "ctrl + shift + space" })).toEqual({
      hotkey: "Ctrl+Shift+Space",
    });
    expect(await picker["picker.hotkey.get"](empty)).toEqual({ hotkey: "Ctrl+Shift+Space" });
    expect(sent).toHaveBeenCalledWith(tab.id, { kefuPickerChanged: { hotkey: "Ctrl+Shift+Space" } });
    sent.mockRestore();
    await expect(picker["picker.hotkey.set"]({ hotkey: "k" })).rejects.toThrow(/修饰键/);
    await expect(picker["picker.hotkey.set"]({ hotkey: "Shift+K" })).rejects.toThrow(/修饰键/);
    expect(normalizeHotkey("alt+k")).toBe("Alt+K");
    expect(hotkeyOf(new KeyboardEvent("keydown", { key: "k", code: "KeyK", altKey: true }))).toBe("Alt+K");
  });

  it("signatures change with any searchable field", () => {
    const base = { code: "cf", title: "催付", content: "付款", tags: ["a"] };
    const sig = phraseSignature(base);
    expect(phraseSignature({ ...base })).toBe(sig);
    for (const changed of [{ code: "cf2" }, { title: "催" }, { content: "付款。" }, { tags: ["b"] }]) {
      expect(phraseSignature({ ...base, ...changed })).not.toBe(sig);
    }
  });
});
