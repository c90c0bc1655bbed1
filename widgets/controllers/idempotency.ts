// One user intent, one idempotency key: a double click is one intent; a retry after a network
// error is the same intent (same key); success, or a definitive answer, ends the intent.
import { toDealRegError } from '../../src/errors.ts';

export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Tracks intents by name (e.g. `quote:reg-1`). `run()` while the same intent is in flight returns
 * the running promise instead of sending again; a retryable failure keeps the key for the retry.
 */
export class IntentKeys {
  readonly #keys = new Map<string, string>();
  readonly #running = new Map<string, Promise<unknown>>();

  /** The key of an open intent, or a new one. */
  keyFor(intent: string): string {
    let key = this.#keys.get(intent);
    if (!key) {
      key = newIdempotencyKey();
      this.#keys.set(intent, key);
    }
    return key;
  }

  isRunning(intent: string): boolean {
    return this.#running.has(intent);
  }

  release(intent: string): void {
    this.#keys.delete(intent);
  }

  run<T>(intent: string, send: (idempotencyKey: string) => Promise<T>): Promise<T> {
    const inFlight = this.#running.get(intent);
    if (inFlight) return inFlight as Promise<T>;
    const key = this.keyFor(intent);
    const promise = send(key).then(
      (value) => {
        this.#running.delete(intent);
        this.release(intent);
        return value;
      },
      (error: unknown) => {
        this.#running.delete(intent);
        const typed = toDealRegError(error);
        // A definitive answer ends the intent; a transient failure keeps its key for the retry.
        if (!typed.retryable && typed.code !== 'aborted') this.release(intent);
        throw typed;
      },
    );
    this.#running.set(intent, promise);
    return promise;
  }
}
