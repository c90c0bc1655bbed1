// The one way tests wait: on a condition (polled every 10 ms, with a deadline that names what was
// awaited), or for an adapter call that only ends when its signal aborts. No fixed sleeps: a negative
// check ("nothing more happens") waits on the event that would have made it happen (a witness, the
// answer, a render), and time that matters runs on test/support/virtual-clock.ts.
import { DealRegError } from '../../src/errors.ts';

export async function until(predicate: () => unknown, what: string, timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Never answers; rejects `aborted` when (and only when) its signal aborts. */
export function untilAborted(signal: AbortSignal | undefined): Promise<never> {
  return new Promise<never>((_, reject) => {
    signal?.addEventListener('abort', () => reject(new DealRegError('aborted')), { once: true });
  });
}
