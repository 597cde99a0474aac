/**
 * "The order in view" on chat pages, for script variables. The order-page site profiles (shared/profiles) cover
 * order lists, not chat side panels, so chat pages get a small selector map here: plain data, one entry per chat
 * layout, matched by URL. Each field is a CSS selector (text of the first match, or of all matches joined for list
 * fields) with an optional attribute and a regular expression whose first group is the value; a single-value field
 * takes the first match that yields one (so a pattern can pick the row labelled 实付 among the card's rows).
 */
import type { VariableValues } from "../../../shared/templates/variables.ts";

export interface ChatField {
  selector: string;
  /** Read this attribute instead of the text. */
  attr?: string;
  /** First capture group is the value (applied to each match). */
  pattern?: string;
  /** Read every match and join with "、" (items of a multi-item order). */
  all?: boolean;
}

export interface ChatOrderProfile {
  id: string;
  /** Regular expression on location.href. */
  url: string;
  /** Variables (canonical names of shared/templates) → where the chat page shows them. */
  fields: Partial<Record<keyof VariableValues, ChatField>>;
}

export const CHAT_ORDER_PROFILES: readonly ChatOrderProfile[] = [
  {
    // The demo 接待中心 (test/demo/chat) and 千牛 web's 接待中心, whose order card it copies.
    id: "qianniu-chat",
    url: "^https?://(?:127\\.0\\.0\\.1|localhost)(?::\\d+)?/chat/|^https://[^/]*(?:taobao|tmall)\\.com/.*(?:chat|im)",
    fields: {
      买家: { selector: ".contact-item.active .contact-name, #chat-title", pattern: "^([^（(]+)" },
      订单号: { selector: "#order-card[data-order-id]", attr: "data-order-id" },
      商品: { selector: "#order-card .oc-title", all: true },
      规格: { selector: "#order-card .oc-sku", all: true },
      收货人: { selector: "#order-card .oc-receiver", pattern: "^(\\S+)" },
      手机: { selector: "#order-card .oc-receiver", pattern: "\\s(\\S+)$" },
      收货地址: { selector: "#order-card .oc-address" },
      付款金额: { selector: "#order-card .oc-row", pattern: "^实付\\s*[¥￥]?\\s*([\\d.]+)" },
    },
  },
];

function readField(doc: Document, field: ChatField): string | undefined {
  const pattern = field.pattern ? new RegExp(field.pattern) : undefined;
  const values: string[] = [];
  for (const node of doc.querySelectorAll(field.selector)) {
    let text = (field.attr ? node.getAttribute(field.attr) : node.textContent) ?? "";
    text = text.replace(/\s+/g, " ").trim();
    if (pattern) text = pattern.exec(text)?.[1]?.trim() ?? "";
    if (!text) continue;
    values.push(text);
    if (!field.all) break; // the first match that yields a value (e.g. the row labelled 实付)
  }
  return values.length > 0 ? values.join("、") : undefined;
}

/** The variables of the order the chat page shows now (empty when no profile matches or nothing is shown). */
export function readChatVariables(
  doc: Document,
  href: string,
  profiles: readonly ChatOrderProfile[] = CHAT_ORDER_PROFILES,
): VariableValues {
  const out: VariableValues = {};
  const profile = profiles.find((p) => {
    try {
      return new RegExp(p.url).test(href);
    } catch {
      return false;
    }
  });
  if (!profile) return out;
  for (const [name, field] of Object.entries(profile.fields)) {
    const value = field && readField(doc, field);
    if (value) out[name as keyof VariableValues] = value;
  }
  return out;
}
