/**
 * 快捷短语面板: the picker hotkey, and the team's most and least used phrases (GET /v1/usage through the background,
 * which joins the counts with the library). Loaded on demand: the counts live on the Worker.
 */
import { useEffect, useState } from "preact/hooks";
import { askBackground } from "../../messaging/protocol.ts";
import type { PickerUsageRow } from "../../search-index/messages.ts";
import { errorText } from "./useStore.ts";

const SHOWN = 10;

function UsageTable(props: { rows: PickerUsageRow[]; testPrefix: string }) {
  return (
    <table>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.id} data-testid={`${props.testPrefix}-${row.id}`}>
            <td class="code">/{row.code}</td>
            <td>{row.title}</td>
            <td>{row.count} 次</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function UsagePanel() {
  const [hotkey, setHotkey] = useState("");
  const [hotkeyNote, setHotkeyNote] = useState("");
  const [rows, setRows] = useState<PickerUsageRow[] | undefined>();
  const [error, setError] = useState("");
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    askBackground("picker.hotkey.get", {}).then(
      (answer) => setHotkey(answer.hotkey),
      (err) => setHotkeyNote(errorText(err)),
    );
  }, []);

  const saveHotkey = async () => {
    try {
      const answer = await askBackground("picker.hotkey.set", { hotkey });
      setHotkey(answer.hotkey);
      // The background broadcasts the new hotkey to every open page (kefuPickerChanged): no reload needed.
      setHotkeyNote(`已保存：${answer.hotkey}，已打开的页面立即生效 · Saved, open pages use it now`);
    } catch (err) {
      setHotkeyNote(errorText(err));
    }
  };

  const load = async () => {
    setLoading(true);
    try {
      setRows((await askBackground("usage.team", {})).rows);
      setError("");
    } catch (err) {
      setError(errorText(err));
    } finally {
      setLoading(false);
    }
  };

  const used = rows ? rows.filter((row) => row.count > 0) : [];
  const least = rows ? [...rows].reverse().slice(0, SHOWN) : [];
  return (
    <section class="card" data-testid="usage-panel">
      <h2>快捷短语 · Phrase picker</h2>
      <p class="muted">在聊天框输入 “/” 加编码或拼音，或按快捷键打开短语面板。</p>
      <div class="row hotkey-row">
        <label>
          快捷键 · Hotkey
          <input
            data-testid="picker-hotkey"
            value={hotkey}
            onInput={(e) => setHotkey(e.currentTarget.value)}
            placeholder="Alt+K"
          />
        </label>
        <button type="button" data-testid="picker-hotkey-save" onClick={saveHotkey}>
          保存 · Save
        </button>
      </div>
      {hotkeyNote && (
        <p class="muted" data-testid="picker-hotkey-note">
          {hotkeyNote}
        </p>
      )}
      <div class="row usage-head">
        <h3>使用统计 · Usage</h3>
        <button type="button" class="secondary" data-testid="usage-load" onClick={load} disabled={loading}>
          {loading ? "加载中… · Loading" : rows ? "刷新 · Refresh" : "加载 · Load"}
        </button>
      </div>
      {!rows && !error && (
        <p class="muted" data-testid="usage-hint">
          点“加载”查看全队最常用和最少用的短语（次数存在同步服务上）。Load the team's counts.
        </p>
      )}
      {error && (
        <p class="status-bad" data-testid="usage-error">
          {error}
        </p>
      )}
      {rows && (
        <div class="row" style={{ alignItems: "flex-start", gap: "24px" }}>
          <div>
            <h3>最常用 · Most used</h3>
            {used.length > 0 ? (
              <UsageTable rows={used.slice(0, SHOWN)} testPrefix="usage-top" />
            ) : (
              <p class="muted" data-testid="usage-none">
                还没有人插入过短语 · No phrase used yet
              </p>
            )}
          </div>
          <div>
            <h3>最少用 · Least used</h3>
            <UsageTable rows={least} testPrefix="usage-least" />
          </div>
        </div>
      )}
    </section>
  );
}
