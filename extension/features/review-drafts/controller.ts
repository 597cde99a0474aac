/**
 * One review page under a review profile: a panel (own shadow root) next to every review's reply box, the page
 * bar, and a MutationObserver that adds panels for reviews rendered later (paging, lazy lists) without
 * duplicates. Drafting state is kept per review id, so a re-rendered review keeps the agent's edits.
 */
import { h, render } from "preact";
import type { Review } from "../../../shared/model.ts";
import type { ReviewPageProfile } from "../../../shared/profiles/review-pages.ts";
import type { ReviewTally } from "../../../shared/reviews/index.ts";
import type { askBackground } from "../../messaging/protocol.ts";
import { findReviews, panelParentOf, replyBoxOf } from "./extract.ts";
import { fillReplyBox, replyBoxText, replyBoxUsable } from "./fill.ts";
import { PANEL_CSS, PageBar, type PanelState, ReviewPanel, tallyText } from "./ui.tsx";

const HOST_TAG = "kefu-review-panel";
const BAR_TAG = "kefu-review-bar";
/** Waits for a burst of page mutations (a page of reviews rendering) to settle before scanning. */
const SCAN_DELAY_MS = 120;
const NOTICE_MS = 4000;
/** Lints an edit once the agent pauses typing. */
const LINT_DELAY_MS = 250;
const DRAFT_BATCH = 200;
/** The background's per-request cap (MAX_REVIEWS_PER_REQUEST); a tally covers at most this many reviews. */
const TALLY_MAX = 2000;

interface Entry {
  key: string;
  element: Element;
  review: Review;
  host: HTMLElement;
}

interface BarState {
  busy: boolean;
  fillEmpty: boolean;
  status: string;
  tally: ReviewTally | null;
  tallyOpen: boolean;
}

export interface PageOptions {
  profile: ReviewPageProfile;
  topicLabels: Record<string, string>;
  problems: string[];
  ask: typeof askBackground;
  document?: Document;
}

function shadowHost(doc: Document, tag: string): { host: HTMLElement; mount: HTMLElement } {
  const host = doc.createElement(tag);
  const shadow = host.attachShadow({ mode: "open" });
  const style = doc.createElement("style");
  style.textContent = PANEL_CSS;
  const mount = doc.createElement("div");
  shadow.append(style, mount);
  return { host, mount };
}

export class ReviewDraftsPage {
  readonly profile: ReviewPageProfile;
  private readonly options: PageOptions;
  private readonly doc: Document;
  private readonly states = new Map<string, PanelState>();
  private readonly hosts = new WeakMap<Element, { host: HTMLElement; mount: HTMLElement }>();
  private readonly mounts = new WeakMap<HTMLElement, HTMLElement>();
  private entries: Entry[] = [];
  private observer?: MutationObserver;
  private scanTimer?: ReturnType<typeof setTimeout>;
  private bar?: { host: HTMLElement; mount: HTMLElement };
  private barState: BarState = { busy: false, fillEmpty: false, status: "", tally: null, tallyOpen: false };
  private stopped = false;
  private readonly lintTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(options: PageOptions) {
    this.options = options;
    this.profile = options.profile;
    this.doc = options.document ?? document;
  }

  start(): void {
    this.scan();
    this.observer = new MutationObserver(() => this.scheduleScan());
    this.observer.observe(this.doc.body ?? this.doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  }

  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    clearTimeout(this.scanTimer);
    for (const timer of this.lintTimers.values()) clearTimeout(timer);
    for (const entry of this.entries) this.unmount(entry.host);
    if (this.bar) this.unmount(this.bar.host);
    this.entries = [];
  }

  /** The reviews currently on the page (for tests and the tally). */
  reviews(): Review[] {
    return this.entries.map((entry) => entry.review);
  }

  private unmount(host: HTMLElement): void {
    const mount = this.mounts.get(host);
    if (mount) render(null, mount);
    host.remove();
  }

  private scheduleScan(): void {
    if (this.stopped) return;
    clearTimeout(this.scanTimer);
    this.scanTimer = setTimeout(() => this.scan(), SCAN_DELAY_MS);
  }

  /** Idempotent: mounts missing panels, re-renders the rest, drafts reviews seen for the first time. */
  scan(): void {
    if (this.stopped) return;
    const seen = new Set<string>();
    const next: Entry[] = [];
    const fresh: string[] = [];
    for (const { element, review } of findReviews(this.doc, this.profile)) {
      let key = review.id;
      for (let n = 2; seen.has(key); n++) key = `${review.id}~${n}`;
      seen.add(key);
      let ui = this.hosts.get(element);
      const parent = panelParentOf(element, this.profile);
      if (!ui || ui.host.parentElement !== parent) {
        if (ui) this.unmount(ui.host);
        ui = shadowHost(this.doc, HOST_TAG);
        this.mounts.set(ui.host, ui.mount);
        this.hosts.set(element, ui);
        parent.append(ui.host);
      }
      ui.host.dataset.reviewId = key;
      next.push({ key, element, review, host: ui.host });
      if (!this.states.has(key)) {
        this.states.set(key, { draft: "", edited: false, busy: true });
        fresh.push(key);
      }
    }
    this.entries = next;
    for (const entry of next) this.renderPanel(entry);
    this.mountBar();
    if (fresh.length > 0) void this.draft(fresh, { keepEdits: true });
  }

  private entry(key: string): Entry | undefined {
    return this.entries.find((entry) => entry.key === key);
  }

  private update(key: string, change: Partial<PanelState>): void {
    const state = this.states.get(key);
    if (!state) return;
    Object.assign(state, change);
    const entry = this.entry(key);
    if (entry) this.renderPanel(entry);
  }

  private renderPanel(entry: Entry): void {
    const mount = this.mounts.get(entry.host);
    const state = this.states.get(entry.key);
    if (!mount || !state) return;
    const box = replyBoxOf(entry.element, this.profile);
    const maxLength = box && "maxLength" in box && typeof box.maxLength === "number" ? box.maxLength : -1;
    render(
      h(ReviewPanel, {
        reviewId: entry.key,
        rating: entry.review.rating,
        state,
        topicLabels: this.options.topicLabels,
        maxLength,
        hasReplyBox: replyBoxUsable(box),
        onEdit: (text) => {
          this.update(entry.key, { draft: text, edited: true, notice: undefined });
          this.scheduleLint(entry.key);
        },
        onInsert: () => this.insert(entry.key),
        onRegenerate: () => void this.draft([entry.key], { keepEdits: false, avoidCurrent: true }),
      }),
      mount,
    );
  }

  /** Asks the background for analyses and drafts; edited drafts are kept when `keepEdits`. */
  private async draft(keys: string[], options: { keepEdits: boolean; avoidCurrent?: boolean }): Promise<number> {
    let drafted = 0;
    // Batches keep each message small and let the first panels fill while the rest are drafted.
    for (let start = 0; start < keys.length && !this.stopped; start += DRAFT_BATCH) {
      drafted += await this.draftBatch(keys.slice(start, start + DRAFT_BATCH), options);
    }
    return drafted;
  }

  private async draftBatch(keys: string[], options: { keepEdits: boolean; avoidCurrent?: boolean }): Promise<number> {
    const batch = keys.map((key) => this.entry(key)).filter((entry): entry is Entry => entry !== undefined);
    if (batch.length === 0) return 0;
    for (const entry of batch) this.update(entry.key, { busy: true, error: undefined });
    try {
      const { results } = await this.options.ask("reviews.draft", {
        reviews: batch.map((entry) => entry.review),
        avoid: options.avoidCurrent ? batch.map((entry) => this.states.get(entry.key)?.draft ?? null) : undefined,
      });
      if (this.stopped) return 0;
      let drafted = 0;
      batch.forEach((entry, index) => {
        const result = results[index];
        const state = this.states.get(entry.key);
        if (!result || !state) return;
        const keep = options.keepEdits && state.edited && state.draft.trim() !== "";
        if (!keep) drafted++;
        this.update(entry.key, {
          result,
          busy: false,
          draft: keep ? state.draft : result.draft,
          edited: keep,
          lint: keep ? state.lint : { text: result.draft, findings: result.lint },
        });
        if (keep && state.lint?.text !== state.draft) this.scheduleLint(entry.key);
      });
      return drafted;
    } catch (err) {
      const message = `草稿生成失败 ${err instanceof Error ? err.message : String(err)}`;
      for (const entry of batch) this.update(entry.key, { busy: false, error: message });
      return 0;
    }
  }

  private scheduleLint(key: string): void {
    clearTimeout(this.lintTimers.get(key));
    this.lintTimers.set(
      key,
      setTimeout(async () => {
        this.lintTimers.delete(key);
        const text = this.states.get(key)?.draft ?? "";
        if (this.stopped || !text) return;
        try {
          const { findings } = await this.options.ask("reviews.lint", { texts: [text] });
          // A later edit supersedes this answer; it has its own request under way.
          if (!this.stopped && this.states.get(key)?.draft === text) {
            this.update(key, { lint: { text, findings: findings[0] ?? [] } });
          }
        } catch {
          // Lint is advice: without the background the panel just keeps saying "checking".
        }
      }, LINT_DELAY_MS),
    );
  }

  private flash(key: string, notice: string): void {
    this.update(key, { notice });
    setTimeout(() => {
      if (this.states.get(key)?.notice === notice) this.update(key, { notice: undefined });
    }, NOTICE_MS);
  }

  /** Fills THIS review's reply box (looked up inside its own container now, as the page may have re-rendered). */
  private insert(key: string): boolean {
    const entry = this.entry(key);
    const state = this.states.get(key);
    if (!entry || !state) return false;
    const outcome = fillReplyBox(replyBoxOf(entry.element, this.profile), state.draft);
    if (!outcome.ok) {
      this.update(key, { error: outcome.reason });
      return false;
    }
    this.update(key, { error: undefined });
    this.flash(
      key,
      outcome.truncated ? "已填入（超出字数部分已截去），请检查后提交" : "已填入回复框，请检查后自行提交",
    );
    return true;
  }

  private mountBar(): void {
    const first = this.entries[0];
    if (!first) {
      if (this.bar) this.unmount(this.bar.host);
      this.bar = undefined;
      return;
    }
    // Reviews that are table rows (拼多多's list) sit in a <tbody>: a bar put before the tbody lands in the table's
    // first column, so it goes before the whole table instead.
    const parent = first.element.parentElement;
    const list = first.element.tagName === "TR" ? (first.element.closest("table") ?? parent) : parent;
    if (!list) return;
    if (!this.bar || this.bar.host.nextElementSibling !== list) {
      if (this.bar) this.unmount(this.bar.host);
      this.bar = shadowHost(this.doc, BAR_TAG);
      this.mounts.set(this.bar.host, this.bar.mount);
      list.before(this.bar.host);
    }
    this.renderBar();
  }

  private setBar(change: Partial<BarState>): void {
    Object.assign(this.barState, change);
    this.renderBar();
  }

  private renderBar(): void {
    if (!this.bar) return;
    render(
      h(PageBar, {
        ...this.barState,
        count: this.entries.length,
        problems: this.options.problems,
        topicLabels: this.options.topicLabels,
        onToggleFill: (on) => this.setBar({ fillEmpty: on }),
        onDraftAll: () => void this.draftAll(),
        onTally: () => void this.toggleTally(),
        onCopyTally: () => void this.copyTally(),
      }),
      this.bar.mount,
    );
  }

  /** Fresh drafts for every panel the agent has not edited; with fillEmpty also into every empty reply box. */
  async draftAll(): Promise<void> {
    this.setBar({ busy: true, status: "正在生成…" });
    const keys = this.entries.map((entry) => entry.key);
    const drafted = await this.draft(keys, { keepEdits: true });
    let filled = 0;
    if (this.barState.fillEmpty) {
      for (const entry of this.entries) {
        const box = replyBoxOf(entry.element, this.profile);
        if (!replyBoxUsable(box) || replyBoxText(box).trim() !== "") continue;
        if (this.insert(entry.key)) filled++;
      }
    }
    const kept = keys.length - drafted;
    const parts = [`已生成 ${drafted} 条草稿`];
    if (kept > 0) parts.push(`保留 ${kept} 条已修改`);
    if (this.barState.fillEmpty) parts.push(`填入 ${filled} 个空回复框`);
    this.setBar({ busy: false, status: `${parts.join("，")}（均未提交）` });
  }

  private async copyTally(): Promise<void> {
    const tally = this.barState.tally;
    if (!tally) return;
    try {
      await navigator.clipboard.writeText(tallyText(tally, this.options.topicLabels));
      this.setBar({ status: "统计已复制 copied" });
    } catch {
      this.setBar({ status: "复制失败，请手动选择表格复制 copy failed" });
    }
  }

  async toggleTally(): Promise<void> {
    if (this.barState.tallyOpen) {
      this.setBar({ tallyOpen: false });
      return;
    }
    this.setBar({ busy: true, status: "正在统计…" });
    try {
      const reviews = this.reviews();
      const { tally } = await this.options.ask("reviews.draft", { reviews: reviews.slice(0, TALLY_MAX), tally: true });
      const status = reviews.length > TALLY_MAX ? `只统计了前 ${TALLY_MAX} 条 (first ${TALLY_MAX} only)` : "";
      this.setBar({ busy: false, tally: tally ?? null, tallyOpen: true, status });
    } catch (err) {
      this.setBar({ busy: false, status: `统计失败 ${err instanceof Error ? err.message : String(err)}` });
    }
  }
}
