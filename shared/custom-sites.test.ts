import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { defaultTeamSettings, TeamSettingsSchema } from "./phrases/schema.ts";
import { CUSTOM_SITES_LIMITS, CustomSitesSchema, customSitePatterns, SitePatternSchema } from "./settings.ts";

const problem = (pattern: unknown) => {
  const parsed = v.safeParse(SitePatternSchema, pattern);
  return parsed.success ? undefined : parsed.issues[0]?.message;
};

describe("custom site patterns (team settings section customSites)", () => {
  it.each([
    "https://crm.example.com/*",
    "http://127.0.0.2/*",
    "*://*.myshop.cn/chat/*",
    "http://localhost:8080/kefu*",
    "https://erp.example.com:*/",
  ])("accepts %s", (pattern) => {
    expect(problem(pattern)).toBeUndefined();
  });

  it("trims the pattern it keeps", () => {
    expect(v.parse(SitePatternSchema, "  https://crm.example.com/*  ")).toBe("https://crm.example.com/*");
  });

  it.each([
    ["", "不能为空"],
    ["<all_urls>", "开头"],
    ["ftp://files.example.com/*", "开头"],
    ["javascript://alert(1)/", "开头"],
    ["https://crm.example.com", "路径"],
    ["*://*/*", "所有网站"],
    ["https://*.com/*", "所有网站"],
    ["https://Crm.Example.com/*", "小写"],
    ["https://crm.example.com/a b", "空格"],
    ["https://cr<m>.example.com/*", "小写"],
    [`https://crm.example.com/${"a".repeat(CUSTOM_SITES_LIMITS.patternLength)}`, "最多"],
    [42, "文字"],
  ])("refuses %j with a clear reason", (pattern, reason) => {
    expect(problem(pattern)).toContain(reason);
  });

  it("caps the count and refuses duplicates", () => {
    const many = Array.from({ length: CUSTOM_SITES_LIMITS.patterns + 1 }, (_, i) => `https://s${i}.example.com/*`);
    expect(v.safeParse(CustomSitesSchema, { patterns: many }).success).toBe(false);
    expect(v.safeParse(CustomSitesSchema, { patterns: many.slice(1) }).success).toBe(true);
    const twice = v.safeParse(CustomSitesSchema, { patterns: ["https://a.example.com/*", "https://a.example.com/*"] });
    expect(twice.success ? "" : twice.issues[0]?.message).toContain("重复");
  });

  it("is a section the team settings schema (and so the Worker) accepts, and old teams lack", () => {
    const settings = { ...defaultTeamSettings("店"), customSites: { patterns: ["https://crm.example.com/*"] } };
    expect(v.parse(TeamSettingsSchema, settings).customSites).toEqual({ patterns: ["https://crm.example.com/*"] });
    expect(v.parse(TeamSettingsSchema, defaultTeamSettings("店")).customSites).toBeUndefined();
  });

  it("reads patterns leniently: bad entries dropped, the good ones kept, deduplicated and capped", () => {
    const settings = {
      ...defaultTeamSettings("店"),
      customSites: {
        patterns: ["https://a.example.com/*", "<all_urls>", 7, " https://a.example.com/* ", "http://b.cn/*"],
      },
    };
    expect(customSitePatterns(settings)).toEqual(["https://a.example.com/*", "http://b.cn/*"]);
    expect(customSitePatterns(defaultTeamSettings("店"))).toEqual([]);
    expect(customSitePatterns({ ...defaultTeamSettings("店"), customSites: { patterns: "x" } })).toEqual([]);
    expect(customSitePatterns(undefined)).toEqual([]);
    const many = Array.from({ length: 30 }, (_, i) => `https://s${i}.example.com/*`);
    expect(customSitePatterns({ ...defaultTeamSettings("店"), customSites: { patterns: many } })).toHaveLength(
      CUSTOM_SITES_LIMITS.patterns,
    );
  });
});
