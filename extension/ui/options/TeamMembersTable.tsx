import type { JSX } from "preact";
import type { TokenInfo } from "../../../shared/api.ts";
import { ROLE_LABEL } from "./ConnectionCard.tsx";
import { formatTime } from "./useStore.ts";

/** 团队成员's table: one row per token, with 重新发放 on each agent's newest token and 吊销 (after a confirm). */
/** Each agent's newest token: re-issue is offered there (an agent's older rows are superseded). */
function newestTokenIds(tokens: TokenInfo[]): Set<string> {
  const newest = new Map<string, TokenInfo>();
  for (const token of tokens) {
    const known = newest.get(token.agentId);
    if (!known || token.createdAt >= known.createdAt) newest.set(token.agentId, token);
  }
  return new Set([...newest.values()].map((token) => token.tokenId));
}

export interface TableProps {
  tokens: TokenInfo[];
  myTokenId: string;
  busy: boolean;
  confirming: string | null;
  onConfirm: (tokenId: string) => void;
  confirmRevoke: (tokenId: string) => JSX.Element;
  onReissue: (token: TokenInfo) => void;
}

/** One row per token (an agent with a re-issued token has several); the Worker records no last-used time. */
export function MembersTable({ tokens, myTokenId, busy, confirming, onConfirm, confirmRevoke, onReissue }: TableProps) {
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
