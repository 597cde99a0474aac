// 千牛 已卖出的宝贝: rows are rendered after load (like the real SPA) in Fusion `next-table` markup, with
// hashed-looking module classes alongside. `?count=N` swaps in N deterministic synthetic orders (benchmark);
// `?delay=MS` changes the 150 ms skeleton time (0: rows rendered before DOMContentLoaded).
import { demoNow, h, loadPlatformOrders, param, showError, withNow, yuan } from "../../../../lib/dom.js";
import { deadlineText, formatDateTime, paginate, skuText, syntheticOrders } from "../../../../lib/orders-core.js";

const FLAG_TITLE = { red: "红旗", yellow: "黄旗", green: "绿旗", blue: "蓝旗", purple: "紫旗", none: "灰旗" };
const root = document.getElementById("sold-root");
const pager = document.getElementById("sold-pager");

function flagIcon(flag) {
  const colour = flag ?? "none";
  return h("i", {
    class: `memo-flag flag-${colour} next-icon sold-list_flag__Qa81c`,
    title: FLAG_TITLE[colour] ?? "灰旗",
  });
}

function orderBody(order, now) {
  const detailHref = withNow(`/taobao/trade-platform/tp/detail/?bizOrderId=${order.id}`);
  const header = h(
    "tr",
    { class: "next-table-group-header" },
    h(
      "td",
      { colspan: 7 },
      h("input", { type: "checkbox", class: "next-checkbox-input", "aria-label": "选择订单" }),
      " ",
      h(
        "span",
        { class: "order-no sold-list_orderNo__1xYz7" },
        "订单号：",
        h("span", { class: "sold-list_orderId__8Hk2a" }, order.id),
      ),
      h("span", { class: "create-time sold-list_time__9PqW2" }, "创建时间：", formatDateTime(order.createdAt)),
      "  ",
      h("a", { class: "buyer-nick sold-list_nick__Tt4e1", href: "#none", title: "联系买家" }, order.buyer),
      "  ",
      flagIcon(order.flag),
    ),
  );
  const rows = order.items.map((item, index) => {
    const cells = [
      h(
        "td",
        { class: "next-table-cell item-cell" },
        h("div", { class: "item-pic" }, "图"),
        h("a", { class: "item-title sold-list_title__Lm3d0", href: "#none" }, item.title),
        h("div", { class: "item-sku sold-list_sku__Vb7n1" }, skuText(item.skuProps)),
      ),
      h(
        "td",
        { class: "next-table-cell price-cell" },
        item.originalPrice ? h("span", { class: "price-origin" }, `¥${yuan(item.originalPrice)}`) : null,
        h("span", { class: "price-now" }, `¥${yuan(item.price)}`),
      ),
      h("td", { class: "next-table-cell quantity-cell" }, String(item.quantity)),
      h(
        "td",
        { class: "next-table-cell aftersale-cell" },
        order.refund && order.refund !== "none"
          ? h("a", { href: "#none", class: "refund-link" }, order.refund === "requested" ? "买家申请退款" : "退款中")
          : "",
      ),
    ];
    if (index === 0) {
      const span = order.items.length;
      const deadline = order.status === "paid" ? deadlineText(order.shipDeadline, now) : "";
      cells.push(
        h(
          "td",
          { class: "next-table-cell pay-cell", rowspan: span },
          h("div", { class: "pay-amount" }, `¥${yuan(order.total)}`),
          h("div", { class: "item-sku" }, `(含快递:¥${yuan(order.shippingFee ?? 0)})`),
        ),
        h(
          "td",
          { class: "next-table-cell status-cell", rowspan: span },
          h(
            "div",
            { class: `status-text${order.status === "completed" || order.status === "closed" ? " done" : ""}` },
            order.statusText,
          ),
          deadline
            ? h(
                "span",
                { class: `countdown${Date.parse(order.shipDeadline) - now > 6 * 3_600_000 ? " ok" : ""}` },
                `发货${deadline}`,
              )
            : null,
          h("a", { href: detailHref, class: "detail-link" }, "详情"),
        ),
        h(
          "td",
          { class: "next-table-cell op-cell", rowspan: span },
          order.status === "paid" ? h("button", { class: "next-btn next-btn-primary", type: "button" }, "发货") : null,
          order.status === "unpaid" ? h("button", { class: "next-btn", type: "button" }, "修改价格") : null,
        ),
      );
    }
    return h("tr", { class: "next-table-row sold-list_row__2wQe8" }, cells);
  });
  const receiver = order.receiver;
  const extra = h(
    "tr",
    { class: "next-table-row order-extra" },
    h(
      "td",
      { class: "next-table-cell", colspan: 7 },
      h(
        "div",
        { class: "receiver-info sold-list_receiver__K2s9d" },
        h("span", { class: "label" }, "收货信息："),
        h("span", { class: "receiver-name" }, receiver.name),
        "，",
        h("span", { class: "receiver-phone" }, receiver.phone),
        "，",
        h("span", { class: "receiver-address" }, receiver.address),
        order.addressChanged ? h("span", { class: "addr-badge", title: "买家已修改收货地址" }, "修改地址") : null,
      ),
      h(
        "div",
        { class: "buyer-message" },
        h("span", { class: "label" }, "买家留言："),
        h("span", { class: "buyer-msg" }, order.buyerMessage || "-"),
      ),
      h(
        "div",
        { class: "seller-memo" },
        h("span", { class: "label" }, "备注："),
        flagIcon(order.flag),
        h("span", { class: "memo-text" }, order.sellerMemo || "-"),
      ),
    ),
  );
  return h("tbody", { class: "next-table-body sold-list_order__7Hn3c" }, header, rows, extra);
}

function render(orders, page, pageSize, now) {
  const slice = paginate(orders, page, pageSize);
  const table = h(
    "table",
    {},
    h(
      "colgroup",
      {},
      ["38%", "9%", "6%", "8%", "12%", "15%", "12%"].map((w) => h("col", { style: `width:${w}` })),
    ),
    h(
      "thead",
      { class: "next-table-header" },
      h(
        "tr",
        {},
        ["宝贝", "单价", "数量", "售后", "实收款", "交易状态", "操作"].map((t) =>
          h("th", { class: "next-table-header-node" }, t),
        ),
      ),
    ),
    slice.items.map((order) => orderBody(order, now)),
  );
  root.replaceChildren(table);
  root.setAttribute("aria-busy", "false");
  const buttons = [];
  buttons.push(h("span", { class: "next-pagination-total" }, `共 ${slice.total} 条`));
  buttons.push(
    h(
      "button",
      {
        class: "next-btn next-pagination-item next-prev",
        type: "button",
        disabled: slice.page === 1,
        onclick: () => render(orders, slice.page - 1, pageSize, now),
      },
      "上一页",
    ),
  );
  for (let p = 1; p <= slice.pages; p++) {
    buttons.push(
      h(
        "button",
        {
          class: `next-btn next-pagination-item${p === slice.page ? " next-current" : ""}`,
          type: "button",
          "aria-current": p === slice.page ? "page" : null,
          onclick: () => render(orders, p, pageSize, now),
        },
        String(p),
      ),
    );
  }
  buttons.push(
    h(
      "button",
      {
        class: "next-btn next-pagination-item next-next",
        type: "button",
        disabled: slice.page === slice.pages,
        onclick: () => render(orders, slice.page + 1, pageSize, now),
      },
      "下一页",
    ),
  );
  pager.replaceChildren(h("div", { class: "next-pagination" }, buttons));
}

async function main() {
  const now = demoNow();
  const count = Number(param("count"));
  const orders =
    Number.isInteger(count) && count > 0
      ? syntheticOrders(Math.min(count, 5000), now).orders
      : await loadPlatformOrders("taobao");
  const pageSize = Number(param("pageSize")) || (count > 0 ? orders.length : 15);
  // The real list shows a skeleton first and fills in after its XHR returns. `?delay=0` renders at once, so the
  // rows are on the page when content scripts start (the benchmark's "content script start → all badges").
  const delay = param("delay") === null ? 150 : Number(param("delay"));
  if (delay === 0) render(orders, 1, pageSize, now);
  else setTimeout(() => render(orders, 1, pageSize, now), delay);
}

main().catch((error) => showError(root, error));
