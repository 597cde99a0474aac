import { useState } from "preact/hooks";
import { type ImportIssue, type ImportPreview, parseImport } from "../../../shared/phrases/io/index.ts";
import type { PhraseScope } from "../../../shared/phrases/schema.ts";
import { askBackground } from "../../messaging/protocol.ts";
import type { LibraryView } from "../../store/view.ts";
import { buildExport, download, type ExportFormat, type ExportScope } from "./exporting.ts";
import { errorText } from "./useStore.ts";

const PREVIEW_ROWS = 200;

export function ImportExport({ library }: { library: LibraryView }) {
  const isAdmin = library.me?.role === "admin";
  const [scope, setScope] = useState<PhraseScope>(isAdmin ? "team" : "personal");
  const [exportScope, setExportScope] = useState<ExportScope>(isAdmin ? "team" : "all");
  const [fileName, setFileName] = useState("");
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [errors, setErrors] = useState<ImportIssue[]>([]);
  const [result, setResult] = useState("");
  const [restoreSettings, setRestoreSettings] = useState(true);

  async function pick(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    setPreview(null);
    setErrors([]);
    setResult("");
    if (!file) return;
    setFileName(file.name);
    const parsed = parseImport(new Uint8Array(await file.arrayBuffer()), file.name);
    if (parsed.ok) setPreview(parsed.preview);
    else setErrors(parsed.errors);
    input.value = "";
  }

  async function apply() {
    if (!preview) return;
    try {
      // Settings first: validated and queued; when they are refused no phrase is applied either.
      const withSettings = isAdmin && restoreSettings && preview.settings !== undefined;
      if (withSettings) await askBackground("settings.restore", { settings: preview.settings });
      const outcome = await askBackground("import.apply", { preview, scope });
      const skipped = outcome.skippedTeam ? `，跳过 ${outcome.skippedTeam} 条团队短语（只读）` : "";
      setResult(
        `已导入：新增 ${outcome.created} 条，更新 ${outcome.updated} 条，新分组 ${outcome.groupsCreated} 个${skipped}` +
          `${withSettings ? "，团队设置已恢复（待同步）" : ""}。`,
      );
      setPreview(null);
    } catch (err) {
      setErrors([{ message: errorText(err), text: errorText(err) }]);
    }
  }

  const exportAs = (format: ExportFormat) => download(buildExport(library, format, exportScope));

  return (
    <section class="card" data-testid="import-export">
      <h2>导入 / 导出 · Import / Export</h2>
      <div class="row">
        <label>
          导入文件（千牛 CSV / XML，或客服助手 JSON 备份）
          <input type="file" accept=".csv,.txt,.xml,.json" data-testid="import-file" onChange={pick} />
        </label>
        <label>
          导入到 · Into
          <select
            data-testid="import-scope"
            value={scope}
            disabled={!isAdmin}
            onChange={(e) => setScope(e.currentTarget.value as PhraseScope)}
          >
            <option value="team">团队短语 · Team</option>
            <option value="personal">个人短语 · Personal</option>
          </select>
        </label>
      </div>
      {errors.length > 0 && (
        <div class="errors" data-testid="import-errors">
          <strong>
            {fileName} 有 {errors.length} 处错误，没有导入任何内容 · Nothing was imported:
          </strong>
          <ul>
            {errors.slice(0, 100).map((issue) => (
              <li key={issue.text}>{issue.text}</li>
            ))}
          </ul>
        </div>
      )}
      {result && (
        <p class="status-ok" data-testid="import-result">
          {result}
        </p>
      )}
      {preview && (
        <div data-testid="import-preview">
          <p>
            {fileName}：{preview.phrases.length} 条短语，{preview.groups.length} 个分组（{preview.format.toUpperCase()}
            ，{preview.encoding}）。确认后一次性导入。
          </p>
          {preview.warnings.length > 0 && (
            <ul class="warnings" data-testid="import-warnings">
              {preview.warnings.slice(0, 50).map((w) => (
                <li key={w.text}>{w.text}</li>
              ))}
            </ul>
          )}
          {preview.settings !== undefined && isAdmin && (
            <label class="inline">
              <input
                type="checkbox"
                data-testid="import-restore-settings"
                checked={restoreSettings}
                onChange={(e) => setRestoreSettings(e.currentTarget.checked)}
              />
              同时恢复备份里的团队设置（需要在线）· Also restore team settings
            </label>
          )}
          <table class="phrase-table">
            <thead>
              <tr>
                <th>分组</th>
                <th>快捷编码</th>
                <th>短语内容</th>
                <th>图片</th>
              </tr>
            </thead>
            <tbody>
              {preview.phrases.slice(0, PREVIEW_ROWS).map((p, i) => (
                <tr key={`${i}-${p.code}`}>
                  <td>{p.groupName}</td>
                  <td class="code">{p.code}</td>
                  <td class="content">{p.content}</td>
                  <td>{p.image ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.phrases.length > PREVIEW_ROWS && <p class="muted">只显示前 {PREVIEW_ROWS} 条。</p>}
          <div class="row">
            <span />
            <span>
              <button type="button" class="secondary" data-testid="import-cancel" onClick={() => setPreview(null)}>
                取消 · Cancel
              </button>{" "}
              <button type="button" data-testid="import-apply" onClick={apply}>
                全部导入 · Import all
              </button>
            </span>
          </div>
        </div>
      )}
      <hr />
      <div class="row">
        <label>
          导出范围 · Export
          <select
            data-testid="export-scope"
            value={exportScope}
            onChange={(e) => setExportScope(e.currentTarget.value as ExportScope)}
          >
            <option value="team">团队短语 · Team</option>
            <option value="personal">个人短语 · Personal</option>
            <option value="all">全部 · All</option>
          </select>
        </label>
        <span>
          <button type="button" class="secondary" data-testid="export-csv" onClick={() => exportAs("csv")}>
            导出 CSV
          </button>{" "}
          <button type="button" class="secondary" data-testid="export-xml" onClick={() => exportAs("xml")}>
            导出 XML
          </button>{" "}
          <button type="button" class="secondary" data-testid="export-json" onClick={() => exportAs("json")}>
            JSON 备份
          </button>
        </span>
      </div>
    </section>
  );
}
