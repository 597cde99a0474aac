/**
 * Test helpers for the options and popup pages (imported by tests only): the background's handlers behind
 * fakeBrowser's runtime messaging (test-background.ts), and a root element to render into.
 */
import { render } from "preact";

export { serveHandlers } from "../../test-background.ts";

/** A fresh element in the document to render a page or card into. */
export function mountRoot(): HTMLElement {
  const root = document.createElement("div");
  document.body.append(root);
  return root;
}

/** Unmounts what was rendered into `root` (running effects' clean-ups) and removes it. */
export function unmountRoot(root: HTMLElement): void {
  render(null, root);
  root.remove();
}

/** Polls every 10 ms until `find` returns something, or fails naming `what`. */
export async function until<T>(find: () => T | null | undefined | false, what: string, tries = 200): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const found = find();
    if (found) return found;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The element under `root` with this data-testid. */
export function byTestIdIn<T extends Element = HTMLElement>(root: ParentNode, id: string): T | null {
  return root.querySelector<T>(`[data-testid="${id}"]`);
}

/** Types into a field as the user would (value, then an input event) and lets Preact re-render. */
export async function typeInto(el: HTMLInputElement | HTMLTextAreaElement | null, value: string): Promise<void> {
  if (!el) throw new Error("no field to type into");
  el.value = value;
  el.dispatchEvent(new Event("input", { bubbles: true }));
  await new Promise((r) => setTimeout(r, 20));
}

/** Submits a form the way a click on its submit button does (the browser's own checks included). */
export async function submitForm(form: HTMLFormElement | null): Promise<void> {
  if (!form) throw new Error("no form to submit");
  form.requestSubmit();
  await new Promise((r) => setTimeout(r, 20));
}
