// The HTTP adapter's promises, against a scripted fake fetch: retries, backoff, timeouts, aborts,
// validation and the error model, with sleep and random injected so every wait is instant and observable.
import { expect } from '@open-wc/testing';
import { createHttpAdapter, type HttpAdapterOptions } from '../../src/adapters/http.ts';
import { DealRegError } from '../../src/errors.ts';
import { aQuote, aRegistration, anOverview, withAt } from './fixtures.ts';

const TOKEN = 'sk_live_SECRET-7f3a9c';

interface Call {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
}

type Script = (call: Call, n: number) => Response | Promise<Response>;

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

function problem(status: number, code: string, headers: Record<string, string> = {}): Response {
  const body = { type: `https://dealreg.example/problems/${code}`, title: code, status, code, detail: `because ${code}` };
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json', ...headers } });
}

function harness(script: Script, over: Partial<HttpAdapterOptions> = {}) {
  const calls: Call[] = [];
  const sleeps: number[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const call: Call = {
      url: String(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : undefined,
    };
    calls.push(call);
    const signal = init.signal;
    const answer = Promise.resolve(script(call, calls.length));
    if (!signal) return answer;
    return new Promise<Response>((resolve, reject) => {
      if (signal.aborted) reject(new DOMException('aborted', 'AbortError'));
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true });
      answer.then(resolve, reject);
    });
  };
  const adapter = createHttpAdapter({
    baseUrl: 'https://vendor.example/api/',
    getToken: () => TOKEN,
    fetch,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...over,
  });
  return { adapter, calls, sleeps };
}

async function rejection(promise: Promise<unknown>): Promise<DealRegError> {
  try {
    await promise;
  } catch (error) {
    expect(error, 'rejects with a DealRegError').to.be.instanceOf(DealRegError);
    return error as DealRegError;
  }
  throw new Error('expected a rejection');
}

const key = { idempotencyKey: 'key-123' };
const request = { accountId: 'acc-nextgen', opportunityId: 'opp-1', presalesActivities: ['workshop'] };

describe('HTTP adapter', () => {
  it('GETs the overview with a bearer token and JSON, and resolves with the validated body', async () => {
    const { adapter, calls } = harness(() => json(anOverview()));
    const overview = await adapter.getAccountOverview('acc-protected');
    expect(overview).to.deep.equal(anOverview());
    expect(calls).to.have.length(1);
    expect(calls[0]!.url).to.equal('https://vendor.example/api/v1/accounts/acc-protected/overview');
    expect(calls[0]!.method).to.equal('GET');
    expect(calls[0]!.headers.get('authorization')).to.equal(`Bearer ${TOKEN}`);
    expect(calls[0]!.headers.get('idempotency-key')).to.equal(null);
  });

  it('POSTs a registration as JSON with the caller’s Idempotency-Key', async () => {
    const { adapter, calls } = harness(() => json(aRegistration(), 201));
    const registration = await adapter.registerOpportunity(request, key);
    expect(registration.status).to.equal('approved');
    expect(calls[0]!.url).to.equal('https://vendor.example/api/v1/registrations');
    expect(calls[0]!.method).to.equal('POST');
    expect(calls[0]!.headers.get('idempotency-key')).to.equal('key-123');
    expect(calls[0]!.headers.get('content-type')).to.equal('application/json');
    expect(JSON.parse(calls[0]!.body!)).to.deep.equal(request);
  });

  it('speaks the quote, quote status and extension paths of the contract, ids encoded', async () => {
    const { adapter, calls } = harness((call) => (call.url.includes('extension') ? json(aRegistration()) : json(aQuote(), 201)));
    await adapter.requestQuote('reg/1', key);
    await adapter.getQuote('quo-1');
    await adapter.requestExtension('reg-1', key);
    expect(calls.map((c) => `${c.method} ${c.url.replace('https://vendor.example/api', '')}`)).to.deep.equal([
      'POST /v1/registrations/reg%2F1/quote-requests',
      'GET /v1/quote-requests/quo-1',
      'POST /v1/registrations/reg-1/extension',
    ]);
  });

  it('asks for the token on every attempt, so a refreshed token is used on the retry', async () => {
    let n = 0;
    const { adapter, calls } = harness((_c, i) => (i === 1 ? problem(503, 'service-unavailable') : json(anOverview())), {
      getToken: async () => `token-${++n}`,
    });
    await adapter.getAccountOverview('acc-protected');
    expect(calls.map((c) => c.headers.get('authorization'))).to.deep.equal(['Bearer token-1', 'Bearer token-2']);
  });

  describe('retries', () => {
    it('retries a 503 up to 3 times with full-jitter exponential backoff, then gives up service-unavailable', async () => {
      const { adapter, calls, sleeps } = harness(() => problem(503, 'service-unavailable'), { baseDelayMs: 100, maxDelayMs: 250 });
      const error = await rejection(adapter.getAccountOverview('acc-protected'));
      expect(error.code).to.equal('service-unavailable');
      expect(error.status).to.equal(503);
      expect(error.retryable).to.equal(true);
      expect(calls).to.have.length(4);
      // random() = 0.5 × min(cap 250, 100 × 2^attempt)
      expect(sleeps).to.deep.equal([50, 100, 125]);
    });

    it('honours Retry-After in seconds and as an HTTP date', async () => {
      const now = Date.UTC(2017, 1, 14, 9, 0, 0);
      const later = new Date(now + 7000).toUTCString();
      const answers = [
        problem(503, 'service-unavailable', { 'retry-after': '2' }),
        problem(429, 'rate-limited', { 'retry-after': later }),
        json(anOverview()),
      ];
      const { adapter, sleeps } = harness((_c, n) => answers[n - 1]!, { now: () => now });
      await adapter.getAccountOverview('acc-protected');
      expect(sleeps).to.deep.equal([2000, 7000]);
    });

    it('retries network failures and succeeds when the network comes back', async () => {
      const { adapter, calls } = harness((_c, n) => {
        if (n < 3) throw new TypeError('Failed to fetch');
        return json(anOverview());
      });
      expect((await adapter.getAccountOverview('acc-protected')).account.id).to.equal('acc-protected');
      expect(calls).to.have.length(3);
    });

    it('a POST retried after a 503 carries the same Idempotency-Key and the same body every time', async () => {
      const { adapter, calls } = harness((_c, n) => (n < 3 ? problem(503, 'service-unavailable') : json(aRegistration(), 201)));
      await adapter.registerOpportunity(request, { idempotencyKey: 'one-intent' });
      expect(calls).to.have.length(3);
      expect(new Set(calls.map((c) => c.headers.get('idempotency-key')))).to.deep.equal(new Set(['one-intent']));
      expect(new Set(calls.map((c) => c.body)).size).to.equal(1);
    });

    it('does not retry a 4xx rule answer: 409 quote-already-open comes back at once, typed', async () => {
      const { adapter, calls } = harness(() => problem(409, 'quote-already-open'));
      const error = await rejection(adapter.requestQuote('reg-1', key));
      expect([error.code, error.status, error.detail]).to.deep.equal(['quote-already-open', 409, 'because quote-already-open']);
      expect(calls).to.have.length(1);
    });

    it('retries = 0 means one attempt only', async () => {
      const { adapter, calls } = harness(() => problem(502, 'bad-gateway'), { retries: 0 });
      expect((await rejection(adapter.getAccountOverview('a'))).code).to.equal('service-unavailable');
      expect(calls).to.have.length(1);
    });
  });

  describe('error model', () => {
    it('401 problem → unauthorized, not retried', async () => {
      const { adapter, calls } = harness(() => problem(401, 'unauthorized'));
      const error = await rejection(adapter.getAccountOverview('acc-protected'));
      expect([error.code, error.status, error.retryable]).to.deep.equal(['unauthorized', 401, false]);
      expect(calls).to.have.length(1);
    });

    it('a non-JSON error page maps by its status (404 → not-found)', async () => {
      const { adapter } = harness(() => new Response('<h1>Not found</h1>', { status: 404, headers: { 'content-type': 'text/html' } }));
      expect((await rejection(adapter.getQuote('nope'))).code).to.equal('not-found');
    });

    it('a 200 that is not JSON is invalid-response', async () => {
      const { adapter } = harness(() => new Response('<html>login</html>', { status: 200, headers: { 'content-type': 'text/html' } }));
      expect((await rejection(adapter.getAccountOverview('a'))).code).to.equal('invalid-response');
    });

    it('a 200 with a truncated JSON body is invalid-response', async () => {
      const { adapter } = harness(() => new Response('{"asOf": "2017-', { status: 200, headers: { 'content-type': 'application/json' } }));
      expect((await rejection(adapter.getAccountOverview('a'))).code).to.equal('invalid-response');
    });

    const malformed: Array<[string, () => Response]> = [
      ['missing fields', () => json(withAt(anOverview(), 'registrations.0.status', undefined))],
      ['wrong types', () => json(withAt(anOverview(), 'opportunities', 'lots'))],
      ['extra nesting', () => json(withAt(anOverview(), 'opportunities.0.amount.value', { amount: 12 }))],
      ['an empty body', () => json(null)],
    ];
    for (const [what, answer] of malformed) {
      it(`an overview with ${what} is invalid-response with a path, never an uncaught exception`, async () => {
        const { adapter, calls } = harness(answer);
        const error = await rejection(adapter.getAccountOverview('acc-broken'));
        expect(error.code).to.equal('invalid-response');
        expect(error.retryable).to.equal(false);
        expect(calls, 'a malformed body is not retried').to.have.length(1);
        if (what !== 'an empty body') expect(error.path).to.be.a('string').and.not.equal('');
      });
    }

    it('offline when the network fails and the browser says it is offline', async () => {
      const { adapter } = harness(
        () => {
          throw new TypeError('Failed to fetch');
        },
        { isOnline: () => false },
      );
      const error = await rejection(adapter.getAccountOverview('a'));
      expect([error.code, error.retryable]).to.deep.equal(['offline', true]);
    });

    it('network when the network fails while online', async () => {
      const { adapter } = harness(() => {
        throw new TypeError('Failed to fetch');
      });
      expect((await rejection(adapter.getAccountOverview('a'))).code).to.equal('network');
    });
  });

  describe('time limits and cancellation', () => {
    it('an attempt that takes longer than timeoutMs fails as timeout after its retries', async () => {
      const { adapter, calls } = harness(() => new Promise<Response>(() => {}), { timeoutMs: 20, retries: 1 });
      const error = await rejection(adapter.getAccountOverview('a'));
      expect([error.code, error.retryable]).to.deep.equal(['timeout', true]);
      expect(calls).to.have.length(2);
    });

    it('a timed-out first attempt is retried and the second answer is used', async () => {
      const { adapter } = harness((_c, n) => (n === 1 ? new Promise<Response>(() => {}) : json(anOverview())), { timeoutMs: 20 });
      expect((await adapter.getAccountOverview('acc-protected')).partner.name).to.equal('Alpha Systèmes');
    });

    it('aborting the caller’s signal rejects with aborted and stops retrying', async () => {
      const controller = new AbortController();
      const { adapter, calls } = harness(() => new Promise<Response>(() => {}));
      const pending = adapter.getAccountOverview('a', { signal: controller.signal });
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(calls, 'the request is in flight').to.have.length(1);
      controller.abort();
      const error = await rejection(pending);
      expect([error.code, error.retryable]).to.deep.equal(['aborted', false]);
      expect(calls).to.have.length(1);
    });

    it('an already-aborted signal sends nothing', async () => {
      const { adapter, calls } = harness(() => json(anOverview()));
      const error = await rejection(adapter.getAccountOverview('a', { signal: AbortSignal.abort() }));
      expect(error.code).to.equal('aborted');
      expect(calls).to.have.length(0);
    });

    it('aborting during the backoff sleep rejects at once, with no further attempt', async () => {
      const controller = new AbortController();
      // The real (abortable) sleep with a long backoff: the test would time out if the sleep were not abortable.
      const { adapter, calls } = harness(() => problem(503, 'service-unavailable', { 'retry-after': '60' }), {
        sleep: undefined,
      });
      const started = performance.now();
      const pending = adapter.getAccountOverview('a', { signal: controller.signal });
      setTimeout(() => controller.abort(), 30);
      const error = await rejection(pending);
      expect(error.code).to.equal('aborted');
      expect(calls).to.have.length(1);
      expect(performance.now() - started).to.be.below(2000);
    });
  });

  describe('the token stays secret', () => {
    it('a fetch failure that echoes the token leaves no trace of it in the error', async () => {
      const { adapter } = harness(() => {
        throw new TypeError(`request to /overview failed; headers: Authorization: Bearer ${TOKEN}`);
      });
      const error = await rejection(adapter.getAccountOverview('a'));
      const traces = [
        JSON.stringify(error),
        error.message,
        String(error.detail),
        String(error.stack),
        JSON.stringify(error.cause ?? null),
        String(error.cause ?? ''),
      ];
      for (const trace of traces) expect(trace).not.to.contain(TOKEN);
    });

    it('a problem detail from the server never brings the token either way, and nothing is stored', async () => {
      localStorage.clear();
      sessionStorage.clear();
      const { adapter } = harness(() => problem(403, 'forbidden'));
      const error = await rejection(adapter.getAccountOverview('a'));
      expect(JSON.stringify({ ...error, message: error.message })).not.to.contain(TOKEN);
      expect(localStorage.length + sessionStorage.length).to.equal(0);
      expect(document.cookie).not.to.contain(TOKEN);
    });

    it('a token provider that throws becomes unauthorized without its message', async () => {
      const { adapter, calls } = harness(() => json(anOverview()), {
        getToken: () => {
          throw new Error(`refresh failed for ${TOKEN}`);
        },
      });
      const error = await rejection(adapter.getAccountOverview('a'));
      expect(error.code).to.equal('unauthorized');
      expect(`${error.message} ${JSON.stringify(error)} ${String(error.cause ?? '')}`).not.to.contain(TOKEN);
      expect(calls).to.have.length(0);
    });
  });
});
