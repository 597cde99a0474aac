import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { defaultTeamSettings } from "./phrases/schema.ts";
import { parseTeamSettings, readSection, writeSection } from "./settings.ts";

const LintSchema = v.object({ banned: v.array(v.string()) });

describe("team settings sections", () => {
  it("reads a feature's section with its schema, falling back on absent or invalid data", () => {
    const base = defaultTeamSettings("棉花小铺");
    const fallback = { banned: ["我不知道"] };
    expect(readSection(undefined, "lint", LintSchema, fallback)).toBe(fallback);
    expect(readSection(base, "lint", LintSchema, fallback)).toBe(fallback); // {} does not match the schema
    const written = writeSection(base, "lint", { banned: ["最便宜"] });
    expect(readSection(written, "lint", LintSchema, fallback)).toEqual({ banned: ["最便宜"] });
    expect(readSection({ ...base, lint: { banned: "x" } }, "lint", LintSchema, fallback)).toBe(fallback);
    expect(base.lint).toEqual({}); // writeSection does not mutate
  });
  it("parses stored settings, filling open sections and rejecting bad shapes", () => {
    expect(parseTeamSettings({ shopName: "店", agents: { agt_1: "小王" } })).toEqual({
      ...defaultTeamSettings("店"),
      agents: { agt_1: "小王" },
    });
    expect(parseTeamSettings({ shopName: 3 }, "备用")).toEqual(defaultTeamSettings("备用"));
    expect(parseTeamSettings({ shopName: "店", agents: {}, lint: { pad: "x".repeat(70_000) } }, "店")).toEqual(
      defaultTeamSettings("店"),
    );
  });
});
