// What a review reply box does on every platform's 评价管理 page once its elements are built (each page builds
// its own DOM in its own style): a character counter, an error for an empty reply, and on 回复 the reply shown
// as posted with the box locked.
import { h } from "./dom.js";

/**
 * @param {{ textarea: HTMLTextAreaElement, count: HTMLElement, status: HTMLElement, button: HTMLButtonElement,
 *   countText: (length: number) => string, emptyMessage: string }} box
 */
export function wireReplyBox({ textarea, count, status, button, countText, emptyMessage }) {
  textarea.addEventListener("input", () => {
    count.textContent = countText(textarea.value.length);
  });
  button.addEventListener("click", () => {
    const text = textarea.value.trim();
    if (!text) {
      status.replaceChildren(h("span", { class: "demo-load-error", style: "padding:0" }, emptyMessage));
      return;
    }
    status.replaceChildren(h("span", { class: "reply-done" }, "回复成功"), h("div", {}, `商家回复：${text}`));
    button.textContent = "已回复";
    button.disabled = true;
    textarea.disabled = true;
  });
}
