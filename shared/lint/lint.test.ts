import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { lintText } from "./lint.ts";
import { DEFAULT_LINT_SETTINGS, LintSettingsSchema, parseLintSettings } from "./settings.ts";

const rules = (text: string) => lintText(text).map((f) => `${f.rule}:${f.text}`);

describe("banned phrases (服务禁语)", () => {
  it.each([
    ["我不知道", "banned:我不知道"],
    ["这个不行", "banned:不行"],
    ["我现在很忙,等会再说", "banned:我现在很忙"],
    ["这不是我的错", "banned:这不是我的错"],
    ["这是你的原因", "banned:这是你的原因"],
    ["这是您的原因", "banned:这是您的原因"],
    ["你之前找的哪个客服你现在也找他吧", "banned:你之前找的哪个客服你现在也找他吧"],
    ["你应该理解我们", "banned:你应该理解我们"],
    ["那我也不知道该怎么办了", "banned:那我也不知道该怎么办了"],
  ])("flags %s", (text, expected) => {
    expect(rules(text)).toEqual([expected]);
  });
  it("gives offsets, reasons and the list's suggestion", () => {
    const text = "亲,我不知道哦";
    const [finding] = lintText(text);
    expect(finding).toMatchObject({ rule: "banned", start: 2, end: 6, text: "我不知道" });
    expect(text.slice(finding?.start, finding?.end)).toBe("我不知道");
    expect(finding?.why).toMatch(/服务禁语/);
    expect(finding?.suggestion).toMatch(/确认/);
  });
  it("does not flag questions and conditionals that contain the words", () => {
    expect(rules("您看行不行呢")).toEqual([]);
    expect(rules("如果不行的话可以联系我们")).toEqual([]);
  });
});

describe("bare negatives", () => {
  it("flags a negative without an explanation in the same sentence", () => {
    expect(rules("亲,不能改价哦。")).toEqual(["bare-negative:不能"]);
    expect(rules("我们没有赠品")).toEqual(["bare-negative:没有"]);
    expect(rules("不可以退")).toEqual(["bare-negative:不可以"]);
    expect(rules("这个颜色无法更换。谢谢理解")).toEqual(["bare-negative:无法"]);
  });
  it("accepts a negative explained before or after it", () => {
    expect(rules("亲,不能改价哦,不过可以送您一份小礼品。")).toEqual([]);
    expect(rules("由于是定制商品,不支持七天无理由退换")).toEqual([]);
    expect(rules("不能改价,因为已经是活动最低价了")).toEqual(["superlative:最低价"]);
    expect(rules("暂时没有现货,预计下周到货")).toEqual([]);
    expect(rules("没有收到货的话请联系我们")).toEqual([]);
  });
  it("does not count 可以 inside 不可以 as an explanation", () => {
    expect(rules("不能退,不可以换")).toEqual(["bare-negative:不能", "bare-negative:不可以"]);
  });
  it("keeps sentences apart: an explanation in another sentence does not count", () => {
    expect(rules("不能改价。建议您关注店铺活动")).toEqual(["bare-negative:不能"]);
  });
  it("does not flag reassurance and questions", () => {
    expect(rules("没有问题的话您付一下款")).toEqual([]);
    expect(rules("质量没有任何问题")).toEqual([]);
    expect(rules("您还没有收到吗?")).toEqual([]);
    expect(rules("请问有没有收到货")).toEqual([]);
    expect(rules("能不能帮我改一下地址")).toEqual([]);
    expect(rules("不客气,祝您生活愉快")).toEqual([]);
  });
});

describe("advertising-law superlatives", () => {
  it("flags absolute terms", () => {
    expect(rules("国家级品质")).toEqual(["superlative:国家级"]);
    expect(rules("这是全网最便宜的")).toEqual(["superlative:全网最"]);
    expect(rules("最佳选择,销量第一")).toEqual(["superlative:最佳", "superlative:销量第一"]);
    expect(rules("顶级面料,极品做工,唯一正品")).toEqual(["superlative:顶级", "superlative:极品", "superlative:唯一"]);
    expect(rules("效果 100% 保证")).toEqual(["superlative:100%"]);
  });
  it("does not flag ordinary words that start with 最 or contain 第一", () => {
    expect(rules("我们会第一时间为您安排发货")).toEqual([]);
    expect(rules("最近比较忙,最快明天到,最晚后天")).toEqual([]);
    expect(rules("您最好先量一下尺寸")).toEqual([]);
    expect(rules("第一次购买可以领券")).toEqual([]);
  });
});

describe("settings", () => {
  it("defaults validate against the schema", () => {
    expect(v.safeParse(LintSettingsSchema, DEFAULT_LINT_SETTINGS).success).toBe(true);
    expect(parseLintSettings(undefined)).toBe(DEFAULT_LINT_SETTINGS);
    expect(parseLintSettings("junk")).toBe(DEFAULT_LINT_SETTINGS);
  });
  it("keeps valid team entries and drops only invalid ones", () => {
    const settings = parseLintSettings({
      bannedPhrases: [{ text: "亲亲你懂的", suggestion: "请直接说明" }, "你随便", { text: "" }, 42],
      negativeWords: "not a list",
      allowPhrases: [],
    });
    expect(settings.bannedPhrases.map((w) => w.text)).toEqual(["亲亲你懂的", "你随便"]);
    expect(settings.negativeWords).toEqual(DEFAULT_LINT_SETTINGS.negativeWords);
    expect(lintText("亲亲你懂的", settings)).toMatchObject([{ rule: "banned", suggestion: "请直接说明" }]);
    // an emptied allow list makes 第一时间 a finding again
    expect(lintText("第一时间发货", settings).map((f) => f.text)).toEqual(["第一"]);
  });
  it("can be switched off and treats regex characters in words literally", () => {
    expect(lintText("我不知道", { ...DEFAULT_LINT_SETTINGS, enabled: false })).toEqual([]);
    const settings = parseLintSettings({ bannedPhrases: ["a+b(", "$.*"] });
    expect(lintText("a+b( and $.* but not aab", settings).map((f) => f.text)).toEqual(["a+b(", "$.*"]);
  });
  it("treats hostile text as text", () => {
    const text = "<script>alert('不行')</script>";
    expect(lintText(text)).toMatchObject([{ text: "不行", start: 15, end: 17 }]);
  });
  it("is fast: 2,500 characters (50 sentences) lint in under 20 ms even on a loaded machine", () => {
    const text = "亲,您好,欢迎光临本店,我们会第一时间为您安排发货,不能改价哦,不过可以送您小礼品。".repeat(50);
    lintText(text);
    const started = performance.now();
    for (let i = 0; i < 20; i++) lintText(text);
    const perCall = (performance.now() - started) / 20;
    expect(perCall).toBeLessThan(20);
  });
});
