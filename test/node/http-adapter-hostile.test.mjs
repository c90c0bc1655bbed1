// The HTTP adapter against hostile servers over real sockets (issue 10, "Trust at the boundaries"):
// a node:http server on 127.0.0.1 plays the vendor API or a gateway in front of it, a second one plays
// another origin, and createHttpAdapter runs on Node's own fetch. Waits are observed through an injected
// `sleep` (nothing actually waits 27.8 h); real short timers only where the promise is "rejects at once".
import assert from 'node:assert/strict';
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createHttpAdapter } from '../../src/adapters/http.ts';
import { abortableSleep, MAX_TIMER_MS } from '../../src/adapters/abort.ts';
import { DealRegError } from '../../src/errors.ts';
import { aQuote, anOverview } from '../adapters/fixtures.ts';
import { pieces, tokenEncodings } from '../support/token-encodings.ts';

const TOKEN = 'sk_live_SECRET-7f3a9c';
const MiB = 1024 * 1024;

function notFound(_req, res) {
  res.writeHead(404, { 'content-type': 'application/problem+json' });
  res.end(JSON.stringify({ type: 'about:blank', title: 'not found', status: 404, code: 'not-found' }));
}

/** A server on 127.0.0.1 that records every request it receives and answers with `handler`. */
async function startServer() {
  const state = { requests: [], handler: notFound };
  const server = http.createServer((req, res) => {
    state.requests.push({ method: req.method, url: req.url, headers: req.headers });
    req.resume();
    state.handler(req, res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    state,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

function problem(res, status, fields = {}, headers = {}) {
  const body = { type: 'about:blank', title: 'problem', status, code: 'unknown', ...fields };
  send(res, status, body, { 'content-type': 'application/problem+json', ...headers });
}

async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof DealRegError, `rejects with a DealRegError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a rejection');
}

/** Settled before any timer can fire, i.e. within the same turn of the event loop's microtasks. */
function settledAtOnce(promise) {
  const outcome = promise.then(
    () => 'resolved',
    (error) => error,
  );
  return Promise.race([outcome, new Promise((resolve) => setTimeout(() => resolve('still pending'), 0))]);
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

// The bound turns a regression that hangs (a token provider or a Retry-After nobody cuts short) into a failure.
describe('the HTTP adapter against a hostile server', { timeout: 60_000 }, () => {
  let api;
  let elsewhere;
  let sleeps;

  before(async () => {
    api = await startServer();
    elsewhere = await startServer();
  });
  after(async () => {
    await api.close();
    await elsewhere.close();
  });
  beforeEach(() => {
    for (const server of [api, elsewhere]) {
      server.state.requests.length = 0;
      server.state.handler = notFound;
    }
    sleeps = [];
  });

  /** The adapter as production builds it, except that backoff sleeps are recorded instead of waited. */
  function adapter(options = {}) {
    return createHttpAdapter({
      baseUrl: `${api.origin}/api`,
      getToken: () => TOKEN,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      ...options,
    });
  }

  describe('Retry-After', () => {
    it('Retry-After: 99999, past the adapter’s longest wait (10 s by default), is its error at once: no wait, one request', async () => {
      api.state.handler = (_req, res) => problem(res, 503, { code: 'service-unavailable' }, { 'retry-after': '99999' });
      const error = await rejection(adapter().getAccountOverview('acc-protected'));
      assert.equal(error.code, 'service-unavailable');
      assert.equal(api.state.requests.length, 1);
      assert.deepEqual(sleeps, []);
    });

    it(
      'with the real timer and maxDelayMs 5, Retry-After: 99999 settles (a hang here means the server decides the wait)',
      { timeout: 20_000 },
      async () => {
        api.state.handler = (_req, res) => problem(res, 429, { code: 'rate-limited' }, { 'retry-after': '99999' });
        const error = await rejection(adapter({ sleep: undefined, maxDelayMs: 5 }).getAccountOverview('acc-protected'));
        assert.equal(error.code, 'rate-limited');
        assert.equal(api.state.requests.length, 1);
      },
    );

    it('far-future dates, negative, fractional and garbage values never make it wait more than maxDelayMs', async () => {
      const values = [
        'Fri, 01 Jan 2100 00:00:00 GMT',
        'Friday, 01-Jan-99 00:00:00 GMT',
        '-5',
        '1.5',
        '1e9',
        '9'.repeat(400),
        'soon',
        '1 2',
        '',
      ];
      const waited = {};
      for (const value of values) {
        sleeps = [];
        api.state.requests.length = 0;
        api.state.handler = (_req, res) => problem(res, 503, {}, { 'retry-after': value });
        await rejection(adapter({ retries: 1, maxDelayMs: 2000, now: () => Date.UTC(2017, 1, 14) }).getAccountOverview('a'));
        for (const ms of sleeps) assert.ok(Number.isFinite(ms) && ms >= 0 && ms <= 2000, `${value}: ${ms} within [0, 2000]`);
        waited[value] = sleeps.length === 0 ? 'at once' : 'waited';
        assert.equal(api.state.requests.length, sleeps.length + 1, `${value}: one request per wait, plus the first`);
      }
      // Dates past the longest wait end at once; the rest (readable or not) wait at most maxDelayMs.
      assert.equal(waited['Fri, 01 Jan 2100 00:00:00 GMT'], 'at once');
      assert.equal(waited['1e9'], 'waited', 'not delta-seconds: the backoff');
      assert.equal(waited['9'.repeat(400)], 'at once', '400 nines of seconds is past any wait');
    });

    it('the adapter’s own sleep never hands a timer more than 2^31-1 ms (which would fire after 1 ms)', async () => {
      const asked = [];
      const warnings = [];
      const realSetTimeout = globalThis.setTimeout;
      const onWarning = (w) => warnings.push(w.name);
      process.on('warning', onWarning);
      globalThis.setTimeout = (fn, ms, ...rest) => {
        asked.push(ms);
        return realSetTimeout(fn, ms, ...rest);
      };
      try {
        const controller = new AbortController();
        const sleeping = abortableSleep(Date.UTC(2100, 0, 1) - Date.now(), controller.signal);
        controller.abort();
        assert.equal((await rejection(sleeping)).code, 'aborted');
      } finally {
        globalThis.setTimeout = realSetTimeout;
      }
      await turn();
      process.off('warning', onWarning);
      assert.deepEqual(asked, [MAX_TIMER_MS]);
      assert.ok(!warnings.includes('TimeoutOverflowWarning'));
    });
  });

  describe('token acquisition', () => {
    it('abort while getToken hangs rejects at once with aborted, and nothing is sent even when the token comes later', async () => {
      let giveToken;
      const controller = new AbortController();
      const a = adapter({ getToken: () => new Promise((resolve) => (giveToken = resolve)), timeoutMs: 60_000 });
      const pending = a.getAccountOverview('acc-protected', { signal: controller.signal });
      await turn();
      assert.ok(giveToken, 'the adapter is waiting for its token');
      controller.abort();
      const outcome = await settledAtOnce(pending);
      assert.ok(outcome instanceof DealRegError, `rejected at once, got ${String(outcome)}`);
      assert.equal(outcome.code, 'aborted');
      giveToken(TOKEN);
      await turn();
      await turn();
      assert.equal(api.state.requests.length, 0);
    });

    it('a getToken that hangs times out as timeout (asked again on the retry), and nothing is sent', async () => {
      let asked = 0;
      const a = adapter({
        getToken: () => {
          asked += 1;
          return new Promise(() => {});
        },
        timeoutMs: 30,
        retries: 1,
      });
      const error = await rejection(a.getAccountOverview('acc-protected'));
      assert.deepEqual([error.code, error.retryable], ['timeout', true]);
      assert.equal(asked, 2);
      assert.equal(api.state.requests.length, 0);
    });

    it('a body that starts and never ends times out as timeout too', async () => {
      api.state.handler = (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"asOf": ');
      };
      const error = await rejection(adapter({ timeoutMs: 50, retries: 0 }).getAccountOverview('acc-protected'));
      assert.equal(error.code, 'timeout');
    });
  });

  describe('an echoed token never appears in an error', () => {
    const traces = (e) => [e.message, String(e.detail), String(e), String(e.path), String(e.stack), JSON.stringify(e)];
    const echoes = {
      'a 403 problem detail quoting the Authorization header': (req, res) =>
        problem(res, 403, { code: 'forbidden', detail: `gateway refused Authorization: ${req.headers.authorization}` }),
      'a problem title (no detail) holding the bare token': (req, res) =>
        problem(res, 401, { code: 'unauthorized', title: `bad token ${req.headers.authorization.slice(7)}` }),
      'a 503 detail dumping every request header, on each retry': (req, res) =>
        problem(res, 503, { detail: JSON.stringify(req.headers) }),
      'a 200 whose invalid field holds the header': (req, res) => {
        const body = anOverview();
        body.registrations[0].status = req.headers.authorization;
        send(res, 200, body);
      },
      'a 200 whose media type echoes the header (the adapter quotes the media type)': (req, res) => {
        res.writeHead(200, { 'content-type': `text/${req.headers.authorization.replace(' ', '-')}; charset=utf-8` });
        res.end('x');
      },
    };
    for (const [what, handler] of Object.entries(echoes)) {
      it(what, async () => {
        api.state.handler = handler;
        const error = await rejection(adapter().getAccountOverview('acc-protected'));
        assert.ok(api.state.requests.length >= 1);
        assert.equal(api.state.requests[0].headers.authorization, `Bearer ${TOKEN}`, 'the token did go to the server');
        for (const trace of traces(error)) assert.ok(!trace.includes(TOKEN), `no token in: ${trace.slice(0, 200)}`);
      });
    }
  });

  describe('an echoed token in any form never appears in an error', () => {
    const traces = (e) => [e.message, String(e.detail), String(e), String(e.path), String(e.stack), JSON.stringify(e)];
    /** The server's echo of the request's token, in one form (the header it received, re-encoded). */
    const echo = (req, form) => tokenEncodings(req.headers.authorization.slice('Bearer '.length))[form];
    const channels = {
      'a 403 problem detail': (form) => (req, res) =>
        problem(res, 403, { code: 'forbidden', detail: `gateway refused ${echo(req, form)}` }),
      'a 401 problem title': (form) => (req, res) =>
        problem(res, 401, { code: 'unauthorized', title: `bad token ${echo(req, form)}` }),
      'a 409 problem with a code of its own': (form) => (req, res) =>
        problem(res, 409, { code: `conflict-${echo(req, form)}`, detail: echo(req, form) }),
      'a 503 detail, on every retry': (form) => (req, res) => problem(res, 503, { detail: echo(req, form) }),
      'a 200 whose invalid field holds it': (form) => (req, res) => {
        const body = anOverview();
        body.registrations[0].status = echo(req, form);
        send(res, 200, body);
      },
      'a 200 whose media type holds it': (form) => (req, res) => {
        res.writeHead(200, { 'content-type': `text/x-${encodeURIComponent(echo(req, form))}` });
        res.end('x');
      },
    };
    for (const form of Object.keys(tokenEncodings(TOKEN))) {
      it(`${form}: in a problem's detail or title, a field of a 200 or a media type`, async () => {
        const text = tokenEncodings(TOKEN)[form];
        for (const [where, handler] of Object.entries(channels)) {
          api.state.requests.length = 0;
          api.state.handler = handler(form);
          const error = await rejection(adapter({ retries: 1 }).getAccountOverview('acc-protected'));
          assert.equal(api.state.requests.at(-1).headers.authorization, `Bearer ${TOKEN}`, 'the token did go');
          for (const trace of traces(error))
            for (const piece of [...pieces(TOKEN), ...pieces(text)])
              assert.ok(!trace.includes(piece), `${where}: "${piece}" of ${form} in: ${trace.slice(0, 200)}`);
        }
      });
    }
  });

  describe('redirects', () => {
    for (const status of [301, 302, 303, 307, 308]) {
      it(`a ${status} to another origin fails, non-retryable, and the other origin receives nothing (no Idempotency-Key leaves)`, async () => {
        elsewhere.state.handler = (_req, res) => send(res, 201, aQuote({ status: 'submitted' }));
        api.state.handler = (_req, res) => {
          res.writeHead(status, { location: `${elsewhere.origin}/api/v1/registrations/reg-1/quote-requests` });
          res.end();
        };
        const error = await rejection(adapter().requestQuote('reg-1', { idempotencyKey: 'intent-42' }));
        assert.deepEqual([error.code, error.status, error.retryable], ['invalid-response', status, false]);
        assert.equal(api.state.requests.length, 1);
        assert.equal(api.state.requests[0].headers['idempotency-key'], 'intent-42');
        assert.equal(elsewhere.state.requests.length, 0);
      });
    }

    it('a redirect within the same origin is refused as well: the contract has none', async () => {
      api.state.handler = (req, res) => {
        if (req.url.endsWith('/overview')) {
          res.writeHead(302, { location: '/api/v1/accounts/acc-protected/overview-v2' });
          res.end();
        } else send(res, 200, anOverview());
      };
      assert.equal((await rejection(adapter().getAccountOverview('acc-protected'))).code, 'invalid-response');
      assert.equal(api.state.requests.length, 1);
    });
  });

  describe('answer size', () => {
    it('an oversized answer fails with invalid-response (declared 5 MiB over the default 4 MiB), not retried', async () => {
      api.state.handler = (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(5 * MiB) });
        res.end(Buffer.alloc(5 * MiB, 0x20));
      };
      const error = await rejection(adapter().getAccountOverview('acc-protected'));
      assert.deepEqual([error.code, error.retryable], ['invalid-response', false]);
      assert.match(error.detail, /larger than 4194304 bytes/);
      assert.equal(api.state.requests.length, 1);
    });

    it('a chunked 100 MB answer (no Content-Length) is cut off while streaming: the server cannot send it all', async () => {
      let written = 0;
      api.state.handler = (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let closed = false;
        res.on('close', () => (closed = true));
        const pump = () => {
          while (!closed && written < 100 * MiB) {
            written += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          if (!closed) res.end('{}');
        };
        pump();
      };
      const error = await rejection(adapter({ maxResponseBytes: MiB }).getAccountOverview('acc-protected'));
      assert.deepEqual([error.code, error.retryable], ['invalid-response', false]);
      assert.equal(api.state.requests.length, 1);
      await turn();
      assert.ok(written < 32 * MiB, `the body was cancelled: the server wrote ${(written / MiB).toFixed(1)} MiB of 100`);
    });

    it('a Content-Length that understates the answer (a gzip bomb: 8 MiB from a few kB) is caught while streaming', async () => {
      const bomb = gzipSync(Buffer.concat([Buffer.from('{"pad":"'), Buffer.alloc(8 * MiB, 0x61), Buffer.from('"}')]));
      assert.ok(bomb.length < 64 * 1024);
      api.state.handler = (_req, res) => {
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-encoding': 'gzip',
          'content-length': String(bomb.length),
        });
        res.end(bomb);
      };
      const error = await rejection(adapter().getAccountOverview('acc-protected'));
      assert.equal(error.code, 'invalid-response');
      assert.match(error.detail, /larger than/);
    });

    it('an account page of 3 MiB is still read under the default cap', async () => {
      api.state.handler = (_req, res) => send(res, 200, { ...anOverview(), padding: 'x'.repeat(3 * MiB) });
      const overview = await adapter().getAccountOverview('acc-protected');
      assert.equal(overview.account.id, 'acc-protected');
    });
  });

  describe('ids', () => {
    for (const bad of ['..', '.', '', 'reg-1/../..', '..\\..', 'acc\u0000']) {
      it(`${JSON.stringify(bad)} sends nothing: invalid-request on every call that puts an id in the path`, async () => {
        api.state.handler = (_req, res) => send(res, 200, anOverview());
        const a = adapter();
        for (const call of [
          () => a.getAccountOverview(bad),
          () => a.requestQuote(bad, { idempotencyKey: 'k' }),
          () => a.getQuote(bad),
          () => a.requestExtension(bad, { idempotencyKey: 'k' }),
        ]) {
          const error = await rejection(call());
          assert.deepEqual([error.code, error.retryable], ['invalid-request', false]);
        }
        assert.equal(api.state.requests.length, 0);
      });
    }
  });
});
