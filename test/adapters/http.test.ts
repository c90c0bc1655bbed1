// The HTTP adapter's promises, against a scripted fake fetch: retries, backoff, timeouts, aborts,
// validation and the error model, with sleep and random injected so every wait is instant and observable.
import { expect } from '@open-wc/testing';
import { abortableSleep } from '../../src/adapters/abort.ts';
import { retryAfterMs } from '../../src/adapters/backoff.ts';
import { createHttpAdapter, type HttpAdapterOptions } from '../../src/adapters/http.ts';
import { DealRegError } from '../../src/errors.ts';
import { until } from '../support/wait.ts';
import { aPage, aQuote, aRegistration, anOverview, withAt } from './fixtures.ts';
import { pieces, tokenEncodings } from '../support/token-encodings.ts';

const TOKEN = 'sk_live_SECRET-7f3a9c';

interface Call {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
  redirect: RequestRedirect | undefined;
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
      redirect: init.redirect,
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
    await adapter.requestQuote('reg 1?x#y%2F', key);
    await adapter.getQuote('quo-1');
    await adapter.requestExtension('reg-1', key);
    expect(calls.map((c) => `${c.method} ${c.url.replace('https://vendor.example/api', '')}`)).to.deep.equal([
      'POST /v1/registrations/reg%201%3Fx%23y%252F/quote-requests',
      'GET /v1/quote-requests/quo-1',
      'POST /v1/registrations/reg-1/extension',
    ]);
  });

  it('GETs a page of opportunities with the cursor and limit as query parameters, encoded, and validates it', async () => {
    const { adapter, calls } = harness(() => json(aPage()));
    expect(await adapter.getOpportunities!('acc large', 'eyJ+/=.sig&x=1', { limit: 40 })).to.deep.equal(aPage());
    await adapter.getOpportunities!('acc-large', 'abc.def');
    expect(calls.map((c) => `${c.method} ${c.url.replace('https://vendor.example/api', '')}`)).to.deep.equal([
      'GET /v1/accounts/acc%20large/opportunities?cursor=eyJ%2B%2F%3D.sig%26x%3D1&limit=40',
      'GET /v1/accounts/acc-large/opportunities?cursor=abc.def',
    ]);
    expect(calls[0]!.headers.get('authorization')).to.equal(`Bearer ${TOKEN}`);
    const broken = harness(() => json(withAt(aPage(), 'opportunities.0.amount', 'lots')));
    expect((await rejection(broken.adapter.getOpportunities!('acc-large', 'abc.def'))).code).to.equal('invalid-response');
  });

  it('a page request with no cursor or a limit that is not a whole number from 1 is invalid-request, and nothing is sent', async () => {
    const { adapter, calls } = harness(() => json(aPage()));
    for (const call of [
      () => adapter.getOpportunities!('acc-large', ''),
      () => adapter.getOpportunities!('acc-large', undefined as unknown as string),
      () => adapter.getOpportunities!('acc-large', 'abc.def', { limit: 0 }),
      () => adapter.getOpportunities!('acc-large', 'abc.def', { limit: 2.5 }),
      () => adapter.getOpportunities!('acc-large', 'abc.def', { limit: Number.POSITIVE_INFINITY }),
    ]) {
      const error = await rejection(call());
      expect([error.code, error.retryable]).to.deep.equal(['invalid-request', false]);
    }
    expect(calls).to.have.length(0);
  });

  it('a 400 invalid-cursor problem is the invalid-cursor error, not retried', async () => {
    const { adapter, calls } = harness(() => problem(400, 'invalid-cursor'));
    const error = await rejection(adapter.getOpportunities!('acc-large', 'abc.def'));
    expect([error.code, error.status, error.retryable]).to.deep.equal(['invalid-cursor', 400, false]);
    expect(calls).to.have.length(1);
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
      const { adapter, calls, sleeps } = harness(() => problem(503, 'service-unavailable'), {
        baseDelayMs: 100,
        maxDelayMs: 250,
      });
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
      expect([error.code, error.status]).to.deep.equal(['quote-already-open', 409]);
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
      const { adapter } = harness(
        () => new Response('<h1>Not found</h1>', { status: 404, headers: { 'content-type': 'text/html' } }),
      );
      expect((await rejection(adapter.getQuote('nope'))).code).to.equal('not-found');
    });

    it('a 200 that is not JSON is invalid-response', async () => {
      const { adapter } = harness(
        () => new Response('<html>login</html>', { status: 200, headers: { 'content-type': 'text/html' } }),
      );
      expect((await rejection(adapter.getAccountOverview('a'))).code).to.equal('invalid-response');
    });

    it('a 200 with a truncated JSON body is invalid-response', async () => {
      const { adapter } = harness(
        () => new Response('{"asOf": "2017-', { status: 200, headers: { 'content-type': 'application/json' } }),
      );
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
      await until(() => calls.length === 1, 'the request in flight');
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
      // The real (abortable) sleep, for a minute's backoff: the test would time out if it were not cut short.
      let sleeping = false;
      const { adapter, calls } = harness(() => problem(503, 'service-unavailable', { 'retry-after': '60' }), {
        maxDelayMs: 60_000,
        sleep: (ms, signal) => {
          sleeping = true;
          return abortableSleep(ms, signal);
        },
      });
      const pending = adapter.getAccountOverview('a', { signal: controller.signal });
      await until(() => sleeping, 'the backoff sleep');
      controller.abort();
      const error = await rejection(pending);
      expect(error.code).to.equal('aborted');
      expect(calls).to.have.length(1);
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

// The pure parts of issue 10's hardening, against the fake fetch; the same promises over real sockets
// (a node:http server and a second origin) are in test/node/http-adapter-hostile.test.mjs.
describe('HTTP adapter against a hostile server', () => {
  describe('Retry-After is bounded by maxDelayMs', () => {
    const NOW = Date.UTC(2017, 1, 14, 9, 0, 0);
    const cases: Array<[string, number | undefined]> = [
      ['2', 2000],
      ['99999', 10_000],
      ['9'.repeat(400), 10_000], // Infinity seconds
      [new Date(NOW + 7000).toUTCString(), 7000],
      ['Fri, 01 Jan 2100 00:00:00 GMT', 10_000],
      ['Sun, 06 Nov 1994 08:49:37 GMT', 0], // in the past: no wait
      ['-5', undefined],
      ['1.5', undefined],
      ['soon', undefined],
      ['1 2', undefined], // Date.parse would read this as a date
      ['', undefined],
    ];
    for (const [header, expected] of cases) {
      it(`Retry-After: ${JSON.stringify(header.slice(0, 40))} → ${String(expected)}`, () => {
        expect(retryAfterMs(header, NOW, 10_000)).to.equal(expected);
      });
    }

    it('without a maximum, no Retry-After exceeds what a timer can hold (2^31-1 ms)', () => {
      expect(retryAfterMs('Fri, 01 Jan 2100 00:00:00 GMT', NOW)).to.equal(2 ** 31 - 1);
      expect(retryAfterMs('99999999999', NOW)).to.equal(2 ** 31 - 1);
    });

    it('Retry-After: 99999 (longer than maxDelayMs) is the error at once: no wait, no second attempt', async () => {
      const { adapter, calls, sleeps } = harness(() => problem(503, 'service-unavailable', { 'retry-after': '99999' }), {
        maxDelayMs: 2000,
        retries: 3,
      });
      expect((await rejection(adapter.getAccountOverview('a'))).code).to.equal('service-unavailable');
      expect(calls).to.have.length(1);
      expect(sleeps).to.deep.equal([]);
    });

    it('a registration refused 429 until tomorrow (the cap on rejected attempts) is answered at once, sent once', async () => {
      const { adapter, calls, sleeps } = harness(() => problem(429, 'rate-limited', { 'retry-after': String(20 * 3600) }), {
        maxDelayMs: 10_000,
        retries: 3,
      });
      const error = await rejection(adapter.requestQuote('reg-1', { idempotencyKey: 'k1' }));
      expect(error).to.include({ code: 'rate-limited', retryable: true });
      expect(calls).to.have.length(1);
      expect(sleeps).to.deep.equal([]);
    });

    it('Retry-After within maxDelayMs is waited for, each attempt', async () => {
      const { adapter, calls, sleeps } = harness(() => problem(503, 'service-unavailable', { 'retry-after': '2' }), {
        maxDelayMs: 2000,
        retries: 2,
      });
      await rejection(adapter.getAccountOverview('a'));
      expect(calls).to.have.length(3);
      expect(sleeps).to.deep.equal([2000, 2000]);
    });

    it('a maxDelayMs beyond what a timer holds is held to 2^31-1 ms', async () => {
      const { adapter, sleeps } = harness(() => problem(429, 'rate-limited', { 'retry-after': '99999999' }), {
        maxDelayMs: Number.POSITIVE_INFINITY,
        retries: 1,
      });
      await rejection(adapter.getAccountOverview('a'));
      expect(sleeps).to.deep.equal([2 ** 31 - 1]);
    });
  });

  describe('the token provider is raced against abort and the timeout', () => {
    it('aborting while getToken hangs rejects with aborted and sends nothing', async () => {
      const controller = new AbortController();
      const { adapter, calls } = harness(() => json(anOverview()), {
        getToken: () => new Promise<string>(() => {}),
        timeoutMs: 60_000,
      });
      const pending = adapter.getAccountOverview('a', { signal: controller.signal });
      controller.abort();
      expect((await rejection(pending)).code).to.equal('aborted');
      expect(calls).to.have.length(0);
    });

    it('a getToken that hangs times out as timeout, asked again on each retry, and nothing is sent', async () => {
      let asked = 0;
      const { adapter, calls } = harness(() => json(anOverview()), {
        getToken: () => {
          asked += 1;
          return new Promise<string>(() => {});
        },
        timeoutMs: 20,
        retries: 1,
      });
      const error = await rejection(adapter.getAccountOverview('a'));
      expect([error.code, error.retryable]).to.deep.equal(['timeout', true]);
      expect(asked).to.equal(2);
      expect(calls).to.have.length(0);
    });
  });

  describe('no free text of a server reaches an error', () => {
    function echo(status: number, fields: Record<string, string>): Response {
      const body = { type: 'about:blank', title: 'denied', status, code: 'forbidden', ...fields };
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });
    }
    const traces = (e: DealRegError) => [e.message, String(e.detail), String(e), String(e.path), JSON.stringify(e)];

    it('a problem keeps its known code and the status, not its title or detail, whatever form the token has there', async () => {
      for (const [name, text] of Object.entries(tokenEncodings(TOKEN))) {
        const { adapter } = harness(() => echo(403, { title: `denied ${text}`, detail: `gateway refused: ${text}` }));
        const error = await rejection(adapter.getAccountOverview('a'));
        expect([error.code, error.status, error.detail, error.message], name).to.deep.equal([
          'forbidden',
          403,
          undefined,
          'forbidden',
        ]);
      }
    });

    it('a title (with no detail) is dropped too, URL-encoded echoes included', async () => {
      const token = 'tok/en+with=chars';
      const { adapter } = harness(() => echo(401, { title: `bad token ${encodeURIComponent(token)}` }), {
        getToken: () => token,
      });
      const error = await rejection(adapter.getAccountOverview('a'));
      for (const trace of traces(error)) {
        expect(trace).not.to.contain(token);
        expect(trace).not.to.contain(encodeURIComponent(token));
      }
    });

    it('every token of the call is left out: a refreshed token echoed on the last retry as well as the first', async () => {
      let n = 0;
      const { adapter } = harness(
        (call) => echo(503, { detail: `first ${'t0ken-1'} now ${call.headers.get('authorization')!.slice(7)}` }),
        {
          getToken: () => `t0ken-${++n}`,
          retries: 2,
        },
      );
      const error = await rejection(adapter.getAccountOverview('a'));
      expect([error.code, error.detail]).to.deep.equal(['forbidden', undefined]);
      for (const trace of traces(error)) for (const token of ['t0ken-1', 't0ken-3']) expect(trace).not.to.contain(token);
    });

    it('a 200 whose invalid field holds the token in any form: the path and what was expected, not the value', async () => {
      for (const [name, text] of Object.entries(tokenEncodings(TOKEN))) {
        const { adapter } = harness(() => json(withAt(anOverview(), 'registrations.0.status', text)));
        const error = await rejection(adapter.getAccountOverview('a'));
        expect([error.code, error.path], name).to.deep.equal(['invalid-response', 'registrations.0.status']);
        expect(error.detail, name).to.match(/^account overview at registrations\.0\.status: expected .*, received a string$/);
        for (const trace of traces(error)) for (const piece of pieces(text)) expect(trace, name).not.to.contain(piece);
      }
    });

    it('a non-JSON media type is not named: whatever it holds stays out', async () => {
      for (const [name, text] of Object.entries(tokenEncodings(TOKEN))) {
        const { adapter } = harness(
          () => new Response('x', { headers: { 'content-type': `text/html-${encodeURIComponent(text)}` } }),
        );
        const error = await rejection(adapter.getAccountOverview('a'));
        expect([error.code, error.detail], name).to.deep.equal(['invalid-response', 'expected JSON']);
      }
    });

    it('a 1 MB detail is dropped, not carried', async () => {
      const { adapter } = harness(() => echo(400, { detail: 'x'.repeat(1_000_000) }));
      const error = await rejection(adapter.getAccountOverview('a'));
      expect([error.code, error.detail]).to.deep.equal(['forbidden', undefined]);
    });
  });

  describe('answer size', () => {
    it('a declared Content-Length over maxResponseBytes fails invalid-response, not retried, without reading the body', async () => {
      let pulled = 0;
      const { adapter, calls } = harness(
        () =>
          new Response(
            new ReadableStream({
              pull: (c) => {
                pulled += 1;
                if (pulled > 2) c.close();
                else c.enqueue(new Uint8Array(1024));
              },
            }),
            {
              headers: { 'content-type': 'application/json', 'content-length': '2048' },
            },
          ),
        { maxResponseBytes: 1024 },
      );
      const error = await rejection(adapter.getAccountOverview('a'));
      expect([error.code, error.retryable]).to.deep.equal(['invalid-response', false]);
      expect(calls).to.have.length(1);
      expect(pulled, 'at most the stream’s own first pull').to.be.at.most(1);
    });

    it('a 1 MB stream is cut at maxResponseBytes and cancelled', async () => {
      let cancelled = false;
      let pulled = 0;
      const { adapter } = harness(
        () =>
          new Response(
            new ReadableStream({
              pull: (c) => {
                pulled += 1;
                if (pulled > 1000) c.close();
                else c.enqueue(new TextEncoder().encode(' '.repeat(1000)));
              },
              cancel: () => {
                cancelled = true;
              },
            }),
            { headers: { 'content-type': 'application/json' } },
          ),
        { maxResponseBytes: 10_000 },
      );
      expect((await rejection(adapter.getAccountOverview('a'))).code).to.equal('invalid-response');
      expect(cancelled).to.equal(true);
      expect(pulled).to.be.at.most(13);
    });

    it('an answer of exactly maxResponseBytes is read', async () => {
      const body = JSON.stringify(anOverview());
      const bytes = new TextEncoder().encode(body).byteLength;
      const { adapter } = harness(() => json(anOverview()), { maxResponseBytes: bytes });
      expect((await adapter.getAccountOverview('acc-protected')).account.id).to.equal('acc-protected');
    });
  });

  describe('redirects', () => {
    it('asks fetch not to follow redirects', async () => {
      const { adapter, calls } = harness(() => json(aQuote(), 201));
      await adapter.requestQuote('reg-1', key);
      expect(calls[0]!.redirect).to.equal('manual');
    });

    it('a 3xx answer (as a non-browser fetch gives it) fails invalid-response, not retried', async () => {
      for (const status of [301, 302, 303, 307, 308]) {
        const { adapter, calls } = harness(
          () => new Response(null, { status, headers: { location: 'https://elsewhere.example/x' } }),
        );
        const error = await rejection(adapter.requestQuote('reg-1', key));
        expect([error.code, error.status, error.retryable], String(status)).to.deep.equal(['invalid-response', status, false]);
        expect(error.detail).to.contain('redirect');
        expect(calls).to.have.length(1);
      }
    });

    it('an opaque redirect (as a browser gives it under redirect: manual) fails the same way', async () => {
      const opaque = { type: 'opaqueredirect', status: 0, ok: false, headers: new Headers(), body: null } as unknown as Response;
      const { adapter, calls } = harness(() => opaque);
      const error = await rejection(adapter.requestQuote('reg-1', key));
      expect([error.code, error.retryable]).to.deep.equal(['invalid-response', false]);
      expect(calls).to.have.length(1);
    });
  });

  describe('ids', () => {
    const BAD = ['', '.', '..', 'a/b', '../acc-nextgen', 'a\\b', 'a\u0000b', 'a\nb'];
    for (const bad of BAD) {
      it(`${JSON.stringify(bad)} is invalid-request on every id-taking call, before the token is asked or anything is sent`, async () => {
        let asked = 0;
        const { adapter, calls } = harness(() => json(anOverview()), {
          getToken: () => {
            asked += 1;
            return TOKEN;
          },
        });
        for (const call of [
          () => adapter.getAccountOverview(bad),
          () => adapter.requestQuote(bad, key),
          () => adapter.getQuote(bad),
          () => adapter.requestExtension(bad, key),
          () => adapter.getOpportunities!(bad, 'abc.def'),
        ]) {
          const error = await rejection(call());
          expect([error.code, error.retryable]).to.deep.equal(['invalid-request', false]);
        }
        expect(calls).to.have.length(0);
        expect(asked).to.equal(0);
      });
    }

    it('a non-string id from untyped code is refused too', async () => {
      const { adapter, calls } = harness(() => json(anOverview()));
      expect((await rejection(adapter.getAccountOverview(undefined as unknown as string))).code).to.equal('invalid-request');
      expect(calls).to.have.length(0);
    });
  });
});
