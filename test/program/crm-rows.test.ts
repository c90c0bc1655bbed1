import { expect } from '@open-wc/testing';
import { crmRows, shownState, type DealRow } from '../../src/program/crm-rows.ts';
import { decision, crmDeal, crmRegistration, overview, preview, previewed, protectedThrough, rowsInput } from './crm-fixtures.ts';
import { quote, registration } from './fixtures.ts';

function only(rows: DealRow[], key: string): DealRow {
  const row = rows.find((r) => r.key === key);
  if (!row) throw new Error(`no row ${key}`);
  return row;
}

describe('the panel rows with the host records', () => {
  it('with `only`, the rows of those CRM deals alone, as they are among all the rows', () => {
    const [a, b, c] = [crmDeal('a'), crmDeal('b'), crmDeal('c')];
    const input = rowsInput([a, b, c], {
      overview: overview([
        crmRegistration(b, { status: 'submitted' }),
        registration({ id: 'reg-portal', opportunityId: 'v-portal' }),
      ]),
      previews: previewed([a]),
    });
    const all = crmRows(input);
    expect(crmRows(input, new Set(['a', 'b']))).to.deep.equal([all[0], all[1]]);
    expect(crmRows(input, new Set(['c', 'gone']))).to.deep.equal([all[2]]);
  });

  it('one row per CRM opportunity, joined to its registration by the CRM id, and one per registration with no CRM record, marked', () => {
    const [a, b] = [crmDeal('a'), crmDeal('b')];
    const mine = crmRegistration(a, { status: 'submitted' });
    const portal = registration({ id: 'reg-portal', opportunityId: 'v-portal' });
    const deleted = crmRegistration(crmDeal('gone'), { status: 'approved', protectedUntil: '2017-04-01' });
    const rows = crmRows(rowsInput([a, b], { overview: overview([mine, portal, deleted]) }));
    expect(rows.map((r) => [r.key, r.origin])).to.deep.equal([
      ['crm:a', 'crm'],
      ['crm:b', 'crm'],
      ['vendor:v-portal', 'registered-elsewhere'],
      ['vendor:v-gone', 'not-in-records'],
    ]);
    expect(only(rows, 'crm:a').registration).to.equal(mine);
    expect(only(rows, 'crm:b').registration).to.equal(undefined);
    expect(only(rows, 'vendor:v-gone')).to.include({ crm: null, state: 'approved', verdict: null, block: 'no-crm-record' });
    expect(only(rows, 'vendor:v-gone').deal).to.deep.equal({
      name: 'Deal gone',
      amount: { value: 120000, currency: 'EUR' },
      closeDate: '2017-06-01',
    });
  });

  it('a registration found by the preview joins its row; the overview copy of the same registration wins a tie', () => {
    const a = crmDeal('a');
    const fromPreview = crmRegistration(a, protectedThrough('2017-04-01'));
    const patched = { ...fromPreview, ...protectedThrough('2017-05-01') };
    const byPreview = crmRows(rowsInput([a], { previews: previewed([a], () => ({ registration: fromPreview })) }));
    expect(byPreview[0]).to.include({ registration: fromPreview, state: 'approved', verdict: null, block: 'held' });
    const both = crmRows(
      rowsInput([a], { overview: overview([patched]), previews: previewed([a], () => ({ registration: fromPreview })) }),
    );
    expect(both[0]!.registration).to.equal(patched);
  });

  it('before its preview an open deal awaits the verdict and offers nothing; after it, its verdict and Register when it qualifies', () => {
    const a = crmDeal('a');
    expect(crmRows(rowsInput([a]))[0]).to.include({ state: 'not-registered', block: null, primary: null });
    expect(crmRows(rowsInput([a]))[0]!.verdict).to.deep.equal({ kind: 'awaiting-preview' });
    const [row] = crmRows(rowsInput([a], { previews: previewed([a], () => ({ unknownSkus: ['X-1'] })) }));
    expect(row!.verdict).to.deep.equal({
      kind: 'decided',
      eligibility: decision(true),
      lines: preview('a').lines,
      unknownSkus: ['X-1'],
    });
    expect(row).to.include({ primary: 'register' });
    expect(row!.secondary).to.deep.equal([]);
  });

  it('Register only when open, free, not protected by another partner and eligible', () => {
    const deals = [
      crmDeal('eligible'),
      crmDeal('not-eligible'),
      crmDeal('other-partner'),
      crmDeal('past', '2017-02-13'),
      crmDeal('pending'),
    ];
    const rows = crmRows(
      rowsInput(deals, {
        overview: overview([crmRegistration(deals[4]!, { status: 'submitted' })]),
        previews: previewed(deals, (id) =>
          id === 'not-eligible'
            ? { eligibility: decision(false) }
            : id === 'other-partner'
              ? { protectedByAnotherPartner: true }
              : {},
        ),
      }),
    );
    expect(rows.map((r) => [r.crm!.id, r.state, r.block, r.primary])).to.deep.equal([
      ['eligible', 'not-registered', null, 'register'],
      ['not-eligible', 'not-registered', null, null],
      ['other-partner', 'protected-by-other', 'protected-by-other', null],
      ['past', 'not-registered', 'closed', null],
      ['pending', 'submitted', 'claimed', null],
    ]);
    expect(only(rows, 'crm:not-eligible').verdict).to.deep.include({ kind: 'decided', eligibility: decision(false) });
    expect(only(rows, 'crm:other-partner').verdict, 'the vendor decision still shows').to.have.property('kind', 'decided');
    expect(only(rows, 'crm:past').verdict).to.equal(null);
  });

  it('a deal won or lost in the CRM is shown, never offered for registration nor anything else, whatever the vendor says', () => {
    const won = crmDeal('won', '2017-06-01', { closed: 'won' });
    const lost = crmDeal('lost', '2017-06-01', { closed: 'lost' });
    const lostRegistration = crmRegistration(lost, protectedThrough('2017-02-20'));
    const rows = crmRows(rowsInput([won, lost], { overview: overview([lostRegistration]), previews: previewed([won]) }));
    expect(rows.map((r) => [r.key, r.closedInCrm, r.block, r.verdict, r.primary, r.secondary])).to.deep.equal([
      ['crm:won', 'won', 'closed-in-crm', null, null, []],
      ['crm:lost', 'lost', 'closed-in-crm', null, null, []],
    ]);
    expect(only(rows, 'crm:lost').state).to.equal('expiring-soon');
  });

  it('a protection lapsing soon offers Extend first and the quote beside it; a quote already open is not asked twice', () => {
    const [soon, later] = [crmDeal('soon'), crmDeal('later')];
    const regs = [crmRegistration(soon, protectedThrough('2017-02-20')), crmRegistration(later, protectedThrough('2017-04-20'))];
    const rows = crmRows(rowsInput([soon, later], { overview: overview(regs) }));
    expect(rows.map((r) => [r.state, r.primary, r.secondary])).to.deep.equal([
      ['expiring-soon', 'extend', ['request-quote']],
      ['approved', 'request-quote', []],
    ]);
    const quoted = quote({ registrationId: 'reg-later', status: 'quoted', validUntil: '2017-03-01' });
    const withQuote = crmRows(rowsInput([soon, later], { overview: overview(regs, [quoted]) }));
    expect(withQuote.map((r) => [r.primary, r.quoteState])).to.deep.equal([
      ['extend', undefined],
      [null, 'valid'],
    ]);
  });

  it('a registered deal says what the CRM changed since: amount, close date, lines', () => {
    const a = crmDeal('a');
    const reg = crmRegistration(a, protectedThrough('2017-04-01'));
    const now = { ...a, amount: { value: 150000, currency: 'EUR' } };
    expect(crmRows(rowsInput([a], { overview: overview([reg]) }))[0]!.changes).to.deep.equal([]);
    expect(crmRows(rowsInput([now], { overview: overview([reg]) }))[0]!.changes).to.deep.equal([
      { field: 'amount', from: { value: 120000, currency: 'EUR' }, to: { value: 150000, currency: 'EUR' } },
    ]);
  });

  it('a preview that no longer matches the CRM deal is set aside: the deal awaits its verdict again', () => {
    const a = crmDeal('a');
    const moved = { ...a, closeDate: '2017-07-01' };
    const [row] = crmRows(rowsInput([moved], { previews: previewed([a], () => ({ protectedByAnotherPartner: true })) }));
    expect(row).to.include({ state: 'not-registered', primary: null });
    expect(row!.verdict).to.deep.equal({ kind: 'awaiting-preview' });
  });

  it('tells a deal closed in the CRM and never registered as won or lost; a registered one by its registration', () => {
    const [won, lost, open] = [
      crmDeal('won', undefined, { closed: 'won' }),
      crmDeal('lost', undefined, { closed: 'lost' }),
      crmDeal('open'),
    ];
    const registered = { ...crmDeal('reg'), closed: 'won' as const };
    const mine = crmRegistration(registered, { status: 'submitted' });
    const rows = crmRows(rowsInput([won, lost, open, registered], { overview: overview([mine]) }));
    expect(rows.slice(0, 4).map(shownState)).to.deep.equal(['won', 'lost', 'not-registered', 'submitted']);
  });
});
