// 抖店 订单管理: order cards rendered from the page's own API (`/api/douyin/orders?page=N`, as the real
// page reads its signed XHR). Receiver name and phone arrive masked (生***, 1********35).
import { h, showError, withNow, yuan } from "../../../../../lib/dom.js";
import { formatDateTime, skuText } from "../../../../../lib/orders-core.js";

const list = document.getElementById("dy-order-list");
const pager = document.getElementById("dy-pager");

function card(order) {
  const r = order.receiver;
  return h(
    "div",
    { class: "index_orderCard__3fA2b" },
    h(
      "div",
      { class: "index_cardHead__1qW9e" },
      h("span", {}, "订单编号 ", h("span", { class: "index_orderId__Xk27s" }, order.id)),
      h("span", {}, `下单时间 ${formatDateTime(order.createdAt)}`),
      h("span", { class: "index_buyer__4Rt0v" }, `买家 ${order.buyer}`),
      order.shipDeadline && order.status === "paid"
        ? h("span", { class: "index_deadline__N1w8c" }, `承诺发货 ${formatDateTime(order.shipDeadline)}`)
        : null,
    ),
    h(
      "div",
      { class: "index_cardBody__9vB3d" },
      h(
        "div",
        {},
        order.items.map((it) =>
          h(
            "div",
            { class: "index_product__Lp0aQ" },
            h("div", { class: "index_thumb__2sd9E" }),
            h(
              "div",
              {},
              h("div", { class: "index_title__Hs5m2" }, it.title),
              h("div", { class: "index_sku__7yHq1" }, skuText(it.skuProps, " / ")),
              h("div", { class: "muted" }, `¥${yuan(it.price)} x${it.quantity}`),
            ),
          ),
        ),
      ),
      h(
        "div",
        {},
        h("div", {}, `¥${yuan(order.total)}`),
        h("div", { class: "muted" }, order.presale ? "预售·定金已付" : "实付"),
      ),
      h(
        "div",
        { class: "index_receiver__5cVb2" },
        h(
          "div",
          {},
          h("span", { class: "index_receiverName__Gg1a4" }, r.name),
          " ",
          h("span", { class: "index_receiverPhone__Qe6s1" }, r.phone),
          " ",
          h("button", { class: "auxo-btn-link", type: "button" }, "查看"),
        ),
        h("div", { class: "index_receiverAddress__Wc2m9" }, r.address),
        order.addressChanged ? h("div", { class: "muted" }, "买家已修改地址") : null,
      ),
      h(
        "div",
        {},
        h("div", { class: "index_status__0Rr5t" }, order.statusText),
        order.refund !== "none" ? h("div", { class: "muted" }, "售后中") : null,
      ),
      h(
        "div",
        {},
        order.status === "paid" ? h("button", { class: "auxo-btn auxo-btn-primary", type: "button" }, "发货") : null,
        " ",
        h("button", { class: "auxo-btn-link", type: "button" }, "备注"),
      ),
    ),
    order.buyerMessage || order.sellerMemo
      ? h(
          "div",
          { class: "index_remark__6Tz8m" },
          order.buyerMessage
            ? h("div", {}, "买家留言：", h("span", { class: "index_buyerWords__7Kd1p" }, order.buyerMessage))
            : null,
          order.sellerMemo
            ? h("div", {}, "商家备注：", h("span", { class: "index_sellerWords__2Pz6x" }, order.sellerMemo))
            : null,
        )
      : null,
  );
}

async function load(page) {
  list.setAttribute("aria-busy", "true");
  const response = await fetch(withNow(`/api/douyin/orders?page=${page}`));
  if (!response.ok) throw new Error(`订单接口 HTTP ${response.status}`);
  const body = await response.json();
  if (body.code !== 0) throw new Error(body.msg || `错误码 ${body.code}`);
  const { list: orders, total, size } = body.data;
  list.replaceChildren(...orders.map(card));
  list.setAttribute("aria-busy", "false");
  const pages = Math.max(1, Math.ceil(total / size));
  pager.replaceChildren(
    h("li", { class: "muted" }, `共 ${total} 条`),
    ...Array.from({ length: pages }, (_, i) => i + 1).map((p) =>
      h(
        "li",
        {},
        h(
          "button",
          {
            type: "button",
            class: `auxo-pagination-item${p === body.data.page ? " auxo-pagination-item-active" : ""}`,
            onclick: () => load(p).catch((e) => showError(list, e)),
          },
          String(p),
        ),
      ),
    ),
  );
}

load(1).catch((error) => showError(list, error));
