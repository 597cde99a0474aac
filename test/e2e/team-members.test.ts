/**
 * 团队成员 end to end: the lead mints an agent token in the options page of one Chromium profile (shown once), a
 * second profile connects with it and sees the team, then the lead revokes it and the agent's next sync says the
 * token was revoked; last the lead re-issues 小王's token (lost token) and revokes the old one. Real `wrangler dev`;
 * tests run in order, like a working day.
 */
import { rmSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoTeam } from "../../scripts/seed-demo.mjs";
import { type RunningWorker, startWorker } from "./harness.ts";
import { launchProfile, newUserDataDir, type Profile, snapshotExtension } from "./helpers/profile.ts";
import { connectInOptions, popupSyncNow } from "./helpers/ui.ts";

let extension: Awaited<ReturnType<typeof snapshotExtension>>;
let worker: RunningWorker;
let team: Awaited<ReturnType<typeof seedDemoTeam>>;
let lead: Profile;
let newcomer: Profile;
let leadOptions: Page;
/** The token the lead copied out of the options page (what they would send the new agent). */
let mintedToken = "";
const dataDirs = [newUserDataDir(), newUserDataDir()];

beforeAll(async () => {
  extension = await snapshotExtension();
  [worker, lead, newcomer] = await Promise.all([
    startWorker(),
    launchProfile({ extensionDir: extension.dir, userDataDir: dataDirs[0] as string }),
    launchProfile({ extensionDir: extension.dir, userDataDir: dataDirs[1] as string }),
  ]);
  team = await seedDemoTeam(worker.url, worker.bootstrapSecret);
  leadOptions = await lead.open("options.html");
  await connectInOptions(leadOptions, worker.url, team.adminToken, "管理员");
}, 180_000);

afterAll(async () => {
  await Promise.allSettled([lead?.close(), newcomer?.close(), worker?.stop()]);
  extension?.remove();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

const memberRow = (page: Page, name: string) =>
  page.getByTestId("team-member-row").filter({ has: page.getByRole("cell", { name, exact: false }) });

describe("团队成员 · team members", () => {
  it("the lead sees the team's tokens, their own marked 我", async () => {
    const card = leadOptions.getByTestId("team-members");
    await card.getByTestId("team-member-row").nth(2).waitFor({ timeout: 30_000 });
    const rows = await card.getByTestId("team-member-row").allTextContents();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain("店长");
    expect(rows[0]).toContain("我");
    expect(rows[0]).toContain("管理员");
    expect(rows[1]).toContain("小王");
    expect(rows[1]).toContain("客服");
    expect(rows[1]).not.toContain("我");
  });

  it("adds 小赵: the token is shown once, copyable, and not stored by the extension", async () => {
    await leadOptions.getByTestId("team-members-name").fill("小赵");
    await leadOptions.getByTestId("team-members-role").selectOption("agent");
    await leadOptions.getByTestId("team-members-mint").click();
    const box = leadOptions.getByTestId("team-members-token");
    await box.waitFor({ timeout: 30_000 });
    mintedToken = await box.inputValue();
    expect(mintedToken).toMatch(/^kefu_[a-z0-9]{16}_[A-Za-z0-9_-]{43}$/);
    await expect
      .poll(async () => leadOptions.getByTestId("team-members-new-token").textContent())
      .toContain("仅显示一次，请立即复制发给该客服");
    await memberRow(leadOptions, "小赵").waitFor({ timeout: 30_000 });

    const stored = await leadOptions.evaluate(async () =>
      JSON.stringify(
        await (
          globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<unknown> } } } }
        ).chrome.storage.local.get(null),
      ),
    );
    expect(stored).not.toContain(mintedToken.slice(-20));

    // The mint started a sync: 小赵 appears in 团队设置 without anyone clicking 立即同步.
    await leadOptions
      .getByTestId("team-settings")
      .getByText("小赵", { exact: false })
      .first()
      .waitFor({ timeout: 30_000 });

    await leadOptions.getByTestId("team-members-done").click();
    expect(await leadOptions.getByTestId("team-members-token").count()).toBe(0);
  });

  it("a second profile connects with the new token and sees the team (but no 团队成员 card)", async () => {
    const options = await newcomer.open("options.html");
    await connectInOptions(options, worker.url, mintedToken, "客服");
    await expect
      .poll(async () => options.getByTestId("team-shop-name").inputValue(), { timeout: 30_000 })
      .toBe("演示旗舰店");
    expect(await options.getByTestId("team-members").count()).toBe(0);
    await options.close();
  });

  it("the last admin cannot be revoked: the Worker's 409 shows in Chinese", async () => {
    const own = memberRow(leadOptions, "店长");
    await own.getByTestId("team-member-revoke").click();
    await own.getByTestId("team-member-revoke-confirm").click();
    await leadOptions
      .getByTestId("team-members-action-error")
      .filter({ hasText: "不能吊销最后一个管理员令牌" })
      .waitFor({ timeout: 30_000 });
    expect(await own.getByTestId("team-member-revoked").count()).toBe(0);
  });

  it("the lead revokes 小赵; 小赵's next sync says the token was revoked", async () => {
    const row = memberRow(leadOptions, "小赵");
    await row.getByTestId("team-member-revoke").click();
    await row.getByTestId("team-member-revoke-confirm").click();
    await row.getByTestId("team-member-revoked").waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain("已吊销");

    const popup = await newcomer.open("popup.html");
    await popupSyncNow(popup, "同步出错");
    expect(await popup.getByTestId("popup-error").textContent()).toContain("令牌无效或已被吊销");
  });

  it("re-issues 小王's token: same agent and role, the new token works, the old one is revoked from the offer", async () => {
    const oldRow = memberRow(leadOptions, "小王");
    expect(await oldRow.getByTestId("team-member-role").textContent()).toBe("客服 · Agent");
    expect(await oldRow.getByTestId("team-member-created").textContent()).toMatch(/^\d{4}\/\d{1,2}\/\d{1,2} /);
    const me = (token: string) => fetch(`${worker.url}/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
    const before = (await (await me(team.agentToken)).json()) as { agentId: string; role: string };

    await oldRow.getByTestId("team-member-reissue").click();
    const box = leadOptions.getByTestId("team-members-token");
    await box.waitFor({ timeout: 30_000 });
    const fresh = await box.inputValue();
    expect(fresh).toMatch(/^kefu_[a-z0-9]{16}_[A-Za-z0-9_-]{43}$/);
    expect(await leadOptions.getByTestId("team-members-new-token").textContent()).toContain("小王（客服）的新令牌");
    await expect.poll(() => memberRow(leadOptions, "小王").count(), { timeout: 30_000 }).toBe(2);
    const after = (await (await me(fresh)).json()) as { agentId: string; role: string };
    expect(after).toMatchObject({ agentId: before.agentId, role: "agent" });

    // The new computer connects with it and is 小王 again (the same agent: same personal phrases, same name).
    const options = await newcomer.open("options.html");
    await connectInOptions(options, worker.url, fresh, "客服");
    await expect.poll(() => options.getByTestId("conn-agent").textContent(), { timeout: 30_000 }).toBe("小王");
    await options.close();

    // The old token still works until the lead takes up the offer to revoke it.
    expect((await me(team.agentToken)).status).toBe(200);
    await leadOptions.getByTestId("team-members-revoke-old").click();
    await leadOptions.getByTestId("team-members-revoke-old-confirm").click();
    await leadOptions.getByTestId("team-members-old-revoked").waitFor({ timeout: 30_000 });
    expect((await me(team.agentToken)).status).toBe(401);
    expect((await me(fresh)).status).toBe(200);
    await leadOptions.getByTestId("team-members-done").click();
  });
});
