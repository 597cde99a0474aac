/**
 * Reading an order export (淘宝/千牛 "订单报表" CSV and its common variants) into Orders.
 * Pure: takes the decoded text. Rows with the same 订单编号 (宝贝报表 style, one row per item) are merged.
 * Any bad row is an error naming the row; nothing is returned half.
 */
import Papa from "papaparse";
import type { Order, OrderItem, OrderStatus } from "../model.ts";

export class OrderFileError extends Error {}

/** Column → accepted header spellings (after trimming and removing spaces). */
const COLUMNS = {
  id: ["订单编号", "订单号", "主订单编号", "订单ID", "订单id"],
  buyer: ["买家会员名", "买家昵称", "买家账号", "买家"],
  paid: ["买家实际支付金额", "实付金额", "实际支付金额", "买家实付"],
  payable: ["买家应付货款", "应付货款", "总金额", "订单金额"],
  shippingFee: ["买家应付邮费", "邮费", "运费"],
  status: ["订单状态", "交易状态"],
  name: ["收货人姓名", "收货人", "收件人", "收件人姓名"],
  address: ["收货地址", "收货人地址", "详细地址", "收件地址"],
  changedAddress: ["修改后的收货地址"],
  mobile: ["联系手机", "手机", "收货人手机", "手机号码"],
  phone: ["联系电话", "电话", "收货人电话"],
  createdAt: ["订单创建时间", "下单时间", "创建时间"],
  paidAt: ["订单付款时间", "付款时间", "支付时间"],
  shippedAt: ["发货时间"],
  title: ["宝贝标题", "商品标题", "商品名称", "标题"],
  sku: ["商品属性", "销售属性", "宝贝属性", "SKU属性", "sku属性", "颜色/尺码"],
  quantity: ["宝贝总数量", "购买数量", "商品数量", "数量", "宝贝数量"],
  price: ["价格", "单价", "商品单价"],
  memo: ["订单备注", "卖家备注", "商家备注", "备注"],
  message: ["买家留言", "买家备注"],
  refund: ["退款状态", "售后状态"],
  courier: ["物流公司", "快递公司"],
  trackingNo: ["物流单号", "运单号", "快递单号"],
  itemId: ["宝贝ID", "商品ID", "商品id"],
} as const;
type Column = keyof typeof COLUMNS;

const STATUS_WORDS: [string, OrderStatus][] = [
  ["等待买家付款", "unpaid"],
  ["待付款", "unpaid"],
  ["待支付", "unpaid"],
  ["等待卖家发货", "paid"],
  // Part of the order still has to ship: it needs the same checks as an unshipped one.
  ["部分发货", "paid"],
  ["买家已付款", "paid"],
  ["待发货", "paid"],
  ["卖家已发货", "shipped"],
  ["等待买家确认收货", "shipped"],
  ["已发货", "shipped"],
  ["交易成功", "completed"],
  ["已完成", "completed"],
  ["交易关闭", "closed"],
  // 淘宝 exports write an order closed before payment as "付款以前，卖家或买家主动关闭交易".
  ["关闭交易", "closed"],
  ["已关闭", "closed"],
  ["已取消", "closed"],
];

/** Excel-protected values: ="123", a leading tab or apostrophe, surrounding spaces. */
export function cleanCell(raw: string | undefined): string {
  let v = (raw ?? "").trim();
  if (v.startsWith('="') && v.endsWith('"')) v = v.slice(2, -1);
  if (v.startsWith("'")) v = v.slice(1);
  return v.trim();
}

function parseStatus(text: string): OrderStatus {
  for (const [word, status] of STATUS_WORDS) if (text.includes(word)) return status;
  return "unknown";
}

function parseRefund(text: string): Order["refund"] {
  if (!text || text.includes("没有") || text.includes("无") || text.includes("关闭")) return "none";
  if (text.includes("成功") || text.includes("完成")) return "done";
  if (text.includes("申请") || text.includes("等待卖家")) return "requested";
  return "in-progress";
}

const CHINA_TIME = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Epoch ms of a time written without a zone as the back offices and their exports write it, in China time
 * ("2026-11-23 10:12:33", "2026/11/23"); text with a zone (ISO) is read as written. NaN when unreadable,
 * including out-of-range parts (2026-13-40 is not rolled over into another date).
 */
export function parseChinaTime(text: string): number {
  const m = CHINA_TIME.exec(text.trim());
  if (!m) return Date.parse(text);
  const [, y, mo, d, h = "0", mi = "0", s = "0"] = m;
  const parts = [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s)] as const;
  const [year, month, day, hour, minute, second] = parts;
  const ms = Date.UTC(year, month - 1, day, hour - 8, minute, second);
  const back = new Date(ms + 8 * 3600_000);
  const same =
    back.getUTCFullYear() === year &&
    back.getUTCMonth() === month - 1 &&
    back.getUTCDate() === day &&
    back.getUTCHours() === hour &&
    back.getUTCMinutes() === minute &&
    back.getUTCSeconds() === second;
  return same ? ms : Number.NaN;
}

/** "2026-11-23 10:12:33" (China time, as exports write it) or ISO → ISO string. */
function parseTime(text: string, row: number, header: string): string | undefined {
  if (!text) return undefined;
  const ms = parseChinaTime(text);
  if (Number.isNaN(ms))
    throw new OrderFileError(`第 ${row} 行：“${header}”的值“${text}”不是日期时间 (row ${row}: bad date)`);
  return new Date(ms).toISOString();
}

function parseMoney(text: string, row: number, header: string): number | undefined {
  if (!text) return undefined;
  const n = Number(text.replace(/[¥￥,元\s]/g, ""));
  if (!Number.isFinite(n))
    throw new OrderFileError(`第 ${row} 行：“${header}”的值“${text}”不是数字 (row ${row}: not a number)`);
  return n;
}

/** "颜色分类：黑色；尺码：XL" / "颜色分类:黑色,尺码:XL" → { 颜色分类: "黑色", 尺码: "XL" }. */
export function parseSkuProps(text: string): Record<string, string> {
  const props: Record<string, string> = {};
  for (const part of text.split(/[;；,，\n]/)) {
    const at = part.search(/[:：]/);
    if (at <= 0) continue;
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key && value) props[key] = value;
  }
  return props;
}

function findColumns(header: string[]): Partial<Record<Column, number>> {
  const normalized = header.map((h) =>
    cleanCell(h)
      .replace(/\s+/g, "")
      .replace(/^\uFEFF/, ""),
  );
  const found: Partial<Record<Column, number>> = {};
  for (const [column, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
    for (const name of names) {
      const at = normalized.indexOf(name);
      if (at >= 0) {
        found[column] = at;
        break;
      }
    }
  }
  return found;
}

/** Parses the decoded CSV text. Throws OrderFileError naming the row (1-based, header = row 1). */
export function ordersFromCsv(text: string): Order[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" });
  const firstError = parsed.errors.find((e) => e.type !== "Delimiter");
  if (firstError) {
    const row = (firstError.row ?? 0) + 1;
    throw new OrderFileError(`第 ${row} 行：CSV 格式错误（${firstError.message}）(row ${row}: malformed CSV)`);
  }
  const [header, ...rows] = parsed.data;
  if (!header) throw new OrderFileError("文件为空 (empty file)");
  const cols = findColumns(header);
  if (cols.id === undefined) {
    throw new OrderFileError(
      `第 1 行：缺少“订单编号”列 (row 1: no order-id column). 表头 header: ${header.slice(0, 8).join(",")}`,
    );
  }
  const byId = new Map<string, Order>();
  rows.forEach((cells, i) => {
    const row = i + 2;
    const get = (c: Column): string => {
      const at = cols[c];
      return at === undefined ? "" : cleanCell(cells[at]);
    };
    const headerOf = (c: Column): string => {
      const at = cols[c];
      return at === undefined ? c : (header[at] ?? c);
    };
    if (cells.length < header.length && cells.length <= (cols.id ?? 0)) {
      throw new OrderFileError(
        `第 ${row} 行：列数 ${cells.length} 少于表头 ${header.length} (row ${row}: too few columns)`,
      );
    }
    const id = get("id");
    if (!id) throw new OrderFileError(`第 ${row} 行：订单编号为空 (row ${row}: empty order id)`);
    const quantityText = get("quantity");
    const quantity = quantityText ? Number(quantityText) : 1;
    if (!Number.isInteger(quantity) || quantity < 0) {
      throw new OrderFileError(`第 ${row} 行：“${headerOf("quantity")}”的值“${quantityText}”不是整数 (row ${row})`);
    }
    const paid = parseMoney(get("paid"), row, headerOf("paid"));
    const payable = parseMoney(get("payable"), row, headerOf("payable"));
    const total = paid ?? payable ?? 0;
    const unitPrice = parseMoney(get("price"), row, headerOf("price"));
    const item: OrderItem = {
      title: get("title"),
      skuProps: parseSkuProps(get("sku")),
      quantity,
      price: unitPrice ?? (quantity > 0 ? Math.round((total / quantity) * 100) / 100 : total),
    };
    const itemId = get("itemId");
    if (itemId) item.itemId = itemId;
    const existing = byId.get(id);
    if (existing) {
      existing.items.push(item);
      return;
    }
    const changed = get("changedAddress");
    const order: Order = {
      id,
      platform: "taobao",
      status: parseStatus(get("status")),
      buyer: get("buyer"),
      items: [item],
      total,
      receiver: { name: get("name"), phone: get("mobile") || get("phone"), address: changed || get("address") },
    };
    const fee = parseMoney(get("shippingFee"), row, headerOf("shippingFee"));
    if (fee !== undefined) order.shippingFee = fee;
    const memo = get("memo");
    if (memo) order.sellerMemo = memo;
    const message = get("message");
    if (message) order.buyerMessage = message;
    const createdAt = parseTime(get("createdAt"), row, headerOf("createdAt"));
    if (createdAt) order.createdAt = createdAt;
    const paidAt = parseTime(get("paidAt"), row, headerOf("paidAt"));
    if (paidAt) order.paidAt = paidAt;
    parseTime(get("shippedAt"), row, headerOf("shippedAt"));
    if (changed && changed !== get("address")) order.addressChanged = true;
    const refund = get("refund");
    if (refund) order.refund = parseRefund(refund);
    const company = get("courier");
    const trackingNo = get("trackingNo");
    if (company || trackingNo)
      order.logistics = { ...(company ? { company } : {}), ...(trackingNo ? { trackingNo } : {}) };
    byId.set(id, order);
  });
  return [...byId.values()];
}
