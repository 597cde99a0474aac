// 拼多多 商品评价 rows, kept apart from the page's fetch so unit tests can render the same DOM. As on the real
// mms page the only stable hooks are data-testid="beast-core-*"; classes carry a build suffix (_5-113-0).
import { h } from "../../../lib/dom.js";
import { REPLY_LIMIT, replyBox } from "../../../lib/reply-box.js";
import { followUpBlock, reviewCreatedAt, starRating } from "../../../lib/review-parts.js";

export { REPLY_LIMIT };

const td = (...children) => h("td", { class: "TB_td_5-113-0", "data-testid": "beast-core-table-td" }, ...children);

/** One review as a beast-core table row with its own reply textarea and (never auto-clicked) 回复 button. */
export function reviewRow(review, now) {
  const reply = replyBox(review, {
    box: "reply-box",
    input: { class: "IPT_textArea_5-113-0", "data-testid": "beast-core-textArea" },
    placeholder: "回复买家，回复内容将公开展示（限500字）",
    row: "reply-row",
    count: "word-count muted",
    button: { class: "BTN_outerWrapper_5-113-0 BTN_primary_5-113-0", "data-testid": "beast-core-button" },
    status: "reply-status",
    emptyMessage: "请输入回复内容",
  });
  const stars = starRating(
    "div",
    { class: "rate-star_wrap__3kQ1x", "data-score": review.rating, title: `${review.rating}星` },
    review.rating,
    "muted",
  );
  return h(
    "tr",
    { class: "TB_tr_5-113-0", "data-testid": "beast-core-table-row" },
    td(
      h("div", { class: "goods-name" }, review.item),
      h("div", { class: "goods-spec muted" }, review.sku),
      h("div", { class: "muted" }, "评价ID：", h("span", { class: "review-id" }, review.id)),
    ),
    td(
      h("div", { class: "evaluation-head" }, stars, h("span", { class: "buyer-name" }, review.buyer)),
      h("div", { class: "comment-content" }, review.text),
      followUpBlock(review, "append-wrap", h("span", { class: "label" }, "追加评价："), "append-content"),
      h("div", { class: "comment-time muted" }, reviewCreatedAt(review, now)),
    ),
    td(reply),
  );
}

/** The whole table (head + body) for a list of reviews. */
export function reviewTable(reviews, now) {
  const heads = ["商品信息", "评价内容", "商家回复"];
  return h(
    "table",
    {},
    h(
      "thead",
      { "data-testid": "beast-core-table-head" },
      h(
        "tr",
        {},
        heads.map((label) => h("th", { class: "TB_th_5-113-0" }, label)),
      ),
    ),
    h(
      "tbody",
      { class: "TB_tbody_5-113-0", "data-testid": "beast-core-table-body" },
      reviews.map((review) => reviewRow(review, now)),
    ),
  );
}
