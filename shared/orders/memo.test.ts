import { describe, expect, it } from "vitest";
import { buildMemo, formatChinaDate, MEMO_MAX_BYTES, type MemoKind, truncateUtf8 } from "./memo.ts";

const bytes = (s: string) => new TextEncoder().encode(s).length;

describe("buildMemo", () => {
  it.each([
    ["price-change", "yellow", "【改价】"],
    ["unshipped", "purple", "【未发货】"],
    ["shipped", "blue", "【已发货】"],
    ["special-courier", "red", "【特殊快递】"],
    ["refundable", "green", "【可退款】"],
    ["after-sale", "blue", "【售后】"],
  ] as [MemoKind, string, string][])("%s → %s flag", (kind, flag, head) => {
    const memo = buildMemo({ kind, reason: "缺货延迟3天", agent: "小王", date: "2026-11-23T01:00:00Z" });
    expect(memo.flag).toBe(flag);
    expect(memo.text).toBe(`${head}缺货延迟3天 小王/2026-11-23`);
  });

  it("stamps the China date (UTC+8) and accepts a Date or a written date", () => {
    expect(formatChinaDate("2026-11-23T17:00:00Z")).toBe("2026-11-24");
    expect(formatChinaDate(new Date("2026-11-23T10:00:00Z"))).toBe("2026-11-23");
    expect(formatChinaDate("2026-11-23")).toBe("2026-11-23");
    expect(buildMemo({ kind: "shipped", reason: "补发", agent: "  ", date: "11月23日" }).text).toBe(
      "【已发货】补发 客服/11月23日",
    );
  });

  it("stays within 1000 bytes, cutting the reason on a character boundary", () => {
    const memo = buildMemo({
      kind: "after-sale",
      reason: "退货原因很长".repeat(200),
      agent: "小王",
      date: "2026-11-23",
    });
    expect(bytes(memo.text)).toBeLessThanOrEqual(MEMO_MAX_BYTES);
    expect(memo.text.endsWith("… 小王/2026-11-23")).toBe(true);
    expect(memo.text).not.toContain("\uFFFD");
    expect(truncateUtf8("😀😀😀", 7)).toBe("😀…");
  });

  it("keeps hostile text as plain text on one line", () => {
    const memo = buildMemo({
      kind: "unshipped",
      reason: "<script>x</script>\n\n第二行",
      agent: "a\nb",
      date: "2026-11-23",
    });
    expect(memo.text).toBe("【未发货】<script>x</script> 第二行 a b/2026-11-23");
  });

  it("rejects an unknown kind", () => {
    expect(() => buildMemo({ kind: "nope" as MemoKind, reason: "", agent: "", date: "" })).toThrow(/unknown memo kind/);
  });
});
