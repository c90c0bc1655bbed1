// When to try again: full-jitter exponential backoff, unless the server said when (Retry-After).

export interface BackoffOptions {
  baseDelayMs: number;
  maxDelayMs: number;
  random: () => number;
}

/** Full jitter: `random() * min(cap, base * 2^attempt)` (attempt 0 is the first retry). */
export function backoffDelay(attempt: number, o: BackoffOptions): number {
  return o.random() * Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** attempt);
}

/**
 * Milliseconds a `Retry-After` header asks for: delta-seconds or an HTTP date (relative to `nowMs`).
 * Undefined when absent or unreadable; never negative.
 */
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
