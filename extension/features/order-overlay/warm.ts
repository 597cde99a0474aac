/**
 * Warm-up of the order checks in a freshly started service worker. Chrome stops the worker after 30 s idle; the first
 * order page after that paid, inside its first scan, for building the 省/市/区 alias tables and compiling every
 * function of the build-and-check path on first call. A seller page that starts loading asks for this (the wake
 * content script), so that work happens while the page downloads and renders. Runs once per worker life.
 */
import type { RawOrder } from "../../../shared/profiles/order.ts";

/**
 * Two rows as the 千牛 sold list's profile reads them (made up, with what the rules look at: a full and a partial
 * address, a masked phone, a price change, a buyer message, a ship countdown).
 */
export const WARM_ROWS: RawOrder[] = [
  {
    fields: {
      id: "9000000000000000001",
      status: "买家已付款，等待卖家发货",
      buyer: "warm_buyer_1",
      total: "¥259.00",
      shippingFee: "0.00",
      buyerMessage: "麻烦发顺丰，要黑色L码",
      sellerMemo: "改价 -20",
      flag: "yellow",
      receiverName: "王小明",
      receiverPhone: "13812345678",
      receiverAddress: "浙江省 杭州市 西湖区 文三路 100号 3幢 201室",
      createdAt: "2026-11-20 10:12:00",
      shipDeadline: "剩余 1天3小时",
    },
    items: [
      {
        title: "羊毛大衣",
        skuProps: "颜色分类：驼色；尺码：M",
        price: "¥279.00",
        originalPrice: "¥299.00",
        quantity: "1",
      },
    ],
  },
  {
    fields: {
      id: "9000000000000000002",
      status: "等待买家付款",
      buyer: "warm_buyer_2",
      total: "¥89.00",
      receiverName: "李",
      receiverPhone: "138****5678",
      receiverAddress: "南山区科技园",
      createdAt: "2026-11-22 21:40:00",
    },
    items: [{ title: "针织衫", skuProps: "颜色分类：白色；尺码：S", price: "¥89.00", quantity: "2" }],
  },
];
