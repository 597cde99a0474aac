// 千牛 评价管理: one block per review (stars, text, 追评, item/SKU) with its own reply box. Submitting only
// marks the review "已提交" locally (there is no server), like the real page after its request succeeds.
import { demoNow, h, showError } from "../../../lib/dom.js";
import { formatDateTime } from "../../../lib/orders-core.js";

const REPLY_LIMIT = 500; // 淘宝 limits an explanation to 500 汉字
const root = document.getElementById("rate-list");
const DAY = 86_400_000;

function stars(rating) {
  return h(
    "span",
    { class: "rate-stars", title: `${rating}星`, "data-rating": rating },
    "★".repeat(rating),
    h("span", { class: "off" }, "★".repeat(5 - rating)),
  );
}

function reviewBlock(review, now) {
  const textarea = h("textarea", {
    class: "next-input-textarea rate-reply-input",
    maxlength: REPLY_LIMIT,
    placeholder: "回复买家评价（限500字）",
    "aria-label": `回复评价 ${review.id}`,
  });
  const count = h("span", { class: "count" }, `0/${REPLY_LIMIT}`);
  const status = h("div", { class: "reply-status" });
  const button = h("button", { class: "next-btn next-btn-primary rate-reply-submit", type: "button" }, "回复");
  textarea.addEventListener("input", () => {
    count.textContent = `${textarea.value.length}/${REPLY_LIMIT}`;
  });
  button.addEventListener("click", () => {
    const text = textarea.value.trim();
    if (!text) {
      status.replaceChildren(h("span", { class: "demo-load-error", style: "padding:0" }, "回复内容不能为空"));
      return;
    }
    status.replaceChildren(
      h("span", { class: "reply-done" }, "已提交"),
      h("div", { class: "reply-text" }, `掌柜回复：${text}`),
    );
    button.textContent = "已提交";
    button.disabled = true;
    textarea.disabled = true;
  });
  return h(
    "div",
    { class: "rate-list_item__5Gh2k rate-item", "data-rate-id": review.id },
    h(
      "div",
      {},
      h(
        "div",
        { class: "rate-head" },
        stars(review.rating),
        h("span", { class: "rate-user" }, review.buyer),
        h(
          "span",
          { class: "rate-date" },
          formatDateTime(new Date(now - review.createdDaysAgo * DAY).toISOString()).slice(0, 10),
        ),
      ),
      h("div", { class: "rate-content" }, review.text),
      review.photos ? h("div", { class: "rate-photos" }, `[${review.photos}张图片]`) : null,
      review.followUp
        ? h(
            "div",
            { class: "rate-append" },
            h("span", { class: "label" }, `${review.createdDaysAgo - review.followUpDaysAgo}天后追评`),
            h("span", { class: "rate-append-content" }, review.followUp),
          )
        : null,
      h(
        "div",
        { class: "rate-item-info" },
        h("span", { class: "item-title" }, review.item),
        "  ",
        h("span", { class: "item-sku" }, review.sku),
      ),
    ),
    h("div", { class: "rate-reply" }, textarea, h("div", { class: "row" }, count, button), status),
  );
}

async function main() {
  const response = await fetch("/data/reviews.json", { cache: "no-store" });
  if (!response.ok) throw new Error(`评价数据加载失败 HTTP ${response.status}`);
  const { reviews } = await response.json();
  const now = demoNow();
  root.replaceChildren(...reviews.map((r) => reviewBlock(r, now)));
  root.setAttribute("aria-busy", "false");
}

main().catch((error) => showError(root, error));
