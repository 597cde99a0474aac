import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const fixtures = join(root, "test", "fixtures");
const NOW = "2026-11-23T04:00:00Z";

interface AuditRun {
  code: number | null;
  stderr: string;
  lines: string[];
  warnings: Record<string, string>[];
}

/** Runs `node bin/kefu.mjs audit …` (async, so a test can start several at once on a busy machine). */
function audit(...args: string[]): Promise<AuditRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, "bin", "kefu.mjs"), "audit", ...args],
      { cwd: root },
      (err, stdout, stderr) => {
        const lines = stdout.split("\n").filter(Boolean);
        const code = err ? (typeof err.code === "number" ? err.code : null) : 0;
        resolve({ code, stderr, lines, warnings: lines.map((l) => JSON.parse(l) as Record<string, string>) });
      },
    );
  });
}

const tmp = mkdtempSync(join(tmpdir(), "kefu-audit-"));

describe("kefu audit", { timeout: 60_000 }, () => {
  it('reads the 淘宝 export CSV (UTF-8 BOM, ="…" ids, tab-prefixed phones) and prints one JSON line per warning', async () => {
    const r = await audit(join(fixtures, "orders-taobao.csv"), "--now", NOW);
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

  it("reads the same export saved as GBK by Excel", async () => {
    const utf8 = readFileSync(join(fixtures, "orders-taobao.csv"), "utf8").replace(/^\uFEFF/, "");
    const file = join(tmp, "orders-gbk.csv");
    writeFileSync(file, iconv.encode(utf8, "gbk"));
    const [gbk, utf] = await Promise.all([
      audit(file, "--now", NOW),
      audit(join(fixtures, "orders-taobao.csv"), "--now", NOW),
    ]);
    expect(gbk.code).toBe(0);
    expect(gbk.lines).toEqual(utf.lines);
  });

  it("reads a JSON array of orders, including cross-order rules", async () => {
    const r = await audit(join(fixtures, "orders-sample.json"), "--now", NOW);
    expect(r.code).toBe(0);
    expect(r.warnings.filter((w) => w.rule === "mergeable")).toHaveLength(2);
    expect(r.warnings.some((w) => w.rule === "price-over-limit")).toBe(true);
  });

  it("over the demo back office's orders as JSON it reports exactly test/demo/data/expected-warnings.json", async () => {
    const demo = join(root, "test", "demo");
    const core = join(demo, "lib", "orders-core.js");
    const { materializeOrder } = (await import(core)) as { materializeOrder(raw: unknown, nowMs: number): unknown };
    const stored = JSON.parse(readFileSync(join(demo, "data", "orders.json"), "utf8")) as { orders: unknown[] };
    const file = join(tmp, "demo-orders.json");
    writeFileSync(file, JSON.stringify(stored.orders.map((o) => materializeOrder(o, Date.parse(NOW)))));
    const r = await audit(file, "--now", NOW);
    expect(r.code).toBe(0);
    const expected = JSON.parse(readFileSync(join(demo, "data", "expected-warnings.json"), "utf8")) as Record<
      string,
      string[]
    >;
    const got: Record<string, string[]> = Object.fromEntries(Object.keys(expected).map((id) => [id, []]));
    for (const w of r.warnings) {
      const list = got[w.orderId ?? ""];
      if (list && !list.includes(w.rule ?? "")) list.push(w.rule ?? "");
      else if (!list) got[w.orderId ?? ""] = [w.rule ?? ""];
    }
    const sorted = (m: Record<string, string[]>) =>
      Object.fromEntries(Object.entries(m).map(([id, rules]) => [id, [...rules].sort()]));
    expect(sorted(got)).toEqual(sorted(expected));
  });

  it("--now fixes the clock, as ISO or as China time without a zone", async () => {
    const [later, china, iso] = await Promise.all([
      audit(join(fixtures, "orders-taobao.csv"), "--now", "2026-11-26T04:00:00Z"),
      audit(join(fixtures, "orders-taobao.csv"), "--now", "2026-11-23 12:00:00"),
      audit(join(fixtures, "orders-taobao.csv"), "--now", NOW),
    ]);
    expect(later.warnings.filter((w) => w.rule === "ship-overdue").length).toBeGreaterThan(0);
    expect(china.code).toBe(0);
    expect(china.lines).toEqual(iso.lines); // 12:00 in China is 04:00Z
  });

  it("reads an export saved by Excel as Unicode text (UTF-16, tab-separated)", async () => {
    const utf8 = readFileSync(join(fixtures, "orders-taobao.csv"), "utf8").replace(/^\uFEFF/, "");
    const Papa = (await import("papaparse")).default;
    const rows = Papa.parse<string[]>(utf8, { skipEmptyLines: true }).data;
    const tsv = Papa.unparse(rows, { delimiter: "\t", newline: "\r\n" });
    const file = join(tmp, "orders-unicode.txt");
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, "utf16le")]));
    const [unicode, utf] = await Promise.all([
      audit(file, "--now", NOW),
      audit(join(fixtures, "orders-taobao.csv"), "--now", NOW),
    ]);
    expect(unicode.code).toBe(0);
    expect(unicode.lines).toEqual(utf.lines);
  });

  it("--settings takes whole team settings or just the orderRules section", async () => {
    const whole = join(tmp, "team.json");
    writeFileSync(
      whole,
      JSON.stringify({ name: "team", orderRules: { remoteAreas: ["西藏"], disabledRules: ["phone-masked"] } }),
    );
    const section = join(tmp, "section.json");
    writeFileSync(section, JSON.stringify({ unpaidReminderMinutes: 600 }));
    const bad = join(tmp, "bad-settings.json");
    writeFileSync(bad, JSON.stringify({ orderRules: { priceChangeLimit: "twenty" } }));
    const [r, s, b] = await Promise.all([
      audit(join(fixtures, "orders-taobao.csv"), "--now", NOW, "--settings", whole),
      audit(join(fixtures, "orders-taobao.csv"), "--now", NOW, `--settings=${section}`),
      audit(join(fixtures, "orders-taobao.csv"), "--settings", bad),
    ]);
    expect(r.code).toBe(0);
    expect(r.warnings.some((w) => w.rule === "remote-area" || w.rule === "phone-masked")).toBe(false);
    expect(s.warnings.some((w) => w.rule === "unpaid-reminder")).toBe(false);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("priceChangeLimit");
  });

  it("a malformed file is a clear error naming the row, exit 2, nothing printed", async () => {
    const noId = join(tmp, "no-id.csv");
    writeFileSync(noId, "买家会员名,收货地址\ntb_a,广东省深圳市南山区1号\n");
    const emptyId = join(tmp, "empty-id.csv");
    writeFileSync(emptyId, "订单编号,买家会员名\n1001,tb_a\n,tb_b\n");
    const badJson = join(tmp, "bad.json");
    writeFileSync(
      badJson,
      JSON.stringify([
        { id: "1", items: [] },
        { id: "2", items: [{ title: "x", quantity: "two", price: 1 }] },
      ]),
    );
    const [r, n, e, j] = await Promise.all([
      audit(join(fixtures, "orders-bad-amount.csv"), "--now", NOW),
      audit(noId),
      audit(emptyId),
      audit(badJson),
    ]);
    expect(r.code).toBe(2);
    expect(r.lines).toEqual([]);
    expect(r.stderr).toContain("第 3 行");
    expect(n.stderr).toContain("订单编号");
    expect([e.code, e.lines.length]).toEqual([2, 0]);
    expect(e.stderr).toContain("第 3 行：订单编号为空");
    expect([j.code, j.lines.length]).toEqual([2, 0]);
    expect(j.stderr).toContain("第 2 个订单");
  });

  it("usage errors and missing files exit 2 with a message", async () => {
    const [none, bogus, missing, badNow, directory, missingSettings] = await Promise.all([
      audit(),
      audit("--bogus"),
      audit(join(tmp, "nope.csv")),
      audit(join(fixtures, "orders-taobao.csv"), "--now", "yesterday"),
      audit(tmp),
      audit(join(fixtures, "orders-taobao.csv"), "--settings", join(tmp, "no-settings.json")),
    ]);
    expect([directory.code, directory.lines.length]).toEqual([2, 0]);
    expect(directory.stderr).toContain(`cannot read ${tmp} (EISDIR)`);
    expect([missingSettings.code, missingSettings.lines.length]).toEqual([2, 0]);
    expect(missingSettings.stderr).toContain("no-settings.json (ENOENT)");
    expect(none.code).toBe(2);
    expect(bogus.stderr).toContain("unknown option");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nope.csv");
    expect(badNow.code).toBe(2);
  });
});
