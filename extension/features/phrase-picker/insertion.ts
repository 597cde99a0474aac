/**
 * What goes into the box for a picked phrase: the values its variables get, the fields the agent is asked for, and
 * where the rendered script lands. The session (session.tsx) runs these in order: pick → form → lint → insert.
 */
import type { MissingValue, ParsedTemplate } from "../../../shared/templates/template.ts";
import { caretTarget, type EditableBox, type InsertTarget } from "../../insert/index.ts";
import type { PickerLibrary } from "./library.ts";
import { orderVariables } from "./order-in-view.ts";
import type { FormField } from "./panel.tsx";

/** Today in the shops' time zone (UTC+8), as {日期} shows it. */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Values for variables: the order in view (outer page), shop and agent from settings. */
export async function variablesFor(
  outer: Window,
  library: PickerLibrary,
  box: EditableBox,
): Promise<Record<string, string>> {
  const values: Record<string, string> = { ...(await orderVariables(outer.document, outer.location.href, box)) };
  if (library.shopName) values.店铺 = library.shopName;
  if (library.agentName) values.客服 = library.agentName;
  values.日期 ??= chinaToday();
  return values;
}

/** The form for a picked phrase: its fill-in fields, then the variables the page could not fill. */
export function formFields(parsed: ParsedTemplate, missing: MissingValue[]): FormField[] {
  const fields: FormField[] = parsed.fills.map((field) =>
    field.kind === "choice"
      ? { kind: "choice", label: field.label, options: field.options, value: field.options[0] ?? "" }
      : { kind: "text", label: field.label, value: field.default ?? "" },
  );
  // Variables the page could not fill are asked too; left empty they are dropped, never shown raw.
  for (const gap of missing) {
    if ((gap.kind === "variable" || gap.kind === "unknown") && !fields.some((f) => f.label === gap.name)) {
      fields.push({ kind: "text", label: gap.name, value: "", hint: "页面上没有找到，可留空 (optional)" });
    }
  }
  return fields;
}

/** The trigger text may have moved (a click in the box, page edits): never overwrite anything but "/query". */
export function liveTarget(opened: { box: EditableBox; mode: "slash" | "hotkey"; target: InsertTarget }): InsertTarget {
  const { box, target } = opened;
  if (opened.mode !== "slash") return target;
  const replaced =
    target.kind === "field"
      ? (box as HTMLTextAreaElement).value.slice(target.start, target.end)
      : target.range.toString();
  return replaced.startsWith("/") ? target : (caretTarget(box) ?? target);
}
