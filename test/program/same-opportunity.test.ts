import { expect } from '@open-wc/testing';
import { footprintOf, isSameOpportunity, type OpportunityFootprint } from '../../src/program/same-opportunity.ts';
import { TERMS } from './fixtures.ts';

const base: OpportunityFootprint = { accountId: 'acc-1', families: ['composable', 'rack-servers'], closeDate: '2017-03-31' };

const CASES: Array<{ promise: string; other: Partial<OpportunityFootprint>; same: boolean }> = [
  { promise: 'same account, a shared family and the same close date: the same opportunity', other: {}, same: true },
  { promise: 'close dates 180 days apart are still the same opportunity', other: { closeDate: '2017-09-27' }, same: true },
  { promise: 'close dates 181 days apart are different opportunities', other: { closeDate: '2017-09-28' }, same: false },
  {
    promise: 'an earlier close date 180 days before is still the same opportunity',
    other: { closeDate: '2016-10-02' },
    same: true,
  },
  {
    promise: 'an earlier close date 181 days before is a different opportunity',
    other: { closeDate: '2016-10-01' },
    same: false,
  },
  { promise: 'one shared family out of several is enough', other: { families: ['flash-storage', 'rack-servers'] }, same: true },
  {
    promise: 'no shared family means a different opportunity',
    other: { families: ['flash-storage', 'networking'] },
    same: false,
  },
  { promise: 'another account is never the same opportunity', other: { accountId: 'acc-2' }, same: false },
];

describe('same opportunity (PRODUCT rule 1)', () => {
  for (const c of CASES) {
    it(c.promise, () => {
      const other = { ...base, ...c.other };
      expect(isSameOpportunity(base, other, TERMS)).to.equal(c.same);
      expect(isSameOpportunity(other, base, TERMS)).to.equal(c.same);
    });
  }

  it('the close-date window follows the program terms', () => {
    const other = { ...base, closeDate: '2017-05-01' }; // 31 days later
    expect(isSameOpportunity(base, other, { ...TERMS, sameOpportunityCloseDateDays: 31 })).to.equal(true);
    expect(isSameOpportunity(base, other, { ...TERMS, sameOpportunityCloseDateDays: 30 })).to.equal(false);
  });

  it('a footprint lists each family once, whatever the lines', () => {
    const f = footprintOf('acc-1', {
      closeDate: '2017-03-31',
      lines: [
        { family: 'rack-servers', sku: 'a', quantity: 2 },
        { family: 'composable', sku: 'b', quantity: 1 },
        { family: 'rack-servers', sku: 'c', quantity: 4 },
      ],
    });
    expect(f).to.deep.equal({ accountId: 'acc-1', families: ['composable', 'rack-servers'], closeDate: '2017-03-31' });
  });
});
