import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { PhraseGroupInputSchema, PhraseInputSchema } from "./schema.ts";
import { STARTER_GROUPS, STARTER_PHRASES } from "./starter.ts";

const SITUATIONS = [
  "欢迎语",
  "议价",
  "色差",
  "质量",
  "材质",
  "尺寸",
  "促销活动",
  "核对地址",
  "催付",
  "改运费",
  "支付成功",
  "物流",
  "发票",
  "退货退款流程",
  "填写退货单号",
  "补运费",
  "欢送",
  "好评邀请",
  "收藏店铺",
  "离线留言回复",
];

describe("starter library", () => {
  it("is valid against the schema, with unique ids and quick codes and known groups", () => {
    for (const g of STARTER_GROUPS) expect(v.safeParse(PhraseGroupInputSchema, g).success).toBe(true);
    for (const p of STARTER_PHRASES) expect(v.safeParse(PhraseInputSchema, p).issues, p.id).toBeUndefined();
    expect(new Set(STARTER_PHRASES.map((p) => p.id)).size).toBe(STARTER_PHRASES.length);
    expect(new Set(STARTER_PHRASES.map((p) => p.code)).size).toBe(STARTER_PHRASES.length);
    const groups = new Set(STARTER_GROUPS.map((g) => g.id));
    for (const p of STARTER_PHRASES) expect(groups.has(p.groupId)).toBe(true);
  });
  it("covers every seed situation and uses only the known variables", () => {
    const tags = new Set(STARTER_PHRASES.flatMap((p) => p.tags));
    for (const s of SITUATIONS) expect(tags.has(s), s).toBe(true);
    const vars = new Set(STARTER_PHRASES.flatMap((p) => [...p.content.matchAll(/\{([^}]+)\}/g)].map((m) => m[1])));
    expect([...vars].sort()).toEqual(["买家", "商品", "客服", "店铺", "收货地址", "订单号"].sort());
  });
  it("avoids banned service phrases and superlatives", () => {
    for (const p of STARTER_PHRASES) expect(p.content).not.toMatch(/我不知道|不行|最佳|第一|唯一|顶级|国家级/);
  });
});
