// Hostile world: a flaky backend. With 30% of requests answered 503 and random latency, a rep's
// register-then-quote flow still completes through the HTTP adapter's retries, and the backend
// holds exactly one registration and one quote: retries never duplicate a mutation.
import { expect } from '@open-wc/testing';
import { createMockBackend, createRestHandler } from '../../mocks/index.ts';
import { mulberry32 } from '../../mocks/core/prng.ts';
import { createHttpAdapter } from '../../src/adapters/index.ts';
import type { BackendCore, CoreResult } from '../../mocks/core/backend-core.ts';
import { watchTrouble } from './helpers.ts';

const TOKEN = 'demo-alpha';

/** Counts the 503s the core answers, so the test knows the retries were really exercised. */
function counting503(core: BackendCore): { core: BackendCore; unavailable: () => number; calls: () => number } {
  let unavailable = 0;
  let calls = 0;
  const seen = async (result: Promise<CoreResult>) => {
    calls++;
    const r = await result;
    if (!r.ok && r.status === 503) unavailable++;
    return r;
  };
  return {
    core: {
      getAccountOverview: (t, id) => seen(core.getAccountOverview(t, id)),
      registerOpportunity: (t, body, key) => seen(core.registerOpportunity(t, body, key)),
      requestQuote: (t, id, key) => seen(core.requestQuote(t, id, key)),
      getQuote: (t, id) => seen(core.getQuote(t, id)),
      requestExtension: (t, id, key) => seen(core.requestExtension(t, id, key)),
      getOpportunities: (t, id, cursor, limit) => seen(core.getOpportunities(t, id, cursor, limit)),
      previewDeals: (t, id, body) => seen(core.previewDeals(t, id, body)),
    },
    unavailable: () => unavailable,
    calls: () => calls,
  };
}

/** The REST handler as the HTTP adapter's fetch: the real wire format, no network. */
function restFetch(core: BackendCore): typeof fetch {
  const handle = createRestHandler(core, { basePath: '/api' });
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.origin);
    const response = await handle(new Request(url, init));
    return response ?? new Response('not ours', { status: 404 });
  };
}

describe('hostile world: a flaky backend (30% of requests answered 503, random latency)', function () {
  this.timeout(60_000);

  const seen = { unavailable: 0, backoffs: 0, flows: 0 };

  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`a rep's register-then-quote flow completes through retries and leaves exactly one registration and one quote (seed ${seed})`, async () => {
      const trouble = watchTrouble();
      const backend = createMockBackend({
        failureRate: 0.3,
        latencyMs: [0, 15],
        random: mulberry32(seed),
        quoteDecisionDelayMs: 0,
      });
      const wire = counting503(backend);
      const waits: number[] = [];
      const adapter = createHttpAdapter({
        baseUrl: '/api',
        getToken: () => TOKEN,
        fetch: restFetch(wire.core),
        retries: 8,
        random: mulberry32(seed + 100),
        // The backoff's waits are recorded, and slept for a millisecond: the test stays fast.
        sleep: (ms) => {
          waits.push(ms);
          return new Promise((r) => setTimeout(r, 1));
        },
      });

      try {
        const overview = await adapter.getAccountOverview('acc-nextgen');
        const registered = new Set(overview.registrations.map((r) => r.opportunityId));
        const opportunity = overview.opportunities.find((o) => !registered.has(o.id) && !o.protectedByAnotherPartner);
        expect(opportunity, 'acc-nextgen has an open deal for alpha').to.exist;

        const registration = await adapter.registerOpportunity(
          { accountId: 'acc-nextgen', opportunityId: opportunity!.id, presalesActivities: ['workshop'] },
          { idempotencyKey: `register-${seed}` },
        );
        expect(registration.status).to.equal('approved');

        const quote = await adapter.requestQuote(registration.id, { idempotencyKey: `quote-${seed}` });
        expect(quote.status).to.be.oneOf(['submitted', 'quoted']);
        const followed = await adapter.getQuote(quote.id);
        expect(followed.id).to.equal(quote.id);

        const { registrations, quotes } = backend.inspect();
        expect(
          registrations.filter((r) => r.opportunityId === opportunity!.id),
          'registrations of the deal',
        ).to.have.length(1);
        expect(
          quotes.filter((q) => q.registrationId === registration.id),
          'quotes of the registration',
        ).to.have.length(1);
        // A 503 is always followed by a backoff, then a retry.
        expect(waits.length).to.equal(wire.unavailable());
        seen.unavailable += wire.unavailable();
        seen.backoffs += waits.length;
        seen.flows++;
      } finally {
        trouble.stop();
      }
      expect(trouble.all()).to.deep.equal([]);
    });
  }

  it('the flows above did meet 503s and got through them by backing off', () => {
    expect(seen.flows).to.equal(8);
    expect(seen.unavailable).to.be.greaterThan(2);
    expect(seen.backoffs).to.equal(seen.unavailable);
  });

  it('over the seeds, about 30% of the requests the backend saw were answered 503', async () => {
    let unavailable = 0;
    let calls = 0;
    for (let seed = 10; seed < 20; seed++) {
      const backend = createMockBackend({ failureRate: 0.3, random: mulberry32(seed) });
      const wire = counting503(backend);
      for (let i = 0; i < 20; i++) await wire.core.getAccountOverview(TOKEN, 'acc-empty');
      unavailable += wire.unavailable();
      calls += wire.calls();
    }
    expect(unavailable / calls).to.be.within(0.2, 0.4);
  });
});
