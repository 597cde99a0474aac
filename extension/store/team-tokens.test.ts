import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { cancelSyncSoon } from "../sync/loop.ts";
import { FakeWorker } from "../sync/testing/fake-worker.ts";
import { createStoreHandlers } from "./handlers.ts";
import { libraryItem } from "./state.ts";
import { withTokenRoutes } from "./team-tokens-fake.ts";

const ADMIN = "kefu_team0000000000001_admin-token";
const AGENT = "kefu_team0000000000001_agent-token";
const empty = {} as Record<string, never>;

let worker: FakeWorker;
let routes: ReturnType<typeof withTokenRoutes>;
let h: ReturnType<typeof createStoreHandlers>;

beforeEach(() => {
  fakeBrowser.reset();
  libraryItem.dropCache();
  worker = new FakeWorker();
  worker.addToken(ADMIN, "admin", "agentAdmin", "店长");
  worker.addToken(AGENT, "agent", "agentWang", "小王");
  routes = withTokenRoutes(worker);
  h = createStoreHandlers({ fetch: routes.fetch });
});
afterEach(() => cancelSyncSoon());

async function connectAs(token: string) {
  await h["connection.save"]({ workerUrl: "https://kefu.example.workers.dev", token });
  await h["sync.now"](empty);
}

describe("team.tokens.* handlers", () => {
  it("lists the team's tokens and says which one is mine", async () => {
    await connectAs(ADMIN);
    const answer = await h["team.tokens.list"](empty);
    expect(answer).toEqual({ online: true, tokens: routes.tokens, myTokenId: "t-agentAdmin" });
  });

  it("mints a token, answers its text once, stores it nowhere, and syncs so the name shows in settings", async () => {
    await connectAs(ADMIN);
    const minted = await h["team.tokens.mint"]({ name: "  小李 ", role: "agent" });
    expect(minted.info).toMatchObject({ name: "小李", role: "agent" });
    expect(minted.token).toMatch(/^kefu_/);
    await h["sync.now"](empty); // joins the sync the mint started
    expect((await h["library.get"](empty)).settings?.agents[minted.info.agentId]).toBe("小李");
    const everything = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(everything).not.toContain(minted.token);
  });

  it("refuses an empty name before calling the Worker", async () => {
    await connectAs(ADMIN);
    await expect(h["team.tokens.mint"]({ name: "  ", role: "agent" })).rejects.toThrow(/请填写成员名字/);
    expect(routes.seen.filter((r) => r.startsWith("POST"))).toEqual([]);
  });

  it("revokes a token; the last admin's 409 becomes a clear Chinese reason", async () => {
    await connectAs(ADMIN);
    const minted = await h["team.tokens.mint"]({ name: "小李", role: "agent" });
    const { revoked } = await h["team.tokens.revoke"]({ tokenId: minted.info.tokenId });
    expect(revoked.revokedAt).toBeTypeOf("number");
    await expect(h["team.tokens.revoke"]({ tokenId: "t-agentAdmin" })).rejects.toThrow(
      /^不能吊销最后一个管理员令牌：团队至少要保留一个管理员/,
    );
    await expect(h["team.tokens.revoke"]({ tokenId: "t-nope" })).rejects.toThrow(/找不到该令牌/);
  });

  it("other Worker errors keep the API's message", async () => {
    await connectAs(ADMIN);
    routes.failWith(400, "bad_request", "name: name must not be empty");
    await expect(h["team.tokens.mint"]({ name: "x", role: "agent" })).rejects.toThrow(
      "输入有误 · Invalid input：name: name must not be empty",
    );
    routes.failWith(503, "storage_unavailable", "KV down");
    await expect(h["team.tokens.list"](empty)).rejects.toThrow(/同步服务暂时不可用.*KV down/);
    routes.failWith(401, "unauthorized", "Token revoked");
    await expect(h["team.tokens.list"](empty)).rejects.toThrow(/令牌无效或已被吊销（Token revoked）/);
  });

  it("offline: list says the Worker is needed; mint and revoke fail at once and queue nothing", async () => {
    await connectAs(ADMIN);
    worker.online = false;
    const answer = await h["team.tokens.list"](empty);
    expect(answer).toEqual({ online: false, reason: expect.stringContaining("需要连接同步服务") });
    await expect(h["team.tokens.mint"]({ name: "小李", role: "agent" })).rejects.toThrow(/需要连接同步服务/);
    await expect(h["team.tokens.revoke"]({ tokenId: "t-agentAdmin" })).rejects.toThrow(/需要连接同步服务/);
    worker.online = true;
    await h["sync.now"](empty);
    expect(routes.tokens).toHaveLength(1);
  });

  it("agents and unconnected browsers are refused without asking the Worker", async () => {
    await expect(h["team.tokens.list"](empty)).rejects.toThrow(/尚未连接/);
    await connectAs(AGENT);
    await expect(h["team.tokens.list"](empty)).rejects.toThrow(/只有管理员/);
    await expect(h["team.tokens.mint"]({ name: "x", role: "admin" })).rejects.toThrow(/只有管理员/);
    expect(routes.seen).toEqual([]);
  });
});
