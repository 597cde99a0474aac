/**
 * What a person does in the options page and the popup, as reusable steps. Every step waits for the state the
 * UI shows afterwards (never a blind sleep).
 */
import type { Locator, Page } from "playwright-core";

const STEP_MS = 30_000;

/** Types the Worker URL and token into the options page, clicks save and waits for team and role to show. */
export async function connectInOptions(page: Page, workerUrl: string, token: string, roleLabel: string) {
  await page.getByTestId("conn-url").fill("");
  await page.getByTestId("conn-url").pressSequentially(workerUrl);
  // Tokens are pasted, not typed, in real life.
  await page.getByTestId("conn-token").fill(token);
  await page.getByTestId("conn-save").click();
  await page.getByTestId("conn-role").filter({ hasText: roleLabel }).waitFor({ timeout: STEP_MS });
}

/** The table row of the phrase whose quick code is exactly `code`. */
export function phraseRow(page: Page, code: string): Locator {
  return page
    .locator('[data-testid^="phrase-row-"]')
    .filter({ has: page.locator("td.code", { hasText: new RegExp(`^/${code}$`) }) });
}

export async function rowId(row: Locator): Promise<string> {
  const testId = await row.getAttribute("data-testid");
  if (!testId) throw new Error("phrase row without data-testid");
  return testId.replace(/^phrase-row-/, "");
}

/**
 * Waits until the row shows no "待同步" badge: the Worker accepted the edit. After an edit pass the new `content`
 * (or part of it): the row shows it together with the badge, so a row still showing the old state is not taken
 * for "synced".
 */
export async function waitRowSynced(page: Page, code: string, content?: string) {
  const row = phraseRow(page, code);
  await row.waitFor({ timeout: STEP_MS });
  if (content !== undefined) await row.locator("td.content", { hasText: content }).waitFor({ timeout: STEP_MS });
  await row.locator(".badge.warn").waitFor({ state: "detached", timeout: STEP_MS });
}

export async function waitRowPending(page: Page, code: string) {
  await phraseRow(page, code).locator(".badge.warn", { hasText: "待同步" }).waitFor({ timeout: STEP_MS });
}

export async function addGroup(page: Page, name: string) {
  await page.getByTestId("group-new-name").pressSequentially(name);
  await page.getByTestId("group-add").click();
  await page
    .getByTestId("group-list")
    .getByRole("button", { name: new RegExp(`^${name}`) })
    .waitFor();
}

export interface PhraseFields {
  code: string;
  content: string;
  groupLabel?: string;
  scope?: "team" | "personal";
}

/** Clicks "新短语", fills the form and saves; the row shows at once. */
export async function addPhrase(page: Page, fields: PhraseFields) {
  await page.getByTestId("phrase-new").click();
  await fillPhraseForm(page, fields);
  await page.getByTestId("phrase-save").click();
  await page.getByTestId("phrase-form").waitFor({ state: "detached" });
  await phraseRow(page, fields.code).waitFor();
}

export async function fillPhraseForm(page: Page, fields: Partial<PhraseFields>) {
  if (fields.code !== undefined) {
    await page.getByTestId("phrase-code").fill("");
    await page.getByTestId("phrase-code").pressSequentially(fields.code);
  }
  if (fields.groupLabel) await page.getByTestId("phrase-group").selectOption({ label: fields.groupLabel });
  if (fields.scope && (await page.getByTestId("phrase-scope").isEnabled())) {
    await page.getByTestId("phrase-scope").selectOption(fields.scope);
  }
  if (fields.content !== undefined) {
    await page.getByTestId("phrase-content").fill("");
    // Long Chinese text arrives through the IME in chunks; fill() is the closest honest stand-in.
    await page.getByTestId("phrase-content").fill(fields.content);
  }
}

/** Opens the editor of an existing phrase (its "编辑" link). */
export async function openEditor(page: Page, code: string) {
  await phraseRow(page, code).getByRole("button", { name: "编辑" }).click();
  await page.getByTestId("phrase-form").waitFor();
}

/** Clicks "立即同步" in the popup and waits for the state line to read `stateText`. */
export async function popupSyncNow(popup: Page, stateText: string) {
  const button = popup.getByTestId("popup-sync-now");
  await button.waitFor();
  await popup.waitForFunction(
    () => !(document.querySelector('[data-testid="popup-sync-now"]') as HTMLButtonElement | null)?.disabled,
  );
  await button.click();
  await popup.waitForFunction(
    () => !(document.querySelector('[data-testid="popup-sync-now"]') as HTMLButtonElement | null)?.disabled,
    undefined,
    { timeout: STEP_MS },
  );
  await popup.getByTestId("popup-sync-state").filter({ hasText: stateText }).waitFor({ timeout: STEP_MS });
}

export async function popupPending(popup: Page): Promise<number> {
  const text = (await popup.getByTestId("popup-pending").textContent()) ?? "";
  const match = /(\d+)\s*$/.exec(text);
  if (!match) throw new Error(`no pending count in "${text}"`);
  return Number(match[1]);
}
