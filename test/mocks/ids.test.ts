// Ids: the demo store repeats for a seed (reproducible demos and tests), while the ids the backend mints
// at run time come from the CSPRNG, so a partner cannot predict another partner's next registration.
import { expect } from '@open-wc/testing';
import { createIdSource } from '../../mocks/core/scenarios.ts';
import { createMockBackend, DEFAULT_SEED } from '../../mocks/index.ts';
import { ALPHA, BETA, newKey, quoteOf, registrationOf } from './helpers.ts';

const DEALS = [
  { accountId: 'acc-nextgen', opportunityId: 'opp-nextgen-synergy', presalesActivities: ['workshop'] },
  { accountId: 'acc-installed', opportunityId: 'opp-installed-refresh', presalesActivities: ['sizing'] },
  { accountId: 'acc-other-installed', opportunityId: 'opp-other-towers', presalesActivities: ['demo'] },
];

/** The same calls on a fresh backend: alpha registers three deals, beta one, alpha asks a quote. */
async function runtimeIds(seed: number): Promise<string[]> {
  const backend = createMockBackend({ seed });
  const ids: string[] = [];
  for (const deal of DEALS) ids.push(registrationOf(await backend.registerOpportunity(ALPHA, deal, newKey())).id);
  ids.push(registrationOf(await backend.registerOpportunity(BETA, DEALS[0], newKey())).id);
  ids.push(quoteOf(await backend.requestQuote(ALPHA, ids[0]!, newKey())).id);
  return ids;
}

describe('ids', () => {
  it('the demo store is the same for the same seed: every registration and quote id', () => {
    const a = createMockBackend({ seed: 7 }).inspect();
    const b = createMockBackend({ seed: 7 }).inspect();
    expect(a.registrations.map((r) => r.id)).to.have.length.greaterThan(3);
    expect(a.registrations.map((r) => r.id)).to.deep.equal(b.registrations.map((r) => r.id));
    expect(a.quotes.map((q) => q.id)).to.deep.equal(b.quotes.map((q) => q.id));
    expect(a).to.deep.equal(b);
  });

  it('ids minted at run time differ between two backends with the same seed and the same calls', async () => {
    const first = await runtimeIds(DEFAULT_SEED);
    const second = await runtimeIds(DEFAULT_SEED);
    for (let i = 0; i < first.length; i += 1) expect(first[i], `id ${i}`).not.to.equal(second[i]);
  });

  it('no run-time id comes from the seeded stream: replaying it for the seed predicts none of them', async () => {
    const minted = new Set(await runtimeIds(DEFAULT_SEED));
    const replay = createIdSource(DEFAULT_SEED);
    for (let i = 0; i < 5_000; i += 1) {
      for (const prefix of ['reg', 'quo']) expect(minted.has(replay(prefix))).to.equal(false);
    }
  });

  it('a run-time id is its prefix and 128 random bits; 500 of them are all different', async () => {
    const backend = createMockBackend();
    const ids = new Set<string>();
    for (let i = 0; i < 500; i += 1) {
      // One deal each: a partner's rejections of one deal are capped per day.
      const opportunityId = `opp-large-${String(i + 1).padStart(4, '0')}`;
      const deal = { accountId: 'acc-large', opportunityId, presalesActivities: [] };
      const reg = registrationOf(await backend.registerOpportunity(ALPHA, deal, newKey())); // rejected: no presales activity
      expect(reg.id).to.match(/^reg-[0-9a-f]{32}$/);
      ids.add(reg.id);
    }
    expect(ids.size).to.equal(500);
  });
});
