/**
 * The options page's forms check their own fields (field-checks.tsx) instead of showing Chromium's English
 * bubbles: the connection form, the new-group form and 团队设置. Phrase form: phrase-form.test.tsx; add member:
 * team-members.test.tsx.
 */
import { render } from "preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { baseHandlers } from "../../messaging/protocol.ts";
import { createStoreHandlers } from "../../store/handlers.ts";
import { libraryItem } from "../../store/state.ts";
import { cancelSyncSoon } from "../../sync/loop.ts";
import { FakeWorker } from "../../sync/testing/fake-worker.ts";
import { Options } from "./Options.tsx";
import { byTestIdIn, mountRoot, serveHandlers, submitForm, typeInto, unmountRoot, until } from "./test-dom.ts";

const ADMIN = "kefu_team0000000000001_admin-token";
const empty = {} as Record<string, never>;
let worker: FakeWorker;
let handlers: ReturnType<typeof createStoreHandlers>;
let root: HTMLElement;

beforeEach(() => {
  fakeBrowser.reset();
  libraryItem.dropCache();
  worker = new FakeWorker();
  worker.addToken(ADMIN, "admin", "agentAdmin", "店长");
  handlers = createStoreHandlers({ fetch: worker.fetch });
  serveHandlers({ ...baseHandlers, ...handlers });
  root = mountRoot();
});
afterEach(() => {
  unmountRoot(root);
  cancelSyncSoon();
});

const byTestId = <T extends HTMLElement = HTMLElement>(id: string) => byTestIdIn<T>(root, id);
const formOf = (testId: string) => byTestId(testId)?.closest("form") ?? null;

async function connectedOptions() {
  worker.serverSettings({ agents: { agentAdmin: "店长", agentWang: "小王" } });
  await handlers["connection.save"]({ workerUrl: "https://kefu.example.workers.dev", token: ADMIN });
  await handlers["sync.now"](empty);
  render(<Options />, root);
  await until(() => byTestId("team-shop-name"), "team settings");
}

describe("connection form", () => {
  it("empty fields: both messages, focus on the address, no request; a plain-http address is refused at the field", async () => {
    render(<Options />, root);
    const url = await until(() => byTestId<HTMLInputElement>("conn-url"), "connection form");
    expect(formOf("conn-url")?.noValidate).toBe(true);
    await submitForm(formOf("conn-url"));
    expect(byTestId("field-error-workerUrl")?.textContent).toBe("请填写同步服务地址 (Worker URL required)");
    expect(byTestId("field-error-token")?.textContent).toBe("请填写令牌 (token required)");
    expect(url.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(url);
    expect(worker.requests).toEqual([]);

    await typeInto(url, "http://kefu.example.com");
    await typeInto(byTestId("conn-token"), ADMIN);
    await submitForm(formOf("conn-url"));
    expect(byTestId("field-error-workerUrl")?.textContent).toContain("同步服务地址必须是 https");
    expect(byTestId("field-error-token")).toBeNull();
    expect(document.activeElement).toBe(url);
    expect(byTestId<HTMLInputElement>("conn-token")?.value).toBe(ADMIN);
    expect(worker.requests).toEqual([]);

    await typeInto(url, "kefu.example.workers.dev");
    expect(byTestId("field-error-workerUrl")).toBeNull();
    await submitForm(formOf("conn-url"));
    await until(() => byTestId("conn-shop"), "connected");
  });
});

describe("new group form", () => {
  it("an empty name says so at the field; a too long name is kept for fixing, not cut", async () => {
    await connectedOptions();
    const name = await until(() => byTestId<HTMLInputElement>("group-new-name"), "group input");
    const groupsBefore = (await libraryItem.getValue())?.groups;
    await submitForm(formOf("group-new-name"));
    expect(byTestId("field-error-name")?.textContent).toBe("请填写分组名称 (group name required)");
    expect(document.activeElement).toBe(name);

    const long = "售前".repeat(26);
    await typeInto(name, long);
    await submitForm(formOf("group-new-name"));
    expect(byTestId("field-error-name")?.textContent).toContain("分组名称最多 50 个字，现在 52 个");
    expect(name.value).toBe(long);
    expect((await libraryItem.getValue())?.groups).toEqual(groupsBefore);

    await typeInto(name, "欢迎语");
    await submitForm(formOf("group-new-name"));
    await until(() => root.querySelector('[data-testid^="group-item-"]')?.textContent?.includes("欢迎语"), "group");
    expect(name.value).toBe("");
  });
});

describe("团队设置 form", () => {
  it("a too long shop name or display name is shown at its field and not saved", async () => {
    await connectedOptions();
    const shop = byTestId<HTMLInputElement>("team-shop-name") as HTMLInputElement;
    const admin = await until(() => byTestId<HTMLInputElement>("team-agent-agentAdmin"), "agent field");
    await typeInto(admin, "店".repeat(41));
    await submitForm(formOf("team-shop-name"));
    expect(byTestId("field-error-shopName")).toBeNull();
    expect(byTestId("field-error-agent:agentAdmin")?.textContent).toContain("客服显示名最多 40 个字，现在 41 个");
    expect(admin.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(admin);
    expect(byTestId("team-settings-saved")).toBeNull();

    await typeInto(shop, "店".repeat(101));
    await submitForm(formOf("team-shop-name"));
    expect(byTestId("field-error-shopName")?.textContent).toContain("店铺名称最多 100 个字");
    expect(document.activeElement).toBe(shop);

    await typeInto(shop, "小美的旗舰店");
    await typeInto(admin, "店长");
    await submitForm(formOf("team-shop-name"));
    await until(() => byTestId("team-settings-saved"), "saved");
    expect(root.querySelector(".field-error")).toBeNull();
  });
});
