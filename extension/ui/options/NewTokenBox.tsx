import type { JSX } from "preact";
import type { Role, TokenInfo } from "../../../shared/api.ts";
import type { MintedToken } from "../../store/team-tokens.ts";
import { formatTime } from "./useStore.ts";

const ROLE_NAME: Record<Role, string> = { admin: "管理员", agent: "客服" };

/** A token shown once: a new member's, or a replacement for `replaces` (the agent's older token). */
export interface Shown {
  minted: MintedToken;
  replaces?: TokenInfo;
}

interface NewTokenBoxProps {
  shown: Shown;
  copied: boolean;
  busy: boolean;
  /** The old token's revoke awaits a confirm (asked in this box). */
  confirmingOld: boolean;
  onCopy: () => void;
  onDone: () => void;
  onConfirmOld: (tokenId: string) => void;
  confirmRevoke: (tokenId: string) => JSX.Element;
}

/**
 * The only place a new token is ever shown: once, with copy and done; for a re-issued token also the old token's
 * state, with the offer to revoke it.
 */
export function NewTokenBox({
  shown,
  copied,
  busy,
  confirmingOld,
  onCopy,
  onDone,
  onConfirmOld,
  confirmRevoke,
}: NewTokenBoxProps) {
  return (
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
        <button type="button" data-testid="team-members-copy" onClick={onCopy}>
          {copied ? "已复制 · Copied" : "复制 · Copy"}
        </button>
        <button type="button" data-testid="team-members-done" onClick={onDone}>
          我已复制，关闭 · Done
        </button>
      </div>
      {shown.replaces && (
        <div class="row" data-testid="team-members-old-token">
          {shown.replaces.revokedAt ? (
            <span class="muted" data-testid="team-members-old-revoked">
              旧令牌已吊销 · Old token revoked
            </span>
          ) : confirmingOld ? (
            confirmRevoke(shown.replaces.tokenId)
          ) : (
            <>
              <span>
                旧令牌（创建于 {formatTime(shown.replaces.createdAt)}）仍然有效。丢失或换了电脑的旧令牌建议吊销。 The
                old token still works.
              </span>
              <button
                type="button"
                data-testid="team-members-revoke-old"
                disabled={busy}
                onClick={() => shown.replaces && onConfirmOld(shown.replaces.tokenId)}
              >
                吊销旧令牌 · Revoke old token
              </button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
