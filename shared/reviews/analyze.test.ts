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
    // Without a question mark a why-clause says nothing by itself…
    expect(sentimentOf("为什么买这个颜色，因为我妈喜欢")).toBe("positive");
    expect(sentimentOf("为什么选这个颜色")).toBe("neutral");
    // …but buyers often drop the mark before 呢, and a bare question is a complaint unless they are only unsure.
    expect(sentimentOf("洗了三次为什么头皮还是这么痒呢")).toBe("negative");
    expect(sentimentOf("说好的赠品呢？")).toBe("negative");
    expect(sentimentOf("这也算加绒的？")).toBe("negative");
    expect(sentimentOf("还没用，不知道效果怎么样？")).toBe("neutral");
    // A "?" between two characters is an emoji lost to a wrong encoding, not a question.
    expect(sentimentOf("宝贝收到了?很喜欢?")).toBe("positive");
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

  // The platforms' stars are easy to give and buyers complain in 5-star reviews; the text must be able to win.
  it.each<[string, number, "positive" | "negative"]>([
    ["给五星是因为客服小姐姐态度好，衣服本身质量一般，洗一次就起球了", 5, "negative"],
    ["五星給物流，東西真的不怎麼樣，味道很刺鼻", 5, "negative"],
    ["默认好评，鞋子穿了三天就开胶了，可惜了这么好看的颜色", 5, "negative"],
    ["质量太差了穿了一次就开线了垃极", 5, "negative"],
    ["收到货打开一看料子跟图片完全不一样但是看在物流快的份上给五星吧", 5, "negative"],
    ["5星好评是冲着老板人好，这次的苹果一点都不脆，还有好几个烂的", 5, "negative"],
    ["款式挺好看的，可惜做工太粗糙，线头到处都是", 5, "negative"],
    ["衣服收到了😡😡 跟图片完全两个样", 5, "negative"],
    ["東西還可以，但是客服態度太差了，問了半天都不回", 5, "negative"],
    ["明明写着纯棉，摸着全是化纤，反而比地摊的还硬", 5, "negative"],
    ["我买的是黑色，发给我的是灰色", 4, "negative"],
    ["因为客服态度好才给的好评，衣服洗一次就起球严重", 5, "negative"],
    ["冲着主播给的五星，收到的橙子一半是干瘪的，还不够秤", 5, "negative"],
    ["电话一直打不通，装好第二天就漏水", 5, "negative"],
    // …while one small gripe after praise leaves a 5-star review positive, and a 1-star click on pure praise
    // (a slip of the finger) follows the words.
    ["质量很好，穿着舒服，就是物流稍微慢了一点", 5, "positive"],
    ["杯子很好看，就是有点小", 5, "positive"],
    ["手机用着很流畅，电池也耐用，唯一不足是有点重", 4, "positive"],
    ["宝贝和图片一模一样，灰常喜欢，下次还来", 1, "positive"],
  ])("text evidence against the stars: %s (%i★) → %s", (text, rating, expected) => {
    expect(sentimentOf(text, rating)).toBe(expected);
  });

  it("reads trailing degree words, mistaken expectations, wishes and resultative 好", () => {
    // A degree word after the opinion strengthens it: 色差严重 is worse than 色差.
    expect(analyzeReview({ text: "色差严重" }).score).toBeLessThan(analyzeReview({ text: "色差" }).score);
    expect(sentimentOf("这款耳机音质好极了")).toBe("positive");
    expect(sentimentOf("说明书写得差极了")).toBe("negative");
    // 实在 before an opinion is a degree word, not 实在 (honest).
    expect(sentimentOf("价格实惠，实在不行")).toBe("negative");
    // 以为 introduces what did not hold: 还以为坏了 is no complaint, 本以为很好用 is no praise.
    expect(sentimentOf("还以为坏了，原来是没插好电源，现在用着挺好")).toBe("positive");
    expect(sentimentOf("本以为很好用")).not.toBe("positive");
    // A wish or a condition is no opinion of what arrived.
    expect(sentimentOf("希望下次包装能更好更结实")).toBe("neutral");
    expect(sentimentOf("收到后发现屏幕有坏点，希望客服能好好处理")).toBe("negative");
    // 买好了 is "bought", not "good".
    expect(sentimentOf("刚买好第二天就降价了，不开心")).toBe("negative");
    // The label 唯一不足 adds nothing of its own: one flaw after praise leaves the review positive.
    expect(sentimentOf("味道不错，价钱也划算，唯一不足的是有一个压坏了")).toBe("positive");
  });

  it("reads an exclamation as stress on its sentence", () => {
    expect(analyzeReview({ text: "质量太差了！！" }).score).toBeLessThan(analyzeReview({ text: "质量太差了" }).score);
    expect(analyzeReview({ text: "物流很快！" }).score).toBeGreaterThan(analyzeReview({ text: "物流很快" }).score);
  });

  it("reads A-not-A questions as asking, rhetorical 是不是 / 能不能 as doubt", () => {
    expect(sentimentOf("给老人买的，不知道给不给力，先用着")).toBe("neutral");
    expect(sentimentOf("橙子甜不甜还不知道，还没拆")).toBe("neutral");
    expect(sentimentOf("连个防伪码都没有，是不是正品啊")).toBe("negative");
    expect(sentimentOf("做生意能不能诚信点")).toBe("negative");
  });

  it("reads degree complements and fixed platform texts without an opinion of their own", () => {
    expect(sentimentOf("这个面包好吃得不行")).toBe("positive");
    expect(sentimentOf("洗完头皮痒得厉害")).toBe("negative");
    expect(sentimentOf("默认好评")).toBe("neutral");
    expect(sentimentOf("此用户没有填写评价。", 5)).toBe("positive");
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

  it("credits the topic the stars were given for, while the review stays a complaint", () => {
    const forService = analyzeReview({ id: "s", rating: 5, text: "五星是给客服小姐姐的，衣服本身质量一般般" });
    expect(forService.sentiment).toBe("negative");
    expect(Object.fromEntries(forService.topics.map((t) => [t.id, t.sentiment]))).toMatchObject({
      service: "positive",
      quality: "negative",
    });
    const forCourier = analyzeReview({ id: "c", rating: 5, text: "冲着快递小哥才给的好评，东西不怎么样" });
    expect(forCourier.topics.find((t) => t.id === "shipping")?.sentiment).toBe("positive");
    expect(forCourier.sentiment).toBe("negative");
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

  it.each<[string, string, "positive" | "negative"]>([
    ["shipping", "快遞太慢了，等了一個禮拜才到", "negative"],
    ["shipping", "顺丰次日达，物流给力", "positive"],
    ["shipping", "物流信息一直不更新", "negative"],
    ["quality", "質量很好，做工也精细", "positive"],
    ["quality", "质量太差，用了两天就坏了", "negative"],
    ["size", "尺碼偏小，建議拍大一碼", "negative"],
    ["size", "大小刚好合适", "positive"],
    ["size", "个子165穿M码正好", "positive"],
    ["size", "鞋子挤脚，走一会儿就疼", "negative"],
    ["color", "顏色有色差，實物偏黃", "negative"],
    ["material", "面料摸着很舒服，纯棉的不扎人", "positive"],
    ["material", "材质很廉价，一股塑料味", "negative"],
    ["packaging", "包裝破了，盒子都压扁了", "negative"],
    ["packaging", "下雨天送来的，纸箱都湿了", "negative"],
    ["service", "客服態度很好，耐心解答", "positive"],
    ["service", "客服爱理不理的，问了也不回", "negative"],
    ["price", "价格实惠，性价比很高", "positive"],
    ["price", "比超市贵多了，不值这个价", "negative"],
    ["wrong-or-missing", "少发了一件，客服说补发又没消息", "negative"],
    ["wrong-or-missing", "拍的M码發成了L码", "negative"],
    ["function", "去屑效果很明显，头皮不痒了", "positive"],
    ["function", "续航不行，半天就没电了", "negative"],
    ["function", "冰箱用了三天就不制冷了", "negative"],
    ["fake", "懷疑是假貨，和專櫃的味道不一樣", "negative"],
    ["fake", "防伪码查过了是正品，放心", "positive"],
  ])("topic %s in %s → %s", (id, text, expected) => {
    expect(topicsOf(text)[id]).toBe(expected);
  });

  it("does not take a keyword inside an unrelated phrase for its topic", () => {
    expect(topicsOf("用了一周没发现什么问题，很好")["wrong-or-missing"]).toBeUndefined();
    expect(topicsOf("这次发的是顺丰，第二天就到了")["wrong-or-missing"]).toBeUndefined();
    expect(sentimentOf("这次发的是顺丰，第二天就到了，很快")).toBe("positive");
    expect(topicsOf("糖再少一点就更好了")["wrong-or-missing"]).toBeUndefined();
    expect(topicsOf("付款三天了还没发货").shipping).toBe("negative");
    expect(topicsOf("买的黑色发的是白色")["wrong-or-missing"]).toBe("negative");
  });

  it("finds topics through typos and internet spellings", () => {
    expect(topicsOf("物流灰常快，稀饭")).toMatchObject({ shipping: "positive" });
    expect(topicsOf("质量垃极，拉圾")).toMatchObject({ quality: "negative" });
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
