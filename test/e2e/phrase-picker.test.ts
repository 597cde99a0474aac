/**
 * Phrase picker end to end (issue 4): the built extension in Chromium, connected in the options page to a real
 * `wrangler dev` seeded with the demo team, on the demo 接待中心 (/chat/) with its four boxes: textarea,
 * contenteditable, a Preact controlled input and a textarea inside a same-origin iframe. Typing is done with
 * page.keyboard like a person; what the boxes hold (and what the Preact state shows) is read back from the page.
 */
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { FrameLocator, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoTeam } from "../../scripts/seed-demo.mjs";
import { startDemoServer } from "../demo/server.mjs";
import { OUTPUT_DIR, publishScreenshot, type RunningWorker, startWorker } from "./harness.ts";
import { api, findByCode, phraseBatch } from "./helpers/api.ts";
import { ask, launchProfile, newUserDataDir, type Profile, snapshotExtension } from "./helpers/profile.ts";
import { connectInOptions, phraseRow } from "./helpers/ui.ts";

const NOW = "2026-11-23T08:00:00.000Z";
const FILL_CONTENT = "{买家}您好，您选的颜色是{选择:颜色|红色|黑色}，尺码{填写:尺码=M}，马上为您安排。";
const BANNED_CONTENT = "不行，这个价格已经是最低了。";
const MULTILINE_CONTENT = "亲，下单前请确认：\n1. 尺码\n2. 颜色";

let worker: RunningWorker;
let demo: { url: string; close(): Promise<void> | void };
let profile: Profile;
let extension: { dir: string; remove(): void };
let userDataDir: string;
let team: Awaited<ReturnType<typeof seedDemoTeam>>;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  extension = await snapshotExtension();
  userDataDir = newUserDataDir();
  [worker, demo, profile] = await Promise.all([
    startWorker(),
    startDemoServer({ port: 0 }),
    launchProfile({ extensionDir: extension.dir, userDataDir }),
  ]);
  team = await seedDemoTeam(worker.url, worker.bootstrapSecret);
  // Two team phrases for the form and lint steps, written by the admin through the API.
  const batch = await phraseBatch(worker.url, team.adminToken, {
    upserts: [
      {
        phrase: {
          id: "e2e-fill-colour",
          code: "ysqr",
          title: "颜色确认",
          content: FILL_CONTENT,
          groupId: "starter-g-order",
          tags: [],
          scope: "team",
        },
      },
      {
        phrase: {
          id: "e2e-banned",
          code: "bxl",
          title: "拒绝议价",
          content: BANNED_CONTENT,
          groupId: "starter-g-order",
          tags: [],
          scope: "team",
        },
      },
      {
        phrase: {
          id: "e2e-multiline",
          code: "mlt",
          title: "下单确认",
          content: MULTILINE_CONTENT,
          groupId: "starter-g-order",
          tags: [],
          scope: "team",
        },
      },
    ],
  } as never);
  expect(batch.conflicts).toEqual([]);
  // Connect like a person: the agent pastes the Worker URL and token into the options page.
  const options = await profile.open("options.html");
  await connectInOptions(options, worker.url, team.agentToken, "客服");
  await phraseRow(options, "ysqr").waitFor({ timeout: 30_000 });
  await options.close();
  page = await profile.context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(new URL(`/chat/?now=${encodeURIComponent(NOW)}`, demo.url).href);
  await page.locator("#order-card[data-order-id]").waitFor();
}, 180_000);

afterAll(async () => {
  await Promise.allSettled([profile?.close(), worker?.stop(), demo?.close()]);
  extension?.remove();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

const picker = () => page.locator('[data-kefu="phrase-picker"]');
const items = () => page.locator('[data-kefu="picker-item"]');

interface Box {
  name: string;
  /** The element to click to focus the box. */
  locator(): Locator;
  /** What the box holds, as the page would send it. */
  text(): Promise<string>;
}

const frame = (): FrameLocator => page.frameLocator("#chat-frame");
const BOXES: Box[] = [
  {
    name: "textarea",
    locator: () => page.locator("#chat-input-textarea"),
    text: () => page.locator("#chat-input-textarea").inputValue(),
  },
  {
    name: "contenteditable",
    locator: () => page.locator("#chat-input-editable"),
    // biome-ignore lint/performance/useDomNodeTextContent: innerText is what the page sends (line breaks kept)
    text: () => page.locator("#chat-input-editable").evaluate((el) => (el as HTMLElement).innerText),
  },
  {
    name: "preact",
    locator: () => page.locator("[data-testid=controlled-input]"),
    text: () => page.locator("[data-testid=controlled-input]").inputValue(),
  },
  {
    name: "iframe",
    locator: () => frame().locator("#frame-input"),
    text: () => frame().locator("#frame-input").inputValue(),
  },
];
const textarea = BOXES[0] as Box;

async function clear(box: Box) {
  await box.locator().click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  await expect.poll(() => box.text()).toMatch(/^\s*$/);
}

/** The chat page's current buyer and order, as it shows them. */
async function orderInView() {
  const buyer = (await page.locator(".contact-item.active .contact-name").textContent())?.trim() ?? "";
  const product = (await page.locator("#order-card .oc-title").first().textContent())?.trim() ?? "";
  const address = (await page.locator("#order-card .oc-address").textContent())?.trim() ?? "";
  return { buyer, product, address };
}

describe("phrase picker on the demo chat page (issue 4 proof)", () => {
  for (const box of BOXES) {
    it(`"/cf" + Enter inserts 催付 with the order filled, caret at the end — ${box.name}`, async () => {
      const { buyer, product } = await orderInView();
      expect(buyer).not.toBe("");
      await clear(box);
      await page.keyboard.type("/cf");
      await picker().waitFor();
      await expect.poll(() => items().first().getAttribute("data-code")).toBe("cf");
      if (box.name === "textarea") await page.screenshot({ path: join(OUTPUT_DIR, "picker-open.png") });
      await page.keyboard.press("Enter");
      await picker().waitFor({ state: "hidden" });
      const inserted = await box.text();
      expect(inserted.startsWith(`${buyer}您好，看到您拍下的${product}还没有付款`)).toBe(true);
      expect(inserted).not.toContain("{");
      expect(inserted).not.toContain("/cf");
      // The caret ends after the script: more typing appends.
      await page.keyboard.type(" 谢谢");
      await expect.poll(() => box.text()).toBe(`${inserted} 谢谢`);
      if (box.name === "preact") {
        // The framework saw the insert: its state shows the same value.
        await expect.poll(() => page.getByTestId("controlled-state").textContent()).toBe(`${inserted} 谢谢`);
      }
    });
  }

  for (const box of [BOXES[0], BOXES[1], BOXES[3]] as Box[]) {
    it(`keeps line breaks of a multi-line script and Ctrl+Z undoes the insert — ${box.name}`, async () => {
      await clear(box);
      await page.keyboard.type("/mlt");
      await expect.poll(() => items().first().getAttribute("data-code")).toBe("mlt");
      await page.keyboard.press("Enter");
      await expect.poll(() => box.text()).toBe(MULTILINE_CONTENT);
      await page.keyboard.press("Control+Z");
      await expect.poll(() => box.text()).toBe("/mlt");
    });
  }

  it("Ctrl+Z undoes the insert in the Preact controlled box, and the framework state follows", async () => {
    const box = BOXES[2] as Box;
    await clear(box);
    await page.keyboard.type("/cf");
    await expect.poll(() => items().first().getAttribute("data-code")).toBe("cf");
    await page.keyboard.press("Enter");
    await picker().waitFor({ state: "hidden" });
    await expect.poll(() => box.text()).not.toBe("/cf");
    await page.keyboard.press("Control+Z");
    await expect.poll(() => box.text()).toBe("/cf");
    await expect.poll(() => page.getByTestId("controlled-state").textContent()).toBe("/cf");
  });

  it("Enter sends the inserted text from the Preact box (the framework state, not just the DOM)", async () => {
    const box = BOXES[2] as Box;
    await clear(box);
    await page.keyboard.type("/hy");
    await expect.poll(() => items().first().getAttribute("data-code")).toBe("hy");
    await page.keyboard.press("Enter");
    await picker().waitFor({ state: "hidden" });
    await expect.poll(() => box.text()).toContain("欢迎来到演示旗舰店");
    const inserted = await box.text();
    expect(inserted).toContain("我是客服小王");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.locator('#chat-history .msg-seller[data-source="preact"] .msg-text').last().textContent())
      .toBe(inserted);
  });

  it("does not open for '/' inside a URL or a fraction", async () => {
    for (const text of ["http://x", "1/2", "a/b"]) {
      await clear(textarea);
      await page.keyboard.type(text);
      await page.waitForTimeout(150);
      expect(await picker().count(), text).toBe(0);
      expect(await textarea.text()).toBe(text);
    }
  });

  it("does not open while an IME is composing", async () => {
    await clear(textarea);
    const input = textarea.locator();
    await input.dispatchEvent("compositionstart", { data: "" });
    await page.keyboard.type("/cf");
    await input.dispatchEvent("compositionupdate", { data: "/cf" });
    await page.waitForTimeout(150);
    expect(await picker().count()).toBe(0);
    await input.dispatchEvent("compositionend", { data: "/cf" });
    await page.waitForTimeout(150);
    expect(await picker().count()).toBe(0);
    // A real IME composition through Chromium (CDP): composing "/h" must not open it either.
    await clear(textarea);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Input.imeSetComposition", { text: "/h", selectionStart: 2, selectionEnd: 2 });
    await page.waitForTimeout(200);
    expect(await picker().count()).toBe(0);
    await cdp.send("Input.imeSetComposition", { text: "/hy", selectionStart: 3, selectionEnd: 3 });
    await page.waitForTimeout(200);
    expect(await picker().count()).toBe(0);
    await cdp.send("Input.insertText", { text: "" });
    await cdp.detach();
  });

  it("takes pinyin letters an IME commits after a '/' typed before the composition as the query", async () => {
    await clear(textarea);
    const input = textarea.locator();
    await page.keyboard.type("/");
    await picker().waitFor();
    await input.dispatchEvent("compositionstart", { data: "" });
    await page.keyboard.type("cf");
    await input.dispatchEvent("compositionupdate", { data: "cf" });
    // Nothing follows the composing letters: the list still shows the query from before the composition.
    expect(await picker().locator(".head").textContent()).not.toContain("cf");
    await input.dispatchEvent("compositionend", { data: "cf" });
    // The head names the committed query (the first item alone can be cf before it: recently used phrases lead).
    await expect.poll(() => picker().locator(".head").textContent()).toContain("cf");
    await expect.poll(() => items().first().getAttribute("data-code")).toBe("cf");
    await page.keyboard.press("Escape");
    await picker().waitFor({ state: "hidden" });
  });

  it("finds by pinyin initials and full pinyin (/hy, /huany → 欢迎语), Esc closes", async () => {
    await clear(textarea);
    await page.keyboard.type("/hy");
    await expect.poll(() => items().first().textContent()).toContain("欢迎语");
    await page.keyboard.press("Escape");
    await picker().waitFor({ state: "hidden" });
    expect(await textarea.text()).toBe("/hy");
    await clear(textarea);
    await page.keyboard.type("/huany");
    await expect.poll(() => items().first().textContent()).toContain("欢迎语");
    await page.keyboard.press("Escape");
    await picker().waitFor({ state: "hidden" });
  });

  it("asks fill-in fields in a small form and inserts the answers", async () => {
    const { buyer } = await orderInView();
    await clear(textarea);
    await page.keyboard.type("/ysqr");
    await expect.poll(() => items().first().getAttribute("data-code")).toBe("ysqr");
    await page.keyboard.press("Enter");
    const form = page.locator('[data-kefu="picker-form"]');
    await form.waitFor();
    await form.locator("select").selectOption("黑色");
    await form.locator("input").fill("XL");
    await page.screenshot({ path: join(OUTPUT_DIR, "picker-form.png") });
    await form.locator("input").press("Enter");
    await picker().waitFor({ state: "hidden" });
    expect(await textarea.text()).toBe(`${buyer}您好，您选的颜色是黑色，尺码XL，马上为您安排。`);
  });

  it("shows the lint findings before inserting a script with a banned phrase; cancel or insert anyway", async () => {
    await clear(textarea);
    await page.keyboard.type("/bxl");
    await expect.poll(() => items().first().getAttribute("data-code")).toBe("bxl");
    await page.keyboard.press("Enter");
    const finding = page.locator('[data-kefu="picker-finding"]').first();
    await finding.waitFor();
    expect(await finding.textContent()).toContain("不行");
    // Why it is a problem and a suggested wording, not just a red flag.
    expect((await finding.locator(".why").textContent())?.trim()).not.toBe("");
    expect(await finding.locator(".suggest").textContent()).toMatch(/^建议：.+/);
    await page.screenshot({ path: join(OUTPUT_DIR, "picker-lint.png") });
    await page.keyboard.press("Escape");
    await picker().waitFor({ state: "hidden" });
    expect(await textarea.text()).toBe("/bxl");
    await clear(textarea);
    await page.keyboard.type("/bxl");
    await expect.poll(() => items().first().getAttribute("data-code")).toBe("bxl");
    await page.keyboard.press("Enter");
    await page.locator('[data-kefu="picker-insert-anyway"]').click();
    await expect.poll(() => textarea.text()).toBe(BANNED_CONTENT);
  });

  it("lints the agent's own text with a small warning chip near the box", async () => {
    await clear(textarea);
    await page.keyboard.type("这个我不知道");
    const chip = page.locator('[data-kefu="lint-chip"]');
    await chip.waitFor({ timeout: 5000 });
    expect(await chip.textContent()).toContain("我不知道");
    expect(await chip.getAttribute("title")).toMatch(/「我不知道」.+\n建议：.+/);
    await clear(textarea);
    await chip.waitFor({ state: "hidden", timeout: 5000 });
  });

  const lintChip = () => page.locator('[data-kefu="lint-chip"]');
  const lintPanel = () => page.locator('[data-kefu="lint-panel"]');
  const ASKED = "这个问题我马上帮您确认一下,请稍等哦";

  it("a click on the lint chip shows why and a wording; 替换 fixes the box, Ctrl+Z undoes it; page HTML stays text", async () => {
    const hostile = "<img src=x onerror=alert(1)> 亲，这个我不知道";
    await clear(textarea);
    await page.keyboard.type(hostile);
    await lintChip().waitFor({ timeout: 5000 });
    await lintChip().click();
    await lintPanel().waitFor();
    const row = lintPanel().locator('[data-kefu="lint-finding"]');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator("mark").textContent()).toBe("我不知道");
    expect(await row.locator(".why").textContent()).toMatch(/^服务禁语.+ · banned service phrase$/);
    expect(await row.locator(".suggest").textContent()).toBe(`建议：${ASKED}替换 (replace)`);
    // The page's text is shown as text: no element made from it, the markup visible as typed.
    expect(await row.locator(".ctx").textContent()).toBe("…ert(1)> 亲，这个我不知道");
    expect(await lintPanel().locator("img").count()).toBe(0);
    // The chip and the panel leave the caret in the box.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("chat-input-textarea");
    await page.screenshot({ path: join(OUTPUT_DIR, "picker-lint-panel.png") });
    await row.locator('[data-kefu="lint-replace"]').click();
    await expect.poll(() => textarea.text()).toBe(`<img src=x onerror=alert(1)> 亲，这个${ASKED}`);
    // Checked again at once: nothing left to flag.
    await expect.poll(() => lintPanel().locator(".note").textContent()).toBe("没有发现问题 (no issues found)");
    expect(await lintChip().count()).toBe(0);
    await page.keyboard.press("Escape");
    await lintPanel().waitFor({ state: "hidden" });
    await page.keyboard.press("Control+Z");
    await expect.poll(() => textarea.text()).toBe(hostile);
    await lintChip().waitFor({ timeout: 5000 });
  });

  it("Alt+L opens the lint panel from the Preact controlled box; 替换 reaches the framework state", async () => {
    const box = BOXES[2] as Box;
    await clear(box);
    await page.keyboard.type("不行，我不知道");
    await page.keyboard.press("Alt+L");
    const rows = lintPanel().locator('[data-kefu="lint-finding"]');
    await expect.poll(() => rows.count()).toBe(2);
    // 不行's suggestion leaves a blank to fill (……): advice only, no button.
    expect(await rows.nth(0).locator('[data-kefu="lint-replace"]').count()).toBe(0);
    expect(await box.text()).toBe("不行，我不知道"); // Alt+L typed nothing
    await rows.nth(1).locator('[data-kefu="lint-replace"]').click();
    await expect.poll(() => box.text()).toBe(`不行，${ASKED}`);
    await expect.poll(() => page.getByTestId("controlled-state").textContent()).toBe(`不行，${ASKED}`);
    // A click elsewhere on the page closes the panel.
    await page.locator("#order-card").click();
    await lintPanel().waitFor({ state: "hidden" });
  });

  it("替换 in the contenteditable box replaces the flagged words only", async () => {
    const box = BOXES[1] as Box;
    await clear(box);
    await page.keyboard.type("我不知道，问问同事。这不可能");
    await lintChip().waitFor({ timeout: 5000 });
    await lintChip().click();
    const rows = lintPanel().locator('[data-kefu="lint-finding"]');
    await expect.poll(() => rows.count()).toBe(2);
    await rows.nth(1).locator('[data-kefu="lint-replace"]').click();
    await expect.poll(() => box.text()).toBe("我不知道，问问同事。这我马上帮您核实一下");
    await expect.poll(() => rows.count()).toBe(1);
    await page.keyboard.press("Escape");
    await lintPanel().waitFor({ state: "hidden" });
  });

  it("inserts with a mouse click and fills the address from the order in view", async () => {
    const { buyer, address } = await orderInView();
    await clear(textarea);
    await page.keyboard.type("/hd1");
    const item = items().filter({ has: page.locator(".code", { hasText: /^\/hd1$/ }) });
    await item.click();
    await picker().waitFor({ state: "hidden" });
    const text = await textarea.text();
    expect(text.startsWith(`${buyer}，跟您核对一下订单`)).toBe(true);
    expect(text).toContain(address);
    expect(text).not.toContain("{");
  });

  it("inserts with a mouse click into the iframe's box too; arrows move the selection", async () => {
    const box = BOXES[3] as Box;
    await clear(box);
    await page.keyboard.type("/h");
    await expect.poll(() => items().count()).toBeGreaterThan(2);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    expect(await items().nth(1).getAttribute("aria-selected")).toBe("true");
    const code = await items().nth(2).getAttribute("data-code");
    await items().nth(2).click();
    await picker().waitFor({ state: "hidden" });
    const phrase = await findByCode(worker.url, team.adminToken, code ?? "");
    const text = await box.text();
    expect(text).not.toContain("{");
    expect(text).not.toBe("");
    // The script's fixed text (between placeholders) is all there.
    for (const piece of (phrase?.content ?? "").split(/\{[^}]*\}/).filter((p) => p.length > 3)) {
      expect(text).toContain(piece);
    }
  });

  it("opens with the hotkey (Alt+K) at the caret, without a '/'", async () => {
    await clear(textarea);
    await page.keyboard.type("好的 ");
    await page.keyboard.press("Alt+K");
    await picker().waitFor();
    await page.keyboard.type("cf");
    await expect.poll(() => items().first().getAttribute("data-code")).toBe("cf");
    await page.keyboard.press("Tab");
    await picker().waitFor({ state: "hidden" });
    expect(await textarea.text()).toMatch(/^好的 .+您好，看到您拍下的/);
  });

  it("fills variables from the order on an order detail page (site profile extraction)", async () => {
    const orderId = await page.locator("#order-card").getAttribute("data-order-id");
    const detail = await profile.context.newPage();
    await detail.goto(new URL(`/taobao/trade-platform/tp/detail/?bizOrderId=${orderId}&now=${NOW}`, demo.url).href);
    await detail.locator(".order-info .order-id").waitFor();
    const buyer = (await detail.locator(".buyer-nick").first().textContent())?.trim() ?? "";
    const address = (await detail.locator(".receiver-address").first().textContent())?.trim() ?? "";
    // A reply / memo box on the page (the demo detail page has none of its own).
    await detail.evaluate(() => {
      const box = document.createElement("textarea");
      box.id = "e2e-reply";
      document.body.prepend(box);
    });
    await detail.locator("#e2e-reply").click();
    await detail.keyboard.type("/hd1");
    await detail.locator('[data-kefu="picker-item"][data-code="hd1"]').waitFor();
    await detail.keyboard.press("Enter");
    await detail.locator('[data-kefu="phrase-picker"]').waitFor({ state: "hidden" });
    const text = await detail.locator("#e2e-reply").inputValue();
    expect(text).toContain(`${buyer}，跟您核对一下订单${orderId}的收货信息`);
    expect(address.length).toBeGreaterThan(5);
    expect(text.replace(/\s+/g, "")).toContain(address.replace(/\s+/g, ""));
    expect(text).not.toContain("{");
    await detail.close();
    await page.bringToFront();
  });

  it("picks up a phrase the team added after a sync, on the already open page", async () => {
    await clear(textarea);
    await page.keyboard.type("/xpdh");
    await expect.poll(() => page.locator('[data-kefu="picker-empty"]').count()).toBe(1);
    await page.keyboard.press("Escape");
    await phraseBatch(worker.url, team.adminToken, {
      upserts: [
        {
          phrase: {
            id: "e2e-new-arrival",
            code: "xpdh",
            title: "新品到货",
            content: "{买家}您好，您关注的新品已经到货啦～",
            groupId: "starter-g-order",
            tags: [],
            scope: "team",
          },
        },
      ],
    } as never);
    const options = await profile.open("options.html");
    await ask(options, "sync.now");
    await options.close();
    await page.bringToFront();
    await clear(textarea);
    await page.keyboard.type("/xpdh");
    await expect.poll(() => items().first().getAttribute("data-code"), { timeout: 10_000 }).toBe("xpdh");
    await page.keyboard.press("Escape");
    // Pinyin keys for it were built in the background: the title's initials find it too.
    await clear(textarea);
    await page.keyboard.type("/xpdh");
    await clear(textarea);
    await page.keyboard.type("/xinpin");
    await expect.poll(() => items().first().getAttribute("data-code")).toBe("xpdh");
    await page.keyboard.press("Escape");
  });

  it("takes another hotkey set in the options page", async () => {
    const options = await profile.open("options.html");
    // The field shows the stored hotkey once the background answers; typing before that would be appended to.
    await expect.poll(() => options.getByTestId("picker-hotkey").inputValue()).toBe("Alt+K");
    await options.getByTestId("picker-hotkey").fill("ctrl+shift+y");
    await options.getByTestId("picker-hotkey-save").click();
    await expect.poll(() => options.getByTestId("picker-hotkey").inputValue()).toBe("Ctrl+Shift+Y");
    await options.getByTestId("picker-hotkey").fill("y");
    await options.getByTestId("picker-hotkey-save").click();
    await expect.poll(() => options.getByTestId("picker-hotkey-note").textContent()).toContain("修饰键");
    await options.close();
    // Open pages follow the change without a reload.
    await page.bringToFront();
    await clear(textarea);
    await page.keyboard.press("Alt+K");
    await page.waitForTimeout(300);
    expect(await picker().count()).toBe(0);
    await page.keyboard.press("Control+Shift+Y");
    await picker().waitFor();
    await page.keyboard.press("Escape");
    await picker().waitFor({ state: "hidden" });
    // Alt+K typed nothing into the box either.
    expect(await textarea.text()).toBe("");
  });

  it("records usage: the Worker has the team counts after a sync, the options page lists them", async () => {
    const cf = await findByCode(worker.url, team.adminToken, "cf");
    expect(cf).toBeDefined();
    const options = await profile.open("options.html");
    await ask(options, "sync.now");
    const usage = await api<{ counts: Record<string, number> }>(worker.url, team.adminToken, "GET", "/v1/usage");
    // Four boxes + the Preact undo test + the hotkey insert (the "/h" click above picked another phrase; hd1 went
    // to the detail page). An undone insert still counts: the script was picked.
    expect(usage.counts[cf?.id ?? ""]).toBe(6);
    const row = options.getByTestId(`usage-top-${cf?.id}`);
    await options.getByTestId("usage-load").click();
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain("6");
    await options.screenshot({ path: join(OUTPUT_DIR, "picker-usage.png"), fullPage: true });
    await options.close();
  });

  it("left no page errors", () => {
    expect(pageErrors).toEqual([]);
    publishScreenshot(join(OUTPUT_DIR, "picker-open.png"), "picker.png");
    publishScreenshot(join(OUTPUT_DIR, "picker-lint-panel.png"), "picker-lint-panel.png");
  });
});
