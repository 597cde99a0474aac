import type { FlagColor } from "../model.ts";
import type { RuleId } from "./settings.ts";

export type Severity = "error" | "warning" | "info";

export interface OrderAction {
  /** insert-script: put the team script with `scriptCode` into the chat box; copy-memo: write `text` as the
   * seller memo with `flag`; copy-text: copy `text` (e.g. the address to confirm). */
  kind: "insert-script" | "copy-memo" | "copy-text";
  /** 中文 button label. */
  label: string;
  scriptCode?: string;
  text?: string;
  flag?: FlagColor;
}

export interface OrderWarning {
  orderId: string;
  rule: RuleId;
  severity: Severity;
  /** Clear Chinese sentence naming the evidence. Plain text: render it as text, never as HTML. */
  message: string;
  /** The exact words/values the rule saw. */
  evidence?: string;
  actions: OrderAction[];
}
