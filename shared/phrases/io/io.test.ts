import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBytes, encodeUtf8, parseImport, writeBackup, writeCsv, writeXml } from "./index.ts";
import type { ImportPreview, ImportResult } from "./types.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (text: string) => utf8(`\uFEFF${text}`);

function preview(result: ImportResult): ImportPreview {
  if (!result.ok) throw new Error(`expected a preview, got: ${result.errors.map((e) => e.text).join("; ")}`);
  return result.preview;
}
function errorTexts(result: ImportResult): string[] {
  if (result.ok) throw new Error("expected errors, got a preview");
  return result.errors.map((e) => e.text);
}

// As 千牛 / Excel write it: CRLF, quoted multi-line content, a cell with commas and doubled quotes.
const QIANNIU_CSV = [
  "分组,快捷编码,短语内容,图片",
  '欢迎语,hy,"您好，欢迎光临本店，我是客服小美，很高兴为您服务~",',
  '议价,yj,"亲，本店价格都是实价哦，""不议价""，\r\n但可以给您送个小礼品~",https://img.example.com/gift.png',
  "催付,cf,亲，您好，是支付上遇到问题了吗？,",
  "",
].join("\r\n");

describe("parseImport CSV", () => {
  it("reads a UTF-8 file with BOM, keeps multi-line quoted content", () => {
    const p = preview(parseImport(withBom(QIANNIU_CSV), "短语.csv"));
    expect(p.format).toBe("csv");
    expect(p.encoding).toBe("utf-8-bom");
    expect(p.groups.map((g) => g.name)).toEqual(["欢迎语", "议价", "催付"]);
    expect(p.phrases[1]).toEqual({
      groupName: "议价",
      code: "yj",
      content: '亲，本店价格都是实价哦，"不议价"，\n但可以给您送个小礼品~',
      image: "https://img.example.com/gift.png",
    });
    expect(p.warnings).toEqual([]);
  });

  it("reads UTF-8 without BOM", () => {
    const p = preview(parseImport(utf8(QIANNIU_CSV), "x.csv"));
    expect(p.encoding).toBe("utf-8");
    expect(p.phrases).toHaveLength(3);
  });

  it("reads GBK bytes as Excel in China saves them", () => {
    const gbk = iconv.encode(QIANNIU_CSV, "gbk");
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(gbk)).toThrow();
    const p = preview(parseImport(new Uint8Array(gbk), "导出.csv"));
    expect(p.encoding).toBe("gb18030");
    expect(p.phrases[0]?.content).toBe("您好，欢迎光临本店，我是客服小美，很高兴为您服务~");
    expect(p.phrases.map((x) => x.groupName)).toEqual(["欢迎语", "议价", "催付"]);
  });

  it("decodes GBK the same way iconv-lite does, for the whole GBK Chinese range used in phrases", () => {
    const sample = "亲，您好！退货退款流程：请在订单页申请，填写退货单号。顺丰、圆通、韵达、中通、申通。";
    const bytes = new Uint8Array(iconv.encode(sample, "gbk"));
    expect(decodeBytes(bytes).text).toBe(iconv.decode(Buffer.from(bytes), "gbk"));
  });

  it("reads Excel's UTF-16 tab-separated text", () => {
    const text = "分组\t快捷编码\t短语内容\n物流\twl\t亲，默认发中通快递哦\n";
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(iconv.encode(text, "utf16le"))]);
    const p = preview(parseImport(bytes, "短语.txt"));
    expect(p.phrases).toEqual([{ groupName: "物流", code: "wl", content: "亲，默认发中通快递哦" }]);
  });

  it("accepts close header variants", () => {
    const text = "分组名称,快捷短语,内容,图片地址\n发票,fp,亲，发票在确认收货后开具哦,\n";
    const p = preview(parseImport(utf8(text), "a.csv"));
    expect(p.phrases[0]).toEqual({ groupName: "发票", code: "fp", content: "亲，发票在确认收货后开具哦" });
  });

  it("refuses an empty file and a file with only blank lines", () => {
    expect(errorTexts(parseImport(new Uint8Array(), "a.csv"))).toEqual(["文件为空（0 字节）"]);
    expect(errorTexts(parseImport(utf8("\r\n\r\n"), "a.csv"))[0]).toContain("文件为空");
    expect(errorTexts(parseImport(withBom("分组,快捷编码,短语内容\r\n"), "a.csv"))[0]).toContain("没有短语");
  });

  it("names the missing columns when headers are wrong", () => {
    const [text] = errorTexts(parseImport(utf8("name,value\nhy,您好\n"), "a.csv"));
    expect(text).toContain("第 1 行 表头");
    expect(text).toContain("快捷编码、短语内容");
    expect(text).toContain("name、value");
  });

  it("reports a broken quote with its row and applies nothing", () => {
    const text = '分组,快捷编码,短语内容\n欢迎,hy,您好\n议价,yj,"亲，不议价哦\n';
    const errors = errorTexts(parseImport(utf8(text), "a.csv"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^第 3 行：引号未闭合/);
  });

  it("names row and field for each bad value, and reports all of them", () => {
    const longCode = "a".repeat(33);
    const longContent = "好".repeat(5001);
    const text = [
      "分组,快捷编码,短语内容,图片",
      `欢迎,${longCode},您好,`,
      "欢迎,hy2,,",
      `欢迎,hy3,${longContent},`,
      "欢迎,hy4,您好,javascript:alert(1)",
      "欢迎,h y,您好,",
      "欢迎,,您好,",
    ].join("\n");
    expect(errorTexts(parseImport(utf8(text), "a.csv"))).toEqual([
      "第 2 行 快捷编码：超过 32 个字符（实际 33 个）",
      "第 3 行 短语内容：不能为空",
      "第 4 行 短语内容：超过 5000 个字符（实际 5001 个）",
      "第 5 行 图片：不是 http(s) 图片链接",
      "第 6 行 快捷编码：只能包含汉字、字母和数字",
      "第 7 行 快捷编码：不能为空",
    ]);
  });

  it("counts rows as Excel does when content spans lines", () => {
    const text = '分组,快捷编码,短语内容\n欢迎,hy,"第一行\n第二行\n第三行"\n欢迎,kong,\n';
    expect(errorTexts(parseImport(utf8(text), "a.csv"))).toEqual(["第 3 行 短语内容：不能为空"]);
  });

  it("flags a row with an unquoted comma that spills into extra columns", () => {
    const text = "分组,快捷编码,短语内容\n欢迎,hy,您好,欢迎光临\n";
    expect(errorTexts(parseImport(utf8(text), "a.csv"))[0]).toMatch(/^第 2 行：比表头多出 1 列/);
  });

  it("reports duplicate quick codes as warnings naming both rows", () => {
    const text = "分组,快捷编码,短语内容\n欢迎,hy,您好\n售后,HY,亲\n售后,/th,退货流程\n";
    const p = preview(parseImport(utf8(text), "a.csv"));
    expect(p.warnings.map((w) => w.text)).toEqual([
      "第 3 行 快捷编码：「HY」与第 2 行重复",
      "第 4 行 快捷编码：已去掉开头的「/」，输入时自动加上",
    ]);
    expect(p.phrases[2]?.code).toBe("th");
  });

  it("keeps hostile HTML in content as plain text", () => {
    const hostile = '<img src=x onerror="alert(1)"><script>steal()</script>';
    const text = `分组,快捷编码,短语内容\n欢迎,x,"${hostile.replace(/"/g, '""')}"\n`;
    expect(preview(parseImport(utf8(text), "a.csv")).phrases[0]?.content).toBe(hostile);
  });

  it("refuses oversize files before decoding", () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    expect(errorTexts(parseImport(big, "a.csv"))[0]).toMatch(/^文件太大/);
  });

  it("puts phrases without a group into 未分组", () => {
    const p = preview(parseImport(utf8("快捷编码,短语内容\nhy,您好\n"), "a.csv"));
    expect(p.phrases[0]?.groupName).toBe("未分组");
  });
});

describe("CSV export", () => {
  const phrases = [
    {
      groupName: "欢迎语",
      code: "hy",
      content: "您好，欢迎光临！\n有什么可以帮您？",
      image: "https://img.example.com/a.png",
    },
    { groupName: "议价", code: "yj", content: '本店"实价"，不议价哦,谢谢', tags: ["议价", "售前"] },
    { groupName: "公式", code: "f", content: '=HYPERLINK("http://evil")' },
    { groupName: "表情", code: "x", content: "-_- 亲别急" },
  ];

  it("starts with a UTF-8 BOM and the 千牛 header", () => {
    const csv = writeCsv(phrases);
    expect(csv.startsWith('\uFEFF"分组","快捷编码","短语内容","图片"')).toBe(true);
    expect(encodeUtf8(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it("guards cells Excel would run as formulas", () => {
    expect(writeCsv(phrases)).toContain('"\'=HYPERLINK(""http://evil"")"');
  });

  it("round-trips through parseImport unchanged", () => {
    const back = preview(parseImport(encodeUtf8(writeCsv(phrases)), "export.csv"));
    expect(back.phrases).toEqual(phrases);
  });
});

const QIANNIU_XML = `<?xml version="1.0" encoding="UTF-8"?>
<QuickPhrases version="1">
  <Groups>
    <Group id="1" name="欢迎语"/>
    <Group id="2" name="物流"/>
  </Groups>
  <Phrases>
    <Phrase id="11" groupId="1" code="hy" image=""><Content>您好，欢迎光临 &lt;本店&gt;
我是客服小美</Content></Phrase>
    <Phrase><Id>12</Id><GroupId>2</GroupId><Code>wl</Code><Content><![CDATA[默认中通，<b>可升级顺丰</b>]]></Content></Phrase>
  </Phrases>
</QuickPhrases>`;

describe("XML", () => {
  it("reads groups and phrases, attributes or child elements", () => {
    const p = preview(parseImport(utf8(QIANNIU_XML), "phrases.xml"));
    expect(p.format).toBe("xml");
    expect(p.groups.map((g) => [g.id, g.name])).toEqual([
      ["1", "欢迎语"],
      ["2", "物流"],
    ]);
    expect(p.phrases).toEqual([
      { id: "11", groupName: "欢迎语", code: "hy", content: "您好，欢迎光临 <本店>\n我是客服小美" },
      { id: "12", groupName: "物流", code: "wl", content: "默认中通，<b>可升级顺丰</b>" },
    ]);
  });

  it("names the record for bad values and unknown group ids", () => {
    const xml = `<QuickPhrases><Groups><Group id="1" name="a"/></Groups><Phrases>
      <Phrase groupId="1" code="ok"><Content>fine</Content></Phrase>
      <Phrase groupId="9" code="x"><Content>lost</Content></Phrase>
      <Phrase groupId="1" code="y"><Content></Content></Phrase></Phrases></QuickPhrases>`;
    expect(errorTexts(parseImport(utf8(xml), "a.xml"))).toEqual([
      "第 2 条 分组：找不到分组 id「9」",
      "第 3 条 短语内容：不能为空",
    ]);
  });

  it("refuses malformed XML and entity declarations", () => {
    expect(errorTexts(parseImport(utf8("<QuickPhrases><Phrases><Phrase></Phrases>"), "a.xml"))[0]).toMatch(
      /XML 格式错误/,
    );
    const bomb = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>';
    expect(errorTexts(parseImport(utf8(bomb), "a.xml"))[0]).toContain("DOCTYPE");
  });

  it("round-trips, hostile text included", () => {
    const phrases = [
      { id: "p1", groupName: "欢迎 & 问候", code: "hy", content: "<script>alert('x')</script>\n第二行 \"引号\"" },
      { id: "p2", groupName: "物流", code: "wl", content: "]]> 不会截断", image: "https://a.example/b.png?x=1&y=2" },
    ];
    const xml = writeXml([], phrases);
    const back = preview(parseImport(encodeUtf8(xml), "out.xml"));
    expect(back.phrases).toEqual(phrases);
  });
});

describe("JSON backup", () => {
  it("round-trips team and personal phrases, groups and settings", () => {
    const json = writeBackup({
      exportedAt: "2026-11-23T10:00:00.000Z",
      groups: [
        { id: "g1", name: "欢迎语", scope: "team" },
        { id: "g1", name: "我的", scope: "personal" },
      ],
      phrases: [
        { id: "a", groupName: "欢迎语", code: "hy", content: "您好", scope: "team" },
        { id: "b", groupName: "我的", code: "wd", content: "稍等哦", scope: "personal", tags: ["常用"] },
      ],
      settings: { remoteProvinces: ["新疆", "西藏"] },
    });
    const p = preview(parseImport(encodeUtf8(json), "backup.json"));
    expect(p.format).toBe("json");
    expect(p.settings).toEqual({ remoteProvinces: ["新疆", "西藏"] });
    expect(p.phrases).toEqual([
      { id: "a", groupName: "欢迎语", code: "hy", content: "您好", scope: "team" },
      { id: "b", groupName: "我的", code: "wd", content: "稍等哦", scope: "personal", tags: ["常用"] },
    ]);
    expect(p.groups.map((g) => `${g.scope}:${g.name}`)).toEqual(["team:欢迎语", "personal:我的"]);
  });

  it("refuses other JSON with a clear message", () => {
    expect(errorTexts(parseImport(utf8('{"a":1}'), "x.json"))[0]).toContain("不是客服助手的 JSON 备份文件");
    expect(errorTexts(parseImport(utf8("{oops"), "x.json"))[0]).toMatch(/^JSON 格式错误/);
  });
});
