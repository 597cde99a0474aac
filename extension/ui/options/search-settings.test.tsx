import { render } from "preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { baseHandlers } from "../../messaging/protocol.ts";
import { createPickerHandlers } from "../../search-index/index.ts";
import { createStoreHandlers } from "../../store/handlers.ts";
import { libraryItem } from "../../store/state.ts";
import { cancelSyncSoon } from "../../sync/loop.ts";
import { FakeWorker } from "../../sync/testing/fake-worker.ts";
import { Options } from "./Options.tsx";
import { byTestIdIn, mountRoot, serveHandlers, typeInto, unmountRoot, until as waitUntil } from "./test-dom.ts";

const ADMIN = "kefu_team0000000000001_admin-token";
const AGENT = "kefu_team0000000000001_agent-token";
let worker: FakeWorker;
let root: HTMLElement;
let h: ReturnType<typeof createStoreHandlers>;
const empty = {} as Record<string, never>;

/** The real store and picker handlers behind fakeBrowser's runtime messaging, as background.ts wires them. */
beforeEach(() => {
  fakeBrowser.reset();
  libraryItem.dropCache();
  worker = new FakeWorker();
  worker.addToken(ADMIN, "admin", "agentAdmin", "店长");
  worker.addToken(AGENT, "agent", "agentWang", "小王");
  h = createStoreHandlers({ fetch: worker.fetch });
  const handlers = { ...baseHandlers, ...h, ...createPickerHandlers() };
  serveHandlers(handlers);
  root = mountRoot();
});
afterEach(() => {
  unmountRoot(root);
  cancelSyncSoon();
});

/** The searches here wait for the picker index to be built: allow 3 s. */
function until<T>(find: () => T | null | undefined | false, what: string): Promise<T> {
  return waitUntil(find, what, 300);
}
const byTestId = <T extends Element = HTMLElement>(id: string) => byTestIdIn<T>(root, id);

async function connect(token: string) {
  await h["connection.save"]({ workerUrl: "https://kefu.example.workers.dev", token });
  await h["sync.now"](empty);
}

/** Quick codes of the rows the table shows, top to bottom. */
const rowCodes = () =>
  [...root.querySelectorAll('[data-testid^="phrase-row-"] td.code')].map((cell) => cell.textContent?.slice(1));

describe("options page search (the picker's search)", () => {
  beforeEach(async () => {
    worker.serverWrite({
      id: "p1",
      code: "cf",
      content: "亲，您的订单还没付款，催付款哦",
      groupId: "g",
      tags: [],
      scope: "team",
    });
    worker.serverWrite({
      id: "p2",
      code: "dz",
      title: "核对地址",
      content: "亲，请核对收货地址和电话",
      groupId: "g",
      tags: [],
      scope: "team",
    });
    worker.serverWrite({
      id: "p3",
      code: "fh",
      content: "亲，今天下午四点前付款当天发货",
      groupId: "g",
      tags: ["物流"],
      scope: "team",
    });
    worker.serverWrite({ id: "p4", code: "cfd", content: "催发货已登记", groupId: "g", tags: [], scope: "team" });
    await connect(ADMIN);
    render(<Options />, root);
    await until(() => rowCodes().length === 4, "four rows");
  });

  async function search(query: string) {
    await typeInto(await until(() => byTestId<HTMLInputElement>("phrase-search"), "search box"), query);
    await until(() => !byTestId("phrase-search-loading"), "index loaded");
    await new Promise((r) => setTimeout(r, 30));
    return rowCodes();
  }

  it("finds by full pinyin, pinyin initials, quick code prefix and traditional characters, ranked like the picker", async () => {
    // Exact quick code first, then code prefix (the picker's tiers), substring content last.
    expect(await search("cf")).toEqual(["cf", "cfd"]);
    expect(await search("dizhi")).toEqual(["dz"]); // full pinyin of the title 核对地址
    expect(await search("hddz")).toEqual(["dz"]); // initials of the title
    expect(await search("發貨")).toEqual(expect.arrayContaining(["fh", "cfd"])); // traditional → simplified
    expect(await search("發貨")).toHaveLength(2);
    expect(await search("物流")).toEqual(["fh"]); // tags
    expect(await search("zzzz")).toEqual([]);
    expect(byTestId("phrase-empty")).not.toBeNull();
    expect(await search("")).toHaveLength(4);
  });

  it("sees a phrase saved a moment ago (the index follows the library)", async () => {
    await h["phrase.save"]({
      phrase: { code: "th", content: "退货地址请看详情页", groupId: "g", tags: [], scope: "team" },
    });
    await until(() => rowCodes().includes("th"), "new row");
    expect(await search("tuihuo")).toEqual(["th"]);
  });
});

describe("team settings in the options page", () => {
  it("an admin's offline edit shows 待同步, survives, and lands on sync", async () => {
    await connect(ADMIN);
    render(<Options />, root);
    const shop = await until(() => byTestId<HTMLInputElement>("team-shop-name"), "shop name field");
    expect(shop.value).toBe("小美的店");
    worker.online = false;
    await typeInto(shop, "小美的旗舰店");
    byTestId<HTMLFormElement>("team-shop-name")
      ?.closest("form")
      ?.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
    await until(() => byTestId("team-settings-pending"), "pending badge");
    expect(worker.settings.shopName).toBe("小美的店");
    worker.online = true;
    await h["sync.now"](empty);
    await until(() => !byTestId("team-settings-pending"), "badge gone");
    expect(worker.settings.shopName).toBe("小美的旗舰店");
    expect(byTestId<HTMLInputElement>("team-shop-name")?.value).toBe("小美的旗舰店");
  });

  it("sends only the fields the admin changed: another admin's newer shop name is kept", async () => {
    await connect(ADMIN);
    await h["settings.save"]({ patch: { agents: { agentWang: "小王" } } });
    await h["sync.now"](empty);
    render(<Options />, root);
    const wang = await until(() => byTestId<HTMLInputElement>("team-agent-agentWang"), "agent field");
    await typeInto(wang, "王小二");
    worker.serverSettings({ shopName: "别人改的店名", agents: { agentWang: "小王", agentLi: "小李" } });
    await h["sync.now"](empty); // pulled while the form is open
    wang.closest("form")?.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
    await until(() => byTestId("team-settings-saved"), "saved");
    expect(await h["sync.now"](empty)).toMatchObject({ conflicts: 0, pendingEdits: 0 });
    expect(worker.settings).toMatchObject({
      shopName: "别人改的店名",
      agents: { agentWang: "王小二", agentLi: "小李" },
    });
  });

  it("shows another admin's clashing change as a conflict with both versions", async () => {
    await connect(ADMIN);
    worker.online = false;
    await h["settings.save"]({ patch: { shopName: "我的店名" } });
    worker.serverSettings({ shopName: "别人的店名" });
    worker.online = true;
    await h["sync.now"](empty);
    render(<Options />, root);
    const conflict = await until(() => byTestId("conflict-settings"), "settings conflict");
    expect(conflict.textContent).toContain("店铺名称：我的店名");
    expect(conflict.textContent).toContain("店铺名称：别人的店名");
    expect(conflict.textContent).toContain("别人先改了");
    byTestId("conflict-keep-mine-settings")?.click();
    await until(() => !byTestId("conflict-list"), "conflict resolved");
    await h["sync.now"](empty);
    expect(worker.settings.shopName).toBe("我的店名");
  });

  it("labels display-name rows with the agent's name (and the signed-in user's role), the raw id only as small text", async () => {
    await connect(ADMIN);
    await h["settings.save"]({ patch: { agents: { agentAdmin: "店长", agentWang: "小王" } } });
    await h["sync.now"](empty);
    render(<Options />, root);
    const wang = await until(() => byTestId("team-agent-label-agentWang"), "agent row label");
    expect(wang.querySelector("strong")?.textContent).toBe("小王");
    expect(wang.querySelector("small")?.textContent).toBe("agentWang");
    const mine = byTestId("team-agent-label-agentAdmin");
    expect(mine?.querySelector("strong")?.textContent).toBe("店长（我 · 管理员 · Admin）");
    // The id is not the row's name any more: only the small secondary text carries it.
    expect(wang.textContent?.replace(wang.querySelector("small")?.textContent ?? "", "")).not.toContain("agentWang");
  });

  it("calls the URL field 同步服务地址 · Worker URL", async () => {
    render(<Options />, root);
    const url = await until(() => byTestId<HTMLInputElement>("conn-url"), "connection form");
    expect(url.closest("label")?.textContent).toContain("同步服务地址 · Worker URL");
    expect(root.textContent).not.toContain("Worker 地址");
  });

  it("is read-only for agents", async () => {
    await connect(AGENT);
    render(<Options />, root);
    const shop = await until(() => byTestId<HTMLInputElement>("team-shop-name"), "shop name field");
    expect(shop.disabled).toBe(true);
    expect(byTestId("team-settings-save")).toBeNull();
  });
});

describe("bulk select in the phrase table", () => {
  it("selects only editable rows, moves and deletes them in one go; agents cannot select team phrases", async () => {
    worker.serverWrite({ id: "t1", code: "hy", content: "团队欢迎语", groupId: "g", tags: [], scope: "team" });
    await connect(ADMIN);
    const { id: target } = await h["group.save"]({ group: { name: "售后" } });
    for (const code of ["a1", "a2", "a3"]) {
      await h["phrase.save"]({ phrase: { code, content: `内容${code}`, groupId: "", tags: [], scope: "team" } });
    }
    await h["sync.now"](empty);
    render(<Options />, root);
    await until(() => rowCodes().length === 4, "rows");
    const check = (id: string) => byTestId<HTMLInputElement>(id) as HTMLInputElement;
    check("phrase-select-all").click();
    await until(() => byTestId("bulk-bar")?.textContent?.includes("已选 4 条"), "4 selected");
    const select = byTestId<HTMLSelectElement>("bulk-move-group") as HTMLSelectElement;
    select.value = target;
    select.dispatchEvent(new Event("change", { bubbles: true }));
    await new Promise((r) => setTimeout(r, 20));
    byTestId<HTMLButtonElement>("bulk-move")?.click();
    await until(() => byTestId("bulk-bar")?.textContent?.includes("已选 0 条"), "selection cleared");
    await h["sync.now"](empty);
    expect(
      [...worker.phrases.values()]
        .filter((p) => p.groupId === target)
        .map((p) => p.code)
        .sort(),
    ).toEqual(["a1", "a2", "a3", "hy"]);

    const ids = [...worker.phrases.values()].filter((p) => p.code !== "hy").map((p) => p.id);
    for (const id of ids.slice(0, 2)) check(`phrase-select-${id}`).click();
    await until(() => byTestId("bulk-bar")?.textContent?.includes("已选 2 条"), "2 selected");
    const confirm = vi.fn(() => true);
    Object.assign(window, { confirm });
    byTestId<HTMLButtonElement>("bulk-delete")?.click();
    await until(() => rowCodes().length === 2, "two rows left");
    expect(confirm).toHaveBeenCalledWith("删除选中的 2 条短语？");
    await h["sync.now"](empty);
    expect([...worker.phrases.values()].filter((p) => !p.deleted)).toHaveLength(2);
  });

  it("an agent's team rows cannot be selected", async () => {
    worker.serverWrite({ id: "t1", code: "hy", content: "团队欢迎语", groupId: "g", tags: [], scope: "team" });
    await connect(AGENT);
    await h["phrase.save"]({ phrase: { code: "wd", content: "我的", groupId: "", tags: [], scope: "personal" } });
    render(<Options />, root);
    await until(() => rowCodes().length === 2, "rows");
    expect(byTestId<HTMLInputElement>("phrase-select-t1")?.disabled).toBe(true);
    byTestId<HTMLInputElement>("phrase-select-all")?.click();
    await until(() => byTestId("bulk-bar")?.textContent?.includes("已选 1 条"), "only the personal row");
  });
});

describe("popup", () => {
  it("shows the last sync time, the error of a failed round and the conflict count", async () => {
    await connect(ADMIN);
    const { Popup } = await import("../popup/Popup.tsx");
    render(<Popup />, root);
    const last = await until(() => byTestId("popup-last-sync"), "last sync");
    expect(last.textContent).not.toContain("从未");
    expect(last.textContent).toMatch(/\d{1,2}:\d{2}:\d{2}/);
    worker.tokens.delete(ADMIN); // revoked by the admin elsewhere
    byTestId<HTMLButtonElement>("popup-sync-now")?.click();
    await until(() => byTestId("popup-sync-state")?.textContent?.includes("同步出错"), "error state");
    expect(byTestId("popup-error")?.textContent).toMatch(/令牌无效/);
    expect(byTestId("popup-team")?.textContent).toContain("小美的店");
  });
});
