// A review's reply box on every platform's 评价管理 page. The shape is the same everywhere (a box holding the
// textarea, a row with the character counter and the 回复 button, then a status line); class names, test ids and
// wording are each platform's own and come from the caller, because the built-in review profiles read them.
// Behaviour: the counter follows the text, an empty reply shows an error, and 回复 shows the reply as posted and
// locks the box.
import { h } from "./dom.js";

/** Every platform limits a reply to 500 characters (淘宝: 500 汉字). */
export const REPLY_LIMIT = 500;

/**
 * @param {{ id: string }} review
 * @param {{
 *   box: string, row: string, count: string, status: string,
 *   input: Record<string, string>, placeholder: string, button: Record<string, string>,
 *   countText?: (length: number) => string, emptyMessage: string,
 *   posted?: { done: string, button: string, prefix: string, textClass?: string },
 * }} look the platform's classes (box, row, count, status), textarea and button attributes, and wording
 */
export function replyBox(review, look) {
  const countText = look.countText ?? ((length) => `${length}/${REPLY_LIMIT}`);
  const posted = look.posted ?? { done: "回复成功", button: "已回复", prefix: "商家回复：" };
  const textarea = h("textarea", {
    ...look.input,
    maxlength: REPLY_LIMIT,
    placeholder: look.placeholder,
    "aria-label": `回复评价 ${review.id}`,
  });
  const count = h("span", { class: look.count }, countText(0));
  const status = h("div", { class: look.status });
  const button = h("button", { ...look.button, type: "button" }, "回复");
  textarea.addEventListener("input", () => {
    count.textContent = countText(textarea.value.length);
  });
  button.addEventListener("click", () => {
    const text = textarea.value.trim();
    if (!text) {
      status.replaceChildren(h("span", { class: "demo-load-error", style: "padding:0" }, look.emptyMessage));
      return;
    }
    status.replaceChildren(
      h("span", { class: "reply-done" }, posted.done),
      h("div", { class: posted.textClass }, `${posted.prefix}${text}`),
    );
    button.textContent = posted.button;
    button.disabled = true;
    textarea.disabled = true;
  });
  return h("div", { class: look.box }, textarea, h("div", { class: look.row }, count, button), status);
}
