import { describe, expect, it } from "vitest";
import { analyzeReview } from "./analyze.ts";

const sentimentOf = (text: string, rating?: number) => analyzeReview({ text, rating }).sentiment;
const topicsOf = (text: string) => Object.fromEntries(analyzeReview({ text }).topics.map((t) => [t.id, t.sentiment]));

describe("analyzeReview sentiment", () => {
  it.each([
    ["衣服收到了，做工精细，穿上很合身，很喜欢", "positive"],
    ["物流超快，第二天就到了，水果也很新鲜", "positive"],
    ["用了一周，头发顺滑了很多，味道也好闻，会回购", "positive"],
    ["质量太差了，洗了一次就掉色，不会再买了", "negative"],
    ["电脑开机就黑屏，联系客服也没人理，垃圾", "negative"],
    ["苹果一半都烂了，还有股怪味", "negative"],
  ])("%s → %s", (text, expected) => {
    expect(sentimentOf(text)).toBe(expected);
  });

  it.each([
    ["鞋子很轻，走路不累脚，尺码标准", "positive"],
    ["穿了两天鞋底就开胶了，什么破鞋", "negative"],
    ["口红颜色很正，不拔干，持久度也可以", "positive"],
    ["粉底液氧化严重，上脸一会儿就暗沉了", "negative"],
    ["桌子有一条腿是歪的，放不稳，补发的零件到现在也没来", "negative"],
    ["猫粮猫咪很爱吃，便便也正常", "positive"],
    ["充电宝容量虚标，充一次手机就没电了", "negative"],
    ["说是七天无理由，结果退货还要我出运费，再也不来了", "negative"],
    ["面膜用完脸上长痘了，过敏", "negative"],
  ])("other categories: %s → %s", (text, expected) => {
    expect(sentimentOf(text)).toBe(expected);
  });

  it("handles negation: 不错 is praise, 不好 / 不满意 are complaints, 没问题 / 不贵 are mild praise", () => {
    expect(sentimentOf("不错")).toBe("positive");
    expect(sentimentOf("不好")).toBe("negative");
    expect(sentimentOf("不太满意")).toBe("negative");
    expect(sentimentOf("不是很好用")).toBe("negative");
    expect(sentimentOf("质量没问题")).toBe("positive");
    expect(sentimentOf("一点都不贵")).toBe("positive");
    expect(sentimentOf("没有想象中好")).toBe("negative");
    expect(sentimentOf("联系了三次客服也没解决")).toBe("negative");
    expect(sentimentOf("客服很快帮我解决了")).toBe("positive");
  });

  it("reads lead-ins and fixed phrases around 不 as intensifiers, not negations", () => {
    expect(sentimentOf("与图片完全不符")).toBe("negative");
    expect(sentimentOf("物流不是一般的慢")).toBe("negative");
    expect(sentimentOf("质量一点儿都不好太差了")).toBe("negative");
    expect(sentimentOf("个别客服服务态度差")).toBe("negative");
    expect(sentimentOf("大家一定小心别上当")).toBe("negative");
    expect(sentimentOf("原味也很好喝")).toBe("positive");
  });

  it("weighs the clause after 但是 / 就是 more than the praise before it", () => {
    expect(sentimentOf("包装还可以，但是东西质量太差了")).toBe("negative");
    expect(sentimentOf("虽然物流慢了点，但是东西非常好，很满意")).toBe("positive");
    expect(sentimentOf("样子还行，就是穿了一天就开线了，失望")).toBe("negative");
  });

  it("reads 没吃过这么难吃的 as a strong complaint, not a negated one", () => {
    expect(sentimentOf("从来没吃过这么难吃的苹果")).toBe("negative");
  });

  it("reads irony and doubt as negative", () => {
    expect(sentimentOf("这就是所谓的正品？")).toBe("negative");
    expect(sentimentOf("说好的顺丰包邮呢，真好啊")).toBe("negative");
    expect(sentimentOf("为什么没有发票？")).toBe("negative");
    expect(sentimentOf("为什么没有发票")).toBe("neutral");
  });

  it("uses emoticons and internet spellings", () => {
    expect(sentimentOf("收到了👍")).toBe("positive");
    expect(sentimentOf("收到了👎")).toBe("negative");
    expect(sentimentOf("灰常稀饭")).toBe("positive");
  });

  it("converts traditional characters before matching", () => {
    expect(sentimentOf("質量很好，賣家服務態度也不錯")).toBe("positive");
    expect(sentimentOf("質量太差，頭髮越洗越乾澀，後悔")).toBe("negative");
    expect(topicsOf("物流很快，質量很好")).toMatchObject({ shipping: "positive", quality: "positive" });
    // Hong Kong forms and Cantonese: 唔 negates like 不.
    expect(sentimentOf("質素唔錯，送貨好快，好抵買")).toBe("positive");
    expect(sentimentOf("件衫唔好着，退貨")).toBe("negative");
  });

  it("lets a strongly negative text outweigh 5 stars, and the stars decide a text without opinion", () => {
    expect(sentimentOf("五星是手滑，东西是假货，差评", 5)).toBe("negative");
    expect(sentimentOf("收到了", 5)).toBe("positive");
    expect(sentimentOf("收到了", 1)).toBe("negative");
    expect(sentimentOf("收到了")).toBe("neutral");
    expect(sentimentOf("")).toBe("neutral");
  });

  it("reads run-on text without punctuation", () => {
    expect(sentimentOf("东西收到了质量挺好的就是快递太慢了等了一个星期客服也不回消息很失望")).toBe("negative");
  });

  it("keeps the score in [-1, 1]", () => {
    const strong = analyzeReview({ text: "垃圾垃圾垃圾！骗子！假货！差评！失望！后悔！", rating: 1 });
    expect(strong.score).toBeGreaterThanOrEqual(-1);
    expect(strong.score).toBeLessThan(-0.8);
  });
});

describe("analyzeReview topics", () => {
  it("finds several topics, each with its own sentiment", () => {
    const topics = topicsOf("物流很快，包装也很好，但是尺码偏小，颜色有色差，客服态度很好");
    expect(topics).toMatchObject({
      shipping: "positive",
      packaging: "positive",
      size: "negative",
      color: "negative",
      service: "positive",
    });
  });

  it("reads waiting as a shipping complaint and care as packaging praise", () => {
    expect(topicsOf("等了一个礼拜才到")).toMatchObject({ shipping: "negative" });
    expect(topicsOf("包装也很用心")).toMatchObject({ packaging: "positive" });
  });

  it("detects wrong or missing items, fakes, price, material and function", () => {
    expect(topicsOf("少发了一件，客服说补发又没消息")["wrong-or-missing"]).toBe("negative");
    expect(topicsOf("买的黑色发成了白色")["wrong-or-missing"]).toBe("negative");
    expect(topicsOf("怀疑是假货，和专柜的味道不一样").fake).toBe("negative");
    expect(topicsOf("价格实惠，性价比很高").price).toBe("positive");
    expect(topicsOf("面料很舒服，纯棉的").material).toBe("positive");
    expect(topicsOf("去屑效果很明显").function).toBe("positive");
  });

  it("gives evidence as plain text from the review, hostile markup included as text", () => {
    const analysis = analyzeReview({ text: '<img src=x onerror="alert(1)">物流太慢了' });
    const shipping = analysis.topics.find((topic) => topic.id === "shipping");
    expect(shipping?.sentiment).toBe("negative");
    expect(shipping?.evidence).toContain("物流太慢了");
    expect(analysis.sentiment).toBe("negative");
  });

  it("reads the 追评 follow-up too", () => {
    const analysis = analyzeReview({ text: "刚收到，看着还行", followUp: "用了三天就坏了，质量太差" });
    expect(analysis.sentiment).toBe("negative");
    expect(analysis.topics.map((topic) => topic.id)).toContain("quality");
  });
});
