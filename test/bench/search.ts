/**
 * Search bench: 10,000 generated, realistic Chinese service phrases; a realistic query mix typed keystroke by
 * keystroke (quick codes, code prefixes, full pinyin, initials, Chinese substrings, some traditional input).
 * Compares our index with Fuse.js on the same data and queries in the same run.
 */
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import Fuse from "fuse.js";
import { pinyin } from "pinyin-pro";
import { createSearchIndex } from "../../shared/search/index.ts";
import { toSearchIndexData, traditionalCharacterTable, withSearchKeys } from "../../shared/search/keys.ts";
import type { SearchablePhrase } from "../../shared/search/types.ts";

const PHRASES = 10_000;

/** Deterministic PRNG (mulberry32) so every run measures the same data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Service situations from the seed manuals: title and typical sentences. */
const SITUATIONS: [string, string[]][] = [
  ["欢迎语", ["欢迎光临本店,我是客服{客服},很高兴为您服务", "有什么可以帮您的吗"]],
  ["催付", ["是支付上遇到问题了吗", "您拍下的宝贝还没有付款哦,库存有限", "付款后我们会第一时间为您安排发货"]],
  ["议价", ["本店价格都是实价哦,质量有保证", "可以送您一份小礼品", "满两件包邮哦"]],
  ["核对地址", ["请核对一下收货地址:{收货地址}", "收货人{收货人},电话{手机},没有问题的话请回复确认"]],
  ["改运费", ["已经为您修改好运费了,您刷新一下再付款", "偏远地区需要补运费哦"]],
  ["支付成功", ["已经收到您的付款啦,我们会尽快为您安排发货", "请耐心等待"]],
  ["物流查询", ["您的包裹已经发出,快递单号是{订单号}", "物流信息可能更新有延迟", "顺丰可以升级,需要补差价"]],
  ["发货时间", ["下单后48小时内发货", "预售商品按页面时间发货", "最晚{最晚发货}前发出"]],
  ["发票", ["发票会在确认收货后开具", "请提供抬头和税号", "电子发票会发到您的邮箱"]],
  ["退货退款", ["您在订单页面申请退货退款就可以了", "请填写退货单号", "收到退货后我们会尽快退款"]],
  ["换货", ["尺码不合适可以换货", "请把商品寄回,并备注订单号", "换货运费由我们承担"]],
  ["色差", ["图片都是实物拍摄,不同显示器会有轻微色差", "请以收到的实物为准"]],
  ["尺码推荐", ["请告诉我您的身高体重,帮您推荐尺码", "这款偏小一码,建议拍大一码"]],
  ["材质说明", ["这款是纯棉面料,透气舒适", "建议手洗,不要暴晒"]],
  ["质量问题", ["非常抱歉给您带来不便", "麻烦您拍一下照片发给我们", "质量问题来回运费由我们承担"]],
  ["补运费", ["补运费请拍下这个链接", "拍下后告诉我一声"]],
  ["促销活动", ["现在店铺满199减20", "领券下单更优惠", "活动时间有限"]],
  ["好评邀请", ["收到货满意的话请给我们五星好评哦", "您的评价对我们很重要"]],
  ["欢送语", ["感谢您的光临,期待您的再次光临", "欢迎收藏店铺,有上新会第一时间通知您"]],
  ["离线留言", ["客服现在不在线,看到留言会第一时间回复您", "工作时间是早九点到晚十点"]],
  ["缺货通知", ["很抱歉,您拍的颜色暂时缺货", "可以换其他颜色,或者等待补货"]],
  ["延迟发货", ["因为仓库爆仓,发货会延迟一两天", "给您带来不便非常抱歉"]],
  ["修改地址", ["还没有发货的话可以帮您修改地址", "请把新的地址发给我"]],
  ["快递选择", ["默认发中通快递", "需要顺丰请补差价", "偏远地区发邮政"]],
];
const OPENERS = ["亲,", "亲爱的,", "您好,", "亲,您好,", ""];
const CLOSERS = ["", "谢谢您的理解。", "祝您生活愉快!", "有问题随时联系我哦。", "请您见谅。"];
const VARIANTS = ["", "活动款", "新款", "老客户", "双十一", "预售", "大促", "夏季", "冬季", "会员", "二版", "简短"];
const TRADITIONAL = ["親,歡迎光臨本店", "請您耐心等待,我們會儘快處理", "退貨運費由我們承擔"];

function initialsOf(text: string): string {
  return pinyin(text, { pattern: "first", toneType: "none", type: "array" }).join("");
}

export function generatePhrases(count = PHRASES, seed = 42): SearchablePhrase[] {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const phrases: SearchablePhrase[] = [];
  for (let n = 0; n < count; n++) {
    const [situation, sentences] = SITUATIONS[n % SITUATIONS.length] as [string, string[]];
    const variant = pick(VARIANTS);
    const title = `${situation}${variant}${n >= SITUATIONS.length * VARIANTS.length ? Math.floor(n / 240) : ""}`;
    const body = [pick(sentences), pick(sentences), pick(sentences)].filter((s, i, all) => all.indexOf(s) === i);
    const traditional = rand() < 0.03 ? pick(TRADITIONAL) : "";
    const content = `${pick(OPENERS)}${body.join(",")}。${traditional}${pick(CLOSERS)}`;
    // Codes as teams write them: initials + number, Chinese words, or short letters.
    const style = rand();
    const code =
      style < 0.6 ? `${initialsOf(situation)}${n}` : style < 0.8 ? `${situation}${n}` : `${initialsOf(title)}${n}`;
    phrases.push({ id: `p${n}`, code, title, content, tags: rand() < 0.2 ? [pick(["售前", "售后", "售中"])] : [] });
  }
  return phrases;
}

/** Every prefix of each query: the picker searches on each keystroke. */
function keystrokes(queries: string[]): string[] {
  const out: string[] = [];
  for (const q of queries) for (let i = 1; i <= Array.from(q).length; i++) out.push(Array.from(q).slice(0, i).join(""));
  return out;
}

export function generateQueries(phrases: SearchablePhrase[], seed = 7, count = 300): string[] {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const queries: string[] = [];
  for (let n = 0; n < count; n++) {
    const target = pick(phrases);
    const kind = n % 6;
    const title = target.title ?? "";
    if (kind === 0) queries.push(target.code);
    else if (kind === 1) queries.push(target.code.slice(0, 3));
    else if (kind === 2) queries.push(pinyin(title.slice(0, 4), { toneType: "none", separator: "" }));
    else if (kind === 3) queries.push(initialsOf(title.slice(0, 4)));
    else if (kind === 4) {
      const start = Math.floor(rand() * Math.max(1, target.content.length - 4));
      queries.push(target.content.slice(start, start + 2 + Math.floor(rand() * 3)));
    } else queries.push(pick(["歡迎", "退貨", "運費", "請耐心", "發票", "物流", "顺丰", "好评"]));
  }
  return keystrokes(queries.filter((q) => q.trim().length > 0));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] as number;
}
function round(x: number, digits = 4): number {
  return Number(x.toFixed(digits));
}
function timeEach(queries: string[], searchOne: (q: string) => unknown): number[] {
  const times: number[] = [];
  for (const q of queries) {
    const started = performance.now();
    searchOne(q);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

/** Minified + gzipped size of what a content script pays for importing `entry` (and proof nothing big slips in). */
async function bundledGzipBytes(entry: string): Promise<number> {
  const root = join(import.meta.dirname, "..", "..");
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    platform: "browser",
    logLevel: "silent",
  });
  return gzipSync((result.outputFiles[0] as { contents: Uint8Array }).contents, { level: 9 }).length;
}

export async function run(): Promise<Record<string, unknown>> {
  const phrases = generatePhrases();
  const keysStarted = performance.now();
  const withKeys = phrases.map(withSearchKeys);
  const keysMs = performance.now() - keysStarted;
  const data = toSearchIndexData(withKeys);
  const keysJson = JSON.stringify(withKeys.map((p) => p.keys));
  const dataJson = JSON.stringify(data);

  const parseStarted = performance.now();
  const parsed = JSON.parse(dataJson);
  const parseMs = performance.now() - parseStarted;
  const buildStarted = performance.now();
  const index = createSearchIndex(parsed.phrases, undefined, { t2s: parsed.t2s });
  const buildMs = performance.now() - buildStarted;

  const queries = generateQueries(phrases);
  for (const q of queries.slice(0, 200)) index.search(q, { limit: 10 }); // warm up the JIT
  const ours = timeEach(queries, (q) => index.search(q, { limit: 10 }));

  // Fuse.js is ~100× slower: compare on an evenly spread subset of the same keystrokes.
  const fuse = new Fuse(phrases, { keys: ["code", "title", "content"], threshold: 0.4 });
  const subset = queries.filter((_, i) => i % Math.max(1, Math.floor(queries.length / 150)) === 0);
  for (const q of subset.slice(0, 5)) fuse.search(q, { limit: 10 });
  const fuseTimes = timeEach(subset, (q) => fuse.search(q, { limit: 10 }));
  const oursOnSubset = timeEach(subset, (q) => index.search(q, { limit: 10 }));

  const fullTablePairs = [...traditionalCharacterTable()].map(([t, s]) => t + s).join("");
  return {
    phrases: phrases.length,
    keystrokes: queries.length,
    p50_ms_10k: round(percentile(ours, 0.5)),
    p95_ms_10k: round(percentile(ours, 0.95)),
    max_ms_10k: round(percentile(ours, 1)),
    fuse_keystrokes: subset.length,
    fuse_p95_ms_10k: round(percentile(fuseTimes, 0.95), 2),
    ours_p95_ms_on_fuse_subset: round(percentile(oursOnSubset, 0.95)),
    speedup_vs_fuse: round(percentile(fuseTimes, 0.95) / percentile(oursOnSubset, 0.95), 1),
    keys_build_ms_10k: Math.round(keysMs),
    index_build_ms_10k: round(buildMs, 1),
    index_data_json_parse_ms_10k: round(parseMs, 1),
    keys_bytes_10k: keysJson.length ? Buffer.byteLength(keysJson) : 0,
    index_data_bytes_10k: Buffer.byteLength(dataJson),
    index_data_gzip_bytes_10k: gzipSync(dataJson).length,
    corpus_t2s_pairs: data.t2s.length / 2,
    corpus_t2s_gzip_bytes: gzipSync(data.t2s).length,
    full_t2s_pairs: fullTablePairs.length / 2,
    full_t2s_gzip_bytes: gzipSync(fullTablePairs).length,
    content_side_search_gzip_bytes: await bundledGzipBytes("shared/search/index.ts"),
    content_side_templates_gzip_bytes: await bundledGzipBytes("shared/templates/index.ts"),
    content_side_lint_gzip_bytes: await bundledGzipBytes("shared/lint/lint.ts"),
    lint_with_settings_schema_gzip_bytes: await bundledGzipBytes("shared/lint/index.ts"),
    background_keys_gzip_bytes: await bundledGzipBytes("shared/search/keys.ts"),
  };
}
