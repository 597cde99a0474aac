/**
 * Pieces of the profile schemas shared by the order-page profiles (schema.ts, built at load) and the review-page
 * profiles (review-pages.ts, built on first use so the review content script does not build them at load).
 */
import * as v from "valibot";

const compiles = (source: string): boolean => {
  try {
    new RegExp(source, "u");
    return true;
  } catch {
    return false;
  }
};

/** A regular expression's source, as a team writes it in a profile: it must compile. */
export function regexSourceSchema() {
  return v.pipe(v.string(), v.maxLength(500), v.check(compiles, "不是有效的正则表达式 not a valid regular expression"));
}

/** A CSS selector: not empty once trimmed. (Whether it is valid CSS shows when it runs: it reads nothing.) */
export function selectorSchema() {
  return v.pipe(v.string(), v.trim(), v.minLength(1, "选择器不能为空 empty selector"), v.maxLength(500));
}

/** The first issues of a rejected profile as one readable line: "path: message; …". */
export function describeIssues(issues: v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${v.getDotPath(issue) ?? "(root)"}: ${issue.message}`)
    .join("; ");
}
