import { type IoGroup, type IoPhrase, writeBackup, writeCsv, writeXml } from "../../../shared/phrases/io/index.ts";
import type { PhraseScope } from "../../../shared/phrases/schema.ts";
import type { LibraryView, PhraseView } from "../../store/view.ts";
import { groupName } from "./groups.ts";

export type ExportFormat = "csv" | "xml" | "json";
export type ExportScope = PhraseScope | "all";

function toIo(library: LibraryView, phrase: PhraseView): IoPhrase & { scope: PhraseScope } {
  const io: IoPhrase & { scope: PhraseScope } = {
    id: phrase.id,
    groupName: groupName(library.groups, phrase.groupId),
    code: phrase.code,
    content: phrase.content,
    scope: phrase.scope,
  };
  if (phrase.imageUrl) io.image = phrase.imageUrl;
  if (phrase.tags.length) io.tags = phrase.tags;
  return io;
}

/** Builds the file for a download; CSV carries a BOM so Excel in China opens it as UTF-8. */
export function buildExport(library: LibraryView, format: ExportFormat, scope: ExportScope, now = new Date()) {
  const phrases = library.phrases.filter((p) => scope === "all" || p.scope === scope).map((p) => toIo(library, p));
  const groups: IoGroup[] = library.groups.map((g) => ({ id: g.id, name: g.name }));
  const stamp = now.toISOString().slice(0, 10);
  const base = `kefu-phrases-${scope}-${stamp}`;
  if (format === "csv") return { name: `${base}.csv`, type: "text/csv;charset=utf-8", text: writeCsv(phrases) };
  if (format === "xml") return { name: `${base}.xml`, type: "application/xml", text: writeXml(groups, phrases) };
  // The JSON backup always holds everything this browser sees: team + personal phrases, groups, settings.
  const all = library.phrases.map((p) => toIo(library, p));
  const usedNames = new Set(all.map((p) => p.groupName));
  const backupGroups = [
    ...library.groups.map((g) => ({ id: g.id, name: g.name, scope: "team" as const })),
    ...[...usedNames]
      .filter((name) => !library.groups.some((g) => g.name === name))
      .map((name) => ({ name, scope: "personal" as const })),
  ];
  const text = writeBackup({
    exportedAt: now.toISOString(),
    groups: backupGroups,
    phrases: all.map((p) => ({ ...p, scope: p.scope })),
    settings: library.settings,
  });
  return { name: `kefu-backup-${stamp}.json`, type: "application/json", text };
}

export function download(file: { name: string; type: string; text: string }): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file.name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
