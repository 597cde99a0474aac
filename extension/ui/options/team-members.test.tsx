import { render } from "preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { baseHandlers } from "../../messaging/protocol.ts";
import { createStoreHandlers } from "../../store/handlers.ts";
import { libraryItem } from "../../store/state.ts";
import { withTokenRoutes } from "../../store/team-tokens-fake.ts";
import { cancelSyncSoon } from "../../sync/loop.ts";
import { FakeWorker } from "../../sync/testing/fake-worker.ts";
import { Options } from "./Options.tsx";
import { TeamMembersCard } from "./TeamMembersCard.tsx";
import { byTestIdIn, mountRoot, serveHandlers, submitForm, unmountRoot, until } from "./test-dom.ts";
import { formatTime } from "./useStore.ts";

const ADMIN = "kefu_team0000000000001_admin-token";
const AGENT = "kefu_team0000000000001_agent-token";
const empty = {} as Record<string, never>;
let worker: FakeWorker;
let routes: ReturnType<typeof withTokenRoutes>;
let handlers: ReturnType<typeof createStoreHandlers>;
let root: HTMLElement;

/** The real store handlers behind fakeBrowser's runtime messaging, as background.ts wires them. */
beforeEach(() => {
  fakeBrowser.reset();
  libraryItem.dropCache();
  worker = new FakeWorker();
  worker.addToken(ADMIN, "admin", "agentAdmin", "店长");
  worker.addToken(AGENT, "agent", "agentWang", "小王");
  routes = withTokenRoutes(worker);
  handlers = createStoreHandlers({ fetch: routes.fetch });
  const all = { ...baseHandlers, ...handlers };
  serveHandlers(all);
  root = mountRoot();
});
afterEach(() => {
  unmountRoot(root);
  cancelSyncSoon();
});

const byTestId = <T extends Element = HTMLElement>(id: string) => byTestIdIn<T>(root, id);
const rows = () => [...root.querySelectorAll<HTMLElement>('[data-testid="team-member-row"]')];

async function connectAs(token: string) {
  await handlers["connection.save"]({ workerUrl: "https://kefu.example.workers.dev", token });
  await handlers["sync.now"](empty);
}

async function mint(name: string, role: "admin" | "agent" = "agent") {
  const input = await until(() => byTestId<HTMLInputElement>("team-members-name"), "add form");
  input.value = name;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  const select = byTestId<HTMLSelectElement>("team-members-role") as HTMLSelectElement;
  select.value = role;
  select.dispatchEvent(new Event("change", { bubbles: true }));
  await new Promise((r) => setTimeout(r, 20));
  byTestId("team-members-mint")?.click();
}

describe("团队成员 card", () => {
  it("admins see it in the options page; agents do not", async () => {
    await connectAs(ADMIN);
    render(<Options />, root);
    await until(() => byTestId("team-settings"), "team settings");
    await until(() => rows().length === 1, "the admin's row");
    expect(rows()[0]?.textContent).toContain("店长");
    expect(rows()[0]?.textContent).toContain("管理员");
    expect(byTestId("team-member-me")?.textContent).toBe("我");

    render(null, root);
    await connectAs(AGENT);
    render(<Options />, root);
    await until(() => byTestId("team-settings"), "team settings (agent)");
    expect(byTestId("team-members")).toBeNull();
    expect(routes.seen).toEqual(["GET /v1/tokens"]);
  });

  it("adds a member: the token is shown once, then gone after Done or when the card is left", async () => {
    await connectAs(ADMIN);
    render(<TeamMembersCard />, root);
    await mint("小李");
    const box = await until(() => byTestId<HTMLInputElement>("team-members-token"), "new token box");
    expect(box.value).toMatch(/^kefu_team0000000000001_secret/);
    expect(byTestId("team-members-new-token")?.textContent).toContain("仅显示一次，请立即复制发给该客服");
    await until(() => rows().length === 2, "the new row");
    expect(rows()[1]?.textContent).toContain("小李");
    expect(rows()[1]?.textContent).toContain("客服");
    expect(byTestId<HTMLInputElement>("team-members-name")?.value).toBe("");

    // Leaving the card (options page closed / card unmounted) forgets it: a fresh card shows no token.
    render(null, root);
    render(<TeamMembersCard />, root);
    await until(() => rows().length === 2, "rows again");
    expect(byTestId("team-members-token")).toBeNull();

    // The tab hidden (switched away or closing) also forgets it.
    await mint("小陈");
    await until(() => byTestId("team-members-token"), "token before hiding");
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
    await until(() => !byTestId("team-members-token"), "token cleared when hidden");
    Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });

    await mint("小张");
    await until(() => byTestId("team-members-token"), "second token");
    byTestId("team-members-done")?.click();
    await until(() => !byTestId("team-members-token"), "token cleared by Done");
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain("secret");
  });

  it("revokes after a confirm; the last admin's refusal is shown in Chinese", async () => {
    await connectAs(ADMIN);
    render(<TeamMembersCard />, root);
    await mint("小李");
    await until(() => rows().length === 2, "two rows");
    rows()[1]?.querySelector<HTMLButtonElement>('[data-testid="team-member-revoke"]')?.click();
    await until(() => byTestId("team-member-revoke-confirm"), "confirm");
    expect(routes.seen.filter((r) => r.startsWith("DELETE"))).toEqual([]); // nothing before the confirm
    byTestId("team-member-revoke-confirm")?.click();
    await until(() => rows()[1]?.querySelector('[data-testid="team-member-revoked"]'), "已吊销");
    expect(rows()[1]?.textContent).toContain("已吊销");
    expect(rows()[1]?.querySelector('[data-testid="team-member-revoke"]')).toBeNull();

    rows()[0]?.querySelector<HTMLButtonElement>('[data-testid="team-member-revoke"]')?.click();
    await until(() => byTestId("team-member-revoke-confirm"), "confirm admin");
    expect(byTestId("team-member-revoke-question")?.textContent).toContain("本浏览器正在使用的令牌");
    byTestId<HTMLButtonElement>("team-member-revoke-confirm")?.click();
    const error = await until(() => byTestId("team-members-action-error"), "refusal");
    expect(error.textContent).toContain("不能吊销最后一个管理员令牌");
  });

  it("a refused mint shows the API's reason", async () => {
    await connectAs(ADMIN);
    render(<TeamMembersCard />, root);
    await until(() => rows().length === 1, "rows");
    routes.failWith(403, "forbidden", "Admins only");
    await mint("小李");
    const error = await until(() => byTestId("team-members-action-error"), "error");
    expect(error.textContent).toBe("没有权限（Admins only）");
    expect(byTestId("team-members-token")).toBeNull();
  });

  it("shows each member's role (中文 first) and when the token was created", async () => {
    await connectAs(ADMIN);
    render(<TeamMembersCard />, root);
    await mint("小李", "admin");
    await until(() => rows().length === 2, "two rows");
    const cell = (row: number, id: string) => rows()[row]?.querySelector(`[data-testid="${id}"]`)?.textContent;
    expect(cell(0, "team-member-role")).toBe("管理员 · Admin");
    expect(cell(1, "team-member-role")).toBe("管理员 · Admin");
    expect(cell(0, "team-member-created")).toBe(formatTime(1_763_000_000_000));
    expect(cell(1, "team-member-created")).toBe(formatTime(routes.tokens[1]?.createdAt));
  });

  it("an empty name is said at the field (no request, no browser bubble)", async () => {
    await connectAs(ADMIN);
    render(<TeamMembersCard />, root);
    await until(() => rows().length === 1, "rows");
    const form = byTestId<HTMLFormElement>("team-members-add");
    expect(form?.noValidate).toBe(true);
    await submitForm(form);
    expect(byTestId("field-error-name")?.textContent).toBe("请填写成员名字 (member name required)");
    expect(byTestId("team-members-name")?.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(byTestId("team-members-name"));
    expect(routes.seen.filter((r) => r.startsWith("POST"))).toEqual([]);
  });

  it("re-issues a member's token: same agent and role, shown once, then the old token can be revoked", async () => {
    await connectAs(ADMIN);
    render(<TeamMembersCard agentNames={{ agentAdmin: "店长" }} />, root);
    await mint("小李");
    await until(() => rows().length === 2 && byTestId("team-members-token"), "two rows and the token");
    byTestId("team-members-done")?.click();
    await until(() => !byTestId("team-members-token"), "token closed");
    const old = routes.tokens[1];
    if (!old) throw new Error("no minted token");

    rows()[1]?.querySelector<HTMLButtonElement>('[data-testid="team-member-reissue"]')?.click();
    const box = await until(() => byTestId<HTMLInputElement>("team-members-token"), "new token box");
    expect(box.value).toMatch(/^kefu_team0000000000001_secret/);
    expect(byTestId("team-members-new-token")?.textContent).toContain("小李（客服）的新令牌");
    const fresh = routes.tokens[2];
    expect(fresh).toMatchObject({ agentId: old.agentId, role: "agent", name: "小李" });
    await until(() => rows().length === 3, "the re-issued row");
    // The old row is marked superseded and offers no second re-issue; the new row does.
    expect(rows()[1]?.querySelector('[data-testid="team-member-superseded"]')).not.toBeNull();
    expect(rows()[1]?.querySelector('[data-testid="team-member-reissue"]')).toBeNull();
    expect(rows()[2]?.querySelector('[data-testid="team-member-reissue"]')).not.toBeNull();

    // Revoking the old token asks first, then revokes exactly that token.
    expect(byTestId("team-members-old-token")?.textContent).toContain("仍然有效");
    byTestId("team-members-revoke-old")?.click();
    await until(() => byTestId("team-members-revoke-old-confirm"), "confirm");
    expect(byTestId("team-members-revoke-old-question")?.textContent).toContain("该成员将立即无法同步");
    expect(routes.seen.filter((r) => r.startsWith("DELETE"))).toEqual([]);
    byTestId("team-members-revoke-old-confirm")?.click();
    await until(() => byTestId("team-members-old-revoked"), "old revoked");
    expect(routes.seen.filter((r) => r.startsWith("DELETE"))).toEqual([`DELETE /v1/tokens/${old.tokenId}`]);
    expect(routes.tokens[1]?.revokedAt).toBeDefined();
    expect(routes.tokens[2]?.revokedAt).toBeUndefined();
    expect(byTestId<HTMLInputElement>("team-members-token")?.value).toBe(box.value);
  });

  it("re-issuing uses the display name from 团队设置 and warns before revoking this browser's own token", async () => {
    await connectAs(ADMIN);
    render(<TeamMembersCard agentNames={{ agentAdmin: "老板" }} />, root);
    await until(() => rows().length === 1, "rows");
    rows()[0]?.querySelector<HTMLButtonElement>('[data-testid="team-member-reissue"]')?.click();
    await until(() => byTestId("team-members-token"), "new token box");
    expect(routes.tokens[1]).toMatchObject({ agentId: "agentAdmin", role: "admin", name: "老板" });
    byTestId("team-members-revoke-old")?.click();
    const question = await until(() => byTestId("team-members-revoke-old-question"), "question");
    expect(question.textContent).toContain("本浏览器正在使用的令牌");
  });

  it("a refused re-issue shows the API's reason and no token", async () => {
    await connectAs(ADMIN);
    render(<TeamMembersCard />, root);
    await until(() => rows().length === 1, "rows");
    routes.failWith(400, "bad_request", "agentId: malformed");
    rows()[0]?.querySelector<HTMLButtonElement>('[data-testid="team-member-reissue"]')?.click();
    const error = await until(() => byTestId("team-members-action-error"), "error");
    expect(error.textContent).toContain("输入有误");
    expect(byTestId("team-members-token")).toBeNull();
  });

  it("offline: says it needs the Worker and offers no add or revoke", async () => {
    await connectAs(ADMIN);
    worker.online = false;
    render(<TeamMembersCard />, root);
    const note = await until(() => byTestId("team-members-offline"), "offline note");
    expect(note.textContent).toContain("需要连接同步服务");
    expect(byTestId("team-members-add")).toBeNull();
    expect(byTestId("team-member-revoke")).toBeNull();
    expect(byTestId("team-member-reissue")).toBeNull();
  });
});
