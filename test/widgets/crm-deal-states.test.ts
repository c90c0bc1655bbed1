// What the panel tells its host of the CRM deals' standing: told again only when it says something new.
import { expect } from '@open-wc/testing';
import { sameDealStates } from '../../widgets/crm-deals/deal-states.ts';
import type { DealRegDealState } from '../../widgets/events/events.ts';

const state = (id: string, patch: Partial<DealRegDealState> = {}): DealRegDealState => ({
  partnerOpportunityId: id,
  state: 'not-registered',
  registrationId: null,
  protectedUntil: null,
  ...patch,
});

describe('the deal states told to the host', () => {
  it('are the same when every deal says the same, in the same order, whatever the objects', () => {
    const told = [state('a'), state('b', { state: 'approved', registrationId: 'reg-b', protectedUntil: '2017-05-01' })];
    expect(
      sameDealStates(
        told,
        told.map((s) => ({ ...s })),
      ),
    ).to.equal(true);
    expect(sameDealStates([], [])).to.equal(true);
  });

  it('differ when a deal changes any field, comes, goes or moves', () => {
    const told = [state('a'), state('b')];
    for (const [what, now] of [
      ['state', [state('a', { state: 'submitted' }), state('b')]],
      ['registration', [state('a', { registrationId: 'reg-a' }), state('b')]],
      ['protection end', [state('a'), state('b', { protectedUntil: '2017-05-01' })]],
      ['a deal added', [state('a'), state('b'), state('c')]],
      ['a deal gone', [state('a')]],
      ['the order', [state('b'), state('a')]],
    ] as const) {
      expect(sameDealStates(told, now), what).to.equal(false);
    }
  });
});
