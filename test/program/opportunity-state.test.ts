import { expect } from '@open-wc/testing';
import type { Opportunity, Registration } from '../../src/domain/types.ts';
import {
  compareUrgency,
  emptyStateCounts,
  latestRegistrationByOpportunity,
  standingOf,
  URGENCY_GROUPS,
  urgencyKey,
} from '../../src/program/opportunity-state.ts';
import { OPPORTUNITY_STATES } from '../../src/domain/status.ts';
import { TERMS, approved, registration } from './fixtures.ts';

const AT = '2017-02-14T09:00:00Z';

function opp(id: string, closeDate: string, protectedByAnotherPartner = false): Opportunity {
  return { id, name: id, amount: { value: 1, currency: 'EUR' }, closeDate, lines: [], protectedByAnotherPartner };
}

/** An approved registration's fields, protected through `until`. */
function approvedOn(until: string): Partial<Registration> {
  const { id: _id, opportunityId: _o, ...fields } = approved(until);
  return fields;
}

function reg(opportunityId: string, patch: Partial<Registration>): Registration {
  return registration({ opportunityId, ...patch });
}

describe('where an opportunity stands', () => {
  it('without a registration: not registered, or protected by another partner', () => {
    expect(standingOf(opp('o', '2017-06-01'), undefined, AT, TERMS).state).to.equal('not-registered');
    expect(standingOf(opp('o', '2017-06-01', true), undefined, AT, TERMS).state).to.equal('protected-by-other');
  });

  it('an approved protection is approved, then expiring soon within 14 days, then expired', () => {
    const held = (until: string) => reg('o', approvedOn(until));
    expect(standingOf(opp('o', '2017-06-01'), held('2017-04-01'), AT, TERMS).state).to.equal('approved');
    expect(standingOf(opp('o', '2017-06-01'), held('2017-02-28'), AT, TERMS).state).to.equal('expiring-soon');
    expect(standingOf(opp('o', '2017-06-01'), held('2017-02-13'), AT, TERMS).state).to.equal('expired');
  });

  it('a lapsed registration of yours on a deal another partner now holds shows the other protection', () => {
    const lapsed = reg('o', { status: 'expired', protectedUntil: '2017-01-01' });
    expect(standingOf(opp('o', '2017-06-01', true), lapsed, AT, TERMS).state).to.equal('protected-by-other');
  });

  it('the latest registration per opportunity is the one shown; a later one wins a tie', () => {
    const first = reg('o', { id: 'r1', submittedAt: '2017-01-01T10:00:00Z', status: 'rejected' });
    const second = reg('o', { id: 'r2', submittedAt: '2017-01-02T10:00:00Z', status: 'submitted' });
    const tie = reg('o', { id: 'r3', submittedAt: '2017-01-02T10:00:00Z', status: 'approved' });
    expect(latestRegistrationByOpportunity([second, first]).get('o')?.id).to.equal('r2');
    expect(latestRegistrationByOpportunity([first, second, tie]).get('o')?.id).to.equal('r3');
  });

  it('zero counts cover every state', () => {
    expect(Object.keys(emptyStateCounts())).to.deep.equal([...OPPORTUNITY_STATES]);
    expect(Object.values(emptyStateCounts()).every((n) => n === 0)).to.equal(true);
  });
});

describe('what needs the rep first', () => {
  const rows: Array<[Opportunity, Registration | undefined]> = [
    [opp('other-closed', '2017-01-10'), undefined],
    [opp('registrable-late', '2017-09-01'), undefined],
    [opp('protected-late', '2017-08-01'), reg('protected-late', approvedOn('2017-04-20'))],
    [opp('held-by-other', '2017-03-01', true), undefined],
    [opp('expiring', '2017-12-01'), reg('expiring', approvedOn('2017-02-20'))],
    [opp('registrable-soon', '2017-03-01'), undefined],
    [opp('protected-soon', '2017-12-01'), reg('protected-soon', approvedOn('2017-04-01'))],
    [opp('submitted', '2017-02-20'), reg('submitted', { status: 'submitted' })],
  ];

  it('orders expiring soon, then active protections by end date, then registrable deals by close date, then the rest', () => {
    const keyed = rows.map(([o, r]) => ({ id: o.id, key: urgencyKey(o, standingOf(o, r, AT, TERMS), AT) }));
    keyed.sort((a, b) => compareUrgency(a.key, b.key));
    expect(keyed.map((k) => k.id)).to.deep.equal([
      'expiring',
      'protected-soon',
      'protected-late',
      'registrable-soon',
      'registrable-late',
      'other-closed',
      'submitted',
      'held-by-other',
    ]);
    expect(keyed.map((k) => URGENCY_GROUPS[k.key[0]])).to.deep.equal([
      'expiring-soon',
      'protected',
      'protected',
      'registrable',
      'registrable',
      'other',
      'other',
      'other',
    ]);
  });

  it('is a total order: only the same opportunity compares equal', () => {
    const a = opp('a', '2017-03-01');
    const b = opp('b', '2017-03-01');
    const ka = urgencyKey(a, standingOf(a, undefined, AT, TERMS), AT);
    const kb = urgencyKey(b, standingOf(b, undefined, AT, TERMS), AT);
    expect(compareUrgency(ka, kb)).to.be.lessThan(0);
    expect(compareUrgency(kb, ka)).to.be.greaterThan(0);
    expect(compareUrgency(ka, [...ka])).to.equal(0);
  });
});
