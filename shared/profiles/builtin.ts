/**
 * Built-in site profiles. Each matches the real back office URLs and the demo back office's paths (test/demo),
 * whose markup copies the real pages' hooks. A team overrides any of them by id in its `siteProfiles` settings.
 */
import type { SiteProfile } from "./schema.ts";

const DEMO_HOST = String.raw`^(?:127\.0\.0\.1|localhost)(?::\d+)?`;

/** 千牛 已卖出的宝贝 (Fusion next-table: one tbody per order). */
const taobaoSold: SiteProfile = {
  id: "taobao-sold",
  platform: "taobao",
  label: "千牛 已卖出的宝贝",
  urls: [
    String.raw`^(?:myseller|qn)\.taobao\.com/trade-platform/tp/sold`,
    String.raw`^trade\.taobao\.com/trade/itemlist/list_sold_items\.htm`,
    `${DEMO_HOST}/taobao/trade-platform/tp/sold`,
  ],
  clockParam: "now",
  rows: {
    selector: "tbody.next-table-body",
    id: { selector: ".next-table-group-header [class*=orderId]", regex: String.raw`\d{6,}` },
    anchor: ".next-table-group-header .order-no",
  },
  fields: {
    status: { selector: ".status-text" },
    buyer: { selector: ".buyer-nick" },
    total: { selector: ".pay-amount" },
    shippingFee: { selector: ".pay-cell", regex: String.raw`快递[:：]\s*¥?\s*([\d.,]+)`, normalize: "price" },
    buyerMessage: { selector: ".buyer-msg" },
    sellerMemo: { selector: ".memo-text" },
    flag: { selector: ".seller-memo .memo-flag", attr: "class", regex: String.raw`flag-(\w+)` },
    receiverName: { selector: ".receiver-name" },
    receiverPhone: { selector: ".receiver-phone" },
    receiverAddress: { selector: ".receiver-address" },
    addressChanged: { selector: ".addr-badge", present: true },
    createdAt: { selector: ".create-time" },
    shipDeadline: { selector: ".countdown", normalize: "countdown" },
    refund: { selector: ".refund-link" },
  },
  items: {
    selector: "tr.next-table-row:not(.order-extra)",
    fields: {
      title: { selector: ".item-title" },
      skuProps: { selector: ".item-cell .item-sku" },
      price: { selector: ".price-now" },
      originalPrice: { selector: ".price-origin" },
      quantity: { selector: ".quantity-cell" },
    },
  },
};

/** 千牛 订单详情: one order per page, dt/dd layout. */
const taobaoDetail: SiteProfile = {
  id: "taobao-detail",
  platform: "taobao",
  label: "千牛 订单详情",
  urls: [
    String.raw`^(?:myseller|qn)\.taobao\.com/trade-platform/tp/detail`,
    `${DEMO_HOST}/taobao/trade-platform/tp/detail`,
  ],
  clockParam: "now",
  rows: { selector: "#detail-root", id: { selector: ".order-info .order-id" }, anchor: ".order-info .order-id" },
  fields: {
    status: { selector: ".status-text" },
    buyer: { selector: ".buyer-nick" },
    total: { selector: ".pay-amount" },
    buyerMessage: { selector: ".buyer-message" },
    sellerMemo: { selector: ".seller-memo" },
    flag: { selector: ".order-info .memo-flag", attr: "class", regex: String.raw`flag-(\w+)` },
    receiverName: { selector: ".receiver-name" },
    receiverPhone: { selector: ".receiver-phone" },
    receiverAddress: { selector: ".receiver-address" },
    addressChanged: { selector: ".addr-badge", present: true },
    createdAt: { selector: ".order-info dt", label: "创建时间" },
    paidAt: { selector: ".order-info dt", label: "付款时间" },
    shipDeadline: { selector: ".order-info dt", label: "发货时限" },
  },
  items: {
    selector: "tr.next-table-row",
    fields: {
      title: { selector: ".item-title" },
      skuProps: { selector: ".item-sku" },
      price: { selector: "td:nth-child(2)" },
      quantity: { selector: "td:nth-child(3)" },
    },
  },
};

/** 拼多多 订单查询: beast-core table; data-testid hooks are the stable ones. */
const pinduoduoList: SiteProfile = {
  id: "pinduoduo-list",
  platform: "pinduoduo",
  label: "拼多多 订单查询",
  urls: [String.raw`^mms\.pinduoduo\.com/orders/list`, `${DEMO_HOST}/pinduoduo/orders/list`],
  clockParam: "now",
  rows: {
    selector: "[data-testid=beast-core-table-body] > [data-testid=beast-core-table-row]",
    id: { selector: ".order-sn", regex: String.raw`\d{6}-\d{15}` },
    anchor: ".order-sn",
  },
  fields: {
    status: { selector: ".status-tag" },
    buyer: { selector: "[data-testid=beast-core-table-td]:nth-child(2)", regex: "买家[:：]\\s*(.+)$" },
    createdAt: {
      selector: "[data-testid=beast-core-table-td]:nth-child(2)",
      regex: "成交时间[:：]\\s*([\\d-]+ [\\d:]+)",
    },
    total: { selector: "[data-testid=beast-core-table-td]:nth-child(5) > div" },
    shippingFee: {
      selector: "[data-testid=beast-core-table-td]:nth-child(5)",
      regex: "运费¥?([\\d.]+)",
      normalize: "price",
    },
    receiverName: { selector: ".receiver-name" },
    receiverPhone: { selector: ".receiver-mobile" },
    receiverAddress: { selector: ".receiver-address" },
    buyerMessage: { selector: ".buyer-message" },
    refund: { selector: "[data-testid=beast-core-table-td]:nth-child(6) .muted" },
  },
  items: {
    selector: ".goods-info",
    fields: {
      title: { selector: ".goods-name" },
      skuProps: { selector: ".goods-spec" },
      price: { selector: ".muted", regex: "¥\\s*([\\d.,]+)" },
      quantity: { selector: ".muted", regex: "[×xX]\\s*(\\d+)" },
    },
  },
};

/** 拼多多 订单详情. */
const pinduoduoDetail: SiteProfile = {
  id: "pinduoduo-detail",
  platform: "pinduoduo",
  label: "拼多多 订单详情",
  urls: [String.raw`^mms\.pinduoduo\.com/orders/detail`, `${DEMO_HOST}/pinduoduo/orders/detail`],
  clockParam: "now",
  rows: { selector: "#pdd-detail", id: { selector: "dd.order-sn" }, anchor: "dd.order-sn" },
  fields: {
    status: { selector: ".status-tag" },
    buyer: { selector: "dl.kv dt", label: "买家" },
    createdAt: { selector: "dl.kv dt", label: "成交时间" },
    shipDeadline: { selector: "dl.kv dt", label: "承诺发货" },
    total: { selector: ".panel", regex: "实收[:：]\\s*¥([\\d.,]+)", normalize: "price" },
    buyerMessage: { selector: "dd.buyer-message" },
    sellerMemo: { selector: "dd.seller-memo" },
    receiverName: { selector: "dd.receiver-name" },
    receiverPhone: { selector: "dd.receiver-mobile" },
    receiverAddress: { selector: "dd.receiver-address" },
  },
  items: {
    selector: ".goods-info",
    fields: {
      title: { selector: ".goods-name" },
      skuProps: { selector: ".goods-spec" },
      price: { selector: ".goods-spec + div", regex: "¥\\s*([\\d.,]+)" },
      quantity: { selector: ".goods-spec + div", regex: "[×xX]\\s*(\\d+)" },
    },
  },
};

/** 京东 京麦 订单列表: a micro-app fed by a signed JSON API; rows carry data-row-key. */
const jdList: SiteProfile = {
  id: "jd-list",
  platform: "jd",
  label: "京东 京麦 订单列表",
  urls: [String.raw`^shop\.jd\.com/jdm/trade/orders/order-list`, `${DEMO_HOST}/jd/jdm/trade/orders/order-list`],
  clockParam: "now",
  rows: { selector: "tr.ant-table-row[data-row-key]", id: { attr: "data-row-key" }, anchor: ".order-id" },
  // What the rows show, used until (or unless) the page's JSON is seen; phones are masked either way.
  fields: {
    status: { selector: ".ant-tag" },
    buyer: { selector: "td:nth-child(1)", regex: "用户账号[:：]\\s*(.+)$" },
    createdAt: { selector: "td:nth-child(1)", regex: "下单时间[:：]\\s*([\\d-]+ [\\d:]+)" },
    total: { selector: "td:nth-child(4)", regex: "¥\\s*([\\d.,]+)", normalize: "price" },
    receiverName: { selector: ".consignee-name" },
    receiverPhone: { selector: ".consignee-phone" },
    receiverAddress: { selector: ".consignee-address" },
    shipDeadline: { selector: ".ship-deadline" },
    buyerMessage: { selector: ".buyer-remark" },
    sellerMemo: { selector: ".vender-remark" },
    refund: { selector: "td:nth-child(5) > .sku-attr:not(.ship-deadline)" },
  },
  items: {
    selector: ".goods",
    fields: {
      title: { selector: ".goods-name" },
      skuProps: { selector: ".sku-attr" },
      price: { selector: "div:last-child", regex: "¥\\s*([\\d.,]+)" },
      quantity: { selector: "div:last-child", regex: "[×xX]\\s*(\\d+)" },
    },
  },
  json: {
    urlIncludes: ["/api/jd/orders", "/trade/orders/list", "queryOrderPage"],
    listPath: "result.orderList",
    fields: {
      id: { path: "id" },
      status: { path: "statusText" },
      buyer: { path: "buyer" },
      total: { path: "total" },
      shippingFee: { path: "shippingFee" },
      buyerMessage: { path: "buyerMessage" },
      sellerMemo: { path: "sellerMemo" },
      flag: { path: "flag" },
      receiverName: { path: "receiver.name" },
      receiverPhone: { path: "receiver.phone" },
      receiverAddress: { path: "receiver.address" },
      addressChanged: { path: "addressChanged" },
      createdAt: { path: "createdAt" },
      paidAt: { path: "paidAt" },
      shipDeadline: { path: "shipDeadline" },
      refund: { path: "refund" },
      presale: { path: "presale" },
    },
    items: {
      path: "items",
      fields: {
        title: { path: "title" },
        skuProps: { path: "skuProps" },
        quantity: { path: "quantity" },
        price: { path: "price" },
        originalPrice: { path: "originalPrice" },
        skuId: { path: "skuId" },
        itemId: { path: "itemId" },
      },
    },
  },
};

/** 抖店 订单管理: cards rendered from the page's signed API. */
const douyinList: SiteProfile = {
  id: "douyin-list",
  platform: "douyin",
  label: "抖店 订单管理",
  urls: [String.raw`^fxg\.jinritemai\.com/ffa/morder/order/list`, `${DEMO_HOST}/douyin/ffa/morder/order/list`],
  clockParam: "now",
  rows: {
    selector: "[class*=index_orderCard]",
    id: { selector: "[class*=index_orderId]", regex: String.raw`\d{6,}` },
    anchor: "[class*=index_orderId]",
  },
  // What the cards show (names and phones masked), used until (or unless) the page's JSON is seen.
  fields: {
    status: { selector: "[class*=index_status]" },
    buyer: { selector: "[class*=index_buyer]", regex: "买家\\s*(.+)$" },
    createdAt: { selector: "[class*=index_cardHead]", regex: "下单时间\\s*([\\d-]+ [\\d:]+)" },
    shipDeadline: { selector: "[class*=index_deadline]" },
    total: { selector: "[class*=index_cardBody] > div:nth-child(2) > div:first-child" },
    presale: { selector: "[class*=index_cardBody] > div:nth-child(2) > .muted" },
    receiverName: { selector: "[class*=index_receiverName]" },
    receiverPhone: { selector: "[class*=index_receiverPhone]" },
    receiverAddress: { selector: "[class*=index_receiverAddress]" },
    addressChanged: { selector: "[class*=index_receiver__] > .muted", present: true },
    refund: { selector: "[class*=index_status] + .muted" },
    buyerMessage: { selector: "[class*=index_buyerWords]" },
    sellerMemo: { selector: "[class*=index_sellerWords]" },
  },
  items: {
    selector: "[class*=index_product]",
    fields: {
      title: { selector: "[class*=index_title]" },
      skuProps: { selector: "[class*=index_sku]" },
      price: { selector: ".muted", regex: "¥\\s*([\\d.,]+)" },
      quantity: { selector: ".muted", regex: "[×xX]\\s*(\\d+)" },
    },
  },
  json: {
    urlIncludes: ["/api/douyin/orders", "/order/searchlist", "/order/list"],
    listPath: "data.list",
    fields: { ...jdList.json?.fields },
    items: jdList.json?.items,
  },
};

export const BUILTIN_PROFILES: readonly SiteProfile[] = [
  taobaoSold,
  taobaoDetail,
  pinduoduoList,
  pinduoduoDetail,
  jdList,
  douyinList,
];
