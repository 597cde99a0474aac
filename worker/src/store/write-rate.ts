/**
 * Per-token write rate limit (600 writes a minute → 429). Kept in the DO's memory, not in SQLite: it only has
 * to stop a runaway client, and a DO restart forgetting the window is harmless. Fixed one-minute windows that
 * start at a token's first write after the previous window ended.
 */

/** Write requests per token per minute before 429. */
const WRITES_PER_MINUTE = 600;

export class WriteRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  /** Counts one write by `tokenId`; true when it goes over the limit (the caller answers 429). */
  overLimit(tokenId: string): boolean {
    const now = Date.now();
    const window = this.windows.get(tokenId);
    if (!window || now - window.start >= 60_000) {
      this.windows.set(tokenId, { start: now, count: 1 });
      return false;
    }
    window.count += 1;
    return window.count > WRITES_PER_MINUTE;
  }
}
