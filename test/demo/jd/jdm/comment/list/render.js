// 京东 京麦 评价管理 rows (antd table as in the 京麦 sub-apps), kept apart from the page's fetch so unit tests render
// the same DOM. Stars are shown as ★ text, the reply box is an antd textarea with its own 回复 button.
import { h } from "../../../../lib/dom.js";
import { REPLY_LIMIT, replyBox } from "../../../../lib/reply-box.js";
import { followUpBlock, reviewCreatedAt, starRating } from "../../../../lib/review-parts.js";

export { REPLY_LIMIT };

const cell = (...children) => h("td", { class: "ant-table-cell" }, ...children);

/** One review as an antd table row keyed by the comment id, with its own reply textarea. */
export function reviewRow(review, now) {
  const reply = replyBox(review, {
    box: "comment-reply",
    input: { class: "ant-input comment-reply-input" },
    placeholder: "请输入回复内容，回复后买家可见",
    row: "reply-row",
    count: "ant-input-data-count",
    countText: (length) => `${length} / ${REPLY_LIMIT}`,
    button: { class: "ant-btn ant-btn-primary ant-btn-sm comment-reply-btn" },
    status: "reply-status",
    emptyMessage: "回复内容不能为空",
  });
  return h(
    "tr",
    { class: "ant-table-row ant-table-row-level-0", "data-row-key": review.id },
    cell(
      h("div", { class: "goods-name" }, review.item),
      h("div", { class: "sku-attr" }, review.sku),
      h("div", { class: "sku-attr" }, "评价编号：", h("span", { class: "comment-id" }, review.id)),
    ),
    cell(
      h("div", {}, starRating("span", { class: "comment-score", title: `${review.rating}分` }, review.rating)),
      h("div", { class: "sku-attr" }, "用户：", h("span", { class: "comment-user" }, review.buyer)),
      h("div", { class: "comment-time sku-attr" }, reviewCreatedAt(review, now)),
    ),
    cell(
      h("div", { class: "comment-content" }, review.text),
      followUpBlock(review, "comment-after", h("span", { class: "ant-tag" }, "追评"), "after-content"),
    ),
    cell(reply),
  );
}

/** The antd table (head + body) for a list of reviews. */
export function reviewTable(reviews, now) {
  const heads = ["商品", "评分/用户", "评价内容", "商家回复"];
  return h(
    "div",
    { class: "ant-table" },
    h(
      "table",
      {},
      h(
        "thead",
        { class: "ant-table-thead" },
        h(
          "tr",
          {},
          heads.map((label) => h("th", {}, label)),
        ),
      ),
      h(
        "tbody",
        { class: "ant-table-tbody" },
        reviews.map((review) => reviewRow(review, now)),
      ),
    ),
  );
}
