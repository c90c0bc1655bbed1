// When to try again: full-jitter exponential backoff, unless the server said when (Retry-After).
import { MAX_TIMER_MS } from './abort.ts';

export interface BackoffOptions {
  baseDelayMs: number;
  maxDelayMs: number;
  random: () => number;
}

/** Full jitter: `random() * min(cap, base * 2^attempt)` (attempt 0 is the first retry). */
export function backoffDelay(attempt: number, o: BackoffOptions): number {
  return o.random() * Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** attempt);
}

// The three HTTP-date forms of RFC 9110 §5.6.7 all start with a day name. Requiring it keeps
// Date.parse's leniency out: it would read "-5" or "1 2" as dates in the distant past or future.
const HTTP_DATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s/i;

/**
 * Milliseconds a `Retry-After` header asks for: delta-seconds or an HTTP date (relative to `nowMs`),
 * at most `maxMs` (default: the longest delay a timer can hold), so a hostile or broken server can
 * neither park a call for a day nor overflow a timer. Undefined when absent or unreadable; never negative.
 */
export function retryAfterMs(header: string | null, nowMs: number, maxMs: number = MAX_TIMER_MS): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  let ms: number;
  if (/^\d+$/.test(value)) {
    ms = Number(value) * 1000;
  } else if (HTTP_DATE.test(value)) {
    const at = Date.parse(value);
    if (Number.isNaN(at)) return undefined;
    ms = at - nowMs;
  } else {
    return undefined;
  }
  return Math.min(Math.max(0, ms), Math.max(0, maxMs));
}
