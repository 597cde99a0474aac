/**
 * The lint chip: the agent's own text in a box is linted 700 ms after typing stops (or at once on LINT_HOTKEY);
 * findings show as a small chip above the box, and a click on it opens the panel with reasons and fixes
 * (lint-panel.tsx). Drawn in the outer same-origin page like the picker (see caret.ts).
 */
import { render } from "preact";
import type { LintFinding } from "../../../shared/lint/lint.ts";
import { type EditableBox, type InsertTarget, insertText, isTextField } from "../../insert/index.ts";
import { askBackground } from "../../messaging/protocol.ts";
import { boxRect } from "./caret.ts";
import { findingTarget, LintPanel, replacementOf } from "./lint-panel.tsx";
import { createPanelHost, type PanelHost } from "./panel.tsx";

const OWN_TEXT_LINT_MS = 700;
const OWN_TEXT_MAX = 2000;

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

export interface LintChip {
  /** Lints what the agent typed in the box once typing stops. */
  schedule(box: EditableBox): void;
  /** LINT_HOTKEY: lints the box at once and opens the panel. */
  openFor(box: EditableBox): void;
  /** The chip's panel is open (a click on the chip or LINT_HOTKEY); Esc or a click outside closes it. */
  readonly isOpen: boolean;
  close(): void;
  /** A mousedown outside the chip and panel: closes the panel unless it landed in the linted box. */
  closeUnlessIn(path: EventTarget[]): void;
  /** Redraws at the box's new place (the page or a container scrolled). */
  follow(): void;
  isHost(node: EventTarget): boolean;
}

/** The chip for boxes in this frame, drawn in `outer` (the outer same-origin window); removed when `signal` aborts. */
export function createLintChip(outer: Window, signal: AbortSignal): LintChip {
  let chip: PanelHost | undefined;
  let lintTimer: ReturnType<typeof setTimeout> | undefined;
  let lintSeq = 0;
  let ownLint: OwnTextLint | undefined;
  let lintOpen = false;

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
    chip ??= createPanelHost(outer.document, "lint-chip");
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

  signal.addEventListener("abort", () => {
    clearTimeout(lintTimer);
    chip?.host.remove();
    chip = undefined;
  });

  return {
    schedule(box) {
      clearTimeout(lintTimer);
      lintTimer = setTimeout(() => void lintOwnText(box), OWN_TEXT_LINT_MS);
    },
    openFor(box) {
      lintOpen = true;
      void lintOwnText(box);
    },
    get isOpen() {
      return lintOpen;
    },
    close: closeLint,
    closeUnlessIn(path) {
      if (lintOpen && !path.includes(ownLint?.box as EventTarget)) closeLint();
    },
    follow() {
      if (ownLint) drawLint();
    },
    isHost: (node) => node === chip?.host,
  };
}
