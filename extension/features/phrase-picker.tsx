/**
 * Phrase picker (快捷短语): "/" + a quick code or search text in any chat or reply box opens a list at the caret;
 * arrows move, Enter/Tab inserts, Esc closes, the mouse works too; a hotkey (default Alt+K) opens it anywhere.
 * Variables come from the order in view, fill-in fields are asked in a small form, the rendered script is linted
 * before it goes in, and each insert is counted. Runs in every frame: a box inside a same-origin iframe gets the
 * picker drawn in the outer page (see caret.ts). Nothing fires while an IME is composing.
 * This file wires the page's events to the picker session (phrase-picker/session.tsx) and the lint chip of the
 * agent's own text (phrase-picker/lint-chip.tsx).
 */
import { editableBoxOf, readBeforeCaret } from "../insert/index.ts";
import { hotkeyOf } from "../search-index/stamp.ts";
import type { Feature } from "./feature.ts";
import { hostWindow } from "./phrase-picker/caret.ts";
import { createPickerLibrary } from "./phrase-picker/library.ts";
import { createLintChip } from "./phrase-picker/lint-chip.tsx";
import { LINT_HOTKEY } from "./phrase-picker/lint-panel.tsx";
import { createPickerSession } from "./phrase-picker/session.tsx";
import { findTrigger } from "./phrase-picker/trigger.ts";

export const phrasePicker: Feature = {
  id: "phrase-picker",
  start(ctx) {
    // Ends with the content script, or with this frame's page (its listeners on an outer window must go with it).
    const lifetime = new AbortController();
    const signal = lifetime.signal;
    const library = createPickerLibrary(signal);
    const outer = hostWindow(window).win;
    const picker = createPickerSession(outer, library, signal);
    const lintChip = createLintChip(outer, signal);
    let composing = false;

    const ours = (event: Event) => event.composedPath().some((node) => picker.isHost(node) || lintChip.isHost(node));

    library.onChange = () => picker.onLibraryChange();

    function onKeyDown(event: KeyboardEvent) {
      if (event.isComposing || event.keyCode === 229 || composing || ours(event)) return;
      const box = editableBoxOf(event.composedPath()[0] ?? event.target);
      if (picker.isOpen) return picker.onKeyDown(event, box);
      // The picker's hotkey first: if a team sets it to LINT_HOTKEY too, the picker wins (the chip still clicks).
      const keys = hotkeyOf(event);
      const action = !box ? undefined : keys === library.hotkey ? "pick" : keys === LINT_HOTKEY ? "lint" : undefined;
      if (!action && !(lintChip.isOpen && event.key === "Escape")) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (!box || !action) return lintChip.close();
      if (action === "lint") return lintChip.openFor(box);
      picker.openAtCaret(box);
    }

    function onInput(event: Event) {
      if (composing || (event as InputEvent).isComposing) return;
      const box = editableBoxOf(event.composedPath()[0] ?? event.target);
      if (!box) return;
      picker.onBoxChanged(box);
      // Lints what the agent typed (debounced) and shows a small chip at the box's corner when something is off.
      lintChip.schedule(box);
    }

    const options = { capture: true, signal };
    window.addEventListener("keydown", onKeyDown, options);
    window.addEventListener("input", onInput, options);
    // IME: nothing fires while composing. A "/" typed before the composition started (the agent types "/" and then
    // pinyin letters the IME commits as they are) takes the committed text as its query; a "/" inside the
    // composition is the IME's text, never a trigger.
    let slashBeforeComposition: number | undefined;
    window.addEventListener(
      "compositionstart",
      (event) => {
        composing = true;
        const box = editableBoxOf(event.composedPath()[0] ?? event.target);
        const before = box && readBeforeCaret(box);
        slashBeforeComposition = (before && findTrigger(before.text)?.start) ?? undefined;
      },
      options,
    );
    window.addEventListener(
      "compositionend",
      (event) => {
        composing = false;
        const box = editableBoxOf(event.composedPath()[0] ?? event.target);
        const slash = slashBeforeComposition;
        slashBeforeComposition = undefined;
        if (!box || slash === undefined) return;
        picker.reReadAfterComposition(box, slash);
      },
      options,
    );
    // Fetch the index when the agent enters a box, so the first "/" finds it ready.
    window.addEventListener(
      "focusin",
      (event) => {
        if (editableBoxOf(event.composedPath()[0] ?? event.target)) library.ensure().catch(() => {});
      },
      options,
    );
    // The chip's panel stays open for clicks in its box (the agent fixes the text by hand while reading).
    const closeOnOutsideClick = (event: MouseEvent) => {
      if (ours(event)) return;
      const path = event.composedPath();
      lintChip.closeUnlessIn(path);
      picker.closeUnlessIn(path);
    };
    window.addEventListener("mousedown", closeOnOutsideClick, options);
    // The panels are fixed-positioned at the caret and the box: follow them when the page or a container scrolls.
    const follow = () => {
      picker.follow();
      lintChip.follow();
    };
    for (const win of new Set<Window>([window, outer])) {
      win.addEventListener("scroll", follow, { capture: true, passive: true, signal });
    }
    if (outer !== window) outer.addEventListener("mousedown", closeOnOutsideClick, options);
    // Aborting the lifetime also closes the picker and the chip and removes their hosts.
    const stop = () => lifetime.abort();
    ctx.onInvalidated(stop);
    if (outer !== window) window.addEventListener("pagehide", stop, { once: true });
  },
};
