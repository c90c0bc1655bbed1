// Cancellation helpers shared by the adapters: the caller's AbortSignal always wins, promptly.
import { DealRegError } from '../errors.ts';

/** The longest delay a timer can hold (2^31-1 ms, about 24.8 days): beyond it browsers and Node fire after ~1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** `ms` as a delay a timer can hold: NaN and negatives are 0, anything beyond MAX_TIMER_MS is MAX_TIMER_MS. */
export function timerMs(ms: number): number {
  if (Number.isNaN(ms) || ms <= 0) return 0;
  return Math.min(ms, MAX_TIMER_MS);
}

export function abortedError(): DealRegError {
  return new DealRegError('aborted', { detail: 'the request was cancelled' });
}

/** Waits `ms` (clamped to what a timer can hold); rejects with `aborted` as soon as the signal aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortedError());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortedError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, timerMs(ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
