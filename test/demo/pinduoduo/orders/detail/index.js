// 拼多多 订单详情 (`/orders/detail?sn=`).
import { h, loadPlatformOrders, param, showError, yuan } from "../../../lib/dom.js";
import { formatDateTime, skuText } from "../../../lib/orders-core.js";

const root = document.getElementById("pdd-detail");
const kv = (label, value, cls) => [h("dt", {}, label), h("dd", { class: cls }, value)];

async function main() {
  const sn = param("sn");
  const order = (await loadPlatformOrders("pinduoduo")).find((o) => o.id === sn);
  if (!order) return root.replaceChildren(h("div", { class: "panel demo-load-error" }, `订单不存在：${sn ?? ""}`));
  const r = order.receiver;
  root.replaceChildren(
    h(
      "div",
      { class: "panel" },
      h("h3", {}, "订单状态：", h("span", { class: "status-tag" }, order.statusText)),
      h(
        "dl",
        { class: "kv" },
        kv("订单编号", order.id, "order-sn"),
        kv("买家", order.buyer),
        kv("成交时间", formatDateTime(order.createdAt)),
        kv("承诺发货", order.shipDeadline ? formatDateTime(order.shipDeadline) : "-"),
        kv("买家留言", order.buyerMessage || "-", "buyer-message"),
        kv("商家备注", order.sellerMemo || "-", "seller-memo"),
      ),
    ),
    h(
      "div",
      { class: "panel" },
      h("h3", {}, "收货信息"),
      h(
        "dl",
        { class: "kv" },
        kv("收货人", r.name || "（空）", "receiver-name"),
        kv("手机号", r.phone, "receiver-mobile"),
        kv("收货地址", r.address || "-", "receiver-address"),
      ),
    ),
    h(
      "div",
      { class: "panel" },
      h("h3", {}, "商品信息"),
      order.items.map((it) =>
        h(
          "div",
          { class: "goods-info", "data-testid": "beast-core-table-row" },
          h("div", { class: "goods-thumb" }),
          h(
            "div",
            {},
            h("div", { class: "goods-name" }, it.title),
            h("div", { class: "goods-spec" }, skuText(it.skuProps, "，")),
            h("div", {}, `¥${yuan(it.price)} × ${it.quantity}`),
          ),
        ),
      ),
      h("div", { style: "text-align:right" }, `实收：¥${yuan(order.total)}`),
    ),
  );
}

main().catch((error) => showError(root, error));
