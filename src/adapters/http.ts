// The HTTP adapter: the REST contract of docs/rest-contract.md over fetch, modelled on ING Lion's Ajax.
// Bearer token per attempt, JSON in and out, Idempotency-Key on POSTs, every body validated,
// problem+json mapped to DealRegError, retries with full-jitter backoff, per-attempt timeout, abortable.
// The token lives only in the request headers of one attempt: never in an error, a log or storage.
// The server is not trusted either: its waits are capped, its answers size-limited, its redirects
// refused, and none of its free text (a problem's title or detail, a media type, a string a validation
// message would quote) reaches an error: it could hold the token in any encoding.
import type { DealRegAdapter, PageOptions, ReadOptions, WriteOptions } from '../adapter.ts';
import { DealRegError } from '../errors.ts';
import { parseOpportunityPage, parseOverview, parseQuoteRequest, parseRegistration } from '../schemas/parse.ts';
import { parseDealPreviews } from '../schemas/parse-previews.ts';
import { problemToError, tryParseProblem } from '../schemas/problem.ts';
import { markValidating } from './validated.ts';
import { abortableSleep, abortedError, timerMs } from './abort.ts';
import { raceAbort, throwIfAborted } from './abort-request.ts';
import { backoffDelay, retryAfterMs } from './backoff.ts';
import { readBodyText } from './body.ts';
import { importBookCode } from './book-code.ts';
import { checkCursor, checkLimit, idSegment } from './ids.ts';
import { scrubError } from './scrub.ts';
import { DEFAULT_MAX_RESPONSE_BYTES, type HttpAdapterOptions } from './http-options.ts';

export { DEFAULT_MAX_RESPONSE_BYTES, type HttpAdapterOptions } from './http-options.ts';

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
  const timeoutMs = timerMs(options.timeoutMs ?? 10_000);
  const retries = Math.max(0, options.retries ?? 3);
  const maxDelayMs = timerMs(options.maxDelayMs ?? 10_000);
  const backoff = { baseDelayMs: options.baseDelayMs ?? 300, maxDelayMs, random: options.random ?? Math.random };
  const maxResponseBytes = Math.max(0, options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
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

  /**
   * One attempt: resolves with the parsed JSON of a 2xx, throws DealRegError or RetryableFailure.
   * Every token used is added to `tokens`, so the caller can scrub it from whatever the server said.
   */
  async function attemptOnce(a: Attempt, tokens: Set<string>): Promise<unknown> {
    throwIfAborted(a.signal);
    // One controller for the whole attempt: the caller's abort and the timeout stop a token provider
    // that hangs just as they stop a request or a body that never ends.
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
      const token = await raceAbort(getToken(), controller.signal);
      if (token) tokens.add(token);
      const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
      if (token) headers['Authorization'] = `Bearer ${token}`;
      if (a.body !== undefined) headers['Content-Type'] = 'application/json';
      if (a.idempotencyKey !== undefined) headers['Idempotency-Key'] = a.idempotencyKey;
      // Redirects are not followed. The contract has none, and following one would send the
      // Idempotency-Key (and a body) to wherever the Location points, accept that origin's answer
      // as ours, and let a 301/302/303 turn a POST into a GET that "succeeds". 'manual' rather than
      // 'error': 'error' rejects with the same TypeError as a network failure, which would be retried
      // and reported as `network`; 'manual' lets us answer with a clear, non-retryable error.
      const init: RequestInit = { method: a.method, headers, signal: controller.signal, redirect: 'manual' };
      if (a.body !== undefined) init.body = JSON.stringify(a.body);
      response = await doFetch(`${base}${a.path}`, init);
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
        void response.body?.cancel().catch(() => undefined);
        throw new DealRegError('invalid-response', {
          ...(response.status ? { status: response.status } : {}),
          detail: 'the server answered with a redirect, which the adapter does not follow',
        });
      }
      text = await readBodyText(response, maxResponseBytes);
    } catch (failure) {
      // The thrown value is dropped on purpose: a fetch failure can echo the request, token included.
      if (a.signal?.aborted) throw abortedError();
      if (timedOut)
        throw new RetryableFailure(new DealRegError('timeout', { detail: `no answer within ${timeoutMs} ms` }), undefined);
      if (failure instanceof DealRegError) throw failure; // ours: no token, a redirect, an oversized answer
      const offline = !isOnline();
      throw new RetryableFailure(
        new DealRegError(offline ? 'offline' : 'network', {
          detail: offline ? 'the browser is offline' : 'the server could not be reached',
        }),
        undefined,
      );
    } finally {
      clearTimeout(timer);
      a.signal?.removeEventListener('abort', onCallerAbort);
    }

    if (response.ok) {
      const type = response.headers.get('content-type') ?? '';
      if (type !== '' && !/json/i.test(type)) {
        throw new DealRegError('invalid-response', {
          status: response.status,
          // Not the media type: the server's text, which could hold the token encoded.
          detail: 'expected JSON',
        });
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
    // Its known code and the status, not its title or detail: a server that echoes the request can
    // write the token there base64-encoded, in hex, in another case or in pieces, past any scrubbing.
    const problem = tryParseProblem(json);
    const error = problemToError(problem && { code: problem.code }, response.status);
    if (response.status >= 500 || response.status === 429) {
      throw new RetryableFailure(error, retryAfterMs(response.headers.get('retry-after'), now()));
    }
    throw error;
  }

  async function send<T>(a: Attempt, parse: (json: unknown) => T): Promise<T> {
    const tokens = new Set<string>();
    try {
      throwIfAborted(a.signal);
      for (let attempt = 0; ; attempt += 1) {
        try {
          return parse(await attemptOnce(a, tokens));
        } catch (failure) {
          if (!(failure instanceof RetryableFailure)) throw failure;
          if (attempt >= retries) throw failure.error;
          // A server that will not answer sooner than this adapter ever waits (the daily cap on
          // rejected registrations, an outage announced for hours) is taken at its word: its error
          // now, rather than waits and attempts it has already refused.
          if (failure.waitMs !== undefined && failure.waitMs > maxDelayMs) throw failure.error;
          // Whoever chose the wait (the backoff or the server's Retry-After), it is at most maxDelayMs.
          await sleep(Math.min(failure.waitMs ?? backoffDelay(attempt, backoff), maxDelayMs), a.signal);
          throwIfAborted(a.signal);
        }
      }
    } catch (failure) {
      if (a.signal?.aborted) throw abortedError();
      // The one exit for errors: whatever the server wrote into one loses the tokens it was sent.
      if (failure instanceof DealRegError) throw scrubError(failure, tokens);
      throw new DealRegError('unknown', { detail: 'unexpected failure in the HTTP adapter' });
    }
  }

  // Async methods, so that an id refused by idSegment is a rejection, never a synchronous throw.
  return markValidating({
    async getAccountOverview(accountId: string, o: ReadOptions = {}) {
      return send(
        { method: 'GET', path: `/v1/accounts/${idSegment(accountId, 'account id')}/overview`, signal: o.signal },
        parseOverview,
      );
    },
    async registerOpportunity(request, o: WriteOptions) {
      return send(
        { method: 'POST', path: '/v1/registrations', body: request, idempotencyKey: o.idempotencyKey, signal: o.signal },
        parseRegistration,
      );
    },
    async requestQuote(registrationId, o: WriteOptions) {
      return send(
        {
          method: 'POST',
          path: `/v1/registrations/${idSegment(registrationId, 'registration id')}/quote-requests`,
          body: {},
          idempotencyKey: o.idempotencyKey,
          signal: o.signal,
        },
        parseQuoteRequest,
      );
    },
    async getQuote(quoteId, o: ReadOptions = {}) {
      return send(
        { method: 'GET', path: `/v1/quote-requests/${idSegment(quoteId, 'quote id')}`, signal: o.signal },
        parseQuoteRequest,
      );
    },
    async getOpportunities(accountId: string, cursor: string, o: PageOptions = {}) {
      const path = `/v1/accounts/${idSegment(accountId, 'account id')}/opportunities`;
      const query = new URLSearchParams({ cursor: checkCursor(cursor) });
      const limit = checkLimit(o.limit);
      if (limit !== undefined) query.set('limit', String(limit));
      return send({ method: 'GET', path: `${path}?${query.toString()}`, signal: o.signal }, parseOpportunityPage);
    },
    // A POST that reads: no idempotency key, and retried like a GET.
    async previewDeals(accountRef, deals, o: ReadOptions = {}) {
      return send(
        {
          method: 'POST',
          path: `/v1/accounts/${idSegment(accountRef, 'account id')}/deal-previews`,
          body: { deals },
          signal: o.signal,
        },
        parseDealPreviews,
      );
    },
    // The book's query and parser are a chunk of their own, loaded on the first call.
    async listRegistrations(query, o: ReadOptions = {}) {
      const book = await importBookCode().catch(() => {
        throw new DealRegError('network', { detail: 'the book could not be loaded' });
      });
      return send({ method: 'GET', path: `/v1/registrations?${book.bookParams(query)}`, signal: o.signal }, book.parseBookPage);
    },
    async requestExtension(registrationId, o: WriteOptions) {
      return send(
        {
          method: 'POST',
          path: `/v1/registrations/${idSegment(registrationId, 'registration id')}/extension`,
          body: {},
          idempotencyKey: o.idempotencyKey,
          signal: o.signal,
        },
        parseRegistration,
      );
    },
  });
}
