import { describe, expect, it } from "vitest";
import { lintText } from "../lint/index.ts";
import { draftReply, fillTemplate, MAX_REPLY_HAN } from "./draft.ts";
import { DEFAULT_REVIEW_TEMPLATES, parseReviewTemplateSettings, type ReviewTemplates } from "./templates.ts";
import { TOPIC_IDS } from "./topics.ts";

const REVIEWS = [
  { id: "r1", text: "质量很好，物流也快，下次还来", buyer: "小王", item: "纯棉短袖T恤" },
  { id: "r2", text: "尺码偏大，颜色也有色差，退货了", buyer: "t**9" },
  { id: "r3", text: "发错货了，客服还不理人，差评" },
  { id: "r4", text: "还行吧，包装一般", rating: 3 },
  { id: "r5", text: "怀疑是假货，洗完头皮痒", item: "去屑洗发水 500ml" },
];

const hanCount = (text: string) => text.match(/\p{Script=Han}/gu)?.length ?? 0;

// 服务禁语 and advertising-law words a reply must never contain.
const BANNED = [
  "我不知道",
  "不行",
  "这不是我的错",
  "你应该理解我们",
  "不可能",
  "没办法",
  "不清楚",
  "你自己",
  "最",
  "第一",
  "唯一",
  "顶级",
  "国家级",
  "极品",
  "万能",
  "绝对",
];

describe("draftReply", () => {
  it("thanks and invites back on praise, mentioning the praised topic", () => {
    const draft = draftReply(REVIEWS[0] ?? { text: "" }, { shopName: "棉花小铺" });
    expect(draft.sentiment).toBe("positive");
    expect(draft.text).toContain("小王");
    expect(draft.text).toMatch(/感谢|谢谢/);
    expect(draft.text).toMatch(/光临|再来|欢迎/);
    expect(draft.topics.map((topic) => topic.id)).toEqual(expect.arrayContaining(["quality", "shipping"]));
  });

  it("follows the complaint flow on negative reviews: soothe, find the cause, take a stand, solve, apologise, thank", () => {
    const draft = draftReply(REVIEWS[2] ?? { text: "" }, { shopName: "棉花小铺" });
    expect(draft.sentiment).toBe("negative");
    // 安抚 → 查明原因 → 表明立场 → 全力解决 → 真诚道歉 → 感谢理解
    const steps = [
      /理解|重视/,
      /核对|核查|核实|查找/,
      /负责到底|绝不让顾客吃亏/,
      /联系.*客服|照片/,
      /道歉|歉意/,
      /感谢|谢谢/,
    ];
    let from = 0;
    for (const step of steps) {
      const at = draft.text.slice(from).search(step);
      expect(at, `step ${step} after ${from} in ${draft.text}`).toBeGreaterThanOrEqual(0);
      from += at + 1;
    }
    expect(draft.text).toContain("棉花小铺");
  });

  it.each([
    ["shipping", "快递太慢了，等了一个礼拜才到"],
    ["quality", "质量太差，用了两天就坏了"],
    ["size", "尺码偏小，穿着勒得慌，失望"],
    ["color", "颜色有色差，实物偏黄，不满意"],
    ["material", "材质很廉价，一股塑料味"],
    ["packaging", "包装破了，盒子都压扁了"],
    ["service", "客服爱理不理的，问了也不回"],
    ["price", "比超市贵多了，不值这个价"],
    ["wrong-or-missing", "拍的M码发成了L码，差评"],
    ["function", "续航不行，半天就没电了"],
    ["fake", "怀疑是假货，和专柜的味道不一样"],
  ])("keeps the complaint flow and never argues on a %s complaint", (topic, text) => {
    const draft = draftReply({ id: `flow-${topic}`, text, rating: 1 }, { shopName: "棉花小铺" });
    expect(draft.sentiment).toBe("negative");
    expect(draft.topics.map((t) => t.id)).toContain(topic);
    const steps = [/理解|重视|了解/, /负责到底|绝不让顾客吃亏/, /联系.*客服/, /道歉|歉意/, /感谢|谢谢/];
    let from = 0;
    for (const step of steps) {
      const at = draft.text.slice(from).search(step);
      expect(at, `step ${step} after ${from} in ${draft.text}`).toBeGreaterThanOrEqual(0);
      from += at + 1;
    }
    expect(lintText(draft.text)).toEqual([]);
    for (const word of BANNED) expect(draft.text).not.toContain(word);
    expect(hanCount(draft.text)).toBeLessThanOrEqual(MAX_REPLY_HAN);
  });

  it("asks for photos when the goods are the problem, not for a late parcel", () => {
    for (let index = 0; index < 6; index++) {
      expect(draftReply({ id: `s${index}`, text: "物流太慢了，等了一个星期" }).text).not.toContain("照片");
      expect(draftReply({ id: `q${index}`, text: "质量太差，开线了" }).text).toContain("照片");
    }
  });

  it("addresses the topic on neutral reviews", () => {
    const draft = draftReply({ id: "n1", text: "物流三天到的，颜色和图片差不多" });
    expect(draft.sentiment).toBe("neutral");
    expect(draft.text).toMatch(/物流/);
  });

  it("never leaves a raw placeholder when buyer, item or shop are unknown", () => {
    for (const review of REVIEWS) {
      const { text } = draftReply({ id: review.id, text: review.text });
      expect(text).not.toMatch(/[{}[\]]/);
      expect(text).not.toMatch(/^[，。]/);
      expect(text).not.toMatch(/，。|。。|，，/);
    }
  });

  it("greets a buyer by name only when the page shows the whole name", () => {
    const templates = parseReviewTemplateSettings({ positive: { opening: ["[{买家}，]谢谢您的好评！"] } });
    const greet = (buyer: string) => draftReply({ id: "g", text: "很好很满意", buyer }, { templates }).text;
    expect(greet("小王")).toMatch(/^小王，谢谢您的好评！/);
    for (const masked of ["t**9", "大**糖", "阿＊＊"]) {
      const text = greet(masked);
      expect(text).toMatch(/^谢谢您的好评！/);
      expect(text).not.toContain("*");
      expect(text).not.toContain("＊");
    }
  });

  it("never apologises for the service the buyer gave the stars to, nor speaks of 尺码 for non-apparel sizes", () => {
    const credited = draftReply({ id: "s", rating: 5, text: "五星是给客服的，裙子本身一般般" }).text;
    expect(credited).not.toMatch(/客服的服务让您失望|加强培训/);
    const fruit = draftReply({ id: "f", rating: 2, text: "苹果个头太小了，比图片上的小很多", item: "红富士苹果" }).text;
    expect(fruit).toMatch(/大小|尺寸/);
    expect(fruit).not.toMatch(/尺码|换码|穿着/);
  });

  it("varies the wording by review id, deterministically", () => {
    const texts = new Set<string>();
    for (let index = 0; index < 12; index++) texts.add(draftReply({ id: `id-${index}`, text: "很好很满意" }).text);
    expect(texts.size).toBeGreaterThan(2);
    expect(draftReply({ id: "x", text: "很好" }).text).toBe(draftReply({ id: "x", text: "很好" }).text);
  });

  it("stays within Taobao's 500 汉字 even with huge custom templates", () => {
    const long = "我们非常重视您的反馈并会认真改进每一个细节".repeat(12);
    const templates = parseReviewTemplateSettings({
      negative: { opening: [long], general: [long], resolve: [long], apology: [long], closing: [long] },
    });
    const draft = draftReply({ id: "L", text: "质量太差，物流太慢，客服态度差，包装破了" }, { templates });
    expect(hanCount(draft.text)).toBeLessThanOrEqual(MAX_REPLY_HAN);
    expect(draft.text.length).toBeGreaterThan(100);
  });

  it("treats hostile buyer names and item titles as text, without re-filling placeholders in them", () => {
    const draft = draftReply(
      { id: "h", text: "很好", buyer: "<b>x</b>{店铺}", item: "{买家}\u0000商品" },
      { shopName: "小店" },
    );
    expect(draft.text).toContain("<b>x</b>{店铺}");
    expect(draft.text).not.toContain("\u0000");
  });

  it("uses team templates from settings", () => {
    const templates = parseReviewTemplateSettings({ positive: { closing: ["{店铺}期待您的再次光临。"] } });
    expect(draftReply({ id: "t", text: "非常满意" }, { templates, shopName: "甜甜果园" }).text).toMatch(
      /甜甜果园期待您的再次光临。$/,
    );
  });

  it("contains no banned service phrases or advertising superlatives in any default draft", () => {
    const texts: string[] = [];
    const all: ReviewTemplates = DEFAULT_REVIEW_TEMPLATES;
    for (const sentiment of ["positive", "neutral", "negative"] as const) {
      const set = all[sentiment];
      for (const line of [...set.opening, ...set.general, ...set.resolve, ...set.apology, ...set.closing])
        texts.push(line);
      for (const id of TOPIC_IDS) texts.push(...(set.topics[id] ?? []));
    }
    for (let index = 0; index < 40; index++) {
      for (const review of REVIEWS)
        texts.push(draftReply({ ...review, id: `${review.id}-${index}` }, { shopName: "小店" }).text);
    }
    for (const text of texts) for (const word of BANNED) expect(text, text).not.toContain(word);
    // The team's service-language lint (shared/lint) finds nothing in any default line or draft either.
    for (const text of texts) expect(lintText(text), text).toEqual([]);
  });
});

describe("draft wording", () => {
  it("names a keyword-stuffed listing title briefly, without promo tags or a cut word", () => {
    const draft = draftReply(
      {
        id: "p1",
        text: "苹果又脆又甜，很好吃",
        item: "【直播间专享】山东烟台红富士苹果 5斤装 脆甜多汁 当季新鲜水果整箱",
      },
      { shopName: "橘子店" },
    );
    expect(draft.text).not.toContain("【");
    expect(draft.text).not.toMatch(/脆甜多(?!汁)/u);
    const short = draftReply({ id: "p2", text: "很好", item: "纯棉短袖T恤" }, {});
    expect(short.text).toContain("纯棉短袖T恤");
  });

  it("states the shop's stand once in a complaint reply", () => {
    for (const id of ["a", "b", "c", "d", "e", "f"]) {
      const draft = draftReply({ id, text: "用了两次就不加热了，效果很差，客服也不理人", rating: 1 }, {});
      expect(draft.text.match(/负责到底|绝不让顾客吃亏/gu) ?? []).toHaveLength(1);
    }
  });
});

describe("default templates without shop, buyer or item", () => {
  it("read as whole sentences: no clause left without its subject or object", () => {
    const all: ReviewTemplates = DEFAULT_REVIEW_TEMPLATES;
    for (const sentiment of ["positive", "neutral", "negative"] as const) {
      const set = all[sentiment];
      const lines = [...set.opening, ...set.general, ...set.resolve, ...set.apology, ...set.closing];
      for (const id of TOPIC_IDS) lines.push(...(set.topics[id] ?? []));
      // A clause that starts with 会/的/对 or a verb left without its object only appears when a value was dropped.
      const dangling = /帮助变得|[，,][会的对]|^[会的对给]|您对的/u;
      for (const line of lines) {
        const bare = fillTemplate(line, {});
        // The full wording: optional parts kept, values given.
        const wording = line.replace(/\[([^\]]*)\]/gu, "$1").replace(/\{[^}]*\}/gu, "某");
        if (!dangling.test(wording)) expect(bare, line).not.toMatch(dangling);
        expect(bare.length, line).toBeGreaterThan(4);
      }
    }
  });
});

describe("fillTemplate", () => {
  it("drops an optional part or the clause holding an unknown value", () => {
    expect(fillTemplate("[{买家}，]感谢您对[{店铺}的]支持！", {})).toBe("感谢您对支持！");
    expect(fillTemplate("[{买家}，]感谢您对[{店铺}的]支持！", { 买家: "阿明", 店铺: "小店" })).toBe(
      "阿明，感谢您对小店的支持！",
    );
    expect(fillTemplate("谢谢您，{买家}亲，欢迎再来。", {})).toBe("谢谢您，欢迎再来。");
    expect(fillTemplate("欢迎再来{店铺}", {})).toBe("");
    expect(fillTemplate("订单{订单号}已处理，谢谢。", {})).toBe("谢谢。");
  });
});
