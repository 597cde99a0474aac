/** Test helpers for the team-rules editors: a fake background that records settings.save calls, and DOM input. */
import { render, type VNode } from "preact";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { typeInto } from "../test-dom.ts";

export interface SaveCall {
  patch: Record<string, unknown>;
  seen?: Record<string, unknown>;
}

export function setup() {
  fakeBrowser.reset();
  const saves: SaveCall[] = [];
  const state = { refuse: "" };
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender: unknown, reply: (r: unknown) => void) => {
    const envelope = message as { kefu: string; payload: SaveCall };
    if (envelope.kefu !== "settings.save") return;
    if (state.refuse) reply({ ok: false, error: state.refuse });
    else {
      saves.push(structuredClone(envelope.payload));
      reply({ ok: true, value: { settings: {} } });
    }
    return true;
  });
  const root = document.createElement("div");
  document.body.append(root);
  return {
    saves,
    state,
    root,
    mount: async (node: VNode) => {
      render(node, root);
      await settle();
    },
    unmount: () => {
      render(null, root);
      root.remove();
    },
    get: <T extends HTMLElement = HTMLElement>(testId: string) => {
      const found = root.querySelector<T>(`[data-testid="${testId}"]`);
      if (!found) throw new Error(`no element ${testId}`);
      return found;
    },
    find: (testId: string) => root.querySelector<HTMLElement>(`[data-testid="${testId}"]`),
  };
}

export const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

export function type(element: Element | null, value: string): Promise<void> {
  return typeInto(element as HTMLInputElement | HTMLTextAreaElement | null, value);
}

export async function click(element: Element | null) {
  (element as HTMLElement).click();
  await settle();
}

export async function check(element: Element | null, checked: boolean) {
  const input = element as HTMLInputElement;
  input.checked = checked;
  input.dispatchEvent(new Event("change", { bubbles: true }));
  await settle();
}
