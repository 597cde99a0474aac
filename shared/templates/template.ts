/**
 * Script templates (话术模板).
 *
 * Syntax (full-width ：｜ accepted as well):
 *   {买家} {订单号} … / {buyer} {orderId} …   a variable filled from the order/context (see variables.ts)
 *   {填写:尺码}  {填写:尺码=M}                 a free-text field asked before inserting, optional default
 *   {选择:颜色|红色|黑色|白色}                 a choice asked before inserting
 *   {{  }}                                    a literal "{" / "}"
 * A "{" that does not start a placeholder (no closing brace on the same line, or longer than 60 characters)
 * stays as text and is reported in `issues` so the editor can point at it.
 *
 * Rendering returns plain text only. Values are inserted verbatim and never re-parsed, so a value that
 * contains "{买家}" or "<script>" stays exactly that text; the caller inserts it as text, never as HTML.
 */
import { canonicalValues, resolveVariable, type VariableName } from "./variables.ts";

export type TemplatePart =
  | { kind: "text"; text: string }
  | { kind: "variable"; name: VariableName; raw: string }
  | { kind: "unknown"; name: string; raw: string }
  | { kind: "fill"; label: string; default?: string; raw: string }
  | { kind: "choice"; label: string; options: string[]; raw: string };

export type FillField =
  | { kind: "text"; label: string; default?: string }
  | { kind: "choice"; label: string; options: string[] };

export interface ParsedTemplate {
  parts: TemplatePart[];
  /** Variables used, each once, in order of first use. */
  variables: VariableName[];
  /** Fields to ask the agent before inserting, each label once (the first definition wins). */
  fills: FillField[];
  /** Placeholder names that are neither a known variable nor a field. */
  unknown: string[];
  /** Problems an editor should show (中文). */
  issues: string[];
}

export interface MissingValue {
  kind: "variable" | "unknown" | "fill" | "choice";
  name: string;
}

export interface RenderResult {
  text: string;
  /** Placeholders left empty: the UI asks for them (the text already has them dropped, never raw). */
  missing: MissingValue[];
}

const MAX_PLACEHOLDER = 60;
const FILL_PREFIX = /^(?:填写|填|输入|fill|input|text)\s*[:：]\s*/i;
const CHOICE_PREFIX = /^(?:选择|选|choice|choose|select)\s*[:：]\s*/i;

function parsePlaceholder(inner: string, raw: string): TemplatePart | string {
  const fill = FILL_PREFIX.exec(inner);
  if (fill) {
    const body = inner.slice(fill[0].length);
    const eq = body.search(/[=＝]/);
    const label = (eq >= 0 ? body.slice(0, eq) : body).trim();
    if (!label) return `填写字段没有名称: ${raw}`;
    const fallback = eq >= 0 ? body.slice(eq + 1).trim() : "";
    return fallback ? { kind: "fill", label, default: fallback, raw } : { kind: "fill", label, raw };
  }
  const choice = CHOICE_PREFIX.exec(inner);
  if (choice) {
    const [label = "", ...rest] = inner.slice(choice[0].length).split(/[|｜]/);
    const options = [...new Set(rest.map((o) => o.trim()).filter(Boolean))];
    if (!label.trim()) return `选择字段没有名称: ${raw}`;
    if (options.length === 0) return `选择字段没有选项 (用 | 分隔): ${raw}`;
    return { kind: "choice", label: label.trim(), options, raw };
  }
  const name = inner.trim();
  if (!name) return `空的占位符: ${raw}`;
  const variable = resolveVariable(name);
  return variable ? { kind: "variable", name: variable, raw } : { kind: "unknown", name, raw };
}

export function parseTemplate(text: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  const issues: string[] = [];
  let literal = "";
  const flush = () => {
    if (literal) parts.push({ kind: "text", text: literal });
    literal = "";
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === "{" && text[i + 1] === "{") {
      literal += "{";
      i += 2;
    } else if (ch === "}" && text[i + 1] === "}") {
      literal += "}";
      i += 2;
    } else if (ch === "{") {
      const close = text.indexOf("}", i + 1);
      const inner = close >= 0 ? text.slice(i + 1, close) : "";
      if (close < 0 || inner.length > MAX_PLACEHOLDER || /[{\n]/.test(inner)) {
        issues.push(`第 ${i + 1} 个字符的 "{" 没有配对的 "}" (要写 { 本身请用 {{)`);
        literal += ch;
        i++;
        continue;
      }
      const raw = text.slice(i, close + 1);
      const part = parsePlaceholder(inner, raw);
      if (typeof part === "string") {
        issues.push(part);
        literal += raw;
      } else {
        flush();
        parts.push(part);
      }
      i = close + 1;
    } else {
      if (ch === "}") issues.push(`第 ${i + 1} 个字符的 "}" 没有配对的 "{" (要写 } 本身请用 }})`);
      literal += ch;
      i++;
    }
  }
  flush();

  const variables: VariableName[] = [];
  const fills: FillField[] = [];
  const unknown: string[] = [];
  for (const part of parts) {
    if (part.kind === "variable" && !variables.includes(part.name)) variables.push(part.name);
    if (part.kind === "unknown" && !unknown.includes(part.name)) unknown.push(part.name);
    if ((part.kind === "fill" || part.kind === "choice") && !fills.some((f) => f.label === part.label)) {
      fills.push(
        part.kind === "choice"
          ? { kind: "choice", label: part.label, options: part.options }
          : part.default !== undefined
            ? { kind: "text", label: part.label, default: part.default }
            : { kind: "text", label: part.label },
      );
    }
  }
  if (unknown.length > 0) issues.push(`未知变量: ${unknown.map((n) => `{${n}}`).join(" ")}`);
  return { parts, variables, fills, unknown, issues };
}

/** Values are text: control characters other than tab/newline are removed, nothing else is touched. */
function asText(value: unknown): string {
  if (value === undefined || value === null) return "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return String(value).replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
}

/**
 * Renders a template (text or already parsed). `values` may use canonical names, aliases or, for unknown
 * placeholders, their exact names; `fills` is keyed by field label. A choice accepts only one of its options.
 */
export function renderTemplate(
  template: string | ParsedTemplate,
  values: Readonly<Record<string, unknown>> = {},
  fills: Readonly<Record<string, unknown>> = {},
): RenderResult {
  const parsed = typeof template === "string" ? parseTemplate(template) : template;
  const canonical = canonicalValues(values);
  const firstDefinition = new Map(parsed.fills.map((f) => [f.label, f]));
  const missing: MissingValue[] = [];
  const addMissing = (kind: MissingValue["kind"], name: string) => {
    if (!missing.some((m) => m.kind === kind && m.name === name)) missing.push({ kind, name });
  };
  let out = "";
  for (const part of parsed.parts) {
    if (part.kind === "text") {
      out += part.text;
      continue;
    }
    let value = "";
    if (part.kind === "variable") {
      value = asText(canonical[part.name]);
      if (!value.trim()) addMissing("variable", part.name);
    } else if (part.kind === "unknown") {
      value = Object.hasOwn(values, part.name) ? asText(values[part.name]) : "";
      if (!value.trim()) addMissing("unknown", part.name);
    } else {
      const field = firstDefinition.get(part.label) ?? part;
      const given = Object.hasOwn(fills, part.label) ? asText(fills[part.label]).trim() : "";
      if (field.kind === "choice") {
        value = field.options.includes(given) ? given : "";
        if (!value) addMissing("choice", part.label);
      } else {
        value = given || (field.kind === "fill" || field.kind === "text" ? (field.default ?? "") : "");
        if (!value) addMissing("fill", part.label);
      }
    }
    if (value.trim()) out += value;
  }
  return { text: out, missing };
}
