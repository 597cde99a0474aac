import { useEffect, useState } from "preact/hooks";
import type { Role, TokenInfo } from "../../../shared/api.ts";
import { askBackground } from "../../messaging/protocol.ts";
import type { MintedToken } from "../../store/team-tokens.ts";
import { errorText } from "./useStore.ts";

/**
 * 团队成员 (admins only): the team's tokens from the Worker, adding a member (the new token is shown once, here,
 * and nowhere else) and revoking one after a confirm. Everything goes through the background; offline the card
 * only says it needs the Worker — token changes are security actions and are never queued.
 */
const ROLE_NAME: Record<Role, string> = { admin: "管理员", agent: "客服" };

type Listing =
  | { state: "loading" }
  | { state: "offline"; reason: string }
  | { state: "error"; message: string }
  | { state: "ready"; tokens: TokenInfo[]; myTokenId: string };

export function TeamMembersCard() {
  const [listing, setListing] = useState<Listing>({ state: "loading" });
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("agent");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  // The only copy of a new token in the extension: component state, gone when the card is left.
  const [minted, setMinted] = useState<MintedToken | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  async function load() {
    try {
      const answer = await askBackground("team.tokens.list", {});
      setListing(
        answer.online
          ? { state: "ready", tokens: answer.tokens, myTokenId: answer.myTokenId }
          : { state: "offline", reason: answer.reason },
      );
    } catch (err) {
      setListing({ state: "error", message: errorText(err) });
    }
  }

  useEffect(() => {
    void load();
    // Leaving the page (tab hidden or closed) drops the shown token, so it is not left on screen.
    const forget = () => {
      if (document.visibilityState === "hidden") setMinted(null);
    };
    document.addEventListener("visibilitychange", forget);
    return () => {
      document.removeEventListener("visibilitychange", forget);
      setMinted(null);
    };
  }, []);

  async function mint(event: Event) {
    event.preventDefault();
    if (!name.trim()) {
      setError("请填写成员名字 · Name is required");
      return;
    }
    setBusy(true);
    setError("");
    setCopied(false);
    try {
      setMinted(await askBackground("team.tokens.mint", { name: name.trim(), role }));
      setName("");
      await load();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(tokenId: string) {
    setBusy(true);
    setError("");
    try {
      await askBackground("team.tokens.revoke", { tokenId });
      setConfirming(null);
      await load();
    } catch (err) {
      setError(errorText(err));
      setConfirming(null);
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    if (!minted) return;
    try {
      await navigator.clipboard.writeText(minted.token);
      setCopied(true);
    } catch {
      // Clipboard refused (no permission/focus): the box stays selectable for Ctrl+C.
      setError("无法自动复制，请选中令牌后按 Ctrl+C · Copy failed, select the token and press Ctrl+C");
    }
  }

  return (
    <section class="card" data-testid="team-members">
      <h2>团队成员 · Team members</h2>
      {listing.state === "loading" && <p class="muted">加载中… · Loading</p>}
      {listing.state === "offline" && (
        <p class="status-bad" data-testid="team-members-offline">
          {listing.reason}
        </p>
      )}
      {listing.state === "error" && (
        <p class="status-bad" data-testid="team-members-error">
          {listing.message}
        </p>
      )}
      {minted && (
        <div class="conflict" data-testid="team-members-new-token">
          <p class="status-bad">
            <strong>仅显示一次，请立即复制发给该客服 · Shown once, copy it now</strong>：{minted.info.name}（
            {ROLE_NAME[minted.info.role]}）的令牌。关闭后无法再次查看，丢失只能吊销后重新添加。
          </p>
          <div class="row">
            <input
              data-testid="team-members-token"
              readOnly
              value={minted.token}
              size={60}
              onFocus={(e) => e.currentTarget.select()}
            />
            <button type="button" data-testid="team-members-copy" onClick={copy}>
              {copied ? "已复制 · Copied" : "复制 · Copy"}
            </button>
            <button type="button" data-testid="team-members-done" onClick={() => setMinted(null)}>
              我已复制，关闭 · Done
            </button>
          </div>
        </div>
      )}
      {listing.state === "ready" && (
        <>
          <table class="phrase-table" data-testid="team-members-table">
            <thead>
              <tr>
                <th>名字 · Name</th>
                <th>角色 · Role</th>
                <th>创建 · Created</th>
                <th>状态 · State</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {listing.tokens.map((token) => (
                <tr key={token.tokenId} data-testid="team-member-row" data-token-id={token.tokenId}>
                  <td>
                    {token.name}
                    {token.tokenId === listing.myTokenId && (
                      <span class="badge" data-testid="team-member-me" title="当前使用的令牌 · This browser's token">
                        我
                      </span>
                    )}
                  </td>
                  <td>{ROLE_NAME[token.role]}</td>
                  <td>{new Date(token.createdAt).toLocaleDateString("zh-CN")}</td>
                  <td>
                    {token.revokedAt ? (
                      <span class="badge warn" data-testid="team-member-revoked">
                        已吊销 {new Date(token.revokedAt).toLocaleDateString("zh-CN")}
                      </span>
                    ) : (
                      "有效 · Active"
                    )}
                  </td>
                  <td>
                    {!token.revokedAt && confirming !== token.tokenId && (
                      <button
                        type="button"
                        data-testid="team-member-revoke"
                        disabled={busy}
                        onClick={() => setConfirming(token.tokenId)}
                      >
                        吊销 · Revoke
                      </button>
                    )}
                    {!token.revokedAt && confirming === token.tokenId && (
                      <span class="row">
                        <span data-testid="team-member-revoke-question">
                          {token.tokenId === listing.myTokenId
                            ? "这是本浏览器正在使用的令牌，吊销后这里将无法再同步。确定吊销？"
                            : "确定吊销？该成员将立即无法同步。"}
                        </span>
                        <button
                          type="button"
                          class="danger"
                          data-testid="team-member-revoke-confirm"
                          disabled={busy}
                          onClick={() => revoke(token.tokenId)}
                        >
                          确认吊销 · Revoke
                        </button>
                        <button type="button" onClick={() => setConfirming(null)}>
                          取消 · Cancel
                        </button>
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <form class="row" onSubmit={mint} data-testid="team-members-add">
            <strong>添加成员 · Add member</strong>
            <input
              data-testid="team-members-name"
              placeholder="名字，如 小王 · Name"
              maxLength={40}
              value={name}
              onInput={(e) => setName(e.currentTarget.value)}
            />
            <select
              data-testid="team-members-role"
              value={role}
              onChange={(e) => setRole(e.currentTarget.value as Role)}
            >
              <option value="agent">客服 · Agent</option>
              <option value="admin">管理员 · Admin</option>
            </select>
            <button type="submit" data-testid="team-members-mint" disabled={busy}>
              添加成员 · Add
            </button>
          </form>
        </>
      )}
      {error && (
        <p class="status-bad" data-testid="team-members-action-error">
          {error}
        </p>
      )}
    </section>
  );
}
