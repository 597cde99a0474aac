/**
 * Issue 3 "Proof": the team phrase library synced end to end, clicked and typed like a person would, in real
 * Chromium profiles (admin, agent, a stale second admin) against one real `wrangler dev`. Tests run in order
 * and build on each other (one Worker, one team), like a working day.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LibraryView } from "../../extension/store/view.ts";
import { seedDemoTeam } from "../../scripts/seed-demo.mjs";
import type { MeResponse, SettingsResponse } from "../../shared/api.ts";
import { parseImport } from "../../shared/phrases/io/index.ts";
import { freePort, OUTPUT_DIR, publishScreenshot, ROOT, type RunningWorker, startWorker } from "./harness.ts";
import { api, createToken, findByCode, serverPhrases } from "./helpers/api.ts";
import { ask, launchProfile, newUserDataDir, type Profile, snapshotExtension } from "./helpers/profile.ts";
import {
  addGroup,
  addPhrase,
  connectInOptions,
  fillPhraseForm,
  openEditor,
  phraseRow,
  popupPending,
  popupSyncNow,
  rowId,
  waitRowPending,
  waitRowSynced,
} from "./helpers/ui.ts";

const FIXTURES = join(ROOT, "test", "fixtures");

let extension: Awaited<ReturnType<typeof snapshotExtension>>;
let worker: RunningWorker;
let persistDir: string;
let port: number;
const bootstrapSecret = `e2e-sync-${Math.random().toString(36).slice(2)}`;
let team: Awaited<ReturnType<typeof seedDemoTeam>>;
let admin: Profile;
let agent: Profile;
let adminPage: Page;
let agentPage: Page;
const scratch = mkdtempSync(join(tmpdir(), "kefu-sync-e2e-"));
const agentDataDir = newUserDataDir();
const adminDataDir = newUserDataDir();
const profileDirs = [agentDataDir, adminDataDir];
const openProfiles = new Set<Profile>();

async function launch(userDataDir: string): Promise<Profile> {
  const profile = await launchProfile({ extensionDir: extension.dir, userDataDir });
  openProfiles.add(profile);
  return profile;
}

async function closeProfile(profile: Profile) {
  openProfiles.delete(profile);
  await profile.close();
}

function library(page: Page): Promise<LibraryView> {
  return ask<LibraryView>(page, "library.get");
}

/** Team phrases as comparable records (what a file round-trip must keep). */
function teamRecords(view: LibraryView) {
  const groupName = (id: string) => view.groups.find((g) => g.id === id)?.name ?? "个人短语";
  return view.phrases
    .filter((p) => p.scope === "team")
    .map((p) => ({
      id: p.id,
      group: groupName(p.groupId),
      code: p.code,
      title: p.title ?? "",
      content: p.content,
      image: p.imageUrl ?? "",
      tags: p.tags.join(","),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  extension = await snapshotExtension();
  persistDir = join(scratch, "worker-state");
  port = await freePort();
  [worker, admin, agent] = await Promise.all([
    startWorker({ persistDir, bootstrapSecret, port }),
    launch(adminDataDir),
    launch(agentDataDir),
  ]);
  team = await seedDemoTeam(worker.url, bootstrapSecret);
});

afterAll(async () => {
  await Promise.allSettled([...openProfiles].map((profile) => profile.close()));
  await worker?.stop();
  extension?.remove();
  for (const dir of [scratch, ...profileDirs]) rmSync(dir, { recursive: true, force: true });
});

describe("team phrase library sync (issue 3 proof)", () => {
  it("admin and agent connect in the options page and see their team and role", async () => {
    [adminPage, agentPage] = await Promise.all([admin.open("options.html"), agent.open("options.html")]);
    await connectInOptions(adminPage, worker.url, team.adminToken, "管理员");
    await connectInOptions(agentPage, worker.url, team.agentToken, "客服");
    await expect.poll(() => adminPage.getByTestId("conn-shop").textContent()).toBe("演示旗舰店");
    expect(await adminPage.getByTestId("conn-agent").textContent()).toBe("店长");
    expect(await agentPage.getByTestId("conn-agent").textContent()).toBe("小王");
    // The token never comes back to the page: the field is cleared and only a 4-character hint shows.
    expect(await agentPage.getByTestId("conn-token").inputValue()).toBe("");
    expect(await agentPage.getByTestId("conn-status").textContent()).toContain(`…${team.agentToken.slice(-4)}`);
    expect(await agentPage.getByTestId("conn-status").textContent()).not.toContain(team.agentToken);
    // The status block stands apart from the URL field under it (they were flush).
    const statusBox = await agentPage.getByTestId("conn-status").boundingBox();
    const urlBox = await agentPage.getByTestId("conn-url").boundingBox();
    expect((urlBox?.y ?? 0) - ((statusBox?.y ?? 0) + (statusBox?.height ?? 0))).toBeGreaterThanOrEqual(24);
    // The first full sync brings the starter library (welcome phrase /hy) and the agent's own /wdq.
    await phraseRow(adminPage, "hy").waitFor();
    await phraseRow(agentPage, "wdq").waitFor();
  });

  it("admin adds a group and a team phrase; the agent syncs and sees it read-only", async () => {
    await addGroup(adminPage, "大促活动");
    await addPhrase(adminPage, {
      code: "dcx",
      content: "亲，双十一大促期间下单满300减40，付款后48小时内发货，<b>赠品</b>随单发出哦～",
      groupLabel: "大促活动",
      scope: "team",
    });
    // The quick push (1.5 s after the edit) takes it to the Worker; the row loses its 待同步 badge.
    await waitRowSynced(adminPage, "dcx");
    const onServer = await findByCode(worker.url, team.agentToken, "dcx");
    expect(onServer?.scope).toBe("team");
    expect(onServer?.content).toContain("<b>赠品</b>");

    const popup = await agent.open("popup.html");
    await popupSyncNow(popup, "已同步");
    await popup.close();
    const row = phraseRow(agentPage, "dcx");
    await row.waitFor();
    // Hostile markup is shown as text, never as elements.
    expect(await row.locator("td.content").textContent()).toContain("<b>赠品</b>");
    expect(await row.locator("td.content b").count()).toBe(0);
    expect(await row.textContent()).toContain("大促活动");
    expect(await row.textContent()).toContain("团队");
    // Read-only for the agent: no edit button, no selectable checkbox, the admin-only group controls are absent.
    expect(await row.textContent()).toContain("只读");
    expect(await row.getByRole("button", { name: "编辑" }).count()).toBe(0);
    expect(await row.locator('input[type="checkbox"]').isDisabled()).toBe(true);
    expect(await agentPage.getByTestId("group-add").count()).toBe(0);
    // A new phrase from the agent can only be personal.
    await agentPage.getByTestId("phrase-new").click();
    expect(await agentPage.getByTestId("phrase-scope").inputValue()).toBe("personal");
    expect(await agentPage.getByTestId("phrase-scope").isDisabled()).toBe(true);
    await agentPage.getByTestId("phrase-cancel").click();
    // Even a hand-made request to the background is refused (the UI is not the only guard).
    await expect(
      ask(agentPage, "phrase.save", {
        phrase: { id: await rowId(row), code: "dcx", content: "改", groupId: "", tags: [], scope: "team" },
      }),
    ).rejects.toThrow(/只有管理员/);
  });

  it("an empty phrase is refused at its fields in Chinese, not by Chromium's English bubble", async () => {
    await agentPage.getByTestId("phrase-new").click();
    await agentPage.getByTestId("phrase-tags").fill("售前");
    await agentPage.getByTestId("phrase-save").click();
    await agentPage.getByTestId("field-error-code").waitFor({ timeout: 10_000 });
    expect(await agentPage.getByTestId("field-error-code").textContent()).toBe("请填写快捷编码 (quick code required)");
    expect(await agentPage.getByTestId("field-error-content").textContent()).toBe("请填写短语内容 (content required)");
    const state = await agentPage.getByTestId("phrase-form").evaluate((form) => {
      const code = form.querySelector<HTMLInputElement>('[data-testid="phrase-code"]');
      const content = form.querySelector<HTMLTextAreaElement>('[data-testid="phrase-content"]');
      return {
        noValidate: (form as HTMLFormElement).noValidate,
        // What Chromium would put in its bubble: empty when no native constraint is left to fail.
        validationMessages: [code?.validationMessage, content?.validationMessage],
        invalid: code?.getAttribute("aria-invalid"),
        focused: document.activeElement === code,
      };
    });
    expect(state).toEqual({ noValidate: true, validationMessages: ["", ""], invalid: "true", focused: true });
    // What was typed is still there; the form stays open until the lead fixes or cancels it.
    expect(await agentPage.getByTestId("phrase-tags").inputValue()).toBe("售前");
    await agentPage.getByTestId("phrase-cancel").click();
    await agentPage.getByTestId("phrase-form").waitFor({ state: "detached" });
  });

  it("agent edits offline, restarts the browser, and nothing is lost when the Worker comes back", async () => {
    await worker.stop(); // persist dir stays: the same KV and Durable Object state comes back later
    await addPhrase(agentPage, { code: "wdh1", content: "亲，我先帮您备注加急，有进展第一时间告诉您。" });
    await addPhrase(agentPage, { code: "wdh2", content: '亲，"包邮"指江浙沪，偏远地区\n需补运费，谢谢理解～' });
    await openEditor(agentPage, "wdq");
    await fillPhraseForm(agentPage, { content: "我是小王，离线时改的签名，有问题随时找我～" });
    await agentPage.getByTestId("phrase-save").click();
    for (const code of ["wdh1", "wdh2", "wdq"]) await waitRowPending(agentPage, code);

    const popup = await agent.open("popup.html");
    await popupSyncNow(popup, "离线");
    expect(await popupPending(popup)).toBe(3);
    expect(await popup.getByTestId("popup-error").textContent()).toContain("无法连接");
    await popup.setViewportSize({ width: 380, height: 260 });
    await popup.screenshot({ path: join(OUTPUT_DIR, "sync-popup-offline.png") });

    // Browser restart: close the whole profile and launch it again from the same user-data dir.
    await closeProfile(agent);
    agent = await launch(agentDataDir);
    const reopened = await agent.open("popup.html");
    await reopened.getByTestId("popup-pending").waitFor();
    expect(await popupPending(reopened)).toBe(3);
    agentPage = await agent.open("options.html");
    for (const code of ["wdh1", "wdh2", "wdq"]) await waitRowPending(agentPage, code);

    worker = await startWorker({ persistDir, bootstrapSecret, port });
    await popupSyncNow(reopened, "已同步");
    await expect.poll(() => popupPending(reopened)).toBe(0);
    for (const code of ["wdh1", "wdh2", "wdq"]) await waitRowSynced(agentPage, code);

    const mine = [...(await serverPhrases(worker.url, team.agentToken)).values()];
    const byCode = (code: string) => mine.find((p) => p.code === code);
    expect(byCode("wdh1")?.content).toBe("亲，我先帮您备注加急，有进展第一时间告诉您。");
    expect(byCode("wdh2")?.content).toBe('亲，"包邮"指江浙沪，偏远地区\n需补运费，谢谢理解～');
    expect(byCode("wdq")?.content).toBe("我是小王，离线时改的签名，有问题随时找我～");
    expect(byCode("wdh1")?.scope).toBe("personal");
    // The admin's phrase from before the outage survived the restart too.
    expect(byCode("dcx")?.scope).toBe("team");
    // Personal phrases stay personal: the admin's full sync does not see them.
    const adminView = [...(await serverPhrases(worker.url, team.adminToken)).values()];
    expect(adminView.some((p) => p.code === "wdh1")).toBe(false);

    await reopened.setViewportSize({ width: 380, height: 260 });
    const shot = join(OUTPUT_DIR, "sync-popup.png");
    await reopened.screenshot({ path: shot });
    publishScreenshot(shot, "popup-sync.png");
    await closeProfile(agent); // not needed any more: keeps the 2 cores for the next browsers
  });

  it("a stale second admin session loses a race, sees the conflict, resolves it, and nothing is dropped", async () => {
    const deputy = await createToken(worker.url, team.adminToken, "admin", "副店长");
    const deputyDir = newUserDataDir();
    profileDirs.push(deputyDir);
    const stale = await launch(deputyDir);
    const stalePage = await stale.open("options.html");
    await connectInOptions(stalePage, worker.url, deputy.token, "管理员");
    // The deputy opens the editor on the phrase as it is now...
    await phraseRow(stalePage, "dcx").waitFor();
    await openEditor(stalePage, "dcx");

    // ...meanwhile the shop owner changes it and it reaches the Worker.
    const adminPopup = await admin.open("popup.html");
    await popupSyncNow(adminPopup, "已同步"); // the admin profile was offline during the outage
    await openEditor(adminPage, "dcx");
    const ownerText = "亲，大促满300减50（店长改），付款后48小时内发货。";
    await fillPhraseForm(adminPage, { content: ownerText });
    await adminPage.getByTestId("phrase-save").click();
    await waitRowSynced(adminPage, "dcx", ownerText);
    expect((await findByCode(worker.url, team.adminToken, "dcx"))?.content).toBe(ownerText);

    // The deputy saves the stale form: the Worker refuses it and the browser shows both versions.
    const deputyText = "亲，大促满300减40，另送运费险（副店长改）。";
    await fillPhraseForm(stalePage, { content: deputyText });
    await stalePage.getByTestId("phrase-save").click();
    const id = await rowId(phraseRow(stalePage, "dcx"));
    const conflict = stalePage.getByTestId(`conflict-${id}`);
    await conflict.waitFor({ timeout: 30_000 });
    expect(await conflict.textContent()).toContain(deputyText);
    expect(await conflict.textContent()).toContain(ownerText);
    expect(await stalePage.getByTestId("conflict-list").textContent()).toContain("别人先改了");
    // The server still holds the owner's version: the stale save did not overwrite it.
    expect((await findByCode(worker.url, team.adminToken, "dcx"))?.content).toBe(ownerText);
    await stalePage.getByTestId("conflict-list").screenshot({ path: join(OUTPUT_DIR, "sync-conflict.png") });

    // The deputy keeps theirs on purpose; it is sent again on top of the owner's revision.
    await stalePage.getByTestId(`conflict-keep-mine-${id}`).click();
    await stalePage.getByTestId("conflict-list").waitFor({ state: "detached" });
    await waitRowSynced(stalePage, "dcx", deputyText);
    await expect.poll(async () => (await findByCode(worker.url, team.adminToken, "dcx"))?.content).toBe(deputyText);
    await popupSyncNow(adminPopup, "已同步");
    await expect.poll(() => phraseRow(adminPage, "dcx").locator("td.content").textContent()).toContain(deputyText);
    expect(await adminPage.getByTestId("conflict-list").count()).toBe(0);
    await adminPopup.close();
    await closeProfile(stale);
  });

  it("admin edits team settings offline across a browser restart; they land, and another admin's clash is a conflict", async () => {
    const wang = await api<MeResponse>(worker.url, team.agentToken, "GET", "/v1/me");
    await adminPage.getByTestId("team-shop-name").waitFor();
    // A new admin (minting its token adds an agent name) renames the shop straight through the API, and the
    // Worker goes down before this browser syncs (its next alarm is up to a minute away): its copy is now stale.
    const ops = await createToken(worker.url, team.adminToken, "admin", "运营");
    const before = await api<SettingsResponse>(worker.url, ops.token, "GET", "/v1/settings");
    const theirShopName = "演示旗舰店（运营改）";
    await api(worker.url, ops.token, "PUT", "/v1/settings", {
      settings: { ...before.settings, shopName: theirShopName },
      baseRev: before.settingsRev,
    });
    await worker.stop();
    expect(await adminPage.getByTestId("team-shop-name").inputValue()).toBe(before.settings.shopName);

    const myShopName = "演示旗舰店·双十一";
    await adminPage.getByTestId("team-shop-name").fill(myShopName);
    await adminPage.getByTestId(`team-agent-${wang.agentId}`).fill("小王（售后）");
    await adminPage.getByTestId("team-settings-save").click();
    await adminPage.getByTestId("team-settings-pending").waitFor();

    // Browser restart: the queued settings edit is still there and still shown.
    await closeProfile(admin);
    admin = await launch(adminDataDir);
    adminPage = await admin.open("options.html");
    await adminPage.getByTestId("team-settings-pending").waitFor();
    expect(await adminPage.getByTestId("team-shop-name").inputValue()).toBe(myShopName);

    worker = await startWorker({ persistDir, bootstrapSecret, port });
    const popup = await admin.open("popup.html");
    await popupSyncNow(popup, "已同步");
    const conflict = adminPage.getByTestId("conflict-settings");
    await conflict.waitFor({ timeout: 30_000 });
    expect(await conflict.textContent()).toContain(`店铺名称：${myShopName}`);
    expect(await conflict.textContent()).toContain(`店铺名称：${theirShopName}`);
    // The key only this admin changed landed, merged with the new admin's entry; the clash changed nothing.
    const merged = await api<SettingsResponse>(worker.url, ops.token, "GET", "/v1/settings");
    expect(merged.settings.agents[wang.agentId]).toBe("小王（售后）");
    expect(merged.settings.agents[ops.info.agentId]).toBe("运营");
    expect(merged.settings.shopName).toBe(theirShopName);
    await adminPage.getByTestId("conflict-list").screenshot({ path: join(OUTPUT_DIR, "sync-settings-conflict.png") });

    // Keep mine: sent again on top of theirs.
    await adminPage.getByTestId("conflict-keep-mine-settings").click();
    await adminPage.getByTestId("conflict-list").waitFor({ state: "detached" });
    await popupSyncNow(popup, "已同步");
    await adminPage.getByTestId("team-settings-pending").waitFor({ state: "detached" });
    expect((await api<SettingsResponse>(worker.url, ops.token, "GET", "/v1/settings")).settings.shopName).toBe(
      myShopName,
    );
    await popup.close();
  });

  it("imports 千牛 CSV (UTF-8 BOM and GBK), exports CSV that re-imports to the same phrases, rejects a broken file", async () => {
    const page = adminPage;
    /** Every queued edit accepted, and the round that pushed them finished (its pull included). */
    const pendingZero = async () => {
      await expect.poll(async () => (await library(page)).pendingCount, { timeout: 30_000 }).toBe(0);
      await ask(page, "sync.now"); // joins the round still pulling, or runs a quick 304 poll
    };

    // UTF-8 with BOM, as 千牛 exports it.
    await page.getByTestId("import-file").setInputFiles(join(FIXTURES, "phrases-qianniu-utf8-bom.csv"));
    const preview = page.getByTestId("import-preview");
    await preview.waitFor();
    expect(await preview.textContent()).toContain("8 条短语，3 个分组");
    expect(await preview.textContent()).toContain("utf-8-bom");
    expect(await preview.locator("img").count()).toBe(0); // the <img onerror> row is text
    await page.getByTestId("import-apply").click();
    await page.getByTestId("import-result").filter({ hasText: "新增 8 条" }).waitFor();
    await pendingZero();
    const afterUtf8 = await serverPhrases(worker.url, team.adminToken);
    // The starter library has its own /zl and /fh in other groups: look only at the imported ones.
    const served = (code: string) =>
      [...afterUtf8.values()].find((p) => p.code === code && !p.groupId.startsWith("starter-"));
    expect(served("yh")?.content).toBe(
      "亲，现在下单满199减20，和店铺券可以叠加使用，\n领券入口在商品页“优惠”那一栏哦。",
    );
    expect(served("zl")?.content).toContain('"质量问题"运费由我们承担');
    expect(served("fh")?.imageUrl).toBe("https://img.example.com/kefu/shipping-notice.png");
    expect(served("xss")?.content).toBe("<img src=x onerror=alert(1)>这条是测试：内容里的<b>标签</b>要原样显示");

    // GBK, as Excel in China saves CSV.
    const gbkText =
      "分组,快捷编码,短语内容\r\n" +
      "售后处理,hhbh,亲，换货请先申请售后，仓库收到后24小时内给您寄出新的。\r\n" +
      '发票相关,dzfp,"亲，电子发票在确认收货后开具，抬头和税号请在订单备注里留言，谢谢！"\r\n';
    const gbkFile = join(scratch, "千牛话术-gbk.csv");
    writeFileSync(gbkFile, iconv.encode(gbkText, "gbk"));
    await page.getByTestId("import-file").setInputFiles(gbkFile);
    await preview.waitFor();
    expect(await preview.textContent()).toContain("2 条短语");
    expect(await preview.textContent()).toContain("gb18030");
    await page.getByTestId("import-apply").click();
    await page.getByTestId("import-result").filter({ hasText: "新增 2 条" }).waitFor();
    await pendingZero();
    const fp = await findByCode(worker.url, team.agentToken, "dzfp");
    expect(fp?.content).toBe("亲，电子发票在确认收货后开具，抬头和税号请在订单备注里留言，谢谢！");

    // Export the team library as CSV and catch the download.
    const before = teamRecords(await library(page));
    await page.getByTestId("export-scope").selectOption("team");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
    const exported = join(scratch, download.suggestedFilename());
    await download.saveAs(exported);
    expect(download.suggestedFilename()).toMatch(/^kefu-phrases-team-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = new Uint8Array(readFileSync(exported));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const reparsed = parseImport(bytes, download.suggestedFilename());
    if (!reparsed.ok) throw new Error(reparsed.errors.map((e) => e.text).join("\n"));
    const fileRecords = reparsed.preview.phrases
      .map((p) => `${p.groupName}|${p.code}|${p.content}|${p.image ?? ""}|${(p.tags ?? []).join(",")}`)
      .sort();
    const libraryRecords = before.map((p) => `${p.group}|${p.code}|${p.content}|${p.image}|${p.tags}`).sort();
    expect(fileRecords).toEqual(libraryRecords);

    // Re-importing the export through the page changes nothing: every phrase matches itself.
    await page.getByTestId("import-file").setInputFiles(exported);
    await preview.waitFor();
    await page.getByTestId("import-apply").click();
    await page
      .getByTestId("import-result")
      .filter({ hasText: `新增 0 条，更新 ${before.length} 条，新分组 0 个` })
      .waitFor();
    await pendingZero();
    expect(teamRecords(await library(page))).toEqual(before);

    // A broken file names the row and the field and changes nothing.
    const stamp = await ask<{ outboxSeq: number; conflicts: number }>(page, "library.stamp");
    const recordsBefore = teamRecords(await library(page));
    await page.getByTestId("import-file").setInputFiles(join(FIXTURES, "phrases-qianniu-broken.csv"));
    const errors = page.getByTestId("import-errors");
    await errors.waitFor();
    expect(await errors.textContent()).toMatch(/第 3 行.*快捷编码.*超过 32 个字符/);
    expect(await errors.textContent()).toContain("没有导入任何内容");
    expect(await page.getByTestId("import-preview").count()).toBe(0);
    expect(await page.getByTestId("import-apply").count()).toBe(0);
    const stampAfter = await ask<{ outboxSeq: number; conflicts: number }>(page, "library.stamp");
    expect({ outboxSeq: stampAfter.outboxSeq, conflicts: stampAfter.conflicts }).toEqual({
      outboxSeq: stamp.outboxSeq,
      conflicts: stamp.conflicts,
    });
    expect(teamRecords(await library(page))).toEqual(recordsBefore);
    expect(await phraseRow(page, "bjx").count()).toBe(0);
    await page.getByTestId("import-export").screenshot({ path: join(OUTPUT_DIR, "sync-import-error.png") });

    // The options page searches like the picker: traditional characters and pinyin initials find the phrase.
    const search = page.getByTestId("phrase-search");
    await search.fill("電子發票");
    await phraseRow(page, "dzfp").waitFor();
    await expect.poll(() => phraseRow(page, "hy").count()).toBe(0);
    await search.fill("dzfp");
    await expect
      .poll(async () => rowId(page.locator('[data-testid^="phrase-row-"]').first()))
      .toBe(await rowId(phraseRow(page, "dzfp")));
    await search.fill("");
    await phraseRow(page, "hy").waitFor();

    // The options page with the imported library, for the README.
    await page.reload();
    await phraseRow(page, "dcx").waitFor();
    // Short CJK cells (分组, 范围, 团队, 编辑) stay on one line: a narrow column once stacked them a character per line.
    const lineCounts = await phraseRow(page, "hy").evaluate((row) =>
      [...(row.closest("table")?.querySelectorAll("th") ?? []), ...row.querySelectorAll("td.nowrap")].flatMap(
        (cell) => {
          // Each text node's characters share one line box top unless the text wrapped.
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          const lines: string[] = [];
          for (let text = walker.nextNode(); text; text = walker.nextNode()) {
            if (!text.textContent?.trim()) continue;
            const range = document.createRange();
            range.selectNodeContents(text);
            const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
            lines.push(`${text.textContent.trim()}:${tops.size}`);
          }
          return lines;
        },
      ),
    );
    expect(lineCounts).toContain("范围:1");
    expect(lineCounts).toContain("团队:1");
    expect(lineCounts.filter((entry) => !entry.endsWith(":1"))).toEqual([]);
    const shot = join(OUTPUT_DIR, "sync-options.png");
    await page.screenshot({ path: shot });
    publishScreenshot(shot, "options.png");
  });
});
