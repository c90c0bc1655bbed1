// Bounded under abuse (docs/rest-contract.md): one partner's rejected registrations of one deal are
// capped per day, a refused attempt stores nothing, and the overview and its pages carry each deal's
// current registration, never every attempt, so neither the store nor an answer grows with them.
import { expect } from '@open-wc/testing';
import { createMockBackend, type MockBackend } from '../../mocks/index.ts';
import { MAX_REJECTED_PER_DAY } from '../../mocks/core/commands.ts';
import { addDays } from '../../src/program/index.ts';
import type { CoreResult } from '../../mocks/core/backend-core.ts';
import { ALPHA, extraPartners, newKey, overviewOf, pageOf, problemCode, registrationOf } from './helpers.ts';

/** Beta holds this deal: every attempt of alpha's is rejected already-protected. */
const HELD = { accountId: 'acc-conflict', opportunityId: 'opp-conflict-flash', presalesActivities: ['sizing'] };
/** Free for alpha, but with no presales activity: rejected missing-presales-activity. */
const EMPTY_HANDED = { accountId: 'acc-nextgen', opportunityId: 'opp-nextgen-synergy', presalesActivities: [] };

const storedOf = (backend: MockBackend, opportunityId: string) =>
  backend.inspect().registrations.filter((r) => r.opportunityId === opportunityId);

const retryAfter = (answer: CoreResult) => (answer.ok ? undefined : answer.retryAfterSeconds);

async function rejectUpToTheCap(backend: MockBackend, request: object): Promise<CoreResult[]> {
  const answers: CoreResult[] = [];
  for (let i = 0; i < MAX_REJECTED_PER_DAY; i += 1) {
    const answer = await backend.registerOpportunity(ALPHA, request, newKey());
    expect(registrationOf(answer).status, `attempt ${i + 1}`).to.equal('rejected');
    answers.push(answer);
  }
  return answers;
}

describe('a partner’s rejected attempts on one deal are capped', () => {
  it('past the cap in one day an attempt is 429 too-many-attempts with Retry-After until the next day, and nothing is stored', async () => {
    const backend = createMockBackend(); // 2017-02-14T09:00:00Z
    await rejectUpToTheCap(backend, HELD);
    const stored = backend.inspect().registrations.length;
    for (let i = 0; i < 30; i += 1) {
      const refused = await backend.registerOpportunity(ALPHA, HELD, newKey());
      expect(refused.status).to.equal(429);
      expect(problemCode(refused)).to.equal('too-many-attempts');
      expect(retryAfter(refused), '09:00 to midnight').to.equal(15 * 3600);
    }
    expect(backend.inspect().registrations.length).to.equal(stored);
    expect(storedOf(backend, HELD.opportunityId).filter((r) => r.partnerId === 'alpha')).to.have.length(MAX_REJECTED_PER_DAY);
  });

  it('a replay of an earlier attempt still answers its first answer; the refused attempt’s key is decided afresh', async () => {
    const backend = createMockBackend();
    const firstKey = newKey();
    const first = await backend.registerOpportunity(ALPHA, HELD, firstKey);
    for (let i = 1; i < MAX_REJECTED_PER_DAY; i += 1) await backend.registerOpportunity(ALPHA, HELD, newKey());
    expect(await backend.registerOpportunity(ALPHA, HELD, firstKey)).to.deep.equal(first);

    const refusedKey = newKey();
    expect((await backend.registerOpportunity(ALPHA, HELD, refusedKey)).status).to.equal(429);
    expect((await backend.registerOpportunity(ALPHA, HELD, refusedKey)).status, 'not remembered as the key’s answer').to.equal(
      429,
    );
    backend.setClock(`${addDays(backend.now(), 1)}T08:00:00Z`);
    const nextDay = await backend.registerOpportunity(ALPHA, HELD, refusedKey);
    expect(registrationOf(nextDay).reasons).to.deep.equal(['already-protected']);
  });

  it('the cap is one partner’s, on one deal, for rejections: others, other deals and an approvable request go through', async () => {
    const backend = createMockBackend({ partners: extraPartners(1) });
    await rejectUpToTheCap(backend, EMPTY_HANDED);
    expect((await backend.registerOpportunity(ALPHA, EMPTY_HANDED, newKey())).status).to.equal(429);
    // Another partner on the same deal, and alpha on another deal, are not counted against it.
    expect(registrationOf(await backend.registerOpportunity('demo-p01', EMPTY_HANDED, newKey())).status).to.equal('rejected');
    expect(registrationOf(await backend.registerOpportunity(ALPHA, HELD, newKey())).status).to.equal('rejected');
    // The request corrected: approved, so a partner who fixes its mistake is never locked out.
    const corrected = await backend.registerOpportunity(ALPHA, { ...EMPTY_HANDED, presalesActivities: ['demo'] }, newKey());
    expect(registrationOf(corrected).status).to.equal('approved');
  });
});

describe('the overview carries each deal’s current registration, not every attempt', () => {
  it('after rejections over several days and an approval, the overview lists one registration for the deal: the approval', async () => {
    const backend = createMockBackend();
    const baseline = JSON.stringify(overviewOf(await createMockBackend().getAccountOverview(ALPHA, 'acc-nextgen'))).length;
    for (let day = 0; day < 4; day += 1) {
      backend.setClock(`${addDays('2017-02-14', day)}T09:00:00Z`);
      await rejectUpToTheCap(backend, EMPTY_HANDED);
    }
    const approved = registrationOf(
      await backend.registerOpportunity(ALPHA, { ...EMPTY_HANDED, presalesActivities: ['demo'] }, newKey()),
    );
    expect(storedOf(backend, EMPTY_HANDED.opportunityId)).to.have.length(4 * MAX_REJECTED_PER_DAY + 1);
    const overview = overviewOf(await backend.getAccountOverview(ALPHA, 'acc-nextgen'));
    expect(overview.registrations.map((r) => r.id)).to.deep.equal([approved.id]);
    // One registration with a two-step history more than the untouched account, whatever came before.
    expect(JSON.stringify(overview).length - baseline).to.be.below(1000);
  });

  it('every page of acc-large lists at most one registration per deal, the one its row shows', async () => {
    const backend = createMockBackend();
    const deals = ['opp-large-0007', 'opp-large-0420', 'opp-large-0999'];
    for (const opportunityId of deals) {
      await rejectUpToTheCap(backend, { accountId: 'acc-large', opportunityId, presalesActivities: [] });
    }
    const latest = new Map(
      deals.map((id) => [
        id,
        storedOf(backend, id)
          .sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : 1))
          .at(-1)!.id,
      ]),
    );
    const overview = overviewOf(await backend.getAccountOverview(ALPHA, 'acc-large'));
    const listed = [...overview.registrations];
    for (let cursor = overview.nextCursor; cursor !== null;) {
      const page = pageOf(await backend.getOpportunities(ALPHA, 'acc-large', cursor, 100));
      listed.push(...page.registrations);
      cursor = page.nextCursor;
    }
    expect(listed.map((r) => r.opportunityId).sort()).to.deep.equal(deals);
    for (const reg of listed) expect(reg.id, reg.opportunityId).to.equal(latest.get(reg.opportunityId));
  });
});
