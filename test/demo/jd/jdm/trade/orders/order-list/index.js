// 京东 订单列表: a micro-app. The shell defines <micro-app>, which builds <micro-app-head>/<micro-app-body>
// and renders the sub-app after fetching its (normally signed) JSON API. Phones are masked.
import { h, showError, withNow, yuan } from "../../../../../lib/dom.js";
import { formatDateTime, skuText } from "../../../../../lib/orders-core.js";

async function fetchPage(pageNo) {
  const response = await fetch(withNow(`/api/jd/orders?page=${pageNo}`), { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`订单接口 HTTP ${response.status}`);
  const body = await response.json();
  if (!body.success) throw new Error(`订单接口返回错误 ${body.code}`);
  return body.result;
}

function orderRow(order) {
  const r = order.receiver;
  return h(
    "tr",
    { class: "ant-table-row ant-table-row-level-0", "data-row-key": order.id },
    h(
      "td",
      { class: "ant-table-cell" },
      h("div", {}, "订单号：", h("a", { href: "#none", class: "order-id" }, order.id)),
      h("div", { class: "sku-attr" }, `下单时间：${formatDateTime(order.createdAt)}`),
      h("div", { class: "sku-attr" }, `用户账号：${order.buyer}`),
    ),
    h(
      "td",
      { class: "ant-table-cell" },
      order.items.map((it) =>
        h(
          "div",
          { class: "goods" },
          h("div", { class: "goods-name" }, it.title),
          h("div", { class: "sku-attr" }, skuText(it.skuProps, " ")),
          h("div", {}, `¥${yuan(it.price)} ×${it.quantity}`),
        ),
      ),
    ),
    h(
      "td",
      { class: "ant-table-cell" },
      h("div", { class: "consignee-name" }, r.name),
      h("div", { class: "consignee-phone" }, r.phone),
      h("div", { class: "consignee-address" }, r.address || ""),
    ),
    h("td", { class: "ant-table-cell" }, `¥${yuan(order.total)}`, h("div", { class: "sku-attr" }, "在线支付")),
    h(
      "td",
      { class: "ant-table-cell" },
      h("span", { class: `ant-tag${order.status === "paid" ? "" : " ant-tag-orange"}` }, order.statusText),
      order.refund !== "none" ? h("div", { class: "sku-attr" }, "售后中") : null,
      order.shipDeadline && order.status === "paid"
        ? h("div", { class: "sku-attr ship-deadline" }, `最晚出库：${formatDateTime(order.shipDeadline)}`)
        : null,
    ),
    h(
      "td",
      { class: "ant-table-cell" },
      order.buyerMessage ? h("div", {}, "买家备注：", h("span", { class: "buyer-remark" }, order.buyerMessage)) : null,
      order.sellerMemo
        ? h("div", { class: "jd-remark" }, "商家备注：", h("span", { class: "vender-remark" }, order.sellerMemo))
        : null,
    ),
  );
}

class MicroApp extends HTMLElement {
  connectedCallback() {
    this.body = h("micro-app-body", {}, h("div", { class: "ant-card" }, "加载中…"));
    this.replaceChildren(h("micro-app-head"), this.body);
    this.load(1).catch((error) => showError(this.body, error));
  }

  async load(pageNo) {
    const result = await fetchPage(pageNo);
    const pages = Math.max(1, Math.ceil(result.totalCount / result.pageSize));
    const heads = ["订单信息", "商品", "收货人信息", "应付金额", "订单状态", "备注"];
    const pagination = h(
      "ul",
      { class: "ant-pagination" },
      h("li", { class: "ant-pagination-total-text" }, `共 ${result.totalCount} 条`),
      Array.from({ length: pages }, (_, i) => i + 1).map((p) =>
        h(
          "li",
          {
            class: `ant-pagination-item ant-pagination-item-${p}${p === result.pageNo ? " ant-pagination-item-active" : ""}`,
            title: String(p),
            onclick: () => this.load(p).catch((error) => showError(this.body, error)),
          },
          String(p),
        ),
      ),
    );
    this.body.replaceChildren(
      h(
        "div",
        { id: "jd-order-list", class: "ant-card" },
        h(
          "div",
          { class: "ant-table" },
          h(
            "table",
            {},
            h(
              "colgroup",
              {},
              ["18%", "24%", "22%", "9%", "11%", "16%"].map((w) => h("col", { style: `width:${w}` })),
            ),
            h(
              "thead",
              { class: "ant-table-thead" },
              h(
                "tr",
                {},
                heads.map((t) => h("th", { class: "ant-table-cell" }, t)),
              ),
            ),
            h("tbody", { class: "ant-table-tbody" }, result.orderList.map(orderRow)),
          ),
        ),
        pagination,
      ),
    );
  }
}

customElements.define("micro-app", MicroApp);
