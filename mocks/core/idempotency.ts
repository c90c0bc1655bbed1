// The idempotency store: per partner and key, the request's fingerprint (a hash, not the body) and the
// first answer. Bounded twice, so no caller can grow it without end: a key is remembered for `ttlMs`
// from its first use (by the injected real-time clock), and at most `maxEntries` are kept, the oldest
// forgotten first. A key in flight is never forgotten: its retries must keep seeing 409.
import type { CoreResult } from './backend-core.ts';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
export const IDEMPOTENCY_MAX_ENTRIES = 10_000;

export interface IdempotencyEntry {
  fingerprint: string;
  /** null while the first request is in flight. */
  result: CoreResult | null;
  firstUsedAtMs: number;
}

export interface IdempotencyStore {
  /** The live entry of a slot (an expired one is forgotten and reads as absent). */
  get(slot: string): IdempotencyEntry | undefined;
  /** Marks the slot in flight; call it in the same synchronous turn as the `get` that found it free. */
  begin(slot: string, fingerprint: string): IdempotencyEntry;
  forget(slot: string): void;
  readonly size: number;
}

export interface IdempotencyLimits {
  now: () => number;
  ttlMs?: number;
  maxEntries?: number;
}

export function createIdempotencyStore({
  now,
  ttlMs = IDEMPOTENCY_TTL_MS,
  maxEntries = IDEMPOTENCY_MAX_ENTRIES,
}: IdempotencyLimits): IdempotencyStore {
  // Map keeps insertion order, which is first-use order: the oldest entries are at the front.
  const entries = new Map<string, IdempotencyEntry>();
  const expired = (entry: IdempotencyEntry, at: number) => at - entry.firstUsedAtMs >= ttlMs;

  /** Drops expired entries and the oldest beyond the cap, from the front; in-flight ones stay. */
  function prune(): void {
    const at = now();
    for (const [slot, entry] of entries) {
      if (entries.size <= maxEntries && !expired(entry, at)) return;
      if (entry.result !== null) entries.delete(slot);
    }
  }

  return {
    get(slot) {
      const entry = entries.get(slot);
      if (entry === undefined || !expired(entry, now()) || entry.result === null) return entry;
      entries.delete(slot);
      return undefined;
    },
    begin(slot, fingerprint) {
      const entry: IdempotencyEntry = { fingerprint, result: null, firstUsedAtMs: now() };
      entries.set(slot, entry);
      prune();
      return entry;
    },
    forget(slot) {
      entries.delete(slot);
    },
    get size() {
      return entries.size;
    },
  };
}
