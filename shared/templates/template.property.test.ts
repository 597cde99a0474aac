import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTemplate, renderTemplate } from "./template.ts";
import { VARIABLE_NAMES } from "./variables.ts";

const piece = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom(...VARIABLE_NAMES.map((n) => `{${n}}`)),
  fc.constantFrom("{填写:尺码}", "{选择:颜色|红色|黑色}", "{未知}", "{{", "}}", "{", "}", "\n", "<script>"),
);

describe("template properties", () => {
  it("with no values, the output is exactly the literal text and every placeholder is reported", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join("");
        const parsed = parseTemplate(text);
        const result = renderTemplate(parsed);
        const literal = parsed.parts.map((p) => (p.kind === "text" ? p.text : "")).join("");
        expect(result.text).toBe(literal);
        const reported = new Set(result.missing.map((m) => m.name));
        for (const name of parsed.variables) expect(reported.has(name)).toBe(true);
        for (const field of parsed.fills) expect(reported.has(field.label)).toBe(true);
        for (const name of parsed.unknown) expect(reported.has(name)).toBe(true);
      }),
    );
  });
  it("inserts any value verbatim (minus control characters) and never re-parses it", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (value) => {
        // biome-ignore lint/suspicious/noControlCharactersInRegex: mirrors the renderer's control-character removal
        const clean = value.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
        const result = renderTemplate("A{买家}B", { buyer: value });
        if (clean.trim()) expect(result).toEqual({ text: `A${clean}B`, missing: [] });
        else expect(result).toEqual({ text: "AB", missing: [{ kind: "variable", name: "买家" }] });
      }),
    );
  });
});
