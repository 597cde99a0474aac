import { useEffect, useState } from "preact/hooks";
import type { Role, TokenInfo } from "../../../shared/api.ts";
import { LIMITS } from "../../../shared/phrases/schema.ts";
import { askBackground } from "../../messaging/protocol.ts";
import { maxLengthRule, requiredRule, useFieldChecks } from "./field-checks.tsx";
import { NewTokenBox, type Shown } from "./NewTokenBox.tsx";
import { MembersTable } from "./TeamMembersTable.tsx";
import { errorText } from "./useStore.ts";

/**
 * 团队成员 (admins only): the team's tokens from the Worker (name, role, created), adding a member, re-issuing a
 * member's token (重新发放: lost token, new computer — same agent, same role) and revoking one after a confirm.
 * A new token is shown once, here, and nowhere else. Everything goes through the background; offline the card
 * only says it needs the Worker — token changes are security actions and are never queued.
 */
const MEMBER_NAME = { zh: "成员名字", en: "member name" };
const ADD_RULES = { name: [requiredRule(MEMBER_NAME), maxLengthRule(MEMBER_NAME, LIMITS.agentNameLength)] };

type Listing =
  | { state: "loading" }
  | { state: "offline"; reason: string }
  | { state: "error"; message: string }
  | { state: "ready"; tokens: TokenInfo[]; myTokenId: string };

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
        <NewTokenBox
          shown={shown}
          copied={copied}
          busy={busy}
          confirmingOld={confirming === `old:${shown.replaces?.tokenId}`}
          onCopy={copy}
          onDone={() => setShown(null)}
          onConfirmOld={(tokenId) => setConfirming(`old:${tokenId}`)}
          confirmRevoke={(tokenId) => confirmRevoke(tokenId, "team-members-revoke-old")}
        />
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
