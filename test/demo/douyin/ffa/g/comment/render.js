// 抖店 评价管理 cards, kept apart from the page's fetch so unit tests render the same DOM. Like the 抖店 order
// page, classes are CSS-module names with a build hash (index_commentCard__7Hq2d); the reply box is an auxo
// textarea with its own 回复 button.
import { h } from "../../../../lib/dom.js";
import { REPLY_LIMIT, replyBox } from "../../../../lib/reply-box.js";
import { followUpBlock, reviewCreatedAt } from "../../../../lib/review-parts.js";

export { REPLY_LIMIT };

/** One review card with its own reply textarea. */
export function reviewCard(review, now) {
  const reply = replyBox(review, {
    box: "index_reply__1Pq7z",
    input: { class: "auxo-input auxo-input-textarea" },
    placeholder: "回复内容将展示在商品评价区",
    row: "index_replyRow__4Tb8n",
    count: "index_count__3mP0x muted",
    button: { class: "auxo-btn auxo-btn-primary" },
    status: "index_replyStatus__8Wq1s",
    emptyMessage: "请输入回复内容",
  });
  return h(
    "div",
    { class: "index_commentCard__7Hq2d" },
    h(
      "div",
      { class: "index_cardHead__5Xc1v" },
      h("span", { class: "index_userName__2Lm8k" }, review.buyer),
      h("span", { class: "index_score__9Rt4e" }, `${review.rating}.0分`),
      h("span", { class: "index_commentTime__1Fz6n" }, reviewCreatedAt(review, now)),
      h("span", { class: "muted" }, "评价ID ", h("span", { class: "index_commentId__4Gd7s" }, review.id)),
    ),
    h(
      "div",
      { class: "index_cardBody__6Yb3m" },
      h(
        "div",
        {},
        h("div", { class: "index_commentText__0Qa5r" }, review.text),
        followUpBlock(review, "index_append__3Jw9p", "追评：", "index_appendText__7Ns2c"),
        h(
          "div",
          { class: "index_product__Lp0aQ" },
          h("span", { class: "index_productName__5Ke8t" }, review.item),
          " ",
          h("span", { class: "index_skuInfo__2Vr6h muted" }, review.sku),
        ),
      ),
      reply,
    ),
  );
}

/** Every card for a list of reviews. */
export function reviewCards(reviews, now) {
  return reviews.map((review) => reviewCard(review, now));
}
