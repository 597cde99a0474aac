import { describe, expect, it } from "vitest";
import { createSearchIndex, createSearchIndexFromData, MatchTier } from "./index.ts";
import {
  buildSearchKeys,
  corpusT2sPairs,
  toSearchIndexData,
  traditionalCharacterTable,
  withSearchKeys,
} from "./keys.ts";
import { normalizeText } from "./normalize.ts";
import type { PhraseWithKeys, SearchablePhrase } from "./types.ts";

const library: SearchablePhrase[] = [
  { id: "welcome", code: "hy", title: "欢迎语", content: "亲,您好,欢迎光临本店,我是客服小美,很高兴为您服务!" },
  { id: "urge", code: "cf", title: "催付", content: "亲,您好,是支付上遇到问题了吗?有问题可以随时联系我哦。" },
  { id: "urge2", code: "cf2", title: "催付(活动)", content: "亲,活动马上结束了,您拍下的宝贝还没付款哦。" },
  {
    id: "address",
    code: "dz",
    title: "核对地址",
    content: "亲,请核对一下收货地址:{收货地址},没有问题的话我们马上安排发货。",
  },
  { id: "bargain", code: "yj", title: "议价", content: "亲,本店价格都是实价哦,可以送您一份小礼品。", tags: ["砍价"] },
  { id: "logistics", code: "wl", title: "物流查询", content: "亲,您的包裹已经发出,请耐心等待,顺丰可以升级哦。" },
  { id: "invoice", code: "fp", title: "发票", content: "亲,发票会在确认收货后开具,请放心。" },
  { id: "chinese", code: "退货", title: "退货退款流程", content: "亲,您在订单页面申请退货退款就可以了。" },
  { id: "trad", code: "th", title: "換貨說明", content: "親,換貨請聯繫客服,我們會儘快處理。" },
  { id: "poly", code: "zf", title: "重发", content: "亲,给您重新发一件。" },
  { id: "full", code: "ＡＢＣ", title: "全角编码", content: "测试全角编码。" },
];
const withKeys = library.map(withSearchKeys);
const index = createSearchIndex(withKeys, undefined, { t2s: corpusT2sPairs(withKeys) });
const ids = (query: string, limit = 10) => index.search(query, { limit }).map((h) => h.phrase.id);

describe("buildSearchKeys", () => {
  it("indexes full pinyin and initials of code and title", () => {
    const keys = buildSearchKeys(library[1] as SearchablePhrase);
    expect(keys.c).toBe("cf");
    expect(keys.p.split(" ").some((k) => k.startsWith("cuifu"))).toBe(true);
    // "cf" (initials of 催付) equals the code, so the code prefix tier covers it and the key is dropped
    expect(keys.p.split(" ").some((k) => k.startsWith("cf"))).toBe(false);
    expect(
      buildSearchKeys(library[7] as SearchablePhrase)
        .p.split(" ")
        .some((k) => k.startsWith("tuihuo")),
    ).toBe(true);
  });
  it("indexes alternative readings of polyphonic characters in titles", () => {
    const keys = buildSearchKeys(library[9] as SearchablePhrase);
    expect(keys.p.split(" ").some((k) => k.startsWith("chongfa"))).toBe(true);
    expect(keys.p.split(" ").some((k) => k.startsWith("zhongfa"))).toBe(true);
  });
  it("stores simplified text only for phrases with traditional characters", () => {
    expect(buildSearchKeys(library[0] as SearchablePhrase).s).toBeUndefined();
    const keys = buildSearchKeys(library[8] as SearchablePhrase);
    expect(keys.s).toContain("换货说明");
    expect(keys.s).toContain("联系客服");
    expect(keys.p.split(" ").some((k) => k.startsWith("huanhuo"))).toBe(true);
  });
  it("normalises full-width codes and drops prefix-redundant pinyin keys", () => {
    const keys = buildSearchKeys(library[10] as SearchablePhrase);
    expect(keys.c).toBe("abc");
    for (const a of keys.p.split(" "))
      for (const b of keys.p.split(" ")) if (a !== b) expect(b.startsWith(a)).toBe(false);
  });
  it("handles phrases without title, with rare characters and hostile text", () => {
    const keys = buildSearchKeys({ id: "x", code: "<b>", content: "<script>alert(1)</script>𠀀龘" });
    expect(keys.c).toBe("<b>");
    expect(keys.i).toBeTypeOf("string");
  });
});

describe("search ranking", () => {
  it("puts the exact quick code first, then code prefixes", () => {
    const hits = index.search("cf");
    expect(hits[0]?.phrase.id).toBe("urge");
    expect(hits[0]?.tier).toBe(MatchTier.exactCode);
    expect(hits[1]?.phrase.id).toBe("urge2");
    expect(hits[1]?.tier).toBe(MatchTier.codePrefix);
  });
  it("finds by pinyin initials and full pinyin", () => {
    expect(ids("hyy")[0]).toBe("welcome");
    expect(ids("cuifu").slice(0, 2).sort()).toEqual(["urge", "urge2"]);
    expect(ids("cui")[0]).toBe("urge");
    expect(ids("hedui")[0]).toBe("address");
    expect(ids("hddz")[0]).toBe("address");
    expect(ids("cui fu")[0]).toBe("urge");
  });
  it("finds a word typed in full pinyin from the middle of a title", () => {
    expect(ids("dizhi")[0]).toBe("address"); // 核对地址
    expect(ids("chaxun")[0]).toBe("logistics"); // 物流查询
    expect(ids("tuikuan")).toContain("chinese"); // 退货退款流程
  });
  it("finds polyphonic titles by either reading", () => {
    expect(ids("chongfa")).toContain("poly");
    expect(ids("zhongfa")).toContain("poly");
  });
  it("finds a Chinese quick code and its pinyin", () => {
    expect(ids("退货")[0]).toBe("chinese");
    expect(ids("tuihuo")[0]).toBe("chinese");
    expect(ids("退")[0]).toBe("chinese");
  });
  it("ranks pinyin above title substrings above content substrings", () => {
    const hits = index.search("发");
    const tiers = hits.map((h) => h.tier);
    expect([...tiers].sort((a, b) => a - b)).toEqual(tiers);
    expect(
      hits
        .slice(0, 2)
        .map((h) => h.phrase.id)
        .sort(),
    ).toEqual(["invoice", "poly"]); // 发票, 重发: titles
    expect(hits[0]?.tier).toBe(MatchTier.titleText);
    expect(hits.at(-1)?.tier).toBe(MatchTier.contentText);
    expect(index.search("fa").find((h) => h.phrase.id === "invoice")?.tier).toBe(MatchTier.pinyinPrefix);
  });
  it("finds initials inside titles and content heads", () => {
    const hit = index.search("cx").find((h) => h.phrase.id === "logistics");
    expect(hit?.tier).toBe(MatchTier.pinyinInitialsInside); // 物流查询 → wlcx
  });
  it("matches substrings of content and tags", () => {
    expect(ids("顺丰")).toEqual(["logistics"]);
    expect(ids("砍价")).toEqual(["bargain"]);
  });
  it("matches traditional queries against simplified phrases and the reverse", () => {
    expect(ids("歡迎")).toContain("welcome");
    expect(ids("換貨")[0]).toBe("trad");
    expect(ids("换货")[0]).toBe("trad");
    expect(ids("联系客服")).toContain("trad");
  });
  it("normalises case and full-width input", () => {
    expect(ids("ＣＦ")[0]).toBe("urge");
    expect(ids("CF")[0]).toBe("urge");
    expect(ids("abc")[0]).toBe("full");
  });
  it("returns nothing for no match, and respects the limit", () => {
    expect(ids("zzzzqqq")).toEqual([]);
    expect(ids("亲", 3)).toHaveLength(3);
    expect(ids("\u0001")).toEqual([]);
  });
  it("breaks ties with recent and frequent use", () => {
    const now = Date.parse("2026-11-23T12:00:00Z");
    const used = createSearchIndex(
      withKeys,
      {
        urge2: { count: 30, lastUsedAt: "2026-11-23T11:00:00Z" },
        welcome: { count: 1, lastUsedAt: now - 40 * 86400000 },
      },
      { now },
    );
    expect(
      used
        .search("cuifu")
        .map((h) => h.phrase.id)
        .slice(0, 2),
    ).toEqual(["urge2", "urge"]);
    // usage never beats a better tier: the exact code still wins
    expect(used.search("cf")[0]?.phrase.id).toBe("urge");
    expect(used.search("").map((h) => h.phrase.id)).toEqual(["urge2", "welcome"]);
    used.setUsage("urge", { count: 100, lastUsedAt: Date.now() });
    expect(used.search("cuifu")[0]?.phrase.id).toBe("urge");
  });
  it("is repeatable: scratch state is reset between searches", () => {
    const first = ids("亲");
    ids("cf");
    expect(ids("亲")).toEqual(first);
  });
});

describe("plain index data", () => {
  it("round-trips through JSON and keeps traditional query support", () => {
    const data = JSON.parse(JSON.stringify(toSearchIndexData(withKeys)));
    const fromData = createSearchIndexFromData(data);
    expect(fromData.search("歡迎語")[0]?.phrase.id).toBe("welcome");
    expect(fromData.search("cf")[0]?.phrase.id).toBe("urge");
  });
  it("restricts the query table to characters of the corpus", () => {
    const pairs = corpusT2sPairs(withKeys);
    expect(pairs.length % 2).toBe(0);
    expect(pairs.length).toBeLessThan(traditionalCharacterTable().size * 2);
    expect(pairs).toContain("歡欢");
  });
  it("leaves tombstones out of the data sent to the content script", () => {
    const data = toSearchIndexData([...withKeys, { ...(withKeys[0] as PhraseWithKeys), id: "gone", deleted: true }]);
    expect(data.phrases.map((p) => p.id)).not.toContain("gone");
    expect(data.phrases).toHaveLength(withKeys.length);
  });
  it("rejects data of another shape", () => {
    expect(() => createSearchIndexFromData({ v: 2 } as never)).toThrow(/搜索索引/);
  });
  it("normalizeText maps width, case, controls and traditional characters", () => {
    expect(normalizeText("ＡＢｃ\u3000D\u0001", new Map([["親", "亲"]]))).toBe("abc d ");
    expect(normalizeText("親", new Map([["親", "亲"]]))).toBe("亲");
  });
});

describe("content-script half", () => {
  it("imports only small relative files: never pinyin-pro, opencc-js or keys.ts", async () => {
    const { readFile } = await import("node:fs/promises");
    const { dirname, join } = await import("node:path");
    const seen = new Set<string>();
    const visit = async (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = await readFile(file, "utf8");
      for (const [, spec] of source.matchAll(/^(?:import|export)\s[^;]*?from\s+"([^"]+)"/gms)) {
        expect(spec, `${file} imports ${spec}`).toMatch(/^\.\.?\//);
        await visit(join(dirname(file), spec as string));
      }
    };
    await visit(join(import.meta.dirname, "index.ts"));
    const names = [...seen].map((f) => f.split("/").at(-1));
    expect(names.sort()).toEqual(["index.ts", "normalize.ts", "types.ts"]);
  });
});

describe("picker scenarios", () => {
  const picker = createSearchIndex(
    [
      { id: "w", code: "1", title: "欢迎语", content: "亲,您好,欢迎光临!" },
      { id: "c", code: "2", title: "催付", content: "亲,是支付上遇到问题了吗?" },
      { id: "h", code: "hyq", title: "好运气", content: "祝您好运。" },
    ].map(withSearchKeys),
  );
  it('"hy" finds 欢迎语 and "cf" finds 催付 by initials even when their codes are digits', () => {
    expect(picker.search("hy").map((h) => h.phrase.id)).toEqual(["h", "w"]); // code prefix hyq first
    expect(picker.search("cf")[0]?.phrase.id).toBe("c");
    expect(picker.search("cuifu")[0]?.phrase.id).toBe("c");
  });
  it("narrows as the agent types, keystroke by keystroke", () => {
    const typed = ["h", "hu", "hua", "huan", "huany"].map((q) => picker.search(q).map((h) => h.phrase.id));
    expect(typed.at(-1)).toEqual(["w"]);
    for (let i = 1; i < typed.length; i++) {
      for (const id of typed[i] ?? []) expect(typed[i - 1]).toContain(id);
    }
  });
  it("an exact digit code wins over everything", () => {
    expect(picker.search("1")[0]).toMatchObject({ phrase: { id: "w" }, tier: MatchTier.exactCode });
  });
});
