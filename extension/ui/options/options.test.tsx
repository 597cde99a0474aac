import { render } from "preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { parseImport } from "../../../shared/phrases/io/index.ts";
import { baseHandlers } from "../../messaging/protocol.ts";
import { createStoreHandlers } from "../../store/handlers.ts";
import { libraryItem } from "../../store/state.ts";
import { cancelSyncSoon } from "../../sync/loop.ts";
import { FakeWorker } from "../../sync/testing/fake-worker.ts";
import { Popup } from "../popup/Popup.tsx";
import { buildExport } from "./exporting.ts";
import { Options } from "./Options.tsx";
import { byTestIdIn, mountRoot, serveHandlers, typeInto, unmountRoot, until } from "./test-dom.ts";

const ADMIN = "kefu_team0000000000001_admin-token";
let worker: FakeWorker;
let root: HTMLElement;

/** Wires the real store handlers behind fakeBrowser's runtime messaging, as background.ts does. */
beforeEach(() => {
  fakeBrowser.reset();
  libraryItem.dropCache();
  worker = new FakeWorker();
  worker.addToken(ADMIN, "admin", "agentAdmin", "店长");
  const handlers = { ...baseHandlers, ...createStoreHandlers({ fetch: worker.fetch }) };
  serveHandlers(handlers);
  root = mountRoot();
});
afterEach(() => {
  unmountRoot(root);
  cancelSyncSoon();
});

const byTestId = <T extends Element = HTMLElement>(id: string) => byTestIdIn<T>(root, id);

describe("options page", () => {
  it("connects, adds a group and a phrase, and keeps hostile content as text", async () => {
    render(<Options />, root);
    const url = await until(() => byTestId<HTMLInputElement>("conn-url"), "connection form");
    await typeInto(url, "https://kefu.example.workers.dev");
    await typeInto(byTestId<HTMLInputElement>("conn-token") as HTMLInputElement, ADMIN);
    byTestId("conn-save")?.click();
    await until(() => byTestId("conn-shop")?.textContent === "小美的店", "shop name");
    expect(byTestId("conn-role")?.textContent).toContain("管理员");
    expect(byTestId("conn-agent")?.textContent).toBe("店长");

    await typeInto(await until(() => byTestId<HTMLInputElement>("group-new-name"), "group input"), "欢迎语");
    byTestId("group-add")?.click();
    await until(() => root.querySelector('[data-testid^="group-item-"]')?.textContent?.includes("欢迎语"), "group");

    byTestId("phrase-new")?.click();
    await typeInto(await until(() => byTestId<HTMLInputElement>("phrase-code"), "form"), "hy");
    await typeInto(
      byTestId<HTMLTextAreaElement>("phrase-content") as HTMLTextAreaElement,
      '<img src=x onerror="alert(1)">您好',
    );
    byTestId<HTMLFormElement>("phrase-form")?.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
    const row = await until(() => root.querySelector('[data-testid^="phrase-row-"]'), "phrase row");
    expect(row.textContent).toContain('<img src=x onerror="alert(1)">您好');
    expect(root.querySelector("img")).toBeNull();
  });

  it("shows the error of a refused token", async () => {
    render(<Options />, root);
    await typeInto(
      await until(() => byTestId<HTMLInputElement>("conn-url"), "form"),
      "https://kefu.example.workers.dev",
    );
    await typeInto(byTestId<HTMLInputElement>("conn-token") as HTMLInputElement, "wrong");
    byTestId("conn-save")?.click();
    const error = await until(() => byTestId("conn-error"), "error");
    expect(error.textContent).toMatch(/令牌无效/);
  });
});

describe("popup", () => {
  it("shows sync state, pending edits and syncs on demand", async () => {
    const handlers = createStoreHandlers({ fetch: worker.fetch });
    await handlers["connection.save"]({ workerUrl: "https://kefu.example.workers.dev", token: ADMIN });
    worker.online = false;
    await handlers["phrase.save"]({ phrase: { code: "x", content: "y", groupId: "", tags: [], scope: "personal" } });
    await handlers["sync.now"]({});
    render(<Popup />, root);
    await until(() => byTestId("popup-pending")?.textContent?.includes("1"), "pending count");
    expect(byTestId("popup-sync-state")?.textContent).toContain("离线");
    expect(byTestId("popup-connect-hint")).toBeNull();
    worker.online = true;
    byTestId("popup-sync-now")?.click();
    await until(() => byTestId("popup-sync-state")?.textContent?.includes("已同步"), "synced state");
    expect(byTestId("popup-pending")?.textContent).toContain("0");
  });
});

describe("export", () => {
  it("exports CSV that parseImport reads back with groups and content intact", async () => {
    const handlers = createStoreHandlers({ fetch: worker.fetch });
    await handlers["connection.save"]({ workerUrl: "https://kefu.example.workers.dev", token: ADMIN });
    const { id: groupId } = await handlers["group.save"]({ group: { name: "物流" } });
    await handlers["phrase.save"]({
      phrase: { code: "wl", content: "默认中通，\n可升级顺丰", groupId, tags: ["物流"], scope: "team" },
    });
    const library = await handlers["library.get"]({});
    const file = buildExport(library, "csv", "team", new Date("2026-11-23T00:00:00Z"));
    expect(file.name).toBe("kefu-phrases-team-2026-11-23.csv");
    const back = parseImport(new TextEncoder().encode(file.text), file.name);
    expect(back.ok && back.preview.phrases).toEqual([
      { groupName: "物流", code: "wl", content: "默认中通，\n可升级顺丰", tags: ["物流"] },
    ]);
    const json = buildExport(library, "json", "all");
    const restored = parseImport(new TextEncoder().encode(json.text), json.name);
    expect(restored.ok && restored.preview.phrases[0]).toMatchObject({ code: "wl", scope: "team", groupName: "物流" });
  });
});
