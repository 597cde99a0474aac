/**
 * Our own form checks instead of Chromium's validation bubbles (those speak the browser's language, usually
 * English, and vanish after a moment). Forms using this set `noValidate` and carry no `required`/`maxLength`
 * attributes (maxLength would silently cut a paste short); on submit every field is checked, each problem is
 * shown in 简体中文 (English second) right under its field with `aria-invalid`, and the first bad field gets the
 * focus. Nothing the user typed is touched. Once shown, a field's message follows the value as it is edited
 * and disappears when the value is fixed.
 */
import { useId, useState } from "preact/hooks";

/** The message for a bad value, or undefined when the value is fine. */
export type FieldRule = (value: string) => string | undefined;

/** A field's name for messages: Chinese first, English second. */
export interface FieldLabel {
  zh: string;
  en: string;
}

export const requiredRule =
  (label: FieldLabel): FieldRule =>
  (value) =>
    value.trim() ? undefined : `请填写${label.zh} (${label.en} required)`;

/** Counts UTF-16 units, like the shared valibot schemas the Worker checks with. */
export const maxLengthRule =
  (label: FieldLabel, limit: number): FieldRule =>
  (value) =>
    value.length > limit
      ? `${label.zh}最多 ${limit} 个字，现在 ${value.length} 个 (${label.en}: at most ${limit} characters, now ${value.length})`
      : undefined;

/** A value (when one is given) must match `pattern`; `message` says what is allowed. */
export const patternRule =
  (pattern: RegExp, message: string): FieldRule =>
  (value) =>
    value.trim() === "" || pattern.test(value.trim()) ? undefined : message;

/** Runs `parse` (which throws an Error with a user-facing message) on a non-empty value. */
export const parseRule =
  (parse: (value: string) => unknown): FieldRule =>
  (value) => {
    if (!value.trim()) return undefined;
    try {
      parse(value);
      return undefined;
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
  };

export interface FieldChecks<K extends string> {
  /** On submit: checks every field, shows the problems, focuses the first bad field. True when all are fine. */
  check(form: HTMLFormElement): boolean;
  /** Attributes for the checked control: name (to find it for focus), aria-invalid and aria-describedby. */
  field(key: K): { name: K; "aria-invalid"?: "true"; "aria-describedby"?: string };
  /** The message under a field, or null. */
  error(key: K): preact.JSX.Element | null;
  /** Whether any problem is shown now. */
  hasErrors: boolean;
}

/**
 * Checks for one form. `rules` lists the fields in the order they appear (the first bad one gets the focus);
 * `values` are the fields' current values (the forms are controlled, so the check needs no DOM reading).
 */
export function useFieldChecks<K extends string>(
  rules: Record<K, readonly FieldRule[]>,
  values: Record<K, string>,
): FieldChecks<K> {
  const idBase = useId();
  const [flagged, setFlagged] = useState<ReadonlySet<K>>(new Set());
  const keys = Object.keys(rules) as K[];
  const problem = (key: K): string | undefined => {
    for (const rule of rules[key]) {
      const message = rule(values[key] ?? "");
      if (message) return message;
    }
    return undefined;
  };
  const shown = (key: K) => (flagged.has(key) ? problem(key) : undefined);
  const errorId = (key: K) => `${idBase}-${key}-error`;
  return {
    check(form) {
      const bad = keys.filter((key) => problem(key) !== undefined);
      setFlagged(new Set(bad));
      const first = bad[0];
      if (first !== undefined) {
        const control = [...form.querySelectorAll<HTMLElement>("[name]")].find(
          (el) => el.getAttribute("name") === first,
        );
        control?.focus();
      }
      return bad.length === 0;
    },
    field(key) {
      return shown(key) ? { name: key, "aria-invalid": "true", "aria-describedby": errorId(key) } : { name: key };
    },
    error(key) {
      const message = shown(key);
      if (!message) return null;
      return (
        <span class="field-error" id={errorId(key)} data-testid={`field-error-${key}`}>
          {message}
        </span>
      );
    },
    hasErrors: keys.some((key) => shown(key) !== undefined),
  };
}
