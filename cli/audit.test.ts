import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const fixtures = join(root, "test", "fixtures");
const NOW = "2026-11-23T04:00:00Z";

function audit(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, "bin", "kefu.mjs"), "audit", ...args], {
    encoding: "utf8",
    cwd: root,
  });
  const lines = r.stdout.split("\n").filter(Boolean);
  return {
    code: r.status,
    stderr: r.stderr,
    lines,
    warnings: lines.map((l) => JSON.parse(l) as Record<string, string>),
  };
}

const tmp = mkdtempSync(join(tmpdir(), "kefu-audit-"));

describe("kefu audit", () => {
  it('reads the 淘宝 export CSV (UTF-8 BOM, ="…" ids, tab-prefixed phones) and prints one JSON line per warning', () => {
    const r = audit(join(fixtures, "orders-taobao.csv"), "--now", NOW);
    expect(r.code).toBe(0);
    expect(Object.keys(r.warnings[0] ?? {})).toEqual(["orderId", "rule", "severity", "message"]);
    const pairs = r.warnings.map((w) => `${(w.orderId ?? "").slice(-1)} ${w.rule}`);
    expect(pairs).toEqual([
      "2 memo-sku-conflict",
      "2 message-keyword",
      "3 phone-virtual",
      "3 remote-area",
      "4 phone-masked",
      "4 unpaid-reminder",
      "5 address-incomplete",
      "6 refund-active",
    ]);
    expect(r.warnings[0]).toMatchObject({
      orderId: "3901234567890123452",
      message: "备注写“红色”，但下单规格为“黑色”",
    });
  });

  it("reads the same export saved as GBK by Excel", () => {
    const utf8 = readFileSync(join(fixtures, "orders-taobao.csv"), "utf8").replace(/^\uFEFF/, "");
    const file = join(tmp, "orders-gbk.csv");
    writeFileSync(file, iconv.encode(utf8, "gbk"));
    const gbk = audit(file, "--now", NOW);
    expect(gbk.code).toBe(0);
    expect(gbk.lines).toEqual(audit(join(fixtures, "orders-taobao.csv"), "--now", NOW).lines);
  });

  it("reads a JSON array of orders, including cross-order rules", () => {
    const r = audit(join(fixtures, "orders-sample.json"), "--now", NOW);
    expect(r.code).toBe(0);
    expect(r.warnings.filter((w) => w.rule === "mergeable")).toHaveLength(2);
    expect(r.warnings.some((w) => w.rule === "price-over-limit")).toBe(true);
  });

  it("--now fixes the clock", () => {
    const later = audit(join(fixtures, "orders-taobao.csv"), "--now", "2026-11-26T04:00:00Z");
    expect(later.warnings.filter((w) => w.rule === "ship-overdue").length).toBeGreaterThan(0);
  });

  it("--settings takes whole team settings or just the orderRules section", () => {
    const whole = join(tmp, "team.json");
    writeFileSync(
      whole,
      JSON.stringify({ name: "team", orderRules: { remoteAreas: ["西藏"], disabledRules: ["phone-masked"] } }),
    );
    const r = audit(join(fixtures, "orders-taobao.csv"), "--now", NOW, "--settings", whole);
    expect(r.code).toBe(0);
    expect(r.warnings.some((w) => w.rule === "remote-area" || w.rule === "phone-masked")).toBe(false);
    const section = join(tmp, "section.json");
    writeFileSync(section, JSON.stringify({ unpaidReminderMinutes: 600 }));
    const s = audit(join(fixtures, "orders-taobao.csv"), "--now", NOW, `--settings=${section}`);
    expect(s.warnings.some((w) => w.rule === "unpaid-reminder")).toBe(false);
    const bad = join(tmp, "bad-settings.json");
    writeFileSync(bad, JSON.stringify({ orderRules: { priceChangeLimit: "twenty" } }));
    const b = audit(join(fixtures, "orders-taobao.csv"), "--settings", bad);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("priceChangeLimit");
  });

  it("a malformed file is a clear error naming the row, exit 2, nothing printed", () => {
    const r = audit(join(fixtures, "orders-bad-amount.csv"), "--now", NOW);
    expect(r.code).toBe(2);
    expect(r.lines).toEqual([]);
    expect(r.stderr).toContain("第 3 行");
    const noId = join(tmp, "no-id.csv");
    writeFileSync(noId, "买家会员名,收货地址\ntb_a,广东省深圳市南山区1号\n");
    expect(audit(noId).stderr).toContain("订单编号");
    const emptyId = join(tmp, "empty-id.csv");
    writeFileSync(emptyId, "订单编号,买家会员名\n1001,tb_a\n,tb_b\n");
    const e = audit(emptyId);
    expect([e.code, e.lines.length]).toEqual([2, 0]);
    expect(e.stderr).toContain("第 3 行：订单编号为空");
    const badJson = join(tmp, "bad.json");
    writeFileSync(
      badJson,
      JSON.stringify([
        { id: "1", items: [] },
        { id: "2", items: [{ title: "x", quantity: "two", price: 1 }] },
      ]),
    );
    const j = audit(badJson);
    expect([j.code, j.lines.length]).toEqual([2, 0]);
    expect(j.stderr).toContain("第 2 个订单");
  });

  it("usage errors and missing files exit 2 with a message", () => {
    expect(audit().code).toBe(2);
    expect(audit("--bogus").stderr).toContain("unknown option");
    const missing = audit(join(tmp, "nope.csv"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nope.csv");
    expect(audit(join(fixtures, "orders-taobao.csv"), "--now", "yesterday").code).toBe(2);
  });
});
