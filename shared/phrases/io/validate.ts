import {
  type ImportIssue,
  type IoGroup,
  type IoPhrase,
  issue,
  PHRASE_LIMITS,
  type PhraseScope,
  type RowUnit,
} from "./types.ts";

/** One record as read from a file, before any checks; every field is raw text. */
export interface RawRecord {
  row: number;
  group: string;
  code: string;
  content: string;
  image: string;
  tags: string;
  id?: string;
  scope?: PhraseScope;
}

export const FIELD = { group: "分组", code: "快捷编码", content: "短语内容", image: "图片", tags: "标签" } as const;

export const DEFAULT_GROUP_NAME = "未分组";

const charCount = (text: string) => [...text].length;

export interface ValidatedRecords {
  groups: IoGroup[];
  phrases: IoPhrase[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

/**
 * Checks every record and collects every problem (not just the first) so one round of fixing is enough.
 * Content is kept verbatim as text (HTML included): rendering it safely is the displayer's job.
 */
export function validateRecords(records: RawRecord[], unit: RowUnit, knownGroups: IoGroup[] = []): ValidatedRecords {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const phrases: IoPhrase[] = [];
  const groups = new Map<string, IoGroup>();
  for (const group of knownGroups) groups.set(groupKey(group.name, group.scope), group);
  const firstRowOfCode = new Map<string, number>();

  if (records.length > PHRASE_LIMITS.maxPhrases) {
    errors.push(issue(`短语过多：${records.length} 条，最多 ${PHRASE_LIMITS.maxPhrases} 条`));
    return { groups: [], phrases: [], errors, warnings };
  }

  for (const record of records) {
    const at = (field: string) => ({ row: record.row, field, unit });
    const rowErrors: ImportIssue[] = [];

    let groupName = record.group.trim();
    if (!groupName) groupName = DEFAULT_GROUP_NAME;
    if (charCount(groupName) > PHRASE_LIMITS.groupNameMaxChars) {
      rowErrors.push(issue(`超过 ${PHRASE_LIMITS.groupNameMaxChars} 个字符`, at(FIELD.group)));
    }

    let code = record.code.trim();
    if (code.startsWith("/")) {
      code = code.replace(/^\/+/, "");
      warnings.push(issue(`已去掉开头的「/」，输入时自动加上`, at(FIELD.code)));
    }
    if (!code) rowErrors.push(issue("不能为空", at(FIELD.code)));
    else if (charCount(code) > PHRASE_LIMITS.codeMaxChars) {
      rowErrors.push(issue(`超过 ${PHRASE_LIMITS.codeMaxChars} 个字符（实际 ${charCount(code)} 个）`, at(FIELD.code)));
    } else if (!/^[\p{Script=Han}A-Za-z0-9]+$/u.test(code)) {
      rowErrors.push(issue("只能包含汉字、字母和数字", at(FIELD.code)));
    }

    const content = record.content.replace(/\r\n?/g, "\n").trim();
    if (!content) rowErrors.push(issue("不能为空", at(FIELD.content)));
    else if (charCount(content) > PHRASE_LIMITS.contentMaxChars) {
      rowErrors.push(
        issue(`超过 ${PHRASE_LIMITS.contentMaxChars} 个字符（实际 ${charCount(content)} 个）`, at(FIELD.content)),
      );
    }

    const image = record.image.trim();
    if (image) {
      if (image.length > PHRASE_LIMITS.imageMaxChars) {
        rowErrors.push(issue(`超过 ${PHRASE_LIMITS.imageMaxChars} 个字符`, at(FIELD.image)));
      } else if (!isHttpUrl(image)) {
        rowErrors.push(issue("不是 http(s) 图片链接", at(FIELD.image)));
      }
    }

    const tags = splitTags(record.tags);
    if (tags.length > PHRASE_LIMITS.maxTags) {
      rowErrors.push(issue(`最多 ${PHRASE_LIMITS.maxTags} 个标签`, at(FIELD.tags)));
    }
    const longTag = tags.find((tag) => charCount(tag) > PHRASE_LIMITS.tagMaxChars);
    if (longTag) rowErrors.push(issue(`标签「${longTag}」超过 ${PHRASE_LIMITS.tagMaxChars} 个字符`, at(FIELD.tags)));

    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }

    {
      const key = `${record.scope ?? ""}\u0000${code.toLowerCase()}`;
      const first = firstRowOfCode.get(key);
      if (first !== undefined) {
        warnings.push(issue(`「${code}」与第 ${first} ${unit}重复`, at(FIELD.code)));
      } else firstRowOfCode.set(key, record.row);
    }

    const gKey = groupKey(groupName, record.scope);
    if (!groups.has(gKey)) {
      const group: IoGroup = { name: groupName };
      if (record.scope) group.scope = record.scope;
      groups.set(gKey, group);
    }
    const phrase: IoPhrase = { groupName, code, content };
    if (image) phrase.image = image;
    if (tags.length) phrase.tags = tags;
    if (record.id) phrase.id = record.id;
    if (record.scope) phrase.scope = record.scope;
    phrases.push(phrase);
  }

  const usedGroups = [...groups.values()].filter(
    (group) =>
      phrases.some((p) => p.groupName === group.name && p.scope === group.scope) || knownGroups.includes(group),
  );
  return { groups: usedGroups, phrases, errors, warnings };
}

function groupKey(name: string, scope: PhraseScope | undefined): string {
  return `${scope ?? ""}\u0000${name}`;
}

export function splitTags(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[,，;；、|\s]+/u)) {
    const tag = part.trim();
    if (tag) seen.add(tag);
  }
  return [...seen];
}

/** Same rule as the sync contract's imageUrl: http(s), no spaces, quotes or angle brackets. */
function isHttpUrl(text: string): boolean {
  return /^https?:\/\/[^\s"'<>]+$/i.test(text);
}
