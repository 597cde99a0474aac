/**
 * Region matchers grouped by province must find the same first match as going through the whole list in order
 * (the remote-area rule reports that entry's label), for any list the team may write and any address.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAddress } from "./address.ts";
import { regionCandidates, regionMatcher, regionMatches, regionsByProvince } from "./context.ts";

/** Entries of every kind: provinces (full/short), 省+市, cities alone, plain text the table does not know. */
const ENTRIES = [
  "新疆",
  "新疆维吾尔自治区",
  "新疆喀什地区",
  "西藏",
  "内蒙古",
  "青海",
  "甘肃省甘南藏族自治州",
  "甘肃",
  "海南省三沙市",
  "三沙",
  "喀什",
  "北京",
  "上海市",
  "看守所",
  "部队",
  "中山市",
  "吉林",
];
const ADDRESSES = [
  "新疆维吾尔自治区 喀什地区 喀什市 人民路1号",
  "新疆 乌鲁木齐市 天山区 解放南路",
  "西藏拉萨城关区北京中路",
  "甘肃省 甘南藏族自治州 合作市 当周街",
  "甘肃省 兰州市 城关区 张掖路",
  "海南省 三沙市 西沙区",
  "北京 北京市 朝阳区 建国路88号",
  "上海浦东新区张江路1号",
  "广东省 中山市 石岐街道",
  "吉林省 吉林市 船营区",
  "某市看守所",
  "四川省 成都市 锦江区 春熙路",
  "部队大院3号",
  "新疆 乌鲁木齐市 部队大院",
  "西藏 拉萨市 看守所",
  "",
];

describe("regionsByProvince", () => {
  it("finds the same first matching entry as the whole list", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...ENTRIES), { maxLength: 8 }),
        fc.constantFrom(...ADDRESSES),
        (entries, address) => {
          const matchers = entries.map(regionMatcher);
          const parsed = parseAddress(address);
          const first = (list: typeof matchers) =>
            list.find((m) => regionMatches(m, parsed.province, parsed.city, address));
          const grouped = regionCandidates(regionsByProvince(matchers), parsed.province);
          expect(first(grouped)).toBe(first(matchers));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("keeps a province's entries and the plain-text ones in list order", () => {
    const matchers = ["看守所", "新疆喀什地区", "西藏", "新疆"].map(regionMatcher);
    const regions = regionsByProvince(matchers);
    expect(regionCandidates(regions, "新疆维吾尔自治区").map((m) => m.label)).toEqual([
      "看守所",
      "新疆喀什地区",
      "新疆",
    ]);
    expect(regionCandidates(regions, "广东省").map((m) => m.label)).toEqual(["看守所"]);
    expect(regionCandidates(regions, undefined).map((m) => m.label)).toEqual(["看守所"]);
  });
});
