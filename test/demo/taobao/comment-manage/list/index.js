// 千牛 评价管理: one block per review (stars, text, 追评, item/SKU) with its own reply box. Submitting only
// marks the review "已提交" locally (there is no server), like the real page after its request succeeds.
import { demoNow, h, showError } from "../../../lib/dom.js";
import { replyBox } from "../../../lib/reply-box.js";
import { followUpBlock, reviewCreatedAt, starRating } from "../../../lib/review-parts.js";

const root = document.getElementById("rate-list");

function reviewBlock(review, now) {
  const reply = replyBox(review, {
    box: "rate-reply",
    input: { class: "next-input-textarea rate-reply-input" },
    placeholder: "回复买家评价（限500字）",
    row: "row",
    count: "count",
    button: { class: "next-btn next-btn-primary rate-reply-submit" },
    status: "reply-status",
    emptyMessage: "回复内容不能为空",
    posted: { done: "已提交", button: "已提交", prefix: "掌柜回复：", textClass: "reply-text" },
  });
  const stars = starRating(
    "span",
    { class: "rate-stars", title: `${review.rating}星`, "data-rating": review.rating },
    review.rating,
    "off",
  );
  return h(
    "div",
    { class: "rate-list_item__5Gh2k rate-item", "data-rate-id": review.id },
    h(
      "div",
      {},
      h(
        "div",
        { class: "rate-head" },
        stars,
        h("span", { class: "rate-user" }, review.buyer),
        h("span", { class: "rate-date" }, reviewCreatedAt(review, now).slice(0, 10)),
      ),
      h("div", { class: "rate-content" }, review.text),
      review.photos ? h("div", { class: "rate-photos" }, `[${review.photos}张图片]`) : null,
      followUpBlock(
        review,
        "rate-append",
        h("span", { class: "label" }, `${review.createdDaysAgo - review.followUpDaysAgo}天后追评`),
        "rate-append-content",
      ),
      h(
        "div",
        { class: "rate-item-info" },
        h("span", { class: "item-title" }, review.item),
        "  ",
        h("span", { class: "item-sku" }, review.sku),
      ),
    ),
    reply,
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
