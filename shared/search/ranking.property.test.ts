/**
 * The index stops scanning a tier early and reads rank-ordered buckets; this checks it against a brute-force
 * reference ranking (every phrase scored directly) on generated libraries, usage and typed queries.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generatePhrases } from "../../test/bench/search.ts";
import { createSearchIndex } from "./index.ts";
import { withSearchKeys } from "./keys.ts";
import { compactLatin, normalizeText, rawSearchText } from "./normalize.ts";
import type { PhraseUsage, PhraseWithKeys } from "./types.ts";

const phrases = generatePhrases(400, 3).map(withSearchKeys);
const NOW = Date.parse("2026-11-23T12:00:00Z");

function referenceTier(p: PhraseWithKeys, q: string): number {
  const latin = compactLatin(q);
  const text = p.keys.s ?? normalizeText(rawSearchText(p));
  const newline = text.indexOf("\n");
  if (p.keys.c === q) return 0;
  if (p.keys.c.startsWith(q)) return 1;
  if (latin && p.keys.p.split(" ").some((k) => k !== "" && k.startsWith(latin))) return 2;
  if (latin && /^[a-z]{2,}$/.test(latin) && p.keys.i.includes(latin)) return 3;
  if (text.slice(0, newline).includes(q)) return 4;
  if (text.slice(newline + 1).includes(q)) return 5;
  return 9;
}

function referenceSearch(q: string, scores: Map<string, number>, limit: number): string[] {
  return phrases
    .map((p, index) => ({ p, index, tier: referenceTier(p, q), score: scores.get(p.id) ?? 0 }))
    .filter((x) => x.tier < 9)
    .sort((a, b) => a.tier - b.tier || b.score - a.score || a.p.keys.c.length - b.p.keys.c.length || a.index - b.index)
    .slice(0, limit)
    .map((x) => x.p.id);
}

const queryFrom = fc.oneof(
  fc.constantFrom(...phrases.map((p) => p.keys.c)).chain((c) => fc.nat(c.length).map((n) => c.slice(0, n + 1))),
  fc
    .constantFrom(...phrases.flatMap((p) => p.keys.p.split(" ")))
    .chain((k) => fc.nat(k.length).map((n) => k.slice(0, n + 1))),
  fc
    .constantFrom(...phrases.map((p) => p.content))
    .chain((c) => fc.tuple(fc.nat(c.length - 1), fc.integer({ min: 1, max: 4 })).map(([s, n]) => c.slice(s, s + n))),
  fc.stringMatching(/^[a-z]{1,4}$/),
);

describe("ranking matches a brute-force reference", () => {
  it("for any usage, query and limit", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(phrases.length - 1), fc.integer({ min: 0, max: 50 }), fc.nat(60)), {
          maxLength: 40,
        }),
        fc.array(queryFrom, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 15 }),
        (usageSpec, queries, limit) => {
          const usage: Record<string, PhraseUsage> = {};
          for (const [index, count, daysAgo] of usageSpec) {
            usage[(phrases[index] as PhraseWithKeys).id] = { count, lastUsedAt: NOW - daysAgo * 86_400_000 };
          }
          const index = createSearchIndex(phrases, usage, { now: NOW });
          // Scores as the index computes them, derived through its public behaviour on empty queries would be
          // circular; recompute with the documented formula instead.
          const scores = new Map<string, number>();
          for (const [id, u] of Object.entries(usage)) {
            const age = NOW - (u.lastUsedAt as number);
            const recency = age < 86_400_000 ? 3 : age < 7 * 86_400_000 ? 2 : age < 30 * 86_400_000 ? 1 : 0;
            scores.set(id, Math.log2(1 + u.count) + recency);
          }
          for (const query of queries) {
            const q = index.normalizeQuery(query);
            if (q === "") continue;
            const got = index.search(query, { limit }).map((h) => h.phrase.id);
            expect(got, `query ${JSON.stringify(query)}`).toEqual(referenceSearch(q, scores, limit));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
