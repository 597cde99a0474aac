/**
 * Review topics and the general words that signal them. A clause mentioning one of these words is about that
 * topic; the clause's own sentiment becomes the topic's sentiment.
 */

export const TOPIC_IDS = [
  "shipping",
  "quality",
  "size",
  "color",
  "material",
  "packaging",
  "service",
  "price",
  "wrong-or-missing",
  "function",
  "fake",
] as const;

export type TopicId = (typeof TOPIC_IDS)[number];

export const TOPIC_LABELS: Record<TopicId, string> = {
  shipping: "物流",
  quality: "质量",
  size: "尺码",
  color: "颜色",
  material: "材质",
  packaging: "包装",
  service: "服务",
  price: "价格",
  "wrong-or-missing": "错发漏发",
  function: "效果功能",
  fake: "真假",
};

export const TOPIC_KEYWORDS: Record<TopicId, readonly string[]> = {
  shipping: [
    "物流",
    "快递",
    "发货",
    "送货",
    "到货",
    "配送",
    "派送",
    "送达",
    "送到",
    "签收",
    "顺丰",
    "圆通",
    "中通",
    "申通",
    "韵达",
    "百世",
    "邮政",
    "ems",
    "小哥",
    "快递员",
    "送货员",
    "几天才到",
    "才到",
    "就到了",
    "到了",
    "运输",
    "路上",
    "包邮",
    "物流信息",
    "揽收",
    "中转",
    "派件",
    "驿站",
    "菜鸟",
    "极兔",
    "德邦",
    "快递点",
    "送上门",
    "送货上门",
  ],
  quality: [
    "质量",
    "品质",
    "做工",
    "瑕疵",
    "次品",
    "残次",
    "做工",
    "耐用",
    "结实",
    "开线",
    "脱线",
    "线头",
    "坏了",
    "损坏",
    "故障",
    "毛病",
    "划痕",
    "新鲜",
    "腐烂",
    "烂了",
    "发霉",
    "变质",
    "过期",
    "口感",
    "味道",
    "好吃",
    "难吃",
    "好喝",
    "难喝",
    "甜",
    "保质期",
    "生产日期",
    "质感",
  ],
  size: [
    "尺码",
    "尺寸",
    "大小",
    "码数",
    "码子",
    "偏大",
    "偏小",
    "合身",
    "大一码",
    "小一码",
    "大一号",
    "小一号",
    "太大",
    "太小",
    "宽松",
    "腰围",
    "裤长",
    "衣长",
    "袖长",
    "个头",
    "个大",
    "个小",
    "m码",
    "l码",
    "s码",
    "xl码",
    "xxl码",
    "均码",
    "大码",
    "小码",
    "穿m",
    "穿l",
    "穿s",
    "穿xl",
    "穿xxl",
    "个子",
    "身高",
    "挤脚",
    "夹脚",
    "磨脚",
    "太长",
    "太短",
    "偏长",
    "偏短",
    "紧身",
    "太紧",
    "肥大",
    "显瘦",
    "显胖",
    "修身",
    "尺碼",
  ],
  color: ["颜色", "色差", "色彩", "掉色", "褪色", "显色", "配色", "发黄", "色泽", "颜色正", "实物颜色"],
  material: [
    "材质",
    "面料",
    "布料",
    "料子",
    "手感",
    "纯棉",
    "棉的",
    "真皮",
    "皮质",
    "塑料",
    "金属",
    "透气",
    "起球",
    "扎人",
    "厚度",
    "薄",
    "厚实",
    "柔软",
    "成分",
    "羊毛",
    "涤纶",
  ],
  packaging: [
    "包装",
    "盒子",
    "外包装",
    "纸箱",
    "箱子",
    "泡沫",
    "封口",
    "包装袋",
    "快递袋",
    "礼盒",
    "包装盒",
    "压坏",
    "压扁",
    "破损",
    "包得",
    "气泡",
    "受潮",
    "淋湿",
    "湿了",
  ],
  service: [
    "客服",
    "服务",
    "态度",
    "掌柜",
    "卖家",
    "店家",
    "商家",
    "老板",
    "售后",
    "回复",
    "解答",
    "旺旺",
    "沟通",
    "不理",
    "没人理",
    "推脱",
    "敷衍",
    "耐心",
    "热情",
  ],
  price: [
    "价格",
    "价钱",
    "便宜",
    "贵",
    "实惠",
    "性价比",
    "划算",
    "超值",
    "降价",
    "优惠",
    "差价",
    "块钱",
    "元",
    "价位",
    "值这个价",
    "物美价廉",
    "不值",
  ],
  "wrong-or-missing": [
    "发错",
    "错发",
    "少件",
    "少发",
    "漏发",
    "缺件",
    "少了一",
    "少一",
    "缺少",
    "没有发",
    "没发",
    "不是我要的",
    "不是我买的",
    "不是我拍的",
    "发成了",
    "发的是",
    "发给我的是",
    "给我发的是",
    "寄来的是",
    "送来的是",
    "送来的却是",
    "寄给我的是",
    "缺了",
    "赠品没",
    "没有赠品",
    "没送",
    "少配",
    "没有配",
  ],
  function: [
    "效果",
    "功能",
    "使用",
    "好用",
    "难用",
    "性能",
    "运行",
    "续航",
    "电池",
    "待机",
    "屏幕",
    "系统",
    "死机",
    "卡顿",
    "很卡",
    "开机",
    "充电",
    "去屑",
    "止痒",
    "洗完",
    "洗后",
    "加热",
    "制热",
    "功效",
    "操作",
    "信号",
    "散热",
    "噪音",
    "声音",
    "音质",
    "像素",
    "拍照",
    "反应",
    "速度",
    "不能用",
    "用不了",
    "耗电",
    "掉电",
    "制冷",
    "出水",
    "热水",
    "吸力",
    "电量",
    "网速",
    "蓝牙",
    "连接",
    "保温",
    "去污",
    "清洁",
    "卷发",
    "充不进",
    "充不上",
  ],
  fake: [
    "假货",
    "正品",
    "真假",
    "假的",
    "仿品",
    "高仿",
    "山寨",
    "冒牌",
    "盗版",
    "防伪",
    "水货",
    "翻新",
    "二手",
    "专柜",
    "官方",
    "验货",
    "不是正品",
  ],
};

/** Keyword → topics, and the longest keyword, for one dictionary walk per clause. */
export const TOPIC_INDEX: {
  keywords: Map<string, TopicId[]>;
  maxLength: number;
  /** First character → the lengths of the keywords starting with it (a walk tries only these). */
  lengthsByFirst: Map<string, number[]>;
} = (() => {
  const keywords = new Map<string, TopicId[]>();
  let maxLength = 1;
  for (const id of TOPIC_IDS) {
    for (const keyword of TOPIC_KEYWORDS[id]) {
      const topics = keywords.get(keyword) ?? [];
      if (!topics.includes(id)) topics.push(id);
      keywords.set(keyword, topics);
      maxLength = Math.max(maxLength, keyword.length);
    }
  }
  const lengthsByFirst = new Map<string, number[]>();
  for (const keyword of keywords.keys()) {
    const lengths = lengthsByFirst.get(keyword.charAt(0)) ?? [];
    if (!lengths.includes(keyword.length)) lengths.push(keyword.length);
    lengthsByFirst.set(keyword.charAt(0), lengths);
  }
  return { keywords, maxLength, lengthsByFirst };
})();

/**
 * Phrases that contain a topic's keyword without being about that topic: 没发现问题 is no missing item (没发),
 * 发的是顺丰 names the courier, 少一点 is "a little less".
 */
const NOT_ABOUT: ReadonlyArray<[string, TopicId]> = [
  ["没发现", "wrong-or-missing"],
  ["没发生", "wrong-or-missing"],
  ["没发货", "wrong-or-missing"],
  ["没有发货", "wrong-or-missing"],
  ["少一点", "wrong-or-missing"],
  ["少一些", "wrong-or-missing"],
  ["少一半", "wrong-or-missing"],
  ...["顺丰", "中通", "圆通", "申通", "韵达", "京东", "邮政", "ems", "极兔", "德邦", "百世"].map(
    (courier): [string, TopicId] => [`发的是${courier}`, "wrong-or-missing"],
  ),
];

/** Topics a clause mentions (every keyword occurrence, overlapping ones included). */
export function topicsInClause(clause: string): Set<TopicId> {
  const found = new Set<TopicId>();
  // Spans of phrases that rule a topic out; a keyword of that topic inside such a span does not count.
  const blocked: Array<{ from: number; to: number; id: TopicId }> = [];
  // Every NOT_ABOUT phrase holds 没, 少 or 发的是: most clauses hold none and skip the scan.
  const mayBlock = clause.includes("没") || clause.includes("少") || clause.includes("发的是");
  for (const [phrase, id] of mayBlock ? NOT_ABOUT : []) {
    for (let at = clause.indexOf(phrase); at !== -1; at = clause.indexOf(phrase, at + 1))
      blocked.push({ from: at, to: at + phrase.length, id });
  }
  for (let start = 0; start < clause.length; start++) {
    const lengths = TOPIC_INDEX.lengthsByFirst.get(clause.charAt(start));
    if (!lengths) continue;
    for (const length of lengths) {
      if (start + length > clause.length) continue;
      const topics = TOPIC_INDEX.keywords.get(clause.slice(start, start + length));
      if (!topics) continue;
      for (const id of topics) {
        const inside = blocked.some((b) => b.id === id && start >= b.from && start + length <= b.to);
        if (!inside) found.add(id);
      }
    }
  }
  return found;
}
