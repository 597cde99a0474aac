/** Message types of the phrase picker's background side (merged into BackgroundRequests in messaging/protocol.ts). */
import type { LintFinding } from "../../shared/lint/lint.ts";
import type { PhraseUsage, SearchIndexData } from "../../shared/search/types.ts";

export interface PickerUsageRow {
  id: string;
  code: string;
  title: string;
  count: number;
}

export interface PickerRequests {
  /**
   * The search index for the picker. `have` is the stamp the page already holds: when it is still current, `data`
   * is left out (the index is ~4 MB of JSON at 10,000 phrases, sent once per page and after a sync).
   */
  "picker.data": {
    request: { have?: string };
    response: {
      stamp: string;
      data?: SearchIndexData;
      /** This browser's own use of phrases (count, last use), so recent/frequent phrases win ties. */
      usage: Record<string, PhraseUsage>;
      shopName: string;
      agentName: string;
    };
  };
  /** Service-language lint of a text with the team's word lists (the lint runs here to keep the page script small). */
  "picker.lint": { request: { text: string }; response: { findings: LintFinding[]; enabled: boolean } };
  /** The picker inserted a phrase: remembers it for ranking (the team count goes through usage.record). */
  "picker.used": { request: { id: string }; response: { ok: true } };
  "picker.hotkey.get": { request: Record<string, never>; response: { hotkey: string } };
  /** Sets the picker hotkey (stored in storage.local, which content scripts read and watch directly) ("Alt+K", "Ctrl+Shift+Space"…); refused with the reason when it is not a valid combo. */
  "picker.hotkey.set": { request: { hotkey: string }; response: { hotkey: string } };
  /** Team-wide usage (GET /v1/usage) joined with the library: every live phrase with its count, most used first. */
  "usage.team": { request: Record<string, never>; response: { rows: PickerUsageRow[]; fetchedAt: number } };
}
