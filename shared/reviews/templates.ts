/**
 * Review-reply templates: the default set (our own wording) and the schema for a team's overrides, stored in
 * the open `reviewTemplates` section of team settings. Placeholders: {商品} {买家} {店铺}, and {照片}
 * ("商品照片", set only when photos help: complaints about the goods themselves, not about shipping, service
 * or price). A part in square brackets is optional and is dropped as a whole when a placeholder inside it has
 * no value, e.g. "感谢您[对{店铺}]的支持".
 *
 * Negative replies follow the complaint flow from the training manuals:
 * 安抚 (opening) → 查明原因 + 表明立场 (topic lines) → 全力解决 (resolve) → 真诚道歉 (apology) → 感谢理解 (closing).
 */
import * as v from "valibot";
import type { Sentiment } from "../model.ts";
import { TOPIC_IDS, type TopicId } from "./topics.ts";

/** One slot: several wordings; the review id picks one, so a page of drafts is not identical. */
const VariantsSchema = v.pipe(
  v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(300))),
  v.minLength(1),
  v.maxLength(20),
);
/** Slots a sentiment may leave empty (positive replies need no apology). */
const OptionalVariantsSchema = v.pipe(
  v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(300))),
  v.maxLength(20),
);

export const SentimentTemplatesSchema = v.object({
  opening: VariantsSchema,
  /** Lines about one topic (查明原因/表明立场 for complaints, thanks for praise). */
  topics: v.record(v.picklist(TOPIC_IDS), VariantsSchema),
  /** Used when the review names no topic we have a line for. */
  general: VariantsSchema,
  resolve: OptionalVariantsSchema,
  apology: OptionalVariantsSchema,
  closing: VariantsSchema,
});

export const ReviewTemplatesSchema = v.object({
  positive: SentimentTemplatesSchema,
  neutral: SentimentTemplatesSchema,
  negative: SentimentTemplatesSchema,
});

export type SentimentTemplates = v.InferOutput<typeof SentimentTemplatesSchema>;
export type ReviewTemplates = v.InferOutput<typeof ReviewTemplatesSchema>;
export type TemplateSlot = Exclude<keyof SentimentTemplates, "topics">;
export const TEMPLATE_SLOTS: readonly TemplateSlot[] = ["opening", "general", "resolve", "apology", "closing"];

const POSITIVE_TOPICS: Record<TopicId, string[]> = {
  shipping: [
    "物流这么快多亏了快递小哥的辛苦，我们也会继续做到及时发货。",
    "及时把宝贝送到您手上是我们的本分，很高兴您收货顺利。",
  ],
  quality: [
    "品质一直是我们用心把关的地方，您的认可让我们很有干劲。",
    "每一件宝贝出库前都会仔细检查，很高兴质量让您满意。",
  ],
  size: [
    "尺码合适真是太好了，以后挑尺码时也欢迎随时问客服。",
    "很高兴大小刚好合您心意，我们会继续把尺码信息写得清清楚楚。",
  ],
  color: ["颜色和您期待的一样真好，我们会继续如实拍摄、如实描述。", "很高兴颜色让您喜欢，实物和图片一致是我们的坚持。"],
  material: ["面料材质是我们精心挑选的，很高兴您摸得出来这份用心。", "很高兴材质手感让您满意，我们会继续严选用料。"],
  packaging: [
    "包装是我们特意加固过的，宝贝完好送达我们就放心了。",
    "很高兴包装让您满意，我们会继续仔细打包每一个包裹。",
  ],
  service: [
    "能帮上您是客服小伙伴的荣幸，我们会把这份热情一直保持下去。",
    "您的肯定我们已转达给客服小伙伴，大家都特别开心。",
  ],
  price: ["能让您觉得物有所值，是我们一直努力的方向。", "实惠又好用是我们的初心，很高兴您买得开心。"],
  "wrong-or-missing": ["很高兴这次宝贝齐全送达，我们会继续认真核对每一单。"],
  function: [
    "效果让您满意真是太好了，使用中有任何疑问都可以随时找我们。",
    "很高兴宝贝好用，有使用上的小问题随时联系客服哦。",
  ],
  fake: ["本店商品都有正规进货渠道，感谢您的信任。", "正品保障是我们对每位顾客的承诺，谢谢您的信赖。"],
};

const NEUTRAL_TOPICS: Record<TopicId, string[]> = {
  shipping: [
    "关于物流，我们会继续督促快递及时派送，您有任何物流疑问也可以随时联系客服查询。",
    "物流时效我们会持续跟进，争取让宝贝更快到您手上。",
  ],
  quality: [
    "关于质量，我们会继续加强出库检查，使用中如有疑问请随时联系客服。",
    "您对品质的意见我们已记下，会反馈给品控同事持续改进。",
  ],
  size: [
    "尺码方面您可以参考详情页的尺码表，也可以联系客服帮您推荐哦。",
    "关于大小，我们会把尺码说明写得更详细，方便大家挑选。",
  ],
  color: [
    "因拍摄光线和屏幕显示的差别，颜色可能略有出入，我们会尽量拍得更贴近实物。",
    "颜色方面的反馈我们已记下，会优化商品图片的色彩还原。",
  ],
  material: [
    "关于材质，详情页有详细的面料说明，您有疑问也可以随时咨询客服。",
    "您对材质的意见我们已转给选品同事参考。",
  ],
  packaging: ["包装方面我们会继续改进，争取让宝贝完好送达。", "关于包装，我们已记下您的意见，会加强打包防护。"],
  service: [
    "您对服务的意见我们会认真对待，持续提升客服的响应和专业度。",
    "关于服务，我们会加强客服培训，让您每次咨询都更顺心。",
  ],
  price: [
    "价格方面我们会尽量多给大家带来实惠，欢迎关注店铺活动。",
    "关于价格，店铺会定期推出优惠活动，欢迎您多多关注。",
  ],
  "wrong-or-missing": ["如宝贝有缺少或与订单有出入，请联系客服核对，我们会尽快为您补发或更换。"],
  function: [
    "使用效果因人因环境会有差别，您可以联系客服获取使用方法，我们帮您用得更顺手。",
    "关于使用，详情页和说明书有详细步骤，有疑问随时找客服。",
  ],
  fake: [
    "本店商品均从正规渠道进货，可提供相关凭证，请您放心。",
    "正品这一点请您放心，如有疑问可以联系客服查看进货凭证。",
  ],
};

const NEGATIVE_TOPICS: Record<TopicId, string[]> = {
  shipping: [
    "物流让您久等了，我们已联系快递公司核实延误的原因，也会督促加快派送。",
    "关于物流的问题，我们正在和快递公司核实具体原因，会尽快给您答复。",
  ],
  quality: [
    "宝贝出现质量问题是我们把关的疏忽，我们已将情况反馈给品控部门仔细排查原因。",
    "关于质量问题，我们非常重视，正在核查同批次商品，查明原因后会给您满意的答复。",
  ],
  size: [
    "大小和您预期的不一样，我们会核对这批商品的尺寸规格，并把详情页的尺寸说明写得更清楚。",
    "关于大小的问题，我们已着手核对商品的尺寸数据，需要换货的话请随时联系我们。",
  ],
  color: [
    "颜色和您预期有出入，我们已在核对实物与图片的差别，会调整商品图片，让描述更准确。",
    "关于颜色的问题，我们会重新核对实物和图片，给您一个明确的说法。",
  ],
  material: [
    "材质让您失望了，我们已把您的反馈转给选品同事核查面料情况。",
    "关于材质的问题，我们会认真核查用料，确保与描述相符。",
  ],
  packaging: [
    "包装让宝贝在路上受损了，我们已在排查打包环节，以后会加强防护。",
    "关于包装的问题，我们已通知仓库改进打包方式，避免同样的情况再次发生。",
  ],
  service: [
    "客服的服务让您失望了，我们已在内部核查当时的沟通记录，会加强培训。",
    "关于服务的问题，我们已经找到相关客服了解情况，一定认真改进。",
  ],
  price: [
    "关于价格的问题，我们理解您的心情，您可以联系客服了解价格保护和相关补偿方案。",
    "价格让您觉得吃亏了，请联系客服，我们会按店铺的价保规则为您处理。",
  ],
  "wrong-or-missing": [
    "宝贝发错或少发是我们仓库的失误，我们已在核对您的订单和出库记录。",
    "关于发错漏发的问题，我们正在核对出库记录，确认后会尽快为您补发或更换。",
  ],
  function: [
    "宝贝使用效果让您失望了，我们会先帮您确认使用方法，一起查明原因。",
    "关于使用上的问题，我们的技术客服可以一对一帮您排查原因。",
  ],
  fake: [
    "本店商品均从正规渠道进货，可提供进货凭证；您有任何疑虑，我们都愿意配合核实。",
    "关于真伪的疑虑，我们可以向您出示进货凭证，也支持您通过官方渠道验证。",
  ],
};

export const DEFAULT_REVIEW_TEMPLATES: ReviewTemplates = {
  positive: {
    opening: [
      "[{买家}，]感谢您[对{商品}]的认可和好评！",
      "[{买家}，]谢谢您的好评，看到您喜欢[{商品}]我们特别开心！",
      "亲[{买家}]，收到您的好评啦，谢谢您的支持！",
    ],
    topics: POSITIVE_TOPICS,
    general: ["您的满意是我们前进的动力。", "能让您买得称心、用得顺心，是我们一直努力的方向。"],
    resolve: [],
    apology: [],
    closing: [
      "期待您再次光临[{店铺}]，祝您生活愉快！",
      "[{店铺}]随时欢迎您再来逛逛，有任何需要都可以找我们哦！",
      "欢迎常回来看看，祝您天天好心情！",
    ],
  },
  neutral: {
    opening: [
      "[{买家}，]感谢您购买[{商品}]并留下评价。",
      "亲[{买家}]，谢谢您抽空给我们反馈。",
      "[{买家}，]您好，感谢您的真实评价。",
    ],
    topics: NEUTRAL_TOPICS,
    general: [
      "您的每一条意见我们都认真看过，会继续改进商品和服务。",
      "如使用中有任何疑问，欢迎随时联系客服，我们很乐意帮忙。",
    ],
    resolve: [],
    apology: [],
    closing: ["期待下次能让您更加满意，[{店铺}]欢迎您再次光临！", "有需要请随时联系我们，祝您生活愉快！"],
  },
  negative: {
    opening: [
      "[{买家}，]非常理解您现在的心情，您的反馈我们已经认真看过了。",
      "亲[{买家}]，看到您的评价我们非常重视，让您有这样的购物体验，我们也很自责。",
      "[{买家}，]您好，您遇到的情况我们已经了解，非常理解您的感受。",
    ],
    topics: NEGATIVE_TOPICS,
    general: [
      "我们正在认真查找问题的原因，一定给您一个明确的说法。",
      "您遇到的问题我们已记录并在核查原因，会认真对待。",
    ],
    // 表明立场 then 全力解决 (the seeds' complaint flow): the shop's stance comes before the request.
    resolve: [
      "是我们的问题，我们一定负责到底。麻烦您联系在线客服并提供订单号[和{照片}]，我们会尽快为您安排退换或补偿，全力帮您解决。",
      "本店的原则是绝不让顾客吃亏。请您方便时联系客服[，附上{照片}]，我们会专人跟进，尽快给您满意的处理方案。",
    ],
    apology: ["给您添麻烦了，再次向您真诚道歉。", "这次的经历让您受委屈了，我们深表歉意。"],
    // Each line must read well with and without the shop name (the optional part is dropped when unknown).
    closing: [
      "感谢您的理解和耐心，[{店铺}]也谢谢您帮助我们变得更好。",
      "谢谢您的反馈和包容，我们[{店铺}全体同事]会用行动改进。",
    ],
  },
};

export const SENTIMENTS: readonly Sentiment[] = ["positive", "neutral", "negative"];

/** Problems found in a team's `reviewTemplates` section, in Chinese and English, for the settings UI. */
export function validateReviewTemplateSettings(raw: unknown): string[] {
  if (raw === undefined || raw === null) return [];
  if (typeof raw !== "object" || Array.isArray(raw))
    return ["回评模板设置必须是对象 / reviewTemplates must be an object"];
  const issues: string[] = [];
  const section = raw as Record<string, unknown>;
  for (const sentiment of SENTIMENTS) {
    const value = section[sentiment];
    if (value === undefined) continue;
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      issues.push(`${sentiment}: 必须是对象 / must be an object`);
      continue;
    }
    const slots = value as Record<string, unknown>;
    for (const slot of TEMPLATE_SLOTS) {
      if (slots[slot] === undefined) continue;
      const schema = slot === "resolve" || slot === "apology" ? OptionalVariantsSchema : VariantsSchema;
      const result = v.safeParse(schema, slots[slot]);
      if (!result.success) issues.push(`${sentiment}.${slot}: ${result.issues[0]?.message ?? "invalid"}`);
    }
    const topics = slots.topics;
    if (topics === undefined) continue;
    if (typeof topics !== "object" || topics === null || Array.isArray(topics)) {
      issues.push(`${sentiment}.topics: 必须是对象 / must be an object`);
      continue;
    }
    for (const [topic, lines] of Object.entries(topics)) {
      if (!(TOPIC_IDS as readonly string[]).includes(topic)) {
        issues.push(`${sentiment}.topics.${topic}: 未知话题 / unknown topic`);
        continue;
      }
      const result = v.safeParse(VariantsSchema, lines);
      if (!result.success) issues.push(`${sentiment}.topics.${topic}: ${result.issues[0]?.message ?? "invalid"}`);
    }
  }
  return issues;
}

/**
 * The templates to draft with: the team's overrides from settings (any subset of sentiments, slots and
 * topics) over the defaults. Each invalid part falls back to its default, so a bad edit never blocks drafting;
 * `validateReviewTemplateSettings` names what was ignored.
 */
export function parseReviewTemplateSettings(raw: unknown): ReviewTemplates {
  const result: ReviewTemplates = structuredClone(DEFAULT_REVIEW_TEMPLATES);
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return result;
  const section = raw as Record<string, unknown>;
  for (const sentiment of SENTIMENTS) {
    const value = section[sentiment];
    if (typeof value !== "object" || value === null || Array.isArray(value)) continue;
    const slots = value as Record<string, unknown>;
    const target = result[sentiment];
    for (const slot of TEMPLATE_SLOTS) {
      const schema = slot === "resolve" || slot === "apology" ? OptionalVariantsSchema : VariantsSchema;
      const parsed = v.safeParse(schema, slots[slot]);
      if (parsed.success) target[slot] = parsed.output;
    }
    const topics = slots.topics;
    if (typeof topics !== "object" || topics === null || Array.isArray(topics)) continue;
    for (const topic of TOPIC_IDS) {
      const parsed = v.safeParse(VariantsSchema, (topics as Record<string, unknown>)[topic]);
      if (parsed.success) target.topics[topic] = parsed.output;
    }
  }
  return result;
}
