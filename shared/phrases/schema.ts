/**
 * The team phrase library contract (issue 3): valibot schemas and their inferred types, shared by the Worker,
 * the extension's sync client/store and the CLI. Every field has a cap so one bad client cannot bloat a team.
 * Server-owned fields (rev, updatedAt, updatedBy, ownerId) are set by the Worker; clients send the *Input shapes.
 */
import * as v from "valibot";

export const LIMITS = {
  idLength: 64,
  codeLength: 32,
  titleLength: 100,
  contentLength: 5000,
  imageUrlLength: 2048,
  tagLength: 20,
  tagsPerPhrase: 20,
  groupNameLength: 50,
  shopNameLength: 100,
  agentNameLength: 40,
  agentsPerTeam: 200,
  /** Serialised size of one open settings section (orderRules, lint, reviewTemplates, siteProfiles). */
  settingsSectionBytes: 64 * 1024,
  /** Items (upserts + deletes) in one batch request; importers split bigger libraries into batches. */
  batchItems: 500,
  /** Phrases + groups a team may hold (tombstones excluded). */
  teamItems: 20_000,
  /** Phrase ids in one usage report. */
  usageEntries: 500,
  usageIncrement: 10_000,
} as const;

/** Client-generated ids: letters, digits, `_` and `-` (e.g. crypto.randomUUID()). */
export const IdSchema = v.pipe(
  v.string(),
  v.minLength(1, "id must not be empty"),
  v.maxLength(LIMITS.idLength, `id must be at most ${LIMITS.idLength} characters`),
  v.regex(/^[A-Za-z0-9_-]+$/, "id may contain only letters, digits, _ and -"),
);

/** Quick code typed after the trigger key: Chinese characters, letters, digits. */
export const QuickCodeSchema = v.pipe(
  v.string(),
  v.minLength(1, "code must not be empty"),
  v.maxLength(LIMITS.codeLength, `code must be at most ${LIMITS.codeLength} characters`),
  v.regex(/^[\p{Script=Han}A-Za-z0-9]+$/u, "code may contain only Chinese characters, letters and digits"),
);

const TagSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.tagLength));

/** Only https (or http for local demos) image links; anything else (javascript:, data:) is refused. */
const ImageUrlSchema = v.pipe(
  v.string(),
  v.maxLength(LIMITS.imageUrlLength),
  v.regex(/^https?:\/\/[^\s"'<>]+$/i, "imageUrl must be an http(s) URL"),
);

export const PhraseScopeSchema = v.picklist(["team", "personal"]);
export type PhraseScope = v.InferOutput<typeof PhraseScopeSchema>;

/** What a client sends to create or replace a phrase. */
export const PhraseInputSchema = v.strictObject({
  id: IdSchema,
  code: QuickCodeSchema,
  title: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.titleLength))),
  content: v.pipe(v.string(), v.minLength(1, "content must not be empty"), v.maxLength(LIMITS.contentLength)),
  imageUrl: v.optional(ImageUrlSchema),
  groupId: IdSchema,
  tags: v.pipe(v.array(TagSchema), v.maxLength(LIMITS.tagsPerPhrase)),
  scope: PhraseScopeSchema,
});
export type PhraseInput = v.InferOutput<typeof PhraseInputSchema>;

const RevSchema = v.pipe(v.number(), v.integer(), v.minValue(0));
/** Milliseconds since the epoch. */
const TimestampSchema = v.pipe(v.number(), v.integer(), v.minValue(0));
const AgentIdSchema = IdSchema;

/** A stored phrase. `deleted: true` is a tombstone (content emptied) kept so deltas can carry deletions. */
export const PhraseSchema = v.object({
  ...PhraseInputSchema.entries,
  content: v.pipe(v.string(), v.maxLength(LIMITS.contentLength)),
  /** Agent that owns a personal phrase; absent for team phrases. */
  ownerId: v.optional(AgentIdSchema),
  updatedBy: AgentIdSchema,
  updatedAt: TimestampSchema,
  deleted: v.optional(v.boolean()),
  /** Team revision at which this version was written; strictly increasing per team. */
  rev: RevSchema,
});
export type Phrase = v.InferOutput<typeof PhraseSchema>;

export const PhraseGroupInputSchema = v.strictObject({
  id: IdSchema,
  name: v.pipe(v.string(), v.minLength(1, "name must not be empty"), v.maxLength(LIMITS.groupNameLength)),
  order: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000)),
});
export type PhraseGroupInput = v.InferOutput<typeof PhraseGroupInputSchema>;

export const PhraseGroupSchema = v.object({
  ...PhraseGroupInputSchema.entries,
  updatedAt: TimestampSchema,
  deleted: v.optional(v.boolean()),
  rev: RevSchema,
});
export type PhraseGroup = v.InferOutput<typeof PhraseGroupSchema>;

/** Any JSON object. Each feature parses its own section with defaults; the Worker only caps its size. */
export type JsonObject = { [key: string]: unknown };
const JsonSectionSchema = v.pipe(
  v.record(v.string(), v.unknown()),
  v.check(
    (section) => new TextEncoder().encode(JSON.stringify(section)).length <= LIMITS.settingsSectionBytes,
    `section must serialise to at most ${LIMITS.settingsSectionBytes} bytes`,
  ),
);

export const TeamSettingsSchema = v.strictObject({
  shopName: v.pipe(v.string(), v.maxLength(LIMITS.shopNameLength)),
  /** agentId → display name (e.g. 小王). */
  agents: v.pipe(
    v.record(AgentIdSchema, v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.agentNameLength))),
    v.check((agents) => Object.keys(agents).length <= LIMITS.agentsPerTeam, "too many agents"),
  ),
  orderRules: v.optional(JsonSectionSchema, {}),
  lint: v.optional(JsonSectionSchema, {}),
  reviewTemplates: v.optional(JsonSectionSchema, {}),
  siteProfiles: v.optional(JsonSectionSchema, {}),
  /** URL patterns where the phrase picker also runs (shared/settings.ts `CustomSitesSchema`); absent in old teams. */
  customSites: v.optional(JsonSectionSchema),
});
export type TeamSettings = v.InferOutput<typeof TeamSettingsSchema>;

export function defaultTeamSettings(shopName: string): TeamSettings {
  return { shopName, agents: {}, orderRules: {}, lint: {}, reviewTemplates: {}, siteProfiles: {} };
}

/** Usage report: phrase id → times used since the last report (positive integers). */
export const UsageIncrementsSchema = v.pipe(
  v.record(IdSchema, v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.usageIncrement))),
  v.check((counts) => Object.keys(counts).length <= LIMITS.usageEntries, `at most ${LIMITS.usageEntries} entries`),
);
export type UsageIncrements = v.InferOutput<typeof UsageIncrementsSchema>;
/** Team-wide totals: phrase id → times used. */
export type UsageCounts = Record<string, number>;

/** Human-readable first issue of a failed parse, naming the field path (e.g. `upserts.3.phrase.code: ...`). */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): { field: string; message: string } {
  const first = issues[0];
  if (!first) return { field: "", message: "invalid input" };
  const field = v.getDotPath(first) ?? "";
  return { field, message: field ? `${field}: ${first.message}` : first.message };
}
