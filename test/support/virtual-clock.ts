// A clock the test drives. `sleep` has the shape the elements (configureDealReg) and the adapters
// take; `advance(ms)` moves virtual time, firing what falls due in order and letting everything
// each firing starts (promise jobs, Lit updates, adapter calls) run out before the next one. A
// test then says "the next second" without waiting one, and cannot race the code.
import { abortedError } from '../../src/adapters/abort.ts';

interface Timer {
  at: number;
  seq: number;
  fire: () => void;
}

/** Lets queued promise jobs, and the tasks they queue in turn, run out (a few real macrotasks). */
export async function drain(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

export class VirtualClock {
  private time = 0;
  private seq = 0;
  private readonly timers = new Set<Timer>();

  /** Virtual milliseconds since the clock was made. */
  get now(): number {
    return this.time;
  }

  /** Sleeps not yet due (an aborted sleep is gone at once). */
  get pending(): number {
    return this.timers.size;
  }

  readonly sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortedError());
        return;
      }
      const onAbort = (): void => {
        this.timers.delete(timer);
        reject(abortedError());
      };
      const timer: Timer = {
        at: this.time + Math.max(0, ms),
        seq: this.seq++,
        fire: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.timers.add(timer);
    });

  /** Moves time forward by `ms`, firing every sleep that falls due, earliest first. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    await drain();
    for (;;) {
      let next: Timer | undefined;
      for (const t of this.timers)
        if (t.at <= end && (!next || t.at < next.at || (t.at === next.at && t.seq < next.seq))) next = t;
      if (!next) break;
      this.timers.delete(next);
      this.time = next.at;
      next.fire();
      await drain();
    }
    this.time = end;
  }
}
