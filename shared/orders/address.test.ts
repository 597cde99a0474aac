import { describe, expect, it } from "vitest";
import { parseAddress, provinceName, shortProvinceName } from "./address.ts";
import { classifyPhone, normalizePhone } from "./phone.ts";

describe("parseAddress on real address shapes", () => {
  const cases: [string, string | undefined, string | undefined, string | undefined, string][] = [
    ["广东省 深圳市 南山区 科技园南区1号", "广东省", "深圳市", "南山区", "科技园南区1号"],
    ["广东深圳南山区粤海街道", "广东省", "深圳市", "南山区", "粤海街道"],
    ["北京 北京市 朝阳区 建国路88号", "北京市", "北京市", "朝阳区", "建国路88号"],
    ["北京市海淀区中关村大街1号", "北京市", "北京市", "海淀区", "中关村大街1号"],
    ["上海浦东新区张江路1号", "上海市", "上海市", "浦东新区", "张江路1号"],
    ["上海市 市辖区 黄浦区 南京东路", "上海市", "上海市", "黄浦区", "南京东路"],
    ["天津滨海新区第三大街", "天津市", "天津市", "滨海新区", "第三大街"],
    ["重庆市 县 城口县 葛城街道", "重庆市", "重庆市", "城口县", "葛城街道"],
    ["重庆重庆市渝中区解放碑", "重庆市", "重庆市", "渝中区", "解放碑"],
    ["新疆维吾尔自治区 乌鲁木齐市 天山区 1号", "新疆维吾尔自治区", "乌鲁木齐市", "天山区", "1号"],
    ["新疆乌鲁木齐天山区解放南路", "新疆维吾尔自治区", "乌鲁木齐市", "天山区", "解放南路"],
    ["内蒙古呼和浩特市回民区中山西路", "内蒙古自治区", "呼和浩特市", "回民区", "中山西路"],
    ["广西壮族自治区南宁市青秀区民族大道", "广西壮族自治区", "南宁市", "青秀区", "民族大道"],
    ["宁夏银川市兴庆区解放街", "宁夏回族自治区", "银川市", "兴庆区", "解放街"],
    ["西藏拉萨城关区北京中路", "西藏自治区", "拉萨市", "城关区", "北京中路"],
    ["四川省凉山州西昌市航天大道", "四川省", "凉山彝族自治州", "西昌市", "航天大道"],
    ["吉林省延边朝鲜族自治州延吉市光明街", "吉林省", "延边朝鲜族自治州", "延吉市", "光明街"],
    ["江苏省，南京市，玄武区，中山路18号", "江苏省", "南京市", "玄武区", "中山路18号"],
    ["香港特别行政区 九龙 油尖旺区 弥敦道", "香港特别行政区", "九龙", "油尖旺区", "弥敦道"],
    ["吉林市船营区北京路", "吉林省", "吉林市", "船营区", "北京路"],
    ["吉林省吉林市船营区北京路", "吉林省", "吉林市", "船营区", "北京路"],
    ["海南藏族自治州共和县恰卜恰镇", "青海省", "海南藏族自治州", "共和县", "恰卜恰镇"],
    ["海南省海口市龙华区滨海大道", "海南省", "海口市", "龙华区", "滨海大道"],
    ["河南省济源市沁园街道", "河南省", "济源市", undefined, "沁园街道"],
  ];
  it.each(cases)("%s", (text, province, city, district, detail) => {
    const p = parseAddress(text);
    expect([p.province, p.city, p.district, p.detail]).toEqual([province, city, district, detail]);
  });

  it("infers the province from a unique city and the city from a unique district", () => {
    expect(parseAddress("深圳市福田区福华路").province).toBe("广东省");
    expect(parseAddress("深圳市福田区福华路").inferred).toEqual(["province"]);
    const noCity = parseAddress("广东南山区科技园");
    expect([noCity.city, noCity.district, noCity.inferred]).toEqual(["深圳市", "南山区", ["city"]]);
  });

  it("leaves out the district when it is not written, and knows cities without districts", () => {
    const p = parseAddress("浙江省杭州市 文一路100号");
    expect([p.city, p.district, p.detail]).toEqual(["杭州市", undefined, "文一路100号"]);
    expect(parseAddress("广东省东莞市长安镇振安路").cityHasNoDistricts).toBe(true);
    expect(parseAddress("湖北省仙桃市干河街道").cityHasNoDistricts).toBe(true);
    expect(parseAddress("广东省深圳市南山区").cityHasNoDistricts).toBe(false);
  });

  it("reads a functional zone written where the district goes (高新区 is not in the 省/市/区 table)", () => {
    const zoneOf = (text: string) => {
      const p = parseAddress(text);
      return [p.city, p.district, p.zone, p.detail];
    };
    expect(zoneOf("四川省 成都市 高新区 天府三街199号")).toEqual(["成都市", undefined, "高新区", "天府三街199号"]);
    expect(zoneOf("四川成都高新区天府三街199号")).toEqual(["成都市", undefined, "高新区", "天府三街199号"]);
    expect(zoneOf("四川省成都市天府新区华阳街道")).toEqual(["成都市", undefined, "天府新区", "华阳街道"]);
    expect(zoneOf("河北省石家庄市 石家庄高新区 长江大道")).toEqual(["石家庄市", undefined, "石家庄高新区", "长江大道"]);
    expect(zoneOf("湖南省长沙市经济技术开发区东六路")[2]).toBe("经济技术开发区");
    // A real district still wins, and the zone is looked for only when no district matched.
    expect(zoneOf("江苏省苏州市工业园区星湖街328号")).toEqual(["苏州市", "苏州工业园区", undefined, "星湖街328号"]);
    expect(zoneOf("安徽省合肥市蜀山区长江西路669号高新区管委会旁")[1]).toBe("蜀山区");
  });

  it("does not take housing estates or roads for zones", () => {
    for (const text of [
      "广东省深圳市科技园南区高新南七道",
      "广东省深圳市阳光新区3栋",
      "河南省郑州市开发区路18号",
      "广东省深圳市 18号高新区",
    ]) {
      expect(parseAddress(text).zone, text).toBeUndefined();
    }
  });

  it("does not invent regions for text that names none, and never throws on hostile text", () => {
    for (const text of ["", "   ", "县城", "<script>alert(1)</script>", "的".repeat(5000), "\u0000\uffff"]) {
      const p = parseAddress(text);
      expect(p.province).toBeUndefined();
      expect(p.city).toBeUndefined();
    }
  });

  it("normalises province names", () => {
    expect(provinceName("新疆")).toBe("新疆维吾尔自治区");
    expect(provinceName("广东省")).toBe("广东省");
    expect(provinceName("火星")).toBeUndefined();
    expect(shortProvinceName("广西壮族自治区")).toBe("广西");
    expect(shortProvinceName("上海市")).toBe("上海");
  });
});

describe("classifyPhone", () => {
  it.each([
    ["13800138000", "mobile"],
    ["+86 138 0013 8000", "mobile"],
    ["１３８００１３８０００", "mobile"],
    ["138-0013-8000", "mobile"],
    ["0755-86013388", "landline"],
    ["010-12345678-123", "landline"],
    ["138****5678", "masked"],
    ["1********35", "masked"],
    ["13800138000-1234", "virtual"],
    ["13800138000转1234", "virtual"],
    ["0755-86013388，13800138000", "mobile"],
    ["138****5678/0755-86013388", "landline"],
    ["", "empty"],
    ["  ", "empty"],
    ["1380013800", "invalid"],
    ["12800138000", "invalid"],
    ["abc", "invalid"],
    ["<img src=x onerror=alert(1)>", "invalid"],
  ])("%s → %s", (phone, kind) => {
    expect(classifyPhone(phone)).toBe(kind);
  });

  it("normalises for blacklist comparison", () => {
    expect(normalizePhone("+86 138-0013-8000".replace(/-/g, ""))).toBe("13800138000");
  });
});
