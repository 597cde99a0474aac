/**
 * The per-order checks (售中 审单, seeds 001/002). Each rule reads plain order data and the compiled context
 * and pushes warnings with a stable rule id. Cross-order rules live in cross.ts.
 */
import type { Order } from "../model.ts";
import { type ParsedAddress, parseAddress } from "./address.ts";
import { type CheckContext, regionCandidates, regionMatches } from "./context.ts";
import { buildMemo } from "./memo.ts";
import { classifyPhone, normalizePhone } from "./phone.ts";
import type { RuleId } from "./settings.ts";
import {
  coloursIn,
  compactAlnum,
  findMentions,
  isColourKey,
  isModelKey,
  isSizeKey,
  sizesIn,
  type TextMention,
} from "./text.ts";
import { parseTimestamp } from "./time.ts";
import type { OrderAction, OrderWarning, Severity } from "./types.ts";

/** Quick code of the 核对地址 script the overlay fills with the order (seed 001: confirm the address after ordering). */
export const ADDRESS_SCRIPT_CODE = "核对地址";
// Shared (frozen) by every warning that offers it: one object, not one per warning.
const CHECK_ADDRESS: OrderAction = Object.freeze({
  kind: "insert-script",
  label: "插入核对地址话术",
  scriptCode: ADDRESS_SCRIPT_CODE,
});
const CHECK_ADDRESS_ONLY: OrderAction[] = Object.freeze([CHECK_ADDRESS]) as unknown as OrderAction[];

const HOUR = 3600_000;
const MINUTE = 60_000;

/** Everything the rules derive from one order once, shared between rules. */
export interface OrderFacts {
  order: Order;
  address: string;
  parsed: ParsedAddress;
}

export function orderFacts(order: Order): OrderFacts {
  const r = order.receiver ?? { name: "", phone: "", address: "" };
  let address = (r.address ?? "").trim();
  if (address === "") address = [r.province, r.city, r.district, r.detail].filter(Boolean).join(" ").trim();
  return { order, address, parsed: parseAddress(address) };
}

/** Most warnings carry no action: one shared, frozen empty list instead of a new array per warning. */
const NO_ACTIONS = Object.freeze([]) as unknown as OrderAction[];

function push(
  out: OrderWarning[],
  order: Order,
  rule: RuleId,
  severity: Severity,
  message: string,
  evidence?: string,
  actions: OrderAction[] = NO_ACTIONS,
): void {
  // `evidence` is always present (undefined when none), so every warning has the same object shape.
  out.push({ orderId: order.id, rule, severity, message, evidence, actions });
}

/** Quotes user text for a message, shortened so a huge memo does not flood the overlay. */
function quote(text: string, max = 40): string {
  const t = text.length > max ? `${text.slice(0, max)}…` : text;
  return `“${t}”`;
}

function formatDuration(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / MINUTE);
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 48) return rest ? `${hours} 小时 ${rest} 分钟` : `${hours} 小时`;
  return `${Math.floor(hours / 24)} 天 ${hours % 24} 小时`;
}

function isOpen(order: Order): boolean {
  return order.status === "paid" || order.status === "unpaid";
}

function checkReceiver(f: OrderFacts, ctx: CheckContext, out: OrderWarning[]): void {
  const { order } = f;
  // Receiver problems matter until the waybill is printed. A shipped/completed order needs nothing more from
  // the agent (京东/拼多多/抖店 keep every phone masked forever), so flagging them would only be noise.
  if (!isOpen(order) && order.status !== "unknown") return;
  const r = order.receiver;
  if (ctx.enabled("missing-receiver") && !(r?.name ?? "").trim()) {
    push(out, order, "missing-receiver", "error", "收货人姓名为空，请与买家核对收货人", undefined, CHECK_ADDRESS_ONLY);
  }
  const phone = r?.phone ?? "";
  const kind = classifyPhone(phone);
  if (kind === "empty") {
    if (ctx.enabled("missing-phone")) {
      push(
        out,
        order,
        "missing-phone",
        "error",
        "收货人电话为空，快递无法联系买家，请与买家核对",
        undefined,
        CHECK_ADDRESS_ONLY,
      );
    }
  } else if (kind === "invalid") {
    if (ctx.enabled("phone-invalid")) {
      push(
        out,
        order,
        "phone-invalid",
        "error",
        `收货电话${quote(phone)}不是有效的手机或座机号码，请与买家核对`,
        phone,
        CHECK_ADDRESS_ONLY,
      );
    }
  } else if (kind === "masked") {
    if (ctx.enabled("phone-masked")) {
      push(out, order, "phone-masked", "info", `收货电话${quote(phone)}仍是脱敏号码，打单前请查看完整号码`, phone);
    }
  } else if (kind === "virtual" && ctx.enabled("phone-virtual")) {
    push(
      out,
      order,
      "phone-virtual",
      "info",
      `收货电话${quote(phone)}是平台虚拟号（带分机号），快递需拨分机联系`,
      phone,
      [{ kind: "copy-text", label: "复制号码（含分机）", text: phone.trim() }],
    );
  }
  if (f.address === "") {
    if (ctx.enabled("missing-address")) {
      push(out, order, "missing-address", "error", "收货地址为空，请与买家核对", undefined, CHECK_ADDRESS_ONLY);
    }
    return;
  }
  if (!ctx.enabled("address-incomplete")) return;
  const p = f.parsed;
  const missing: string[] = [];
  if (!p.province) missing.push("省");
  if (!p.city) missing.push("市");
  // A functional zone (成都 高新区) stands where the district goes: couriers deliver by it, so nothing is missing.
  if (!p.district && !p.zone && !p.cityHasNoDistricts) missing.push("区/县");
  if (p.detail.length < 2) missing.push("详细地址");
  if (missing.length > 0) {
    const found = [p.province, p.city, p.district ?? p.zone].filter(Boolean).join(" ");
    push(
      out,
      order,
      "address-incomplete",
      "warning",
      `收货地址${quote(f.address)}缺少${missing.join("、")}${found ? `（已识别：${found}）` : ""}，请与买家核对`,
      f.address,
      [{ kind: "copy-text", label: "复制地址给买家核对", text: f.address }, CHECK_ADDRESS],
    );
  }
}

function checkRegion(f: OrderFacts, ctx: CheckContext, out: OrderWarning[]): void {
  const { order, parsed } = f;
  if (order.status !== "paid" && order.status !== "unpaid") return;
  if (f.address === "") return;
  if (ctx.enabled("remote-area")) {
    const candidates = ctx.remoteAreasByProvince
      ? regionCandidates(ctx.remoteAreasByProvince, parsed.province)
      : ctx.remoteAreas;
    for (const m of candidates) {
      if (regionMatches(m, parsed.province, parsed.city, f.address)) {
        const where = [parsed.province, parsed.city].filter(Boolean).join(" ") || m.label;
        // Seed 002: which courier a special order goes by is a red-flag memo.
        const memo = buildMemo({
          kind: "special-courier",
          reason: `偏远地区（${where}）：已确认运费与快递`,
          agent: "",
          date: new Date(ctx.nowMs),
        });
        push(out, order, "remote-area", "warning", `收货地址在偏远地区（${where}），请确认运费与快递`, m.label, [
          { kind: "copy-memo", label: "写偏远地区备注（红旗）", text: memo.text, flag: memo.flag },
        ]);
        break;
      }
    }
  }
  if (ctx.enabled("out-of-coverage") && ctx.coverage.length > 0) {
    const courier = (order.logistics?.company ?? "").trim() || ctx.defaultCourier;
    if (!courier) return;
    const entry = ctx.coverage.find((c) => c.courier === courier || courier.includes(c.courier));
    const hit = entry?.excluded.find((m) => regionMatches(m, parsed.province, parsed.city, f.address));
    if (entry && hit) {
      const others = ctx.coverage
        .filter(
          (c) => c !== entry && !c.excluded.some((m) => regionMatches(m, parsed.province, parsed.city, f.address)),
        )
        .map((c) => c.courier);
      const suggestion = others.length > 0 ? `，可改发${others.join("/")}` : "";
      push(
        out,
        order,
        "out-of-coverage",
        "error",
        `${courier}不派送${hit.label}（超区）${suggestion}`,
        hit.label,
        others[0] ? [{ kind: "copy-memo", label: `备注改发${others[0]}`, text: `发${others[0]}`, flag: "red" }] : [],
      );
    }
  }
}

interface SkuValues {
  /** Base colours / normalised sizes per SKU value: the cached sets themselves, never copied or changed. */
  colourSets: Set<string>[];
  sizeSets: Set<string>[];
  models: string[];
  colourShown: string;
  sizeShown: string;
  modelShown: string;
}

/** SKU values repeat across a shop's orders: remember what each one names (bounded). */
const skuValueCache = new Map<string, { colours: Set<string>; sizes: Set<string> }>();

function parsedSkuValue(value: string): { colours: Set<string>; sizes: Set<string> } {
  let cached = skuValueCache.get(value);
  if (!cached) {
    if (skuValueCache.size > 5000) skuValueCache.clear();
    cached = { colours: coloursIn(value), sizes: sizesIn(value) };
    skuValueCache.set(value, cached);
  }
  return cached;
}

function skuValues(order: Order): SkuValues {
  const v: SkuValues = {
    colourSets: [],
    sizeSets: [],
    models: [],
    colourShown: "",
    sizeShown: "",
    modelShown: "",
  };
  for (const item of order.items ?? []) {
    const props = item.skuProps;
    if (!props) continue;
    for (const key in props) {
      if (!Object.hasOwn(props, key)) continue;
      const value = props[key] as string;
      if (isColourKey(key)) {
        v.colourSets.push(parsedSkuValue(value).colours);
        v.colourShown ||= value;
      } else if (isSizeKey(key)) {
        v.sizeSets.push(parsedSkuValue(value).sizes);
        v.sizeShown ||= value;
      } else if (isModelKey(key)) {
        v.models.push(compactAlnum(value));
        v.modelShown ||= value;
      }
    }
  }
  return v;
}

/** The first mention the SKU does not name; none when the SKU names nothing of that kind. */
function firstConflict(mentions: TextMention[], ordered: Set<string>[]): TextMention | undefined {
  if (!ordered.some((set) => set.size > 0)) return undefined;
  return mentions.find((m) => !ordered.some((set) => set.has(m.value)));
}

function checkMemoSku(f: OrderFacts, ctx: CheckContext, out: OrderWarning[]): void {
  const { order } = f;
  if (!ctx.enabled("memo-sku-conflict") || (order.status !== "paid" && order.status !== "unpaid")) return;
  const memo = order.sellerMemo ?? "";
  const message = order.buyerMessage ?? "";
  let sku: SkuValues | undefined;
  if (memo.trim()) sku = memoSkuConflict("备注", memo, order, sku, out);
  if (message.trim()) memoSkuConflict("买家留言", message, order, sku, out);
}

/** Checks one text (memo or message) against the SKU; returns the SKU values once derived, for the next text. */
function memoSkuConflict(
  source: string,
  text: string,
  order: Order,
  known: SkuValues | undefined,
  out: OrderWarning[],
): SkuValues | undefined {
  const m = findMentions(text);
  if (m.colours.length === 0 && m.sizes.length === 0 && m.models.length === 0) return known;
  const sku = known ?? skuValues(order);
  const colour = firstConflict(m.colours, sku.colourSets);
  if (colour) {
    skuConflict(out, order, source, colour.written, "规格", sku.colourShown);
    return sku;
  }
  const size = firstConflict(m.sizes, sku.sizeSets);
  if (size) {
    skuConflict(out, order, source, size.written, "规格", sku.sizeShown);
    return sku;
  }
  if (sku.models.length > 0) {
    const model = m.models.find((mm) => !sku.models.some((s) => s.includes(mm.value)));
    if (model) skuConflict(out, order, source, model.written, "型号", sku.modelShown);
  }
  return sku;
}

function skuConflict(
  out: OrderWarning[],
  order: Order,
  source: string,
  written: string,
  what: "规格" | "型号",
  ordered: string,
): void {
  const ask = `亲，您拍下的${what}是“${ordered}”，${source === "备注" ? "订单备注" : "您的留言"}里写的是“${written}”，请问以哪个为准呢？`;
  push(out, order, "memo-sku-conflict", "error", `${source}写“${written}”，但下单${what}为“${ordered}”`, written, [
    { kind: "copy-text", label: `复制核对${what}话术`, text: ask },
  ]);
}

/** Negations that cancel a keyword right before it: 不急, 不用发票, 无需备注. */
const KEYWORD_NEGATIONS = ["不", "别", "无需", "不用", "不需要", "没", "不着", "不太"];
/** A verb may stand between the negation and the keyword: 不用发顺丰, 不开发票, 不要走顺丰. */
const NEGATED_VERBS = new Set([..."发开要用走"].map((ch) => ch.charCodeAt(0)));

function keywordNegated(message: string, position: number): boolean {
  if (KEYWORD_NEGATIONS.some((n) => message.endsWith(n, position))) return true;
  if (position < 2 || !NEGATED_VERBS.has(message.charCodeAt(position - 1))) return false;
  return KEYWORD_NEGATIONS.some((n) => message.endsWith(n, position - 1));
}

/** Is the keyword at `position` part of one of the team's exception phrases there (别发 inside 别发错)? */
function insideException(message: string, keyword: string, position: number, exceptions: readonly string[]): boolean {
  for (const phrase of exceptions) {
    let offset = phrase.indexOf(keyword);
    while (offset >= 0) {
      if (position >= offset && message.startsWith(phrase, position - offset)) return true;
      offset = phrase.indexOf(keyword, offset + 1);
    }
  }
  return false;
}

/**
 * A refund or return keyword (退款, 退货, 退钱…) in the message of an order whose refund is already open on the
 * platform adds nothing to `refund-active`, which blocks shipping with the platform's own evidence.
 */
function refundAlreadyWarned(order: Order, ctx: CheckContext): boolean {
  return (
    (order.refund === "requested" || order.refund === "in-progress") &&
    (order.status === "paid" || order.status === "shipped") &&
    ctx.enabled("refund-active")
  );
}

function checkMessage(f: OrderFacts, ctx: CheckContext, out: OrderWarning[]): void {
  const { order } = f;
  if (order.addressChanged && ctx.enabled("address-changed") && isOpen(order)) {
    push(out, order, "address-changed", "warning", `买家修改过收货地址，请按新地址${quote(f.address)}发货`, f.address, [
      { kind: "copy-text", label: "复制新地址给买家核对", text: f.address },
    ]);
  }
  const message = order.buyerMessage ?? "";
  if (!ctx.enabled("message-keyword") || message.trim() === "" || !isOpen(order)) return;
  let found: string[] | undefined;
  const exceptions = ctx.settings.messageKeywordExceptions;
  const refundWarned = refundAlreadyWarned(order, ctx);
  for (const kw of ctx.messageKeywords) {
    if (refundWarned && kw.includes("退")) continue;
    let at = message.indexOf(kw);
    while (at >= 0) {
      const position = at;
      const negated = keywordNegated(message, position);
      const covered = found?.some((k) => k.includes(kw)) ?? false;
      if (!negated && !covered && !(exceptions.length > 0 && insideException(message, kw, position, exceptions))) {
        found ??= [];
        found.push(kw);
        break;
      }
      at = message.indexOf(kw, at + kw.length);
    }
  }
  if (found) {
    push(
      out,
      order,
      "message-keyword",
      "warning",
      `买家留言含“${found.join("”“")}”：${quote(message, 60)}，请先处理再发货`,
      found.join(","),
    );
  }
}

const DELAY_APOLOGY =
  "亲，非常抱歉，您的订单因故未能按时发出，我们正在加急处理，发货后会第一时间通知您，给您带来不便敬请谅解！";
const DELAY_APOLOGY_ONLY = Object.freeze([
  Object.freeze({ kind: "copy-text", label: "复制延迟发货致歉话术", text: DELAY_APOLOGY }),
]) as unknown as OrderAction[];

function checkTiming(f: OrderFacts, ctx: CheckContext, out: OrderWarning[]): void {
  const { order } = f;
  const s = ctx.settings;
  if (order.status === "paid") {
    const paid = parseTimestamp(order.paidAt);
    let deadline = parseTimestamp(order.shipDeadline);
    if (Number.isNaN(deadline) && !Number.isNaN(paid)) deadline = paid + s.shipWithinHours * HOUR;
    if (!Number.isNaN(deadline) && !order.presale) {
      const left = deadline - ctx.nowMs;
      if (left < 0) {
        if (ctx.enabled("ship-overdue")) {
          // Seeds 001/002: a delayed order needs a message to the buyer.
          push(
            out,
            order,
            "ship-overdue",
            "error",
            `已超过发货时限 ${formatDuration(left)}，请尽快发货并联系买家说明`,
            undefined,
            DELAY_APOLOGY_ONLY,
          );
        }
      } else if (left <= s.shipDueSoonHours * HOUR && ctx.enabled("ship-due-soon")) {
        push(out, order, "ship-due-soon", "warning", `距发货时限还剩 ${formatDuration(left)}，请优先发货`);
      }
    }
  }
  if (order.status === "unpaid" && ctx.enabled("unpaid-reminder") && !order.presale?.depositPaid) {
    const created = parseTimestamp(order.createdAt);
    if (!Number.isNaN(created) && ctx.nowMs - created >= s.unpaidReminderMinutes * MINUTE) {
      push(
        out,
        order,
        "unpaid-reminder",
        "info",
        `订单拍下已 ${formatDuration(ctx.nowMs - created)}，仍未付款，可发催付话术并核对地址`,
        undefined,
        [{ kind: "insert-script", label: "插入催付话术", scriptCode: s.unpaidScriptCode }],
      );
    }
  }
  if (ctx.enabled("presale-balance") && order.presale?.depositPaid && !order.presale.balancePaid && isOpen(order)) {
    const due = parseTimestamp(order.presale.balanceDueAt);
    const when = Number.isNaN(due)
      ? ""
      : due < ctx.nowMs
        ? `，尾款截止已过 ${formatDuration(ctx.nowMs - due)}`
        : `，距尾款截止还剩 ${formatDuration(due - ctx.nowMs)}`;
    push(out, order, "presale-balance", "warning", `预售订单已付定金、未付尾款${when}，尾款付清前不要发货`, undefined, [
      { kind: "insert-script", label: "插入催付话术", scriptCode: s.unpaidScriptCode },
    ]);
  }
}

function checkMoney(f: OrderFacts, ctx: CheckContext, out: OrderWarning[]): void {
  const { order } = f;
  const s = ctx.settings;
  if (ctx.enabled("refund-active") && (order.refund === "requested" || order.refund === "in-progress")) {
    if (order.status === "paid") {
      push(out, order, "refund-active", "error", "买家已申请退款，处理完退款前请勿发货");
    } else if (order.status === "shipped") {
      push(out, order, "refund-active", "warning", "已发货订单有进行中的退款，请及时拦截快递或跟进退货");
    }
  }
  if (!isOpen(order)) return;
  if (ctx.enabled("price-over-limit")) {
    let off = 0;
    for (const item of order.items ?? []) {
      if (typeof item.originalPrice === "number" && item.originalPrice > item.price) {
        off += (item.originalPrice - item.price) * (item.quantity || 1);
      }
    }
    off = Math.round(off * 100) / 100;
    if (off > s.priceChangeLimit) {
      const memo = buildMemo({
        kind: "price-change",
        reason: `优惠${off}元（主管确认）`,
        agent: "",
        date: new Date(ctx.nowMs),
      });
      push(
        out,
        order,
        "price-over-limit",
        "warning",
        `改价优惠 ${off} 元，超过客服可自行处理的 ${s.priceChangeLimit} 元，需主管确认`,
        String(off),
        [{ kind: "copy-memo", label: "写改价备注（黄旗）", text: memo.text, flag: memo.flag }],
      );
    }
  }
  if (ctx.enabled("blacklist") && ctx.blacklistActive) {
    let hits: string[] | undefined;
    const buyer = (order.buyer ?? "").trim();
    if (buyer && ctx.blacklistBuyers.has(buyer)) hits = [`买家“${buyer}”`];
    const phone = ctx.blacklistPhones.size > 0 ? normalizePhone(order.receiver?.phone ?? "") : "";
    if (phone && ctx.blacklistPhones.has(phone)) hits = [...(hits ?? []), `电话“${phone}”`];
    for (const kw of ctx.blacklistAddressKeywords) {
      if (f.address.includes(kw)) {
        hits = [...(hits ?? []), `地址含“${kw}”`];
        break;
      }
    }
    if (hits) {
      push(out, order, "blacklist", "error", `命中黑名单：${hits.join("、")}，请联系主管再处理`, hits.join(","));
    }
  }
  if (ctx.enabled("high-value") && order.total >= s.highValueTotal && s.highValueTotal > 0) {
    push(
      out,
      order,
      "high-value",
      "info",
      `订单金额 ${order.total} 元，达到大额订单标准（${s.highValueTotal} 元），请仔细核对`,
    );
  }
  if (ctx.enabled("high-quantity") && s.highQuantity > 0) {
    let quantity = 0;
    for (const item of order.items ?? []) quantity += item.quantity || 0;
    if (quantity >= s.highQuantity) {
      push(out, order, "high-quantity", "info", `订单共 ${quantity} 件，数量较多，请核对库存与是否批发/刷单`);
    }
  }
}

/** All single-order rules for one order. */
export function checkSingleOrder(f: OrderFacts, ctx: CheckContext, out: OrderWarning[]): void {
  checkReceiver(f, ctx, out);
  checkRegion(f, ctx, out);
  checkMemoSku(f, ctx, out);
  checkMessage(f, ctx, out);
  checkTiming(f, ctx, out);
  checkMoney(f, ctx, out);
}
