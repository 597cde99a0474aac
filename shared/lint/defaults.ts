/**
 * Default word lists of the service-language lint, as plain data (no valibot) so the lint itself stays small
 * enough for a content script. Sources: 001 table 6.1 (服务禁语), 000 (bare negatives), advertising law.
 */

/** A listed word and a better wording shown with its finding. */
export interface LintWord {
  text: string;
  suggestion?: string;
}

/** Team lint settings (section `lint`); validated by `LintSettingsSchema` in settings.ts. */
export interface LintSettings {
  enabled: boolean;
  bannedPhrases: LintWord[];
  superlatives: LintWord[];
  negativeWords: string[];
  explanationWords: string[];
  allowPhrases: string[];
}

export const DEFAULT_BANNED_PHRASES: LintWord[] = [
  { text: "我不知道", suggestion: "这个问题我马上帮您确认一下,请稍等哦" },
  { text: "我也不知道", suggestion: "这个问题我马上帮您确认一下,请稍等哦" },
  { text: "那我也不知道该怎么办了", suggestion: "我们一起看看还有什么办法,我马上帮您反馈处理" },
  { text: "不知道该怎么办", suggestion: "我们一起看看还有什么办法,我马上帮您反馈处理" },
  { text: "不行", suggestion: "很抱歉,这个暂时做不到,不过我们可以……(给出替代方案)" },
  { text: "我现在很忙", suggestion: "不好意思让您久等了,我马上为您处理" },
  { text: "这不是我的错", suggestion: "给您带来不便非常抱歉,我们一起来解决" },
  { text: "这是你的原因", suggestion: "我们一起看看是哪里出了问题,我帮您处理" },
  { text: "是你自己的原因", suggestion: "我们一起看看是哪里出了问题,我帮您处理" },
  { text: "你之前找的哪个客服你现在也找他吧", suggestion: "我来帮您处理,麻烦把订单号发我一下" },
  { text: "你去找之前的客服", suggestion: "我来帮您处理,麻烦把订单号发我一下" },
  { text: "你应该理解我们", suggestion: "希望能得到您的理解,我们会尽力为您处理" },
  { text: "这不归我管", suggestion: "我帮您联系负责的同事,尽快给您答复" },
  { text: "不关我的事", suggestion: "我帮您联系负责的同事,尽快给您答复" },
  { text: "我也没办法", suggestion: "很抱歉,目前暂时做不到……,我们可以试试……" },
  { text: "没办法", suggestion: "很抱歉,目前暂时做不到……,我们可以试试……" },
  { text: "爱买不买", suggestion: "亲,您可以再考虑一下,有需要随时找我哦" },
  { text: "你自己看", suggestion: "我把详情发给您,您看一下哦" },
  { text: "不可能", suggestion: "我马上帮您核实一下" },
  { text: "你听懂了吗", suggestion: "我再给您详细说明一下" },
  { text: "规定就是这样", suggestion: "按照店铺/平台的规则是……,原因是……,给您带来不便请您见谅" },
];

export const DEFAULT_SUPERLATIVES: LintWord[] = [
  ...["国家级", "世界级", "全球级", "宇宙级"].map((text) => ({ text, suggestion: "删去级别说法,写具体的认证或参数" })),
  ...["最高级", "最佳", "最好的", "最优", "最强", "最便宜", "最低价", "最实惠", "最先进", "最权威", "最正宗"].map(
    (text) => ({ text, suggestion: "换成具体、可证实的描述,如「性价比很高」「很多老客户回购」" }),
  ),
  ...["最受欢迎", "最畅销", "最火", "史上最", "全网最"].map((text) => ({
    text,
    suggestion: "换成具体数据或感受,如「这款很受欢迎」「月销上千件」",
  })),
  ...["全网第一", "销量第一", "排名第一", "第一品牌", "第一"].map((text) => ({
    text,
    suggestion: "换成具体数据,如「这款回购率很高」",
  })),
  ...["唯一", "独一无二", "顶级", "极品", "顶尖", "极致", "万能", "100%", "百分之百"].map((text) => ({
    text,
    suggestion: "换成具体、可证实的描述,如「做工很精细」「用料很扎实」",
  })),
];

export const DEFAULT_NEGATIVE_WORDS = [
  "不能",
  "不可以",
  "没有",
  "无法",
  "不支持",
  "不提供",
  "不退",
  "不换",
  "不包邮",
  "办不到",
];

export const DEFAULT_EXPLANATION_WORDS = [
  "因为",
  "由于",
  "原因",
  "所以",
  "为了",
  "以免",
  "否则",
  "如果",
  "只要",
  "除非",
  "但",
  "不过",
  "可以",
  "建议",
  "或者",
  "换成",
  "帮您",
  "为您",
  "给您",
  "预计",
  "马上",
  "尽快",
  "稍后",
  "正在",
  "的话",
];

/**
 * Phrases that contain a flagged word but are fine. Decisions: "没有问题"/"没有任何问题" reassure; "能不能",
 * "有没有", "可不可以", "行不行" ask; "第一时间"/"第一次" are about time and order, not rank; "您最好…" is advice.
 * Not flagged at all because no list entry matches them: "不客气", "最近", "最晚", "最多" and "最快明天到"
 * (最快 + a date is a delivery estimate, not a claim about the product; the lists only hold 最-words that praise).
 */
export const DEFAULT_ALLOW_PHRASES = [
  "没有问题",
  "没有任何问题",
  "没有质量问题",
  "没有影响",
  "没有关系",
  "没有色差",
  "没有异味",
  "没有区别",
  "没有差别",
  "有没有",
  "能不能",
  "可不可以",
  "行不行",
  "不行的话",
  "不能错过",
  "第一时间",
  "第一次",
  "第一步",
  "第一天",
  "第一件",
  "第一单",
  "第一个",
  "您最好",
  "最好是",
  "最好先",
  "最好还是",
];

export const DEFAULT_LINT_SETTINGS: LintSettings = {
  enabled: true,
  bannedPhrases: DEFAULT_BANNED_PHRASES,
  superlatives: DEFAULT_SUPERLATIVES,
  negativeWords: DEFAULT_NEGATIVE_WORDS,
  explanationWords: DEFAULT_EXPLANATION_WORDS,
  allowPhrases: DEFAULT_ALLOW_PHRASES,
};
