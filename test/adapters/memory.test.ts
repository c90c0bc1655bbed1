// The memory adapter's own promises, against a hand-made BackendCore (the conformance suite covers the real mock).
import { expect } from '@open-wc/testing';
import { createMemoryAdapter } from '../../mocks/core/memory-adapter.ts';
import type { BackendCore, CoreResult } from '../../mocks/core/backend-core.ts';
import { DealRegError } from '../../src/errors.ts';
import { aPage, anOverview, withAt } from './fixtures.ts';

function coreAnswering(answer: (token: string | null) => CoreResult | Promise<CoreResult>): BackendCore & { seen: unknown[] } {
  const seen: unknown[] = [];
  return {
    seen,
    getAccountOverview: async (token) => answer(token),
    registerOpportunity: async (token, body) => {
      seen.push(body);
      return answer(token);
    },
    requestQuote: async (token) => answer(token),
    getQuote: async (token) => answer(token),
    requestExtension: async (token) => answer(token),
    getOpportunities: async (token) => answer(token),
    previewDeals: async (token, _ref, body) => {
      seen.push(body);
      return answer(token);
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<DealRegError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(DealRegError);
    return error as DealRegError;
  }
  throw new Error('expected a rejection');
}

describe('memory adapter', () => {
  it('hands the core the caller’s token and resolves with a copy the core cannot change afterwards', async () => {
    const body = anOverview();
    const tokens: Array<string | null> = [];
    const adapter = createMemoryAdapter(
      coreAnswering((t) => (tokens.push(t), { ok: true, status: 200, body })),
      { token: 'demo-alpha' },
    );
    const overview = await adapter.getAccountOverview('acc-protected');
    body.opportunities[0]!.name = 'changed in the core later';
    expect(overview.opportunities[0]!.name).to.equal('Synergy refresh');
    expect(tokens).to.deep.equal(['demo-alpha']);
  });

  it('pages: hands the core the token, account, cursor and limit (null for the default), and validates the page', async () => {
    const asked: unknown[][] = [];
    let body: unknown = aPage();
    const core = coreAnswering(() => ({ ok: true, status: 200, body }));
    core.getOpportunities = async (...args) => {
      asked.push(args);
      return { ok: true, status: 200, body };
    };
    const adapter = createMemoryAdapter(core, { token: 'demo-alpha' });
    expect(await adapter.getOpportunities!('acc-large', 'abc.def', { limit: 40 })).to.deep.equal(aPage());
    await adapter.getOpportunities!('acc-large', 'abc.def');
    expect(asked).to.deep.equal([
      ['demo-alpha', 'acc-large', 'abc.def', 40],
      ['demo-alpha', 'acc-large', 'abc.def', null],
    ]);
    body = withAt(aPage(), 'nextCursor', 42);
    expect((await rejection(adapter.getOpportunities!('acc-large', 'abc.def'))).code).to.equal('invalid-response');
    for (const call of [
      () => adapter.getOpportunities!('acc-large', ''),
      () => adapter.getOpportunities!('acc-large', 'abc.def', { limit: 0 }),
    ]) {
      expect((await rejection(call())).code).to.equal('invalid-request');
    }
    expect(asked).to.have.length(3);
  });

  it('gives the core a copy of the request, not the caller’s object', async () => {
    const core = coreAnswering(() => ({
      ok: false,
      status: 409,
      problem: { type: 't', title: 'x', status: 409, code: 'already-registered' },
    }));
    const adapter = createMemoryAdapter(core, { token: 'demo-alpha' });
    const request = { accountId: 'a', opportunityId: 'o', presalesActivities: ['workshop'] };
    expect((await rejection(adapter.registerOpportunity(request, { idempotencyKey: 'k' }))).code).to.equal('already-registered');
    expect(core.seen[0]).to.deep.equal(request);
    expect(core.seen[0]).not.to.equal(request);
  });

  it('a problem with an unknown code maps by status; a malformed problem too', async () => {
    const weird = createMemoryAdapter(
      coreAnswering(() => ({ ok: false, status: 403, problem: { type: 't', title: 'no', status: 403, code: 'vendor-x' } })),
      { token: 't' },
    );
    expect((await rejection(weird.getQuote('q'))).code).to.equal('forbidden');
    const broken = createMemoryAdapter(
      coreAnswering(() => ({ ok: false, status: 503, problem: { nonsense: true } as never })),
      { token: 't' },
    );
    const error = await rejection(broken.getQuote('q'));
    expect([error.code, error.retryable]).to.deep.equal(['service-unavailable', true]);
  });

  it('a core that throws becomes a DealRegError, never a raw exception, and its message (maybe with the token) is dropped', async () => {
    const adapter = createMemoryAdapter(
      coreAnswering(() => {
        throw new TypeError('boom for token demo-alpha');
      }),
      { token: 'demo-alpha' },
    );
    const error = await rejection(adapter.getAccountOverview('a'));
    expect(error.code).to.equal('unknown');
    expect(`${error.message} ${String(error.cause)} ${JSON.stringify(error)}`).not.to.contain('demo-alpha');
  });

  it('latencyMs delays the answer and is cut short by an abort', async () => {
    let asked = 0;
    // An hour's latency: the test would time out if the abort did not cut it short.
    const adapter = createMemoryAdapter(
      coreAnswering(() => {
        asked += 1;
        return { ok: true, status: 200, body: anOverview() };
      }),
      { token: 't', latencyMs: 3_600_000 },
    );
    const controller = new AbortController();
    const pending = adapter.getAccountOverview('a', { signal: controller.signal });
    controller.abort();
    expect((await rejection(pending)).code).to.equal('aborted');
    expect(asked, 'the core was not asked: the latency comes first').to.equal(0);
  });
});
