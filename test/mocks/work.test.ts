// A POST costs the same with 20,000 registrations stored as with 20, and an overview examines its own
// account's records, never the store's. Counted in records the backend
// examines (recordsVisited), not in time: the figure cannot flake on a busy machine. Throughput under
// load is measured by `npm run bench:server`.
import { expect } from '@open-wc/testing';
import { createMockBackend, LARGE_ASSETS, LARGE_OPPORTUNITIES, type MockBackend } from '../../mocks/index.ts';
import { ALPHA, BETA, allOpportunities, extraPartners, newKey, overviewOf, registrationOf } from './helpers.ts';

const PARTNERS = extraPartners(20);
const NEXTGEN = { accountId: 'acc-nextgen', opportunityId: 'opp-nextgen-synergy', presalesActivities: ['sizing'] };

/** Registrations spread over acc-large: the 20 extra partners on its 1,000 deals (approved or rejected, as the rules say). */
async function spreadOverLarge(backend: MockBackend, count: number): Promise<void> {
  const opportunities = await allOpportunities(backend, ALPHA, 'acc-large');
  const bodies = Array.from({ length: count }, (_, i) => ({
    token: PARTNERS[Math.floor(i / opportunities.length) % PARTNERS.length]!.token,
    body: { accountId: 'acc-large', opportunityId: opportunities[i % opportunities.length]!.id, presalesActivities: ['sizing'] },
  }));
  for (let i = 0; i < bodies.length; i += 500) {
    await Promise.all(bodies.slice(i, i + 500).map(({ token, body }) => backend.registerOpportunity(token, body, newKey())));
  }
}

/** Registrations piled on one deal: alpha again and again without a presales activity (each rejected, each stored). */
async function pileOnNextgen(backend: MockBackend, count: number): Promise<void> {
  for (let i = 0; i < count; i += 500) {
    const batch = Array.from({ length: Math.min(500, count - i) }, () =>
      backend.registerOpportunity(ALPHA, { ...NEXTGEN, presalesActivities: [] }, newKey()),
    );
    await Promise.all(batch);
  }
}

/** Records the backend examines to answer one call. */
async function costOf(backend: MockBackend, call: () => Promise<unknown>): Promise<number> {
  const before = backend.recordsVisited();
  await call();
  return backend.recordsVisited() - before;
}

async function backendWith(fill: (b: MockBackend) => Promise<void>): Promise<MockBackend> {
  const backend = createMockBackend({ partners: PARTNERS });
  await fill(backend);
  return backend;
}

describe('the cost of a POST does not grow with the store', () => {
  it('with 20,000 registrations over acc-large as with 20: a registration, a quote request, an extension elsewhere', async function () {
    this.timeout(120_000);
    const small = await backendWith((b) => spreadOverLarge(b, 20));
    const big = await backendWith((b) => spreadOverLarge(b, 20_000));
    expect(big.inspect().registrations.length - small.inspect().registrations.length).to.equal(19_980);

    const costs = async (backend: MockBackend) => {
      const held = overviewOf(await backend.getAccountOverview(ALPHA, 'acc-expiring')).registrations[0]!;
      return {
        register: await costOf(backend, () => backend.registerOpportunity(BETA, NEXTGEN, newKey())),
        quote: await costOf(backend, () => backend.requestQuote(ALPHA, held.id, newKey())),
        extension: await costOf(backend, () => backend.requestExtension(ALPHA, held.id, newKey())),
      };
    };
    const expected = await costs(small);
    expect(expected.register).to.be.greaterThan(0);
    expect(await costs(big)).to.deep.equal(expected);
  });

  it('with 20,000 dead registrations on the very deal as with 20: a registration on it', async function () {
    this.timeout(120_000);
    const small = await backendWith((b) => pileOnNextgen(b, 20));
    const big = await backendWith((b) => pileOnNextgen(b, 20_000));
    const answers: unknown[] = [];
    const register = (backend: MockBackend) =>
      costOf(backend, async () => {
        const { id: _id, ...rest } = registrationOf(await backend.registerOpportunity(BETA, NEXTGEN, newKey()));
        answers.push(rest);
      });
    const expected = await register(small);
    expect(await register(big)).to.equal(expected);
    expect(answers[1], 'the same decision').to.deep.equal(answers[0]);
  });

  it('a registration on acc-large costs the same after 20,000 others on it as after 20, once its deal is live', async function () {
    this.timeout(120_000);
    // Rule 1 must look at the live registrations of the same deal; their number is bounded by the
    // partners, not by the store. Both stores hold the same live ones on the first deal (20 partners each).
    const fillFirstDeal = async (b: MockBackend, extra: number) => {
      const first = overviewOf(await b.getAccountOverview(ALPHA, 'acc-large')).opportunities[0]!;
      for (const p of PARTNERS)
        await b.registerOpportunity(
          p.token,
          { accountId: 'acc-large', opportunityId: first.id, presalesActivities: ['demo'] },
          newKey(),
        );
      for (let i = 0; i < extra; i += 500) {
        await Promise.all(
          Array.from({ length: Math.min(500, extra - i) }, () =>
            b.registerOpportunity(ALPHA, { accountId: 'acc-large', opportunityId: first.id, presalesActivities: [] }, newKey()),
          ),
        );
      }
      return first.id;
    };
    const small = createMockBackend({ partners: PARTNERS });
    const big = createMockBackend({ partners: PARTNERS });
    const oppId = await fillFirstDeal(small, 0);
    await fillFirstDeal(big, 20_000);
    const register = (b: MockBackend) =>
      costOf(b, () =>
        b.registerOpportunity(BETA, { accountId: 'acc-large', opportunityId: oppId, presalesActivities: ['sizing'] }, newKey()),
      );
    expect(await register(big)).to.equal(await register(small));
  });
});

describe('the cost of an overview follows its own account, not the store', () => {
  it("a small account's overview examines its own few records, not acc-large's 1,000 deals and 10,000 assets", async () => {
    const backend = createMockBackend();
    for (const token of [ALPHA, BETA]) {
      expect(await costOf(backend, () => backend.getAccountOverview(token, 'acc-installed')), token).to.be.below(100);
    }
  });

  it("acc-large's overview examines its 1,000 deals; alpha's 10,000 assets are summarised once and kept, beta's never touches them", async () => {
    const backend = createMockBackend();
    const first = await costOf(backend, () => backend.getAccountOverview(ALPHA, 'acc-large'));
    const again = await costOf(backend, () => backend.getAccountOverview(ALPHA, 'acc-large'));
    expect(first - again).to.equal(LARGE_ASSETS);
    expect(again).to.be.within(LARGE_OPPORTUNITIES, LARGE_OPPORTUNITIES + 100);
    expect(await costOf(backend, () => backend.getAccountOverview(BETA, 'acc-large'))).to.be.within(
      LARGE_OPPORTUNITIES,
      LARGE_OPPORTUNITIES + 100,
    );
  });
});
