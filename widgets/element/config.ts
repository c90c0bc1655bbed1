// Page-wide settings of the dealreg elements, read when they are needed (not copied at start-up).
import { abortableSleep } from '../../src/adapters/abort.ts';

export interface DealRegConfig {
  /** `closed` for hosts such as Salesforce Lightning Web Security; default `open`. */
  shadowRootMode: ShadowRootMode;
  /**
   * Longest wait for one adapter call, in ms: an adapter that never settles then fails with
   * `timeout` (and Retry) instead of leaving an element busy forever. Default 120 000, above the
   * HTTP adapter's worst case (4 attempts × 10 s + backoff); `0` waits for ever.
   */
  callDeadlineMs: number;
  /** How the elements wait (quote polling, the call deadline): rejects `aborted` when the signal aborts. Tests inject a clock here. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const DEFAULTS: DealRegConfig = { shadowRootMode: 'open', callDeadlineMs: 120_000, sleep: abortableSleep };
const config: DealRegConfig = { ...DEFAULTS };

/** Call before dealreg elements are created (ideally before the tags are defined). `{}` changes nothing. */
export function configureDealReg(options: Partial<DealRegConfig>): void {
  for (const [key, value] of Object.entries(options) as Array<[keyof DealRegConfig, unknown]>) {
    if (value !== undefined) Object.assign(config, { [key]: value });
  }
}

export function dealRegConfig(): Readonly<DealRegConfig> {
  return config;
}

/** Back to the defaults (tests that configured a clock or a deadline). */
export function resetDealRegConfig(): void {
  Object.assign(config, DEFAULTS);
}
