// The HTTP adapter: the REST contract of PRODUCT.md §2 over fetch, modelled on ING Lion's Ajax.
// Bearer token per attempt, JSON in and out, Idempotency-Key on POSTs, every body validated,
// problem+json mapped to DealRegError, retries with full-jitter backoff, per-attempt timeout, abortable.
// The token lives only in the request headers of one attempt: never in an error, a log or storage.
import type { DealRegAdapter, ReadOptions, WriteOptions } from '../adapter.ts';
import { DealRegError } from '../errors.ts';
import { parseOverview, parseQuoteRequest, parseRegistration, tryParseProblem } from '../schemas/parse.ts';
import { problemToError } from '../schemas/problem.ts';
import { markValidating } from './validated.ts';
import { abortableSleep, abortedError, throwIfAborted } from './abort.ts';
import { backoffDelay, retryAfterMs } from './backoff.ts';

export interface HttpAdapterOptions {
  /** Where the REST contract lives, e.g. `/api` or `https://partners.example.com/api`. */
  baseUrl: string;
  /** The partner's bearer token; asked again on every attempt so a refreshed token is picked up. */
  getToken: () => string | Promise<string>;
  fetch?: typeof globalThis.fetch;
  /** Per attempt (default 10 000). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 3). */
  retries?: number;
  /** Backoff base and cap (defaults 300 ms and 10 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Whether the browser believes it is online (default `navigator.onLine`). */
  isOnline?: () => boolean;
  /** Clock for HTTP-date Retry-After values (default `Date.now`). */
  now?: () => number;
}

interface Attempt {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  idempotencyKey?: string;
  signal?: AbortSignal;
}

class RetryableFailure {
  constructor(
    readonly error: DealRegError,
    readonly waitMs: number | undefined,
  ) {}
}

export function createHttpAdapter(options: HttpAdapterOptions): DealRegAdapter {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retries = Math.max(0, options.retries ?? 3);
  const backoff = {
    baseDelayMs: options.baseDelayMs ?? 300,
    maxDelayMs: options.maxDelayMs ?? 10_000,
    random: options.random ?? Math.random,
  };
  const sleep = options.sleep ?? abortableSleep;
  const isOnline = options.isOnline ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  const now = options.now ?? Date.now;

  async function getToken(): Promise<string> {
    try {
      return await options.getToken();
    } catch {
      // Whatever the token provider threw may contain a secret: keep none of it.
      throw new DealRegError('unauthorized', { detail: 'no token available' });
    }
  }

  /** One attempt: resolves with the parsed JSON of a 2xx, throws DealRegError or RetryableFailure. */
  async function attemptOnce(a: Attempt): Promise<unknown> {
    const token = await getToken();
    throwIfAborted(a.signal);
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    if (token) headers['Authorization'] = `Bearer ${token}`;
    if (a.body !== undefined) headers['Content-Type'] = 'application/json';
    if (a.idempotencyKey !== undefined) headers['Idempotency-Key'] = a.idempotencyKey;

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onCallerAbort = (): void => controller.abort();
    a.signal?.addEventListener('abort', onCallerAbort, { once: true });

    let response: Response;
    let text: string;
    try {
      const init: RequestInit = { method: a.method, headers, signal: controller.signal };
      if (a.body !== undefined) init.body = JSON.stringify(a.body);
      response = await doFetch(`${base}${a.path}`, init);
      text = await response.text();
    } catch {
      // The thrown value is dropped on purpose: a fetch failure can echo the request, token included.
      if (a.signal?.aborted) throw abortedError();
      if (timedOut) throw new RetryableFailure(new DealRegError('timeout', { detail: `no answer within ${timeoutMs} ms` }), undefined);
      const offline = !isOnline();
      throw new RetryableFailure(
        new DealRegError(offline ? 'offline' : 'network', { detail: offline ? 'the browser is offline' : 'the server could not be reached' }),
        undefined,
      );
    } finally {
      clearTimeout(timer);
      a.signal?.removeEventListener('abort', onCallerAbort);
    }

    if (response.ok) {
      const type = response.headers.get('content-type') ?? '';
      if (type !== '' && !/json/i.test(type)) {
        throw new DealRegError('invalid-response', { status: response.status, detail: `expected JSON, got ${type.split(';')[0]}` });
      }
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new DealRegError('invalid-response', { status: response.status, detail: 'the body is not JSON' });
      }
    }

    let json: unknown;
    try {
      json = JSON.parse(text) as unknown;
    } catch {
      json = undefined;
    }
    const error = problemToError(tryParseProblem(json), response.status);
    if (response.status >= 500 || response.status === 429) {
      throw new RetryableFailure(error, retryAfterMs(response.headers.get('retry-after'), now()));
    }
    throw error;
  }

  async function send<T>(a: Attempt, parse: (json: unknown) => T): Promise<T> {
    throwIfAborted(a.signal);
    for (let attempt = 0; ; attempt += 1) {
      try {
        return parse(await attemptOnce(a));
      } catch (failure) {
        if (!(failure instanceof RetryableFailure)) {
          if (failure instanceof DealRegError) throw failure;
          throw new DealRegError('unknown', { detail: 'unexpected failure in the HTTP adapter' });
        }
        if (attempt >= retries) throw failure.error;
        const wait = failure.waitMs ?? backoffDelay(attempt, backoff);
        await sleep(wait, a.signal);
        throwIfAborted(a.signal);
      }
    }
  }

  const id = encodeURIComponent;

  return markValidating({
    getAccountOverview(accountId: string, o: ReadOptions = {}) {
      return send({ method: 'GET', path: `/v1/accounts/${id(accountId)}/overview`, signal: o.signal }, parseOverview);
    },
    registerOpportunity(request, o: WriteOptions) {
      return send(
        { method: 'POST', path: '/v1/registrations', body: request, idempotencyKey: o.idempotencyKey, signal: o.signal },
        parseRegistration,
      );
    },
    requestQuote(registrationId, o: WriteOptions) {
      return send(
        { method: 'POST', path: `/v1/registrations/${id(registrationId)}/quote-requests`, body: {}, idempotencyKey: o.idempotencyKey, signal: o.signal },
        parseQuoteRequest,
      );
    },
    getQuote(quoteId, o: ReadOptions = {}) {
      return send({ method: 'GET', path: `/v1/quote-requests/${id(quoteId)}`, signal: o.signal }, parseQuoteRequest);
    },
    requestExtension(registrationId, o: WriteOptions) {
      return send(
        { method: 'POST', path: `/v1/registrations/${id(registrationId)}/extension`, body: {}, idempotencyKey: o.idempotencyKey, signal: o.signal },
        parseRegistration,
      );
    },
  });
}
