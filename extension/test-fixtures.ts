/**
 * Demo-page snapshots for happy-dom tests (imported by tests only): test/fixtures/<name>.html, made by
 * test/demo/snapshot.mjs from the demo back office, without its stylesheet links (happy-dom would fetch them).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const FIXTURES = join(import.meta.dirname, "..", "test", "fixtures");

/** The snapshot's markup, stylesheet links removed. */
export function fixtureHtml(name: string): string {
  return readFileSync(join(FIXTURES, `${name}.html`), "utf8").replace(/<link\b[^>]*>/g, "");
}

/** Puts the snapshot's body into the test's document (replacing what was there). */
export function showFixture(name: string): void {
  const parsed = new DOMParser().parseFromString(fixtureHtml(name), "text/html");
  document.body.replaceChildren(...Array.from(parsed.body.childNodes).map((n) => document.importNode(n, true)));
}
