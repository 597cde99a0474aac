import { XMLParser, XMLValidator } from "fast-xml-parser";
import { type ImportIssue, type IoGroup, type IoPhrase, issue } from "./types.ts";
import type { RawRecord } from "./validate.ts";

/**
 * 千牛-style XML. No official schema was published, so this is the shape of its data model
 * (groups {id, name}; phrases {id, groupId, code, content, image}), written as:
 *
 *   <QuickPhrases version="1">
 *     <Groups><Group id="g1" name="欢迎语"/></Groups>
 *     <Phrases><Phrase id="p1" groupId="g1" code="hy" image=""><Content>您好…</Content></Phrase></Phrases>
 *   </QuickPhrases>
 *
 * Reading is lenient: each field may be an attribute or a child element, in any letter case.
 */

export interface XmlRead {
  records: RawRecord[];
  groups: IoGroup[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => /^(group|phrase)$/i.test(name),
});

export function readXml(text: string): XmlRead {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    return { records: [], groups: [], errors: [issue("XML 不能包含 DOCTYPE/ENTITY 声明")], warnings };
  }
  if (!text.trim()) return { records: [], groups: [], errors: [issue("文件为空，没有短语")], warnings };
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    return {
      records: [],
      groups: [],
      errors: [issue(`XML 格式错误：${valid.err.msg}`, { row: valid.err.line })],
      warnings,
    };
  }
  const doc = parser.parse(text) as Node;
  const root = Object.entries(doc).find(([key]) => !key.startsWith("?"))?.[1];
  if (!isNode(root)) return { records: [], groups: [], errors: [issue("XML 里没有短语库根元素")], warnings };

  const groupNodes = asNodes(field(field(root, "groups"), "group"));
  const phraseNodes = asNodes(field(field(root, "phrases"), "phrase"));
  if (!phraseNodes.length) {
    errors.push(issue("没有找到 <Phrases><Phrase …> 元素"));
    return { records: [], groups: [], errors, warnings };
  }

  const groups: IoGroup[] = [];
  const nameById = new Map<string, string>();
  groupNodes.forEach((node, index) => {
    const id = text1(node, "id");
    const name = text1(node, "name").trim();
    if (!name) {
      errors.push(issue("分组名称不能为空", { row: index + 1, field: "分组", unit: "条" }));
      return;
    }
    if (id) nameById.set(id, name);
    groups.push(id ? { id, name } : { name });
  });

  const records: RawRecord[] = phraseNodes.map((node, index) => {
    const row = index + 1;
    const groupId = text1(node, "groupId");
    let group = text1(node, "group") || text1(node, "groupName");
    if (groupId) {
      const name = nameById.get(groupId);
      if (name) group = name;
      else errors.push(issue(`找不到分组 id「${groupId}」`, { row, field: "分组", unit: "条" }));
    }
    const record: RawRecord = {
      row,
      group,
      code: text1(node, "code"),
      content: text1(node, "content"),
      image: text1(node, "image"),
      tags: text1(node, "tags"),
    };
    const id = text1(node, "id");
    if (id) record.id = id;
    return record;
  });
  return { records, groups, errors, warnings };
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Case-insensitive lookup of a child element or attribute. */
function field(node: unknown, name: string): unknown {
  if (!isNode(node)) return undefined;
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(node)) {
    if (key.replace(/^@/, "").toLowerCase() === lower) return value;
  }
  return undefined;
}

function asNodes(value: unknown): Node[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter(isNode);
}

function text1(node: Node, name: string): string {
  const value = field(node, name);
  if (typeof value === "string") return value;
  if (isNode(value) && typeof value["#text"] === "string") return value["#text"];
  return "";
}

/** XML 1.0 forbids most control characters even as entities; they are dropped so the file stays valid. */
function dropInvalidXmlChars(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const control = code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
    if (!control && code !== 0xfffe && code !== 0xffff) out += char;
  }
  return out;
}

function escapeXml(text: string): string {
  return dropInvalidXmlChars(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export function writeXml(groups: IoGroup[], phrases: IoPhrase[]): string {
  const idByName = new Map<string, string>();
  const allGroups = [...groups];
  for (const phrase of phrases) {
    if (!allGroups.some((group) => group.name === phrase.groupName)) allGroups.push({ name: phrase.groupName });
  }
  const groupLines = allGroups.map((group, index) => {
    const id = group.id ?? `g${index + 1}`;
    if (!idByName.has(group.name)) idByName.set(group.name, id);
    return `    <Group id="${escapeXml(id)}" name="${escapeXml(group.name)}"/>`;
  });
  const phraseLines = phrases.map((phrase, index) => {
    const attrs = [
      `id="${escapeXml(phrase.id ?? `p${index + 1}`)}"`,
      `groupId="${escapeXml(idByName.get(phrase.groupName) ?? "")}"`,
      `code="${escapeXml(phrase.code)}"`,
      `image="${escapeXml(phrase.image ?? "")}"`,
    ];
    if (phrase.tags?.length) attrs.push(`tags="${escapeXml(phrase.tags.join(","))}"`);
    return `    <Phrase ${attrs.join(" ")}><Content>${escapeXml(phrase.content)}</Content></Phrase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<QuickPhrases version="1">',
    "  <Groups>",
    ...groupLines,
    "  </Groups>",
    "  <Phrases>",
    ...phraseLines,
    "  </Phrases>",
    "</QuickPhrases>",
    "",
  ].join("\n");
}
