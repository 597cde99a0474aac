/**
 * Starter team library, written in our own words for the situations the training manuals name (001 table 6.4
 * and the quoted scripts). Variables in braces are filled by the extension: {买家} {订单号} {商品} {收货地址}
 * {店铺} {客服}. No superlatives (广告法) and no bare refusals (服务禁语). Ids are stable so re-seeding updates
 * rather than duplicates.
 */
import type { PhraseGroupInput, PhraseInput } from "./schema.ts";

export const STARTER_GROUPS: PhraseGroupInput[] = [
  { id: "starter-g-presale", name: "售前接待", order: 10 },
  { id: "starter-g-product", name: "商品咨询", order: 20 },
  { id: "starter-g-order", name: "下单付款", order: 30 },
  { id: "starter-g-shipping", name: "物流发货", order: 40 },
  { id: "starter-g-aftersale", name: "售后服务", order: 50 },
  { id: "starter-g-farewell", name: "欢送与留言", order: 60 },
];

type Starter = Omit<PhraseInput, "scope" | "tags"> & { tags: string[] };

const PHRASES: Starter[] = [
  // 售前接待
  {
    id: "starter-welcome",
    code: "hy",
    title: "欢迎语",
    content: "{买家}您好，欢迎来到{店铺}，我是客服{客服}，很高兴为您服务～有什么想了解的尽管问我哦。",
    groupId: "starter-g-presale",
    tags: ["欢迎语"],
  },
  {
    id: "starter-welcome-back",
    code: "hy2",
    title: "老顾客欢迎",
    content: "{买家}，好久不见！谢谢您又回来{店铺}看看，这次想挑点什么？我帮您参考一下。",
    groupId: "starter-g-presale",
    tags: ["欢迎语", "老顾客"],
  },
  {
    id: "starter-bargain",
    code: "yj",
    title: "议价",
    content:
      "理解您想更实惠一些～我们的价格是按品质核算的，已经是店里的活动价，暂时没办法再改价呢。您今天下单的话，我帮您备注一份小礼品，好吗？",
    groupId: "starter-g-presale",
    tags: ["议价"],
  },
  {
    id: "starter-bargain-shipping",
    code: "yj2",
    title: "议价-包邮",
    content: "价格这边动不了，不过可以帮您申请包邮，相当于给您省下了运费，您看这样可以吗？",
    groupId: "starter-g-presale",
    tags: ["议价"],
  },
  {
    id: "starter-promo",
    code: "hd",
    title: "促销活动",
    content: "现在店里正在做活动：{商品}参与满减，领券后下单更划算。活动有时间限制，看中了可以早点下单哦～",
    groupId: "starter-g-presale",
    tags: ["促销活动"],
  },
  // 商品咨询
  {
    id: "starter-color",
    code: "sc",
    title: "色差",
    content:
      "商品图都是实物拍摄的，不过每台手机、电脑屏幕显示效果不同，可能会有轻微色差，请以收到的实物为准。如果差别明显，收到后随时联系我们处理。",
    groupId: "starter-g-product",
    tags: ["色差"],
  },
  {
    id: "starter-quality",
    code: "zl",
    title: "质量",
    content: "{商品}发货前都会逐件检查，质量您可以放心。收到后如果有任何质量问题，拍照发给我，我们负责到底。",
    groupId: "starter-g-product",
    tags: ["质量"],
  },
  {
    id: "starter-material",
    code: "cz",
    title: "材质",
    content: "{商品}的材质在详情页的参数里有写明，我也可以帮您确认具体成分。请问您比较关心的是手感、透气还是耐洗呢？",
    groupId: "starter-g-product",
    tags: ["材质"],
  },
  {
    id: "starter-size",
    code: "cc",
    title: "尺寸",
    content: "方便告诉我您的身高、体重和平时穿的尺码吗？我按尺码表帮您推荐合适的号，尽量一次选对。",
    groupId: "starter-g-product",
    tags: ["尺寸"],
  },
  // 下单付款
  {
    id: "starter-address-check",
    code: "hd1",
    title: "核对地址",
    content: "{买家}，跟您核对一下订单{订单号}的收货信息：{收货地址}。信息无误请回复“对”，需要修改请直接告诉我。",
    groupId: "starter-g-order",
    tags: ["核对地址"],
  },
  {
    id: "starter-payment-reminder",
    code: "cf",
    title: "催付",
    content:
      "{买家}您好，看到您拍下的{商品}还没有付款，是付款时遇到什么问题了吗？需要帮忙的话随时找我，库存有限，付款后我们会尽快安排发货。",
    groupId: "starter-g-order",
    tags: ["催付"],
  },
  {
    id: "starter-change-shipping-fee",
    code: "gyf",
    title: "改运费",
    content: "先不要付款哦，我这边帮您修改运费，改好后您刷新一下订单页面再付款就可以了。",
    groupId: "starter-g-order",
    tags: ["改运费"],
  },
  {
    id: "starter-paid",
    code: "zfcg",
    title: "支付成功",
    content: "已经收到您的付款，谢谢支持！订单{订单号}我们会尽快安排发货，发出后物流信息可以在订单里查看。",
    groupId: "starter-g-order",
    tags: ["支付成功"],
  },
  {
    id: "starter-invoice",
    code: "fp",
    title: "发票",
    content: "可以开发票的～请把抬头、税号和接收发票的邮箱发给我，我登记在订单{订单号}上，开好后发送到您的邮箱。",
    groupId: "starter-g-order",
    tags: ["发票"],
  },
  // 物流发货
  {
    id: "starter-logistics",
    code: "wl",
    title: "物流",
    content:
      "我们默认发合作快递，一般付款后48小时内发出。请问您在哪个城市？我帮您估一下到货时间。具体时效受天气和快递影响，没法百分百保证，急用的话可以补差价改发顺丰。",
    groupId: "starter-g-shipping",
    tags: ["物流"],
  },
  {
    id: "starter-logistics-query",
    code: "cwl",
    title: "查物流",
    content:
      "我帮您查了一下，订单{订单号}的包裹已经在路上了，请耐心等待。如果两天没有更新，告诉我，我去联系快递催一催。",
    groupId: "starter-g-shipping",
    tags: ["物流"],
  },
  {
    id: "starter-extra-shipping-fee",
    code: "byf",
    title: "补运费",
    content: "您选的地区或快递需要补一点运费差价，我发一个补运费链接给您，拍下对应件数付款即可，付款后告诉我一声。",
    groupId: "starter-g-shipping",
    tags: ["补运费"],
  },
  // 售后服务
  {
    id: "starter-return-process",
    code: "th",
    title: "退货退款流程",
    content:
      "很抱歉给您添麻烦了。退货流程：1. 在订单{订单号}里点“申请售后”，选择退货退款；2. 审核通过后把商品寄回（不要寄到付哦）；3. 我们收到并确认后，退款会原路返回。有任何一步卡住都可以找我。",
    groupId: "starter-g-aftersale",
    tags: ["退货退款流程"],
  },
  {
    id: "starter-return-tracking",
    code: "tdh",
    title: "填写退货单号",
    content: "寄出退货后，请在售后申请页面填写快递公司和退货单号，这样仓库收到后能马上为您处理退款。",
    groupId: "starter-g-aftersale",
    tags: ["填写退货单号"],
  },
  {
    id: "starter-quality-complaint",
    code: "zlwt",
    title: "质量问题处理",
    content:
      "真的很抱歉让您遇到这种情况！麻烦拍几张问题部位的照片发给我，我马上登记，给您补发或者退款，您选一个方便的方式。",
    groupId: "starter-g-aftersale",
    tags: ["质量", "售后"],
  },
  // 欢送与留言
  {
    id: "starter-farewell",
    code: "zb",
    title: "欢送+好评邀请",
    content: "感谢您光临{店铺}！收到宝贝满意的话，麻烦给个五星好评鼓励一下我们；有任何问题随时来找客服{客服}哦。",
    groupId: "starter-g-farewell",
    tags: ["欢送", "好评邀请"],
  },
  {
    id: "starter-favorite-shop",
    code: "sc1",
    title: "收藏店铺",
    content: "顺手收藏一下{店铺}吧，上新和活动都会及时通知您，下次找我们也方便～",
    groupId: "starter-g-farewell",
    tags: ["收藏店铺"],
  },
  {
    id: "starter-offline",
    code: "lx",
    title: "离线留言回复",
    content: "{买家}您好，刚才客服不在线，让您久等了，非常抱歉！您的留言我已经看到，现在就为您处理。",
    groupId: "starter-g-farewell",
    tags: ["离线留言回复"],
  },
];

/** The starter phrases as team-scope inputs, ready for POST /v1/phrases/batch. */
export const STARTER_PHRASES: PhraseInput[] = PHRASES.map((p) => ({ ...p, scope: "team" }));
