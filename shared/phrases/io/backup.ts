import * as v from "valibot";
import { type ImportIssue, type IoGroup, type IoPhrase, issue, type PhraseScope } from "./types.ts";
import type { RawRecord } from "./validate.ts";

/** Marks our own JSON backups so an unrelated JSON file is refused with a clear message. */
export const BACKUP_KIND = "kefu-kit/phrase-backup";

const Scope = v.picklist(["team", "personal"]);
const BackupGroup = v.object({ id: v.optional(v.string()), name: v.string(), scope: v.optional(Scope) });
const BackupPhrase = v.object({
  id: v.optional(v.string()),
  groupId: v.optional(v.string()),
  groupName: v.optional(v.string()),
  code: v.optional(v.string(), ""),
  content: v.string(),
  image: v.optional(v.string(), ""),
  tags: v.optional(v.array(v.string()), []),
  scope: v.optional(Scope),
});
const Backup = v.object({
  kind: v.literal(BACKUP_KIND),
  version: v.literal(1),
  exportedAt: v.optional(v.string()),
  groups: v.array(BackupGroup),
  phrases: v.array(BackupPhrase),
  settings: v.optional(v.unknown()),
});
export type PhraseBackup = v.InferOutput<typeof Backup>;

export interface BackupRead {
  records: RawRecord[];
  groups: IoGroup[];
  settings?: unknown;
  errors: ImportIssue[];
}

export function readBackup(text: string): BackupRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { records: [], groups: [], errors: [issue(`JSON 格式错误：${(err as Error).message}`)] };
  }
  const parsed = v.safeParse(Backup, json);
  if (!parsed.success) {
    const errors = parsed.issues.slice(0, 20).map((problem) => {
      const path = v.getDotPath(problem) ?? "";
      const match = /^phrases\.(\d+)\.?(.*)$/.exec(path);
      if (match) return issue(problem.message, { row: Number(match[1]) + 1, field: match[2] || "短语", unit: "条" });
      return issue(`${path || "文件"}：${problem.message}`);
    });
    if (!errors.length || (json as { kind?: unknown })?.kind !== BACKUP_KIND) {
      errors.unshift(issue("不是客服助手的 JSON 备份文件（kind 应为 kefu-kit/phrase-backup）"));
    }
    return { records: [], groups: [], errors };
  }
  const backup = parsed.output;
  const errors: ImportIssue[] = [];
  const nameById = new Map<string, string>();
  for (const group of backup.groups) if (group.id) nameById.set(`${group.scope ?? ""}:${group.id}`, group.name);
  const records = backup.phrases.map((phrase, index): RawRecord => {
    let group = phrase.groupName ?? "";
    if (phrase.groupId) {
      const name = nameById.get(`${phrase.scope ?? ""}:${phrase.groupId}`);
      if (name !== undefined) group = name;
      else errors.push(issue(`找不到分组 id「${phrase.groupId}」`, { row: index + 1, field: "分组", unit: "条" }));
    }
    const record: RawRecord = {
      row: index + 1,
      group,
      code: phrase.code,
      content: phrase.content,
      image: phrase.image,
      tags: phrase.tags.join(","),
    };
    if (phrase.id) record.id = phrase.id;
    if (phrase.scope) record.scope = phrase.scope;
    return record;
  });
  const groups = backup.groups.map((group): IoGroup => {
    const out: IoGroup = { name: group.name };
    if (group.id) out.id = group.id;
    if (group.scope) out.scope = group.scope;
    return out;
  });
  return { records, groups, settings: backup.settings, errors };
}

export interface BackupInput {
  groups: (IoGroup & { scope: PhraseScope })[];
  phrases: (IoPhrase & { scope: PhraseScope })[];
  settings?: unknown;
  exportedAt: string;
}

export function writeBackup(input: BackupInput): string {
  const idOf = new Map<string, string>();
  const groups = input.groups.map((group, index) => {
    const id = group.id ?? `g${index + 1}`;
    idOf.set(`${group.scope}:${group.name}`, id);
    return { id, name: group.name, scope: group.scope };
  });
  const phrases = input.phrases.map((phrase) => ({
    ...(phrase.id ? { id: phrase.id } : {}),
    groupId: idOf.get(`${phrase.scope}:${phrase.groupName}`),
    groupName: phrase.groupName,
    code: phrase.code,
    content: phrase.content,
    image: phrase.image ?? "",
    tags: phrase.tags ?? [],
    scope: phrase.scope,
  }));
  const backup = {
    kind: BACKUP_KIND,
    version: 1,
    exportedAt: input.exportedAt,
    groups,
    phrases,
    settings: input.settings,
  };
  return `${JSON.stringify(backup, null, 2)}\n`;
}
