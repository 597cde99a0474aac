/**
 * Phrase picker (快捷短语): "/" + a quick code or search text in any chat or reply box opens a list at the caret;
 * arrows move, Enter/Tab inserts, Esc closes, the mouse works too; a hotkey (default Alt+K) opens it anywhere.
 * Variables come from the order in view, fill-in fields are asked in a small form, the rendered script is linted
 * before it goes in, and each insert is counted. Runs in every frame: a box inside a same-origin iframe gets the
 * picker drawn in the outer page (see caret.ts). Nothing fires while an IME is composing.
 */
import { render } from "preact";
import type { LintFinding } from "../../shared/lint/lint.ts";
import type { PhraseWithKeys } from "../../shared/search/types.ts";
import { type ParsedTemplate, parseTemplate, renderTemplate } from "../../shared/templates/template.ts";
import {
  caretTarget,
  type EditableBox,
  editableBoxOf,
  type InsertTarget,
  insertText,
  isTextField,
  readBeforeCaret,
} from "../insert/index.ts";
import { askBackground } from "../messaging/protocol.ts";
import { hotkeyOf } from "../search-index/stamp.ts";
import type { Feature } from "./feature.ts";
import { boxRect, caretBox, hostWindow } from "./phrase-picker/caret.ts";
import { createPickerLibrary } from "./phrase-picker/library.ts";
import { findingTarget, LINT_HOTKEY, LintPanel, replacementOf } from "./phrase-picker/lint-panel.tsx";
import { orderVariables } from "./phrase-picker/order-in-view.ts";
import { type FormField, PANEL_CSS, Panel, type PanelState } from "./phrase-picker/panel.tsx";
import { findTrigger } from "./phrase-picker/trigger.ts";

const LIST_LIMIT = 8;
const OWN_TEXT_LINT_MS = 700;
const OWN_TEXT_MAX = 2000;

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

/** The last lint of the agent's own text in a box: the chip and its panel show it. */
interface OwnTextLint {
  box: EditableBox;
  /** What was linted (the box's text, at most OWN_TEXT_MAX characters); findings' offsets point into it. */
  text: string;
  findings: LintFinding[];
}

function ownText(box: EditableBox): string {
  // biome-ignore lint/performance/useDomNodeTextContent: innerText keeps the line breaks a sentence check needs
  return (isTextField(box) ? box.value : (box.innerText ?? "")).slice(0, OWN_TEXT_MAX);
}

/** Today in the shops' time zone (UTC+8), as {日期} shows it. */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function listState(query: string, hits: PhraseWithKeys[], note?: string): PanelState {
  return note === undefined
    ? { view: "list", query, hits, selected: 0 }
    : { view: "list", query, hits, selected: 0, note };
}

/** A shadow-root host in the outer same-origin page; page CSS stays out. */
function createHost(doc: Document, name: string) {
  const host = doc.createElement("div");
  host.setAttribute("data-kefu-host", name);
  host.style.cssText = "position:fixed;top:0;left:0;width:0;height:0;z-index:2147483646;";
  const root = host.attachShadow({ mode: "open" });
  const style = doc.createElement("style");
  style.textContent = PANEL_CSS;
  const mount = doc.createElement("div");
  root.append(style, mount);
  doc.documentElement.append(host);
  return { host, mount };
}

export const phrasePicker: Feature = {
  id: "phrase-picker",
  start(ctx) {
    // Ends with the content script, or with this frame's page (its listeners on an outer window must go with it).
    const lifetime = new AbortController();
    const signal = lifetime.signal;
    const library = createPickerLibrary(signal);
    const outer = hostWindow(window).win;
    const outerDoc = outer.document;
    let ui: ReturnType<typeof createHost> | undefined;
    let chip: ReturnType<typeof createHost> | undefined;
    let session: Session | undefined;
    let composing = false;
    let afterComposition: ReturnType<typeof setTimeout> | undefined;
    let lintTimer: ReturnType<typeof setTimeout> | undefined;
    let lintSeq = 0;
    let ownLint: OwnTextLint | undefined;
    /** The chip's panel is open (a click on the chip or LINT_HOTKEY); Esc or a click outside closes it. */
    let lintOpen = false;

    const ours = (event: Event) => event.composedPath().some((node) => node === ui?.host || node === chip?.host);

    function close() {
      session = undefined;
      if (ui) render(null, ui.mount);
    }

    function draw() {
      if (!session) return close();
      ui ??= createHost(outerDoc, "phrase-picker");
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
    const sameIds = (a: PhraseWithKeys[], b: PhraseWithKeys[]) =>
      a.map((p) => p.id).join() === b.map((p) => p.id).join();

    // A save or sync elsewhere: an open list searches again once the new index is here.
    library.onChange = () => {
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
    };

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

    /** Re-reads the box after it changed: opens, narrows or closes the picker. */
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

    /** Values for variables: the order in view (outer page), shop and agent from settings. */
    async function variables(box: EditableBox): Promise<Record<string, string>> {
      const values: Record<string, string> = { ...(await orderVariables(outerDoc, outer.location.href, box)) };
      if (library.shopName) values.店铺 = library.shopName;
      if (library.agentName) values.客服 = library.agentName;
      values.日期 ??= chinaToday();
      return values;
    }

    async function pick(i: number) {
      const current = session;
      if (current?.state.view !== "list") return;
      const phrase = current.state.hits[i];
      if (!phrase) return;
      const parsed = parseTemplate(phrase.content);
      const values = await variables(current.box);
      if (session !== current) return;
      const { missing } = renderTemplate(parsed, values, {});
      const fields: FormField[] = parsed.fills.map((field) =>
        field.kind === "choice"
          ? { kind: "choice", label: field.label, options: field.options, value: field.options[0] ?? "" }
          : { kind: "text", label: field.label, value: field.default ?? "" },
      );
      // Variables the page could not fill are asked too; left empty they are dropped, never shown raw.
      for (const gap of missing) {
        if ((gap.kind === "variable" || gap.kind === "unknown") && !fields.some((f) => f.label === gap.name)) {
          fields.push({ kind: "text", label: gap.name, value: "", hint: "页面上没有找到，可留空 (optional)" });
        }
      }
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

    /** The trigger text may have moved (a click in the box, page edits): never overwrite anything but "/query". */
    function liveTarget(current: Session): InsertTarget {
      const { box, target } = current;
      if (current.mode !== "slash") return target;
      const replaced =
        target.kind === "field"
          ? (box as HTMLTextAreaElement).value.slice(target.start, target.end)
          : target.range.toString();
      return replaced.startsWith("/") ? target : (caretTarget(box) ?? target);
    }

    function onKeyDown(event: KeyboardEvent) {
      if (event.isComposing || event.keyCode === 229 || composing || ours(event)) return;
      const box = editableBoxOf(event.composedPath()[0] ?? event.target);
      if (!session) {
        // The picker's hotkey first: if a team sets it to LINT_HOTKEY too, the picker wins (the chip still clicks).
        const keys = hotkeyOf(event);
        const action = !box ? undefined : keys === library.hotkey ? "pick" : keys === LINT_HOTKEY ? "lint" : undefined;
        if (!action && !(lintOpen && event.key === "Escape")) return;
        event.preventDefault();
        event.stopImmediatePropagation();
        if (!box || !action) return closeLint();
        if (action === "lint") {
          lintOpen = true;
          return void lintOwnText(box);
        }
        const target = caretTarget(box);
        const before = readBeforeCaret(box);
        if (target) open(box, "hotkey", before?.text.length ?? 0, target, "");
        return;
      }
      if (box !== session.box) return;
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

    function onInput(event: Event) {
      if (composing || (event as InputEvent).isComposing) return;
      const box = editableBoxOf(event.composedPath()[0] ?? event.target);
      if (!box) return;
      onBoxChanged(box);
      scheduleOwnTextLint(box);
    }

    /** Lints what the agent typed (debounced) and shows a small chip at the box's corner when something is off. */
    function scheduleOwnTextLint(box: EditableBox) {
      clearTimeout(lintTimer);
      lintTimer = setTimeout(() => void lintOwnText(box), OWN_TEXT_LINT_MS);
    }

    async function lintOwnText(box: EditableBox) {
      clearTimeout(lintTimer);
      const seq = ++lintSeq;
      const text = ownText(box);
      let findings: LintFinding[] = [];
      if (text.trim()) {
        try {
          findings = (await askBackground("picker.lint", { text })).findings;
        } catch {
          findings = [];
        }
      }
      if (seq !== lintSeq) return;
      ownLint = { box, text, findings };
      drawLint();
    }

    function closeLint() {
      lintOpen = false;
      drawLint();
    }

    /** The lint fix still applies to the box as it is now (nothing typed since the lint), or undefined. */
    function fixTarget(lint: OwnTextLint, finding: LintFinding): InsertTarget | undefined {
      return ownText(lint.box) === lint.text ? findingTarget(lint.box, lint.text, finding) : undefined;
    }

    function replace(lint: OwnTextLint, finding: LintFinding) {
      const wording = replacementOf(finding);
      const target = fixTarget(lint, finding);
      if (wording !== undefined && target) {
        try {
          // The picker's own insertion chain: the page's framework sees an input event, Ctrl+Z undoes it.
          insertText(lint.box, target, wording);
        } catch (err) {
          console.error("[kefu] replace failed", err);
        }
      }
      // Fixed, or the text moved on since the lint: check again now, the panel shows what is left.
      void lintOwnText(lint.box);
    }

    /** The chip above the box (when something is off) and, when opened, the panel with reasons and fixes. */
    function drawLint() {
      const lint = ownLint;
      if (!lint?.box.isConnected) lintOpen = false;
      if (!lint?.box.isConnected || (!lintOpen && lint.findings.length === 0)) {
        if (chip) render(null, chip.mount);
        return;
      }
      const { box, findings } = lint;
      chip ??= createHost(outerDoc, "lint-chip");
      const rect = boxRect(box);
      const title = findings.map((f) => `「${f.text}」${f.why}\n建议：${f.suggestion}`).join("\n\n");
      const left = Math.max(4, Math.min(rect.right - 360, outer.innerWidth - 364));
      // Above the chip when there is room (chat boxes sit low on the page), else under the box.
      const place = rect.top > 260 ? `bottom:${outer.innerHeight - rect.top + 30}px` : `top:${rect.bottom + 4}px`;
      render(
        <>
          {findings.length > 0 && (
            <button
              type="button"
              class="panel chip"
              data-kefu="lint-chip"
              title={title}
              style={`left:${Math.max(4, rect.right - 180)}px;top:${Math.max(4, rect.top - 26)}px`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                lintOpen = !lintOpen;
                drawLint();
              }}
            >
              ⚠ 话术提醒：「{findings[0]?.text}」{findings.length > 1 ? ` 等 ${findings.length} 处` : ""}
            </button>
          )}
          {lintOpen && (
            <LintPanel
              text={lint.text}
              findings={findings}
              style={`left:${left}px;${place}`}
              canReplace={(f) => fixTarget(lint, f) !== undefined}
              onReplace={(f) => replace(lint, f)}
            />
          )}
        </>,
        chip.mount,
      );
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
        // After the IME has written its text into the box (compositionend comes before the DOM settles in some
        // browsers), re-read it; only the trigger that existed before the composition counts.
        afterComposition = setTimeout(() => {
          const before = readBeforeCaret(box);
          const trigger = before && findTrigger(before.text);
          if (before && trigger?.start === slash) open(box, "slash", slash, before.targetFor(slash), trigger.query);
          else if (session?.box === box && session.state.view === "list") close();
        }, 0);
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
      if (lintOpen && !path.includes(ownLint?.box as EventTarget)) closeLint();
      if (!session || path.includes(session.box)) return;
      close();
    };
    window.addEventListener("mousedown", closeOnOutsideClick, options);
    // The panel is fixed-positioned at the caret: follow the box when the page or a container scrolls.
    const follow = () => {
      if (session) draw();
      if (ownLint) drawLint();
    };
    for (const win of new Set<Window>([window, outer])) {
      win.addEventListener("scroll", follow, { capture: true, passive: true, signal });
    }
    if (outer !== window) outer.addEventListener("mousedown", closeOnOutsideClick, options);
    const stop = () => {
      lifetime.abort();
      clearTimeout(lintTimer);
      close();
      ui?.host.remove();
      chip?.host.remove();
      ui = chip = undefined;
    };
    ctx.onInvalidated(stop);
    if (outer !== window) window.addEventListener("pagehide", stop, { once: true });
  },
};
