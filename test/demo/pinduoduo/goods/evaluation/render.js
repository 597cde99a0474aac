// 拼多多 商品评价 rows, kept apart from the page's fetch so unit tests can render the same DOM. As on the real
// mms page the only stable hooks are data-testid="beast-core-*"; classes carry a build suffix (_5-113-0).
import { h } from "../../../lib/dom.js";
import { formatDateTime } from "../../../lib/orders-core.js";
import { wireReplyBox } from "../../../lib/reply-box.js";

export const REPLY_LIMIT = 500;
const DAY = 86_400_000;
const td = (...children) => h("td", { class: "TB_td_5-113-0", "data-testid": "beast-core-table-td" }, ...children);

function starsOf(rating) {
  return h(
    "div",
    { class: "rate-star_wrap__3kQ1x", "data-score": rating, title: `${rating}星` },
    "★".repeat(rating),
    h("span", { class: "muted" }, "★".repeat(5 - rating)),
  );
}

/** One review as a beast-core table row with its own reply textarea and (never auto-clicked) 回复 button. */
export function reviewRow(review, now) {
  const textarea = h("textarea", {
    class: "IPT_textArea_5-113-0",
    "data-testid": "beast-core-textArea",
    maxlength: REPLY_LIMIT,
    placeholder: "回复买家，回复内容将公开展示（限500字）",
    "aria-label": `回复评价 ${review.id}`,
  });
  const count = h("span", { class: "word-count muted" }, `0/${REPLY_LIMIT}`);
  const status = h("div", { class: "reply-status" });
  const button = h(
    "button",
    { class: "BTN_outerWrapper_5-113-0 BTN_primary_5-113-0", "data-testid": "beast-core-button", type: "button" },
    "回复",
  );
  wireReplyBox({
    textarea,
    count,
    status,
    button,
    countText: (length) => `${length}/${REPLY_LIMIT}`,
    emptyMessage: "请输入回复内容",
  });
  const created = formatDateTime(new Date(now - review.createdDaysAgo * DAY).toISOString());
  return h(
    "tr",
    { class: "TB_tr_5-113-0", "data-testid": "beast-core-table-row" },
    td(
      h("div", { class: "goods-name" }, review.item),
      h("div", { class: "goods-spec muted" }, review.sku),
      h("div", { class: "muted" }, "评价ID：", h("span", { class: "review-id" }, review.id)),
    ),
    td(
      h("div", { class: "evaluation-head" }, starsOf(review.rating), h("span", { class: "buyer-name" }, review.buyer)),
      h("div", { class: "comment-content" }, review.text),
      review.followUp
        ? h(
            "div",
            { class: "append-wrap" },
            h("span", { class: "label" }, "追加评价："),
            h("span", { class: "append-content" }, review.followUp),
          )
        : null,
      h("div", { class: "comment-time muted" }, created),
    ),
    td(h("div", { class: "reply-box" }, textarea, h("div", { class: "reply-row" }, count, button), status)),
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
