// The one way tests wait: on a condition (polled every 10 ms, with a deadline that names what was
// awaited), or for an adapter call that only ends when its signal aborts. Fixed sleeps are for
// negative checks only ("nothing more happens"); time that matters runs on test/support/virtual-clock.ts.
import { DealRegError } from '../../src/errors.ts';

export async function until(predicate: () => unknown, what: string, timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function sleep(ms = 0): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Never answers; rejects `aborted` when (and only when) its signal aborts. */
export function untilAborted(signal: AbortSignal | undefined): Promise<never> {
  return new Promise<never>((_, reject) => {
    signal?.addEventListener('abort', () => reject(new DealRegError('aborted')), { once: true });
  });
}
