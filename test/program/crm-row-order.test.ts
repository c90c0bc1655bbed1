import { expect } from '@open-wc/testing';
import { arrangeRows, dealRows, ROW_URGENCY_GROUPS, rowUrgency, withPreviewsOf } from '../../src/program/crm-row-order.ts';
import type { CrmOpportunity } from '../../src/domain/crm.ts';
import { decision, crmDeal, crmRegistration, overview, previewed, protectedThrough, rowsInput } from './crm-fixtures.ts';
import { registration } from './fixtures.ts';

describe('the order of the panel rows with the host records', () => {
  // One deal per urgency group, two where the date inside the group decides.
  const deals: Record<string, CrmOpportunity> = {
    closed: crmDeal('closed', '2017-02-20', { closed: 'won' }),
    expiring: crmDeal('expiring', '2017-09-01'),
    action: crmDeal('action', '2017-08-01'),
    qualifiesLate: crmDeal('qualifies-late', '2017-05-01'),
    qualifiesSoon: crmDeal('qualifies-soon', '2017-03-01'),
    awaiting: crmDeal('awaiting', '2017-02-28'),
    protectedLate: crmDeal('protected-late', '2017-03-01'),
    protectedSoon: crmDeal('protected-soon', '2017-12-01'),
    submitted: crmDeal('submitted', '2017-04-01'),
    notEligible: crmDeal('not-eligible', '2017-02-15'),
    past: crmDeal('past', '2017-01-31'),
  };
  const all = Object.values(deals);
  const registrations = [
    crmRegistration(deals.expiring!, protectedThrough('2017-02-20')),
    crmRegistration(deals.action!, { status: 'action-required' }),
    crmRegistration(deals.protectedLate!, protectedThrough('2017-05-01')),
    crmRegistration(deals.protectedSoon!, protectedThrough('2017-04-01')),
    crmRegistration(deals.submitted!, { status: 'submitted' }),
    registration({ id: 'reg-portal', opportunityId: 'v-portal', status: 'rejected' }),
  ];
  const previewedDeals = [deals.qualifiesLate!, deals.qualifiesSoon!, deals.notEligible!];
  const input = rowsInput([...all].reverse(), {
    overview: overview(registrations),
    previews: previewed(previewedDeals, (id) => (id === 'not-eligible' ? { eligibility: decision(false) } : {})),
  });

  it('open deals first by urgency: lapsing, action required, qualifying, awaiting a verdict, protected, submitted, not eligible, the rest, then closed in the CRM', () => {
    const { rows } = dealRows(input);
    expect(rows.map((r) => [r.key, ROW_URGENCY_GROUPS[rowUrgency(r)[0]]])).to.deep.equal([
      ['crm:expiring', 'expiring-soon'],
      ['crm:action', 'action-required'],
      ['crm:qualifies-soon', 'qualifies'],
      ['crm:qualifies-late', 'qualifies'],
      ['crm:awaiting', 'awaiting-verdict'],
      ['crm:protected-soon', 'protected'],
      ['crm:protected-late', 'protected'],
      ['crm:submitted', 'submitted'],
      ['crm:not-eligible', 'not-eligible'],
      ['crm:past', 'other'],
      // a registration with no CRM record, rejected: dated by its submission
      ['vendor:v-portal', 'other'],
      ['crm:closed', 'closed-in-crm'],
    ]);
  });

  it('every row has exactly one place: equal urgency goes by row key, whatever the records order', () => {
    const twins = [crmDeal('b', '2017-03-01'), crmDeal('a', '2017-03-01'), crmDeal('c', '2017-02-28')];
    const expected = ['crm:c', 'crm:a', 'crm:b'];
    expect(dealRows(rowsInput(twins)).rows.map((r) => r.key)).to.deep.equal(expected);
    expect(dealRows(rowsInput([...twins].reverse())).rows.map((r) => r.key)).to.deep.equal(expected);
  });

  const open = Array.from({ length: 6 }, (_, i) => crmDeal(`d${i}`, `2017-03-0${i + 1}`));

  it('no row moves once placed, whatever arrives: verdicts, another partner, a registration', () => {
    const first = dealRows(rowsInput(open));
    const order = first.rows.map((r) => r.key);
    expect(order).to.deep.equal(open.map((d) => `crm:${d.id}`));
    const verdicts = previewed(open, (id) =>
      id === 'd0'
        ? { protectedByAnotherPartner: true }
        : id === 'd1'
          ? { eligibility: decision(false) }
          : id === 'd2'
            ? { registration: crmRegistration(open[2]!, protectedThrough('2017-02-20')) }
            : {},
    );
    const later = dealRows(rowsInput(open, { previews: verdicts }), first.placement);
    expect(later.rows.map((r) => [r.key, r.state])).to.deep.equal([
      ['crm:d0', 'protected-by-other'],
      ['crm:d1', 'not-registered'],
      ['crm:d2', 'expiring-soon'],
      ['crm:d3', 'not-registered'],
      ['crm:d4', 'not-registered'],
      ['crm:d5', 'not-registered'],
    ]);
    expect(later.placement, 'no row came or went').to.equal(first.placement);
    const fresh = dealRows(rowsInput(open, { previews: verdicts })).rows.map((r) => r.key);
    expect(fresh, 'arranged afresh they would move').to.deep.equal(['crm:d2', 'crm:d3', 'crm:d4', 'crm:d5', 'crm:d1', 'crm:d0']);
  });

  it('rows all placed before come in the order a sort by their placed keys gives, whatever order the placement was handed in', () => {
    const first = dealRows(rowsInput(open));
    const verdicts = previewed(open, (id) => (id === 'd3' ? { eligibility: decision(false) } : {}));
    const later = dealRows(rowsInput([...open].reverse(), { previews: verdicts }), first.placement);
    expect(later.rows.map((r) => r.key)).to.deep.equal(first.rows.map((r) => r.key));
    const reversed = new Map([...first.placement].reverse());
    const sorted = arrangeRows([...later.rows].reverse(), reversed);
    expect(sorted.rows.map((r) => r.key)).to.deep.equal(first.rows.map((r) => r.key));
    expect(sorted.placement, 'no row came or went').to.equal(reversed);
  });

  it('when only previews came, their deals are made again in their places and every other row is kept: the rows the placement gives', () => {
    const first = dealRows(rowsInput(open, { overview: overview([crmRegistration(open[4]!, { status: 'submitted' })]) }));
    const answered = open.slice(0, 3);
    const input = rowsInput(open, {
      overview: overview([crmRegistration(open[4]!, { status: 'submitted' })]),
      previews: previewed(answered, (id) =>
        id === 'd1' ? { eligibility: decision(false) } : id === 'd2' ? { protectedByAnotherPartner: true } : {},
      ),
    });
    const rows = withPreviewsOf(first.rows, input, new Set(answered.map((d) => d.id)));
    expect(rows).to.deep.equal(dealRows(input, first.placement).rows);
    expect(rows.map((r) => r.verdict?.kind ?? null)).to.deep.equal([
      'decided',
      'decided',
      'decided',
      'awaiting-preview',
      'awaiting-preview',
      null,
    ]);
    rows.forEach((row, i) => (i < 3 ? expect(row).to.not.equal(first.rows[i]) : expect(row).to.equal(first.rows[i])));
  });

  it('an opportunity added to the records takes its place by its urgency now among the placed rows, which keep their order', () => {
    const first = dealRows(rowsInput(open));
    const added = crmDeal('added', '2017-03-03');
    const later = dealRows(rowsInput([...open, added]), first.placement);
    expect(later.rows.map((r) => r.key)).to.deep.equal(['crm:d0', 'crm:d1', 'crm:added', 'crm:d2', 'crm:d3', 'crm:d4', 'crm:d5']);
    const expiring = crmDeal('expiring');
    const withProtection = dealRows(
      rowsInput([...open, added, expiring], { overview: overview([crmRegistration(expiring, protectedThrough('2017-02-20'))]) }),
      later.placement,
    );
    expect(withProtection.rows.map((r) => r.key)).to.deep.equal(['crm:expiring', ...later.rows.map((r) => r.key)]);
  });

  it('a row first arranged with its verdict known is placed by it; a removed row leaves the placement', () => {
    const arranged = dealRows(
      rowsInput(open, { previews: previewed(open, (id) => (id === 'd0' ? { eligibility: decision(false) } : {})) }),
    );
    expect(arranged.rows.map((r) => r.key)).to.deep.equal(['crm:d1', 'crm:d2', 'crm:d3', 'crm:d4', 'crm:d5', 'crm:d0']);
    const fewer = arrangeRows(arranged.rows.slice(1), arranged.placement);
    expect([...fewer.placement.keys()]).to.deep.equal(['crm:d2', 'crm:d3', 'crm:d4', 'crm:d5', 'crm:d0']);
  });
});
