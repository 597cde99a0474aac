import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const fixture = (name: string) => join(root, "test", "fixtures", name);

function kefu(...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, "bin", "kefu.mjs"), "reviews", ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const lines = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));

// Each test spawns Node; on a loaded 2-core machine that takes seconds.
describe("kefu reviews", { timeout: 60_000 }, () => {
  it("prints one JSON line per review of a UTF-8 CSV with BOM, with drafts that use the shop name", () => {
    const { code, stdout, stderr } = kefu(fixture("reviews-utf8.csv"), "--shop", "棉花小铺");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const rows = lines(stdout);
    expect(rows.map((row) => row.id)).toEqual(["A1", "A2", "A3", "A4", "A5"]);
    expect(Object.keys(rows[0]).sort()).toEqual(["draft", "id", "sentiment", "topics"]);
    expect(rows[0]).toMatchObject({ sentiment: "positive" });
    expect(rows[0].draft).toContain("小王");
    // Five stars, but the text is a complaint.
    expect(rows[1]).toMatchObject({ sentiment: "negative" });
    expect(rows[1].topics.map((topic: { id: string }) => topic.id)).toEqual(expect.arrayContaining(["size", "color"]));
    expect(rows[2].topics.map((topic: { id: string }) => topic.id)).toContain("wrong-or-missing");
    expect(rows.some((row) => row.draft.includes("棉花小铺"))).toBe(true);
    for (const row of rows) expect(row.draft).not.toMatch(/[{}]/);
  });

  it("reads GBK CSV with Chinese headers", () => {
    const { code, stdout } = kefu(fixture("reviews-gbk.csv"));
    expect(code).toBe(0);
    const rows = lines(stdout);
    expect(rows.map((row) => [row.id, row.sentiment])).toEqual([
      ["G1", "positive"],
      ["G2", "negative"],
    ]);
  });

  it("reads a JSON array of objects and strings", () => {
    const { code, stdout } = kefu(fixture("reviews.json"));
    expect(code).toBe(0);
    const rows = lines(stdout);
    expect(rows.map((row) => row.id)).toEqual(["J1", "J2", "3"]);
    expect(rows[0].draft).toContain("阿明");
    expect(rows[1].sentiment).toBe("negative");
  });

  it("accepts 好评/中评/差评 and 4星 as ratings", () => {
    const { code, stdout } = kefu(fixture("reviews-rating-words.csv"));
    expect(code).toBe(0);
    expect(lines(stdout).map((row) => row.sentiment)).toEqual(["positive", "negative", "positive"]);
  });

  it("prints topic counts with --tally", () => {
    const { code, stdout } = kefu(fixture("reviews-utf8.csv"), "--tally");
    expect(code).toBe(0);
    const tally = JSON.parse(stdout);
    expect(tally.total).toBe(5);
    expect(tally.topics.shipping.positive).toBe(1);
    expect(tally.topics["wrong-or-missing"].negative).toBe(1);
    // Each counted topic comes with examples: the review id and the clause that mentions it.
    expect(tally.topics["wrong-or-missing"].examples[0]).toMatchObject({ sentiment: "negative" });
    expect(tally.topics["wrong-or-missing"].examples[0].evidence).toContain("发错");
  });

  it("reads a CSV with only a review column (no id, no rating) and reads a 5-star complaint as negative", () => {
    const dir = mkdtempSync(join(tmpdir(), "kefu-reviews-"));
    try {
      const only = join(dir, "only-review.csv");
      writeFileSync(only, 'review\n"面料很舒服，做工精细，会回购"\n"發錯顏色了，客服也不回，差評"\n');
      const plain = kefu(only);
      expect(plain.code).toBe(0);
      const rows = lines(plain.stdout);
      expect(rows.map((row) => row.sentiment)).toEqual(["positive", "negative"]);
      expect(new Set(rows.map((row) => row.id)).size).toBe(2);
      for (const row of rows) expect(row.draft.length).toBeGreaterThan(10);
      const rated = join(dir, "rated.csv");
      writeFileSync(rated, "id,rating,review\nX1,5,五星是给客服的，东西本身很一般，穿一次就起球了\n");
      expect(lines(kefu(rated).stdout)[0]).toMatchObject({ id: "X1", sentiment: "negative" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ["reviews-bad-rating.csv", /row 3.*rating/],
    ["reviews-bad-quote.csv", /row 3.*malformed CSV/],
    ["reviews-no-column.csv", /row 1.*review/],
    ["reviews-bad.json", /item 2.*review/],
    ["no-such-file.csv", /cannot read/],
  ])("rejects %s with a clear error and exit code 2", (name, message) => {
    const { code, stdout, stderr } = kefu(fixture(name));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
  });

  it('reads {"reviews": [...]} like a bare array and names a JSON object without it', () => {
    const wrapped = kefu(join(root, "test", "demo", "data", "douyin-reviews.json"), "--shop", "橘子生活好物店");
    expect(wrapped.code).toBe(0);
    const rows = lines(wrapped.stdout);
    expect(rows).toHaveLength(5);
    expect(rows[1]).toMatchObject({ id: "7301928374652", sentiment: "negative" });
    const dir = mkdtempSync(join(tmpdir(), "kefu-reviews-"));
    try {
      const other = join(dir, "object.json");
      writeFileSync(other, '{"items": []}');
      const result = kefu(other);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/must be an array of reviews/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("stops quietly when the reader closes the pipe early (| head)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kefu-reviews-"));
    try {
      const big = join(dir, "big.csv");
      const rows = Array.from({ length: 3000 }, (_, index) => `R${index},4,"质量很好，物流也快，第${index}次回购了"`);
      writeFileSync(big, `id,rating,review\n${rows.join("\n")}\n`);
      const child = spawn(process.execPath, [join(root, "bin", "kefu.mjs"), "reviews", big], { cwd: root });
      let stderr = "";
      child.stderr.on("data", (chunk) => {
        stderr += String(chunk);
      });
      child.stdout.once("data", () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
      expect(stderr).toBe("");
      expect(code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("rejects bad arguments with exit code 2", () => {
    expect(kefu().code).toBe(2);
    expect(kefu(fixture("reviews.json"), "--bogus").code).toBe(2);
    expect(kefu(fixture("reviews.json"), "--shop").code).toBe(2);
    expect(kefu("--help").code).toBe(0);
  });
});
