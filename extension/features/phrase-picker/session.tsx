/**
 * The picker session: at most one open list (then the fill-in form or the lint check of the picked phrase) for one
 * box, drawn at its caret in the outer same-origin page (see caret.ts). Opening, narrowing and closing the list,
 * its keys, and inserting the picked script: variables from the order in view, fill-ins asked in a form, the
 * rendered text linted before it goes in, each insert counted (the pieces of the insert are in insertion.ts).
 */
import { render } from "preact";
import type { LintFinding } from "../../../shared/lint/lint.ts";
import type { PhraseWithKeys } from "../../../shared/search/types.ts";
import { type ParsedTemplate, parseTemplate, renderTemplate } from "../../../shared/templates/template.ts";
import { caretTarget, type EditableBox, type InsertTarget, insertText, readBeforeCaret } from "../../insert/index.ts";
import { askBackground } from "../../messaging/protocol.ts";
import { caretBox } from "./caret.ts";
import { formFields, liveTarget, variablesFor } from "./insertion.ts";
import type { PickerLibrary } from "./library.ts";
import { createPanelHost, Panel, type PanelHost, type PanelState } from "./panel.tsx";
import { findTrigger } from "./trigger.ts";

const LIST_LIMIT = 8;

interface Session {
  box: EditableBox;
  /** "/" typed: the query follows the slash; hotkey: the query is what is typed after the caret it opened at. */
  mode: "slash" | "hotkey";
  /** Offset (in the text before the caret) of the "/" or of the caret the hotkey opened at. */
  anchor: number;
  target: InsertTarget;
  state: PanelState;
  /** Set while a fill-in form or lint check is open for a picked phrase. */
  pick?: { phrase: PhraseWithKeys; parsed: ParsedTemplate; values: Record<string, string>; text?: string };
}

function listState(query: string, hits: PhraseWithKeys[], note?: string): PanelState {
  return note === undefined
    ? { view: "list", query, hits, selected: 0 }
    : { view: "list", query, hits, selected: 0, note };
}

const sameIds = (a: PhraseWithKeys[], b: PhraseWithKeys[]) => a.map((p) => p.id).join() === b.map((p) => p.id).join();

export interface PickerSession {
  /** A list, form or lint check is open. */
  readonly isOpen: boolean;
  /** Re-reads the box after it changed: opens, narrows or closes the picker. */
  onBoxChanged(box: EditableBox): void;
  /** The picker's hotkey in a box: opens the list at the caret, the query is what is typed next. */
  openAtCaret(box: EditableBox): void;
  /** A key while the session is open (focus stays in the page's box). */
  onKeyDown(event: KeyboardEvent, box: EditableBox | undefined): void;
  /** After an IME commit, the "/" typed before the composition (at `slash`) takes the committed text as query. */
  reReadAfterComposition(box: EditableBox, slash: number): void;
  /** A save or sync elsewhere: an open list searches again once the new index is here. */
  onLibraryChange(): void;
  /** A mousedown outside the picker: closes it unless it landed in the session's box. */
  closeUnlessIn(path: EventTarget[]): void;
  /** Redraws at the caret's new place (the page or a container scrolled). */
  follow(): void;
  isHost(node: EventTarget): boolean;
}

/** Sessions for boxes in this frame, drawn in `outer` (the outer same-origin window); removed when `signal` aborts. */
export function createPickerSession(outer: Window, library: PickerLibrary, signal: AbortSignal): PickerSession {
  let ui: PanelHost | undefined;
  let session: Session | undefined;
  let afterComposition: ReturnType<typeof setTimeout> | undefined;

  function close() {
    session = undefined;
    if (ui) render(null, ui.mount);
  }

  function draw() {
    if (!session) return close();
    ui ??= createPanelHost(outer.document, "phrase-picker");
    const at = caretBox(session.box);
    const width = 360;
    const left = Math.max(4, Math.min(at.left, outer.innerWidth - width - 4));
    // Below the caret when there is room, else above it.
    const below = outer.innerHeight - at.bottom > 200 || at.top < 200;
    const style = below
      ? `left:${left}px;top:${at.bottom + 4}px`
      : `left:${left}px;bottom:${outer.innerHeight - at.top + 4}px`;
    render(
      <div class="panel" data-kefu="phrase-picker" data-view={session.state.view} style={style}>
        <Panel
          state={session.state}
          onPick={(i) => void pick(i)}
          onHover={(i) => {
            if (session?.state.view === "list") {
              session.state = { ...session.state, selected: i };
              draw();
            }
          }}
          onSubmitForm={(values) => void submitForm(values)}
          onInsertAnyway={() => finish()}
          onClose={() => {
            const box = session?.box;
            close();
            box?.focus();
          }}
        />
      </div>,
      ui.mount,
    );
  }

  const find = (query: string) =>
    library.index ? library.index.search(query, { limit: LIST_LIMIT }).map((hit) => hit.phrase) : [];

  /** The list for a query; an empty query with nothing used yet explains what to type instead of "no match". */
  function listed(query: string): Extract<PanelState, { view: "list" }> {
    const hits = find(query);
    return hits.length === 0 && query === ""
      ? { view: "list", query, hits, selected: 0, note: "输入快捷编码、拼音或文字搜索 (type a code, pinyin or text)" }
      : { view: "list", query, hits, selected: 0 };
  }

  function open(box: EditableBox, mode: Session["mode"], anchor: number, target: InsertTarget, query: string) {
    const same = session && session.box === box && session.mode === mode && session.anchor === anchor;
    if (same && session && session.state.view !== "list") {
      session.target = target;
      return;
    }
    const current: Session = same && session ? session : { box, mode, anchor, target, state: listState(query, []) };
    current.target = target;
    session = current;
    // Search synchronously when the index is here (one keystroke, one render); the stamp check runs after it
    // and redraws only if a newer library changes the list.
    current.state = library.index ? listed(query) : listState(query, [], "正在加载短语… (loading)");
    draw();
    library.ensure().then(
      () => {
        if (session !== current || current.state.view !== "list" || current.state.query !== query) return;
        const fresh = listed(query);
        if (current.state.note !== fresh.note || !sameIds(fresh.hits, current.state.hits)) {
          current.state = fresh;
          draw();
        }
      },
      (err: Error) => {
        if (session !== current || current.state.view !== "list" || library.index) return;
        current.state = listState(query, [], `短语库不可用：${err.message}`);
        draw();
      },
    );
  }

  function onBoxChanged(box: EditableBox) {
    const before = readBeforeCaret(box);
    if (session && session.box === box && session.mode === "hotkey") {
      const query = before && before.text.length >= session.anchor ? before.text.slice(session.anchor) : undefined;
      if (query === undefined || /\s/.test(query) || query.length > 24) return close();
      return open(box, "hotkey", session.anchor, before?.targetFor(session.anchor) as InsertTarget, query);
    }
    const trigger = before && findTrigger(before.text);
    if (!before || !trigger) {
      if (session?.state.view === "list") close();
      return;
    }
    open(box, "slash", trigger.start, before.targetFor(trigger.start), trigger.query);
  }

  async function pick(i: number) {
    const current = session;
    if (current?.state.view !== "list") return;
    const phrase = current.state.hits[i];
    if (!phrase) return;
    const parsed = parseTemplate(phrase.content);
    const values = await variablesFor(outer, library, current.box);
    if (session !== current) return;
    const fields = formFields(parsed, renderTemplate(parsed, values, {}).missing);
    current.pick = { phrase, parsed, values };
    if (fields.length > 0) {
      current.state = { view: "form", phrase, fields };
      draw();
      ui?.mount.querySelector<HTMLElement>("[data-kefu=picker-field]")?.focus();
      return;
    }
    await lintThenInsert(current, {});
  }

  async function submitForm(entered: Record<string, string>) {
    const current = session;
    if (!current?.pick) return;
    const fills: Record<string, string> = {};
    for (const [label, value] of Object.entries(entered)) {
      if (current.pick.parsed.fills.some((f) => f.label === label)) fills[label] = value;
      else if (value.trim()) current.pick.values[label] = value.trim();
    }
    current.box.focus();
    await lintThenInsert(current, fills);
  }

  async function lintThenInsert(current: Session, fills: Record<string, string>) {
    const pickState = current.pick;
    if (!pickState) return;
    const { text } = renderTemplate(pickState.parsed, pickState.values, fills);
    pickState.text = text;
    let findings: LintFinding[] = [];
    try {
      findings = (await askBackground("picker.lint", { text })).findings;
    } catch (err) {
      console.warn("[kefu] lint unavailable", err);
    }
    if (session !== current) return;
    if (findings.length > 0) {
      current.state = { view: "lint", phrase: pickState.phrase, text, findings };
      return draw();
    }
    finish();
  }

  function finish() {
    const current = session;
    const picked = current?.pick;
    if (!current || !picked || picked.text === undefined) return;
    close();
    try {
      insertText(current.box, liveTarget(current), picked.text);
    } catch (err) {
      console.error("[kefu] insert failed", err);
      return;
    }
    library.noteUse(picked.phrase.id);
    askBackground("usage.record", { id: picked.phrase.id }).catch((err) => console.warn("[kefu] usage", err));
    askBackground("picker.used", { id: picked.phrase.id }).catch(() => {});
  }

  function onKeyDown(event: KeyboardEvent, box: EditableBox | undefined) {
    if (!session || box !== session.box) return;
    const { state } = session;
    const consume = () => {
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    if (event.key === "Escape") {
      consume();
      // An Esc right after an IME commit wins over the re-read the commit scheduled.
      clearTimeout(afterComposition);
      return close();
    }
    if (state.view === "list") {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        consume();
        if (state.hits.length === 0) return;
        const step = event.key === "ArrowDown" ? 1 : -1;
        session.state = { ...state, selected: (state.selected + step + state.hits.length) % state.hits.length };
        draw();
        ui?.mount.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: "nearest" });
        return;
      }
      if ((event.key === "Enter" || event.key === "Tab") && !event.shiftKey && state.hits.length > 0) {
        consume();
        return void pick(state.selected);
      }
    } else if (state.view === "lint" && event.key === "Enter") {
      consume();
      return finish();
    } else if (event.key === "Enter" || event.key === "Tab") {
      consume(); // a form is open: the page must not send the half-done message
    }
  }

  signal.addEventListener("abort", () => {
    close();
    ui?.host.remove();
    ui = undefined;
  });

  return {
    get isOpen() {
      return session !== undefined;
    },
    onBoxChanged,
    openAtCaret(box) {
      const target = caretTarget(box);
      const before = readBeforeCaret(box);
      if (target) open(box, "hotkey", before?.text.length ?? 0, target, "");
    },
    onKeyDown,
    reReadAfterComposition(box, slash) {
      // After the IME has written its text into the box (compositionend comes before the DOM settles in some
      // browsers), re-read it; only the trigger that existed before the composition counts.
      afterComposition = setTimeout(() => {
        const before = readBeforeCaret(box);
        const trigger = before && findTrigger(before.text);
        if (before && trigger?.start === slash) open(box, "slash", slash, before.targetFor(slash), trigger.query);
        else if (session?.box === box && session.state.view === "list") close();
      }, 0);
    },
    onLibraryChange() {
      const current = session;
      if (current?.state.view !== "list") return;
      const query = current.state.query;
      library.ensure().then(
        () => {
          if (session !== current || current.state.view !== "list" || current.state.query !== query) return;
          current.state = listed(query);
          draw();
        },
        () => {},
      );
    },
    closeUnlessIn(path) {
      if (!session || path.includes(session.box)) return;
      close();
    },
    follow() {
      if (session) draw();
    },
    isHost: (node) => node === ui?.host,
  };
}
