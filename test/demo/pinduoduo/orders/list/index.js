// 拼多多 订单查询: beast-core table whose only stable hooks are data-testid="beast-core-*"; the class
// names carry a build suffix (_5-113-0) that changes between releases. Phones are masked as on the real page.
import { h, loadPlatformOrders, showError, withNow, yuan } from "../../../lib/dom.js";
import { formatDateTime, paginate, skuText } from "../../../lib/orders-core.js";

const PAGE_SIZE = 8;
const table = document.getElementById("pdd-table");
const pager = document.getElementById("pdd-pager");
const td = (...children) => h("td", { class: "TB_td_5-113-0", "data-testid": "beast-core-table-td" }, ...children);

function orderRow(order) {
  const r = order.receiver;
  const item = order.items[0];
  return h(
    "tr",
    { class: "TB_tr_5-113-0", "data-testid": "beast-core-table-row" },
    td(
      h(
        "div",
        { class: "goods-info" },
        h("div", { class: "goods-thumb" }),
        h(
          "div",
          {},
          h("div", { class: "goods-name" }, item?.title ?? ""),
          h("div", { class: "goods-spec" }, skuText(item?.skuProps, "，")),
          h("div", { class: "muted" }, `¥${yuan(item?.price ?? 0)} × ${item?.quantity ?? 0}`),
        ),
      ),
    ),
    td(
      h("div", {}, "订单编号：", h("span", { class: "order-sn" }, order.sn ?? order.id)),
      h("div", { class: "muted" }, `成交时间：${formatDateTime(order.createdAt)}`),
      h("div", { class: "muted" }, `买家：${order.buyer}`),
    ),
    td(
      h("div", { class: "receiver-name" }, r.name || h("span", { class: "muted" }, "（空）")),
      h(
        "div",
        {},
        h("span", { class: "receiver-mobile" }, r.phone),
        " ",
        h("button", { class: "BTN_textPrimary_5-113-0", "data-testid": "beast-core-button", type: "button" }, "查看"),
      ),
    ),
    td(
      h("div", { class: "receiver-address" }, r.address || "-"),
      order.buyerMessage
        ? h("div", { class: "msg-line" }, "买家留言：", h("span", { class: "buyer-message" }, order.buyerMessage))
        : null,
    ),
    td(
      h("div", {}, `¥${yuan(order.total)}`),
      h("div", { class: "muted" }, order.shippingFee ? `含运费¥${yuan(order.shippingFee)}` : "包邮"),
    ),
    td(
      h("div", { class: "status-tag" }, order.statusText),
      order.refund !== "none" ? h("div", { class: "muted" }, "售后处理中") : null,
    ),
    td(
      h(
        "a",
        { href: withNow(`/pinduoduo/orders/detail/?sn=${order.id}`), "data-testid": "beast-core-link" },
        "查看详情",
      ),
      h("br"),
      order.status === "paid"
        ? h("button", { class: "BTN_textPrimary_5-113-0", "data-testid": "beast-core-button", type: "button" }, "发货")
        : null,
    ),
  );
}

function render(orders, page) {
  const slice = paginate(orders, page, PAGE_SIZE);
  const heads = ["商品", "订单信息", "收货人", "收货地址", "实收金额", "订单状态", "操作"];
  table.replaceChildren(
    h(
      "table",
      {},
      h(
        "colgroup",
        {},
        ["24%", "18%", "11%", "21%", "9%", "9%", "8%"].map((w) => h("col", { style: `width:${w}` })),
      ),
      h(
        "thead",
        { "data-testid": "beast-core-table-header" },
        h(
          "tr",
          {},
          heads.map((t) => h("th", { class: "TB_th_5-113-0", "data-testid": "beast-core-table-th" }, t)),
        ),
      ),
      h("tbody", { "data-testid": "beast-core-table-body" }, slice.items.map(orderRow)),
    ),
  );
  const items = [h("li", { class: "muted" }, `共 ${slice.total} 条`)];
  items.push(
    h(
      "li",
      {},
      h(
        "button",
        {
          class: "PGT_pagerItem_5-113-0",
          "data-testid": "beast-core-pagination-prev",
          type: "button",
          disabled: slice.page === 1,
          onclick: () => render(orders, slice.page - 1),
        },
        "‹",
      ),
    ),
  );
  for (let p = 1; p <= slice.pages; p++) {
    const active = p === slice.page;
    items.push(
      h(
        "li",
        {},
        h(
          "button",
          {
            class: `PGT_pagerItem_5-113-0${active ? " PGT_pagerItemActive_5-113-0" : ""}`,
            "data-testid": "beast-core-pagination-item",
            "aria-current": active ? "page" : null,
            type: "button",
            onclick: () => render(orders, p),
          },
          String(p),
        ),
      ),
    );
  }
  items.push(
    h(
      "li",
      {},
      h(
        "button",
        {
          class: "PGT_pagerItem_5-113-0",
          "data-testid": "beast-core-pagination-next",
          type: "button",
          disabled: slice.page === slice.pages,
          onclick: () => render(orders, slice.page + 1),
        },
        "›",
      ),
    ),
  );
  pager.replaceChildren(...items);
}

loadPlatformOrders("pinduoduo")
  .then((orders) => setTimeout(() => render(orders, 1), 200))
  .catch((error) => showError(table, error));
