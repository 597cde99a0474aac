// Pure helpers shared by the demo pages (browser) and the demo server (Node): no DOM, no Node APIs.
// Orders are stored with relative times (minutes before/after "now") so the demo stays meaningful on
// any day; `materializeOrder` turns them into absolute ISO timestamps for a given clock.

const MINUTE = 60_000;
const CHINA_OFFSET_MS = 8 * 60 * MINUTE;

/** The demo clock: `?now=<ISO>` fixes it (tests), otherwise the real time. */
export function resolveNow(search) {
  const raw = new URLSearchParams(search ?? "").get("now");
  if (raw) {
    const ms = Date.parse(raw);
    if (!Number.isNaN(ms)) return ms;
  }
  return Date.now();
}

const iso = (nowMs, minutes) =>
  minutes === null || minutes === undefined ? undefined : new Date(nowMs + minutes * MINUTE).toISOString();

/** A stored order with absolute createdAt/paidAt/shipDeadline (and presale.balanceDueAt) for the given clock. */
export function materializeOrder(raw, nowMs) {
  const order = structuredClone(raw);
  order.createdAt = iso(nowMs, -raw.createdMinutesAgo);
  const paidAt = iso(nowMs, raw.paidMinutesAgo === null ? null : -raw.paidMinutesAgo);
  if (paidAt) order.paidAt = paidAt;
  const shipDeadline = iso(nowMs, raw.shipDeadlineInMinutes);
  if (shipDeadline) order.shipDeadline = shipDeadline;
  if (raw.presale && raw.presale.balanceDueInMinutes !== undefined) {
    order.presale.balanceDueAt = iso(nowMs, raw.presale.balanceDueInMinutes);
  }
  return order;
}

/** "2026-11-23 19:24:39" in China time (the back offices show Beijing time, no zone). */
export function formatDateTime(isoString) {
  if (!isoString) return "";
  const d = new Date(Date.parse(isoString) + CHINA_OFFSET_MS);
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** 淘宝-style SKU text: "颜色分类：黑色;尺码：XL". */
export function skuText(skuProps, separator = ";") {
  return Object.entries(skuProps ?? {})
    .map(([k, v]) => `${k}：${v}`)
    .join(separator);
}

export function paginate(list, page, pageSize) {
  const size = Math.max(1, Math.floor(pageSize) || 10);
  const pages = Math.max(1, Math.ceil(list.length / size));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  return {
    page: current,
    pageSize: size,
    pages,
    total: list.length,
    items: list.slice((current - 1) * size, current * size),
  };
}

/** "剩余 5小时12分" / "已超时 3小时" — the countdown the platforms show next to the ship deadline. */
export function deadlineText(shipDeadlineIso, nowMs) {
  if (!shipDeadlineIso) return "";
  const diff = Math.round((Date.parse(shipDeadlineIso) - nowMs) / MINUTE);
  const abs = Math.abs(diff);
  const span = abs >= 60 ? `${Math.floor(abs / 60)}小时${abs % 60 ? `${abs % 60}分` : ""}` : `${abs}分钟`;
  return diff >= 0 ? `剩余${span}` : `已超时${span}`;
}

// ---- Deterministic synthetic orders (千牛 `?count=N`, for the performance benchmark) ----

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN = [
  "伟",
  "芳",
  "娜",
  "秀英",
  "敏",
  "静",
  "丽",
  "强",
  "磊",
  "军",
  "洋",
  "勇",
  "艳",
  "杰",
  "娟",
  "涛",
  "明",
  "超",
  "秀兰",
  "霞",
  "平",
  "刚",
  "桂英",
  "子涵",
  "浩然",
  "欣怡",
  "梓萱",
  "宇轩",
  "雨桐",
  "思远",
];
const PLACES = [
  ["浙江省", "杭州市", "西湖区", "文三路"],
  ["江苏省", "南京市", "秦淮区", "中华路"],
  ["广东省", "广州市", "海珠区", "新港中路"],
  ["广东省", "深圳市", "南山区", "科技南路"],
  ["上海", "上海市", "黄浦区", "西藏中路"],
  ["北京", "北京市", "东城区", "东直门南大街"],
  ["山东省", "青岛市", "崂山区", "海尔路"],
  ["湖北省", "武汉市", "武昌区", "中南路"],
  ["四川省", "成都市", "锦江区", "春熙路"],
  ["福建省", "泉州市", "丰泽区", "田安南路"],
  ["河南省", "郑州市", "二七区", "大学路"],
  ["陕西省", "西安市", "碑林区", "南大街"],
];
const REMOTE = [
  ["新疆维吾尔自治区", "喀什地区", "喀什市", "人民东路"],
  ["甘肃省", "天水市", "秦州区", "民主西路"],
  ["西藏自治区", "日喀则市", "桑珠孜区", "上海中路"],
];
const PRODUCTS = [
  [
    "南极人加绒连帽卫衣男秋冬款宽松潮牌外套",
    129,
    (pickOf) => ({ 颜色分类: pickOf(["黑色", "灰色", "藏青"]), 尺码: pickOf(["M", "L", "XL", "XXL"]) }),
  ],
  [
    "法式复古碎花连衣裙女2024秋季新款收腰长裙",
    159,
    (pickOf) => ({ 颜色分类: pickOf(["杏色碎花", "黑色", "藏青碎花"]), 尺码: pickOf(["S", "M", "L"]) }),
  ],
  [
    "回力帆布鞋女低帮百搭小白鞋学生板鞋",
    69.9,
    (pickOf) => ({ 颜色分类: pickOf(["白绿", "黑白"]), 鞋码: pickOf(["36", "37", "38", "39", "40"]) }),
  ],
  [
    "富光316不锈钢保温杯大容量男女学生水杯",
    89,
    (pickOf) => ({ 颜色分类: pickOf(["雾霾蓝", "奶白", "墨绿"]), 容量: pickOf(["500ml", "750ml"]) }),
  ],
  ["2024新茶 安溪铁观音浓香型礼盒装500g", 238, (pickOf) => ({ 规格: pickOf(["500g礼盒装", "250g罐装"]) })],
];

/** `count` synthetic 淘宝 orders (same every time), about a third with a deliberate problem; `expected` maps id → rule ids. */
export function syntheticOrders(count, nowMs) {
  const rand = mulberry32(count * 7919 + 17);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const orders = [];
  const expected = {};
  for (let i = 0; i < count; i++) {
    const [title, price, sku] = pick(PRODUCTS);
    const skuProps = sku(pick);
    const name = pick([...SURNAMES]) + pick(GIVEN);
    let place = pick(PLACES);
    let phone = `1${pick(["38", "39", "58", "59", "86", "87", "35", "77"])}${String(Math.floor(rand() * 1e8)).padStart(8, "0")}`;
    const warnings = [];
    let status = "paid";
    let buyerMessage = "";
    let shipDeadlineInMinutes;
    const createdMinutesAgo = 5 + Math.floor(rand() * 600);
    const problem =
      rand() < 0.35
        ? pick([
            "remote-area",
            "missing-phone",
            "phone-virtual",
            "memo-sku-conflict",
            "message-keyword",
            "ship-due-soon",
            "unpaid-reminder",
          ])
        : "";
    if (problem === "remote-area") place = pick(REMOTE);
    if (problem === "missing-phone") phone = "";
    if (problem === "phone-virtual") phone = `${phone}-${String(1000 + Math.floor(rand() * 9000))}`;
    if (problem === "memo-sku-conflict")
      buyerMessage = skuProps.尺码 === "L" ? "拍的L码，麻烦改发XL码" : "要红色的，别发错了";
    if (problem === "message-keyword") buyerMessage = pick(["能发顺丰吗", "需要开发票", "急用，今天能发吗"]);
    if (problem === "ship-due-soon") shipDeadlineInMinutes = 30 + Math.floor(rand() * 240);
    if (problem === "unpaid-reminder") status = "unpaid";
    // A colour/size wish can only contradict a SKU that has a colour or size: the tea (规格 only) has neither,
    // so no checker can (or should) call "要红色的" on it a conflict — nothing is planted there.
    const conflictPossible = skuProps.颜色分类 !== undefined || skuProps.尺码 !== undefined;
    if (problem && (problem !== "memo-sku-conflict" || conflictPossible)) warnings.push(problem);
    const paidMinutesAgo = status === "unpaid" ? null : createdMinutesAgo - 1;
    if (shipDeadlineInMinutes === undefined && status === "paid") shipDeadlineInMinutes = 48 * 60 - paidMinutesAgo;
    const quantity = rand() < 0.8 ? 1 : 2;
    const id = String(5000000000000000000n + BigInt(i) * 7193n + BigInt(count));
    const [province, city, district, road] = place;
    const detail = `${road}${1 + Math.floor(rand() * 999)}号${1 + Math.floor(rand() * 30)}栋${101 + Math.floor(rand() * 1500)}室`;
    const raw = {
      id,
      platform: "taobao",
      status,
      statusText: status === "unpaid" ? "等待买家付款" : "买家已付款",
      buyer: `tb_${name}${Math.floor(rand() * 9000 + 1000)}`,
      items: [{ title, skuProps, price, quantity }],
      total: Math.round(price * quantity * 100) / 100,
      shippingFee: 0,
      buyerMessage,
      sellerMemo: "",
      flag: "none",
      receiver: { name, phone, province, city, district, detail, address: `${province} ${city} ${district} ${detail}` },
      createdMinutesAgo: problem === "unpaid-reminder" ? 180 + createdMinutesAgo : createdMinutesAgo,
      paidMinutesAgo,
      shipDeadlineInMinutes: shipDeadlineInMinutes ?? null,
      addressChanged: false,
      refund: "none",
    };
    orders.push(materializeOrder(raw, nowMs));
    expected[id] = warnings;
  }
  return { orders, expected };
}
