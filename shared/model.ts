/**
 * The domain model shared by the extension, the Worker and the CLI.
 * Plain data only: no classes, no browser or Workers API, so every side can (de)serialise it freely.
 */

/** Platforms whose seller back offices Kefu Kit reads. `demo` is our own stand-in back office. */
export type Platform = "taobao" | "pinduoduo" | "jd" | "douyin" | "demo";

/** Normalised order status, whatever words the platform uses. */
export type OrderStatus =
  | "unpaid" // 等待买家付款 / 待支付
  | "paid" // 买家已付款, 等待卖家发货 / 待发货
  | "shipped" // 卖家已发货 / 已发货
  | "completed" // 交易成功 / 已完成
  | "closed" // 交易关闭 / 已取消
  | "unknown";

/** Seller memo flag colours (淘宝 旗帜). Seed 002 assigns meaning to them; see `MEMO_FLAG_MEANING`. */
export type FlagColor = "none" | "red" | "yellow" | "green" | "blue" | "purple";

export interface OrderItem {
  title: string;
  /** SKU properties as shown, e.g. { 颜色分类: "黑色", 尺码: "XL" }. */
  skuProps: Record<string, string>;
  quantity: number;
  /** Unit price actually charged, in 元. */
  price: number;
  /** List price before the seller changed it, in 元, when shown. */
  originalPrice?: number;
  skuId?: string;
  itemId?: string;
}

export interface Receiver {
  name: string;
  /** As shown: may be masked (138****5678), virtual (13800138000-1234) or empty. */
  phone: string;
  /** Full address as one string (省 市 区 detail), as shown by the platform. */
  address: string;
  province?: string;
  city?: string;
  district?: string;
  detail?: string;
}

export interface Order {
  id: string;
  platform: Platform;
  status: OrderStatus;
  buyer: string;
  items: OrderItem[];
  /** Amount the buyer pays / paid, in 元. */
  total: number;
  shippingFee?: number;
  buyerMessage?: string;
  sellerMemo?: string;
  flag?: FlagColor;
  receiver: Receiver;
  /** ISO 8601 timestamps. */
  createdAt?: string;
  paidAt?: string;
  shipDeadline?: string;
  /** The receiver address was edited after the order was placed (修改地址 badge on the page). */
  addressChanged?: boolean;
  refund?: "none" | "requested" | "in-progress" | "done";
  presale?: { depositPaid: boolean; balancePaid: boolean; balanceDueAt?: string };
  logistics?: { company?: string; trackingNo?: string; lastUpdateAt?: string };
}

export type Sentiment = "positive" | "neutral" | "negative";

export interface Review {
  id: string;
  platform?: Platform;
  /** 1–5 stars (or 好评 5 / 中评 3 / 差评 1 where the platform only has three levels). */
  rating?: number;
  text: string;
  /** 追评: the buyer's follow-up review, if any. */
  followUp?: string;
  buyer?: string;
  item?: string;
  sku?: string;
  createdAt?: string;
}
