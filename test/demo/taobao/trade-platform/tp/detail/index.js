// 千牛 订单详情 (`tp/detail?bizOrderId=`): one order, definition-list layout like the real page.
import { demoNow, h, loadPlatformOrders, param, showError, withNow, yuan } from "../../../../lib/dom.js";
import { deadlineText, formatDateTime, skuText } from "../../../../lib/orders-core.js";

const root = document.getElementById("detail-root");
const FLAG_TITLE = { red: "红旗", yellow: "黄旗", green: "绿旗", blue: "蓝旗", purple: "紫旗", none: "灰旗" };
const STEPS = ["拍下商品", "付款到支付宝", "卖家发货", "确认收货", "评价"];
const STEP_REACHED = { unpaid: 1, paid: 2, shipped: 3, completed: 5, closed: 1, unknown: 1 };

const row = (label, ...value) => [h("dt", {}, label), h("dd", {}, ...value)];

async function main() {
  const id = param("bizOrderId");
  const order = (await loadPlatformOrders("taobao")).find((o) => o.id === id);
  if (!order) {
    root.replaceChildren(
      h("div", { class: "qn-card demo-load-error" }, `未找到订单 ${id ?? ""}`),
      h("a", { href: withNow("/taobao/trade-platform/tp/sold/") }, "返回已卖出的宝贝"),
    );
    return;
  }
  const now = demoNow();
  const r = order.receiver;
  root.replaceChildren(
    h(
      "div",
      { class: "qn-card" },
      h(
        "div",
        { class: "order-status-title" },
        "当前订单状态：",
        h("strong", { class: "status-text" }, order.statusText),
      ),
      h(
        "div",
        { class: "detail-steps" },
        STEPS.map((s, i) => h("div", { class: i < STEP_REACHED[order.status] ? "done" : "" }, s)),
      ),
    ),
    h(
      "div",
      { class: "qn-card" },
      h("h3", {}, "订单信息"),
      h(
        "dl",
        { class: "detail-grid order-info" },
        row("订单编号：", h("span", { class: "order-id" }, order.id)),
        row("买家昵称：", h("span", { class: "buyer-nick" }, order.buyer)),
        row("创建时间：", formatDateTime(order.createdAt)),
        row("付款时间：", formatDateTime(order.paidAt) || "-"),
        row(
          "发货时限：",
          order.shipDeadline
            ? `${formatDateTime(order.shipDeadline)}（${deadlineText(order.shipDeadline, now)}）`
            : "-",
        ),
        row("买家留言：", h("span", { class: "buyer-message" }, order.buyerMessage || "-")),
        row(
          "卖家备注：",
          h("i", { class: `memo-flag flag-${order.flag ?? "none"}`, title: FLAG_TITLE[order.flag ?? "none"] }),
          h("span", { class: "seller-memo" }, order.sellerMemo || "-"),
        ),
      ),
    ),
    h(
      "div",
      { class: "qn-card" },
      h("h3", {}, "收货信息"),
      h(
        "dl",
        { class: "detail-grid receiver-info" },
        row("收货人：", h("span", { class: "receiver-name" }, r.name)),
        row("联系电话：", h("span", { class: "receiver-phone" }, r.phone)),
        row(
          "收货地址：",
          h("span", { class: "receiver-address" }, r.address),
          order.addressChanged ? h("span", { class: "addr-badge" }, "修改地址") : null,
        ),
        row(
          "物流信息：",
          order.logistics ? `${order.logistics.company ?? ""} ${order.logistics.trackingNo ?? ""}` : "-",
        ),
      ),
    ),
    h(
      "div",
      { class: "qn-card" },
      h("h3", {}, "宝贝信息"),
      h(
        "div",
        { class: "next-table" },
        h(
          "table",
          {},
          h(
            "thead",
            { class: "next-table-header" },
            h(
              "tr",
              {},
              ["宝贝", "单价", "数量", "优惠", "状态"].map((t) => h("th", {}, t)),
            ),
          ),
          h(
            "tbody",
            {},
            order.items.map((it) =>
              h(
                "tr",
                { class: "next-table-row" },
                h(
                  "td",
                  { class: "next-table-cell" },
                  h("div", { class: "item-title" }, it.title),
                  h("div", { class: "item-sku" }, skuText(it.skuProps)),
                ),
                h(
                  "td",
                  { class: "next-table-cell" },
                  it.originalPrice ? h("span", { class: "price-origin" }, `¥${yuan(it.originalPrice)}`) : null,
                  `¥${yuan(it.price)}`,
                ),
                h("td", { class: "next-table-cell" }, String(it.quantity)),
                h(
                  "td",
                  { class: "next-table-cell" },
                  it.originalPrice ? `改价 -¥${yuan((it.originalPrice - it.price) * it.quantity)}` : "-",
                ),
                h("td", { class: "next-table-cell" }, order.statusText),
              ),
            ),
          ),
        ),
        h(
          "div",
          { style: "text-align:right;padding:8px" },
          "实收款：",
          h("strong", { class: "pay-amount" }, `¥${yuan(order.total)}`),
        ),
      ),
    ),
  );
  root.setAttribute("aria-busy", "false");
}

main().catch((error) => showError(root, error));
