// The HTTP adapter's options and defaults, apart from its code: the default entry names them
// without loading the adapter (src/adapters/http-on-demand.ts).

export interface HttpAdapterOptions {
  /** Where the REST contract lives, e.g. `/api` or `https://partners.example.com/api`. */
  baseUrl: string;
  /** The partner's bearer token; asked again on every attempt so a refreshed token is picked up. */
  getToken: () => string | Promise<string>;
  fetch?: typeof globalThis.fetch;
  /** Per attempt, token acquisition included (default 10 000). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 3). */
  retries?: number;
  /** Backoff base and cap (defaults 300 ms and 10 s). The cap also bounds any wait a `Retry-After` asks for. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** The largest answer body read, in bytes (default 4 MiB); a larger one fails `invalid-response`. */
  maxResponseBytes?: number;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Whether the browser believes it is online (default `navigator.onLine`). */
  isOnline?: () => boolean;
  /** Clock for HTTP-date Retry-After values (default `Date.now`). */
  now?: () => number;
}

/**
 * 4 MiB. Overviews and pages are bounded (a page holds at most 100 opportunities): the demo's
 * largest account answers in tens of kB, so this only stops a server that has gone wrong.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
