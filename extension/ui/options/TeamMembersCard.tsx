import { useEffect, useState } from "preact/hooks";
import type { Role, TokenInfo } from "../../../shared/api.ts";
import { LIMITS } from "../../../shared/phrases/schema.ts";
import { askBackground } from "../../messaging/protocol.ts";
import type { MintedToken } from "../../store/team-tokens.ts";
import { ROLE_LABEL } from "./ConnectionCard.tsx";
import { maxLengthRule, requiredRule, useFieldChecks } from "./field-checks.tsx";
import { errorText, formatTime } from "./useStore.ts";

/**
 * 团队成员 (admins only): the team's tokens from the Worker (name, role, created), adding a member, re-issuing a
 * member's token (重新发放: lost token, new computer — same agent, same role) and revoking one after a confirm.
 * A new token is shown once, here, and nowhere else. Everything goes through the background; offline the card
 * only says it needs the Worker — token changes are security actions and are never queued.
 */
const ROLE_NAME: Record<Role, string> = { admin: "管理员", agent: "客服" };
const MEMBER_NAME = { zh: "成员名字", en: "member name" };
const ADD_RULES = { name: [requiredRule(MEMBER_NAME), maxLengthRule(MEMBER_NAME, LIMITS.agentNameLength)] };

type Listing =
  | { state: "loading" }
  | { state: "offline"; reason: string }
  | { state: "error"; message: string }
  | { state: "ready"; tokens: TokenInfo[]; myTokenId: string };

/** A token shown once: a new member's, or a replacement for `replaces` (the agent's older token). */
interface Shown {
  minted: MintedToken;
  replaces?: TokenInfo;
}

/** Each agent's newest token: re-issue is offered there (an agent's older rows are superseded). */
function newestTokenIds(tokens: TokenInfo[]): Set<string> {
  const newest = new Map<string, TokenInfo>();
  for (const token of tokens) {
    const known = newest.get(token.agentId);
    if (!known || token.createdAt >= known.createdAt) newest.set(token.agentId, token);
  }
  return new Set([...newest.values()].map((token) => token.tokenId));
}

function revokeQuestion(tokenId: string, myTokenId: string): string {
  return tokenId === myTokenId
    ? "这是本浏览器正在使用的令牌，吊销后这里将无法再同步。确定吊销？"
    : "确定吊销？该成员将立即无法同步。";
}

/**
 * `agentNames` are 团队设置's display names: a re-issued token carries the agent's current name, so the Worker's
 * name record is not set back to the name the old token was minted with.
 */
export function TeamMembersCard({ agentNames = {} }: { agentNames?: Record<string, string> }) {
  const [listing, setListing] = useState<Listing>({ state: "loading" });
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("agent");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  // The only copy of a new token in the extension: component state, gone when the card is left.
  const [shown, setShown] = useState<Shown | null>(null);
  // The token whose revoke awaits a confirm: its id (asked in its row) or "old:" + id (asked in the shown box).
  const [confirming, setConfirming] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const checks = useFieldChecks(ADD_RULES, { name });

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
      if (document.visibilityState === "hidden") setShown(null);
    };
    document.addEventListener("visibilitychange", forget);
    return () => {
      document.removeEventListener("visibilitychange", forget);
      setShown(null);
    };
  }, []);

  /** Mints through the background and shows the token once; false when the Worker refused (error shown). */
  async function mintAndShow(request: { name: string; role: Role; agentId?: string }, replaces?: TokenInfo) {
    setBusy(true);
    setError("");
    setCopied(false);
    setConfirming(null);
    try {
      setShown({ minted: await askBackground("team.tokens.mint", request), ...(replaces ? { replaces } : {}) });
      await load();
      return true;
    } catch (err) {
      setError(errorText(err));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function add(event: Event) {
    event.preventDefault();
    if (!checks.check(event.currentTarget as HTMLFormElement)) return;
    // A refused add keeps the typed name, so it can be corrected instead of retyped.
    if (await mintAndShow({ name: name.trim(), role })) setName("");
  }

  /** 重新发放: a new token for the same agent and role; the old one stays valid until revoked (offered then). */
  function reissue(old: TokenInfo) {
    void mintAndShow({ name: agentNames[old.agentId]?.trim() || old.name, role: old.role, agentId: old.agentId }, old);
  }

  async function revoke(tokenId: string) {
    setBusy(true);
    setError("");
    try {
      const { revoked } = await askBackground("team.tokens.revoke", { tokenId });
      // A shown replacement whose old token this was: the offer to revoke it is done.
      setShown((now) => (now?.replaces?.tokenId === tokenId ? { ...now, replaces: revoked } : now));
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
    if (!shown) return;
    try {
      await navigator.clipboard.writeText(shown.minted.token);
      setCopied(true);
    } catch {
      // Clipboard refused (no permission/focus): the box stays selectable for Ctrl+C.
      setError("无法自动复制，请选中令牌后按 Ctrl+C · Copy failed, select the token and press Ctrl+C");
    }
  }

  const myTokenId = listing.state === "ready" ? listing.myTokenId : "";
  const confirmRevoke = (tokenId: string, testId: string) => (
    <span class="row">
      <span data-testid={`${testId}-question`}>{revokeQuestion(tokenId, myTokenId)}</span>
      <button
        type="button"
        class="danger"
        data-testid={`${testId}-confirm`}
        disabled={busy}
        onClick={() => revoke(tokenId)}
      >
        确认吊销 · Revoke
      </button>
      <button type="button" onClick={() => setConfirming(null)}>
        取消 · Cancel
      </button>
    </span>
  );

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
      {shown && (
        <div class="conflict" data-testid="team-members-new-token">
          <p class="status-bad">
            <strong>仅显示一次，请立即复制发给该客服 · Shown once, copy it now</strong>：{shown.minted.info.name}（
            {ROLE_NAME[shown.minted.info.role]}）的{shown.replaces ? "新" : ""}
            令牌。关闭后无法再次查看，丢失可再次「重新发放」。
          </p>
          <div class="row">
            <input
              data-testid="team-members-token"
              readOnly
              value={shown.minted.token}
              size={60}
              onFocus={(e) => e.currentTarget.select()}
            />
            <button type="button" data-testid="team-members-copy" onClick={copy}>
              {copied ? "已复制 · Copied" : "复制 · Copy"}
            </button>
            <button type="button" data-testid="team-members-done" onClick={() => setShown(null)}>
              我已复制，关闭 · Done
            </button>
          </div>
          {shown.replaces && (
            <div class="row" data-testid="team-members-old-token">
              {shown.replaces.revokedAt ? (
                <span class="muted" data-testid="team-members-old-revoked">
                  旧令牌已吊销 · Old token revoked
                </span>
              ) : confirming === `old:${shown.replaces.tokenId}` ? (
                confirmRevoke(shown.replaces.tokenId, "team-members-revoke-old")
              ) : (
                <>
                  <span>
                    旧令牌（创建于 {formatTime(shown.replaces.createdAt)}）仍然有效。丢失或换了电脑的旧令牌建议吊销。
                    The old token still works.
                  </span>
                  <button
                    type="button"
                    data-testid="team-members-revoke-old"
                    disabled={busy}
                    onClick={() => setConfirming(`old:${shown.replaces?.tokenId}`)}
                  >
                    吊销旧令牌 · Revoke old token
                  </button>
                </>
              )}
            </div>
          )}
        </div>
      )}
      {listing.state === "ready" && (
        <>
          <MembersTable
            tokens={listing.tokens}
            myTokenId={listing.myTokenId}
            busy={busy}
            confirming={confirming}
            onConfirm={setConfirming}
            confirmRevoke={(tokenId) => confirmRevoke(tokenId, "team-member-revoke")}
            onReissue={reissue}
          />
          <form class="row" noValidate onSubmit={add} data-testid="team-members-add">
            <strong>添加成员 · Add member</strong>
            <input
              data-testid="team-members-name"
              {...checks.field("name")}
              aria-required="true"
              placeholder="名字，如 小王 · Name"
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
          {checks.error("name")}
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

interface TableProps {
  tokens: TokenInfo[];
  myTokenId: string;
  busy: boolean;
  confirming: string | null;
  onConfirm: (tokenId: string) => void;
  confirmRevoke: (tokenId: string) => preact.JSX.Element;
  onReissue: (token: TokenInfo) => void;
}

/** One row per token (an agent with a re-issued token has several); the Worker records no last-used time. */
function MembersTable({ tokens, myTokenId, busy, confirming, onConfirm, confirmRevoke, onReissue }: TableProps) {
  const newest = newestTokenIds(tokens);
  return (
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
        {tokens.map((token) => (
          <tr key={token.tokenId} data-testid="team-member-row" data-token-id={token.tokenId}>
            <td>
              {token.name}
              {token.tokenId === myTokenId && (
                <span class="badge" data-testid="team-member-me" title="当前使用的令牌 · This browser's token">
                  我
                </span>
              )}
            </td>
            <td data-testid="team-member-role">{ROLE_LABEL[token.role]}</td>
            <td data-testid="team-member-created">{formatTime(token.createdAt)}</td>
            <td>
              {token.revokedAt ? (
                <span class="badge warn" data-testid="team-member-revoked">
                  已吊销 {new Date(token.revokedAt).toLocaleDateString("zh-CN")}
                </span>
              ) : (
                "有效 · Active"
              )}
              {!newest.has(token.tokenId) && (
                <span class="muted" data-testid="team-member-superseded">
                  {" "}
                  · 已重新发放 · Re-issued
                </span>
              )}
            </td>
            <td>
              {confirming === token.tokenId && !token.revokedAt ? (
                confirmRevoke(token.tokenId)
              ) : (
                <span class="row">
                  {newest.has(token.tokenId) && (
                    <button
                      type="button"
                      class="secondary"
                      data-testid="team-member-reissue"
                      title="为同一成员发放新令牌（丢失令牌、换电脑）· New token for the same member"
                      disabled={busy}
                      onClick={() => onReissue(token)}
                    >
                      重新发放 · Re-issue
                    </button>
                  )}
                  {!token.revokedAt && (
                    <button
                      type="button"
                      data-testid="team-member-revoke"
                      disabled={busy}
                      onClick={() => onConfirm(token.tokenId)}
                    >
                      吊销 · Revoke
                    </button>
                  )}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
