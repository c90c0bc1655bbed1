// docs/program.md §4 rule 2 under concurrency: partners clicking in the same millisecond, exactly one wins.
import { expect } from '@open-wc/testing';
import { createMockBackend, type MockBackendOptions } from '../../mocks/index.ts';
import type { Opportunity } from '../../src/domain/types.ts';
import { allOpportunities, extraPartners, newKey, overviewOf, registrationOf } from './helpers.ts';

const DEAL = { accountId: 'acc-nextgen', opportunityId: 'opp-nextgen-synergy', presalesActivities: ['workshop'] };

async function race(options: MockBackendOptions) {
  const partners = extraPartners(20);
  const backend = createMockBackend({ ...options, partners });
  const results = await Promise.all(partners.map((p) => backend.registerOpportunity(p.token, DEAL, newKey(p.id))));
  return { backend, partners, results };
}

describe('exclusivity under concurrent registrations', () => {
  for (const [label, options] of [
    ['with no latency', {}],
    ['with random latency', { latencyMs: [0, 15] as [number, number] }],
  ] as const) {
    it(`20 partners registering the same deal at once ${label}: exactly one is approved, 19 rejected already-protected`, async () => {
      const { backend, results } = await race(options);
      const registrations = results.map(registrationOf);
      expect(results.every((r) => r.status === 201)).to.equal(true);
      const approved = registrations.filter((r) => r.status === 'approved');
      const rejected = registrations.filter((r) => r.status === 'rejected');
      expect(approved).to.have.length(1);
      expect(rejected).to.have.length(19);
      for (const r of rejected) expect(r.reasons).to.deep.equal(['already-protected']);
      // the store agrees: one approved record for the deal
      const stored = backend.inspect().registrations.filter((r) => r.opportunityId === DEAL.opportunityId);
      expect(stored.filter((r) => r.status === 'approved')).to.have.length(1);
      expect(stored).to.have.length(20);
    });
  }

  it("no loser's answer names the winner: not its partner id, name, nor registration id", async () => {
    const { backend, partners, results } = await race({ latencyMs: [0, 10] });
    const winnerRecord = backend
      .inspect()
      .registrations.find((r) => r.opportunityId === DEAL.opportunityId && r.status === 'approved')!;
    const winner = partners.find((p) => p.id === winnerRecord.partnerId)!;
    const losers = results.filter((r) => r.ok && (r.body as { status: string }).status === 'rejected');
    expect(losers).to.have.length(19);
    for (const loser of losers) {
      const json = JSON.stringify(loser);
      expect(json).not.to.include(`"${winner.id}"`);
      expect(json).not.to.include(winner.name);
      expect(json).not.to.include(winnerRecord.id);
    }
    // and a loser's overview shows only the opaque marker
    const loser = partners.find((p) => p.id !== winner.id)!;
    const overview = await backend.getAccountOverview(loser.token, DEAL.accountId);
    const json = JSON.stringify(overview);
    expect(json).not.to.include(winner.name);
    expect(json).not.to.include(`"${winner.id}"`);
    expect(json).not.to.include(winnerRecord.id);
    expect(json).to.include('"protectedByAnotherPartner":true');
  });

  it('the winner, and only the winner, can then request the restricted quote', async () => {
    const { backend, partners } = await race({});
    const records = backend.inspect().registrations.filter((r) => r.opportunityId === DEAL.opportunityId);
    for (const record of records) {
      const partner = partners.find((p) => p.id === record.partnerId)!;
      const answer = await backend.requestQuote(partner.token, record.id, newKey());
      if (record.status === 'approved') expect(answer.status).to.equal(201);
      else expect(answer.ok ? null : answer.problem.code).to.equal('protection-not-active');
    }
  });

  it('rule 1: another opportunity at the account sharing a family and closing within the window is the same deal', async () => {
    const backend = createMockBackend();
    const view = overviewOf(await backend.getAccountOverview('demo-beta', 'acc-large'));
    const opportunities = await allOpportunities(backend, 'demo-beta', 'acc-large');
    const latest = new Set(view.program.families.filter((f) => f.generation === 'latest').map((f) => f.id));
    const window = view.program.protection.sameOpportunityCloseDateDays;
    const families = (o: Opportunity) => new Set(o.lines.map((l) => l.family));
    const apart = (a: Opportunity, b: Opportunity) => Math.abs(Date.parse(a.closeDate) - Date.parse(b.closeDate)) / 86_400_000;
    const shares = (a: Opportunity, b: Opportunity) => [...families(a)].some((f) => families(b).has(f));
    // A: held by alpha; B: shares a latest-generation family with A, closes within the window; C: shares nothing with A
    const [a, b] = (() => {
      for (const x of opportunities) {
        const family = [...families(x)].find((f) => latest.has(f));
        if (!family) continue;
        const y = opportunities.find((o) => o.id !== x.id && families(o).has(family) && apart(x, o) <= window);
        if (y) return [x, y];
      }
      throw new Error('no pair in the generated data');
    })();
    const c = opportunities.find((o) => o.id !== a.id && !shares(o, a) && [...families(o)].some((f) => latest.has(f)))!;

    const held = registrationOf(
      await backend.registerOpportunity(
        'demo-alpha',
        { accountId: 'acc-large', opportunityId: a.id, presalesActivities: ['sizing'] },
        newKey(),
      ),
    );
    expect(held.status).to.equal('approved');
    const same = registrationOf(
      await backend.registerOpportunity(
        'demo-beta',
        { accountId: 'acc-large', opportunityId: b.id, presalesActivities: ['sizing'] },
        newKey(),
      ),
    );
    expect(same.status).to.equal('rejected');
    expect(same.reasons).to.deep.equal(['already-protected']);
    const other = registrationOf(
      await backend.registerOpportunity(
        'demo-beta',
        { accountId: 'acc-large', opportunityId: c.id, presalesActivities: ['sizing'] },
        newKey(),
      ),
    );
    expect(other.status).to.equal('approved');

    // The deals have moved in beta's list (held by another partner: among the last); all of it is read.
    const after = await allOpportunities(backend, 'demo-beta', 'acc-large');
    expect(after.find((o) => o.id === a.id)!.protectedByAnotherPartner).to.equal(true);
    expect(after.find((o) => o.id === b.id)!.protectedByAnotherPartner).to.equal(true);
    expect(after.find((o) => o.id === c.id)!.protectedByAnotherPartner).to.equal(false);
  });
});
