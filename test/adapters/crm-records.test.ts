import { expect } from '@open-wc/testing';
import { MAX_CRM_OPPORTUNITIES, readCrmRecords } from '../../src/schemas/crm-records.ts';

const account = { id: '001A', name: 'Hôpital Nord', country: 'FR', siren: '404833048' };
const deal = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  name: `Deal ${id}`,
  amount: { value: 120000, currency: 'EUR' },
  closeDate: '2017-05-31',
  lines: [{ sku: 'SY-480-G10', family: 'composable', quantity: 4 }],
  ...over,
});

describe('reading the host CRM records', () => {
  it('keeps valid records as they are, with no problem', () => {
    const { records, problems } = readCrmRecords({ account, opportunities: [deal('006A'), deal('006B', { closed: 'won' })] });
    expect(problems).to.deep.equal([]);
    expect(records!.account).to.deep.equal(account);
    expect(records!.opportunities.map((o) => o.id)).to.deep.equal(['006A', '006B']);
    expect(records!.opportunities[1]!.closed).to.equal('won');
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ['a missing id', { id: undefined }, 'id'],
    ['an empty id', { id: '' }, 'id'],
    ['a negative amount', { amount: { value: -1, currency: 'EUR' } }, 'amount.value'],
    ['an infinite amount', { amount: { value: Infinity, currency: 'EUR' } }, 'amount.value'],
    ['an amount as text', { amount: { value: '120000', currency: 'EUR' } }, 'amount.value'],
    ['a currency that is not ISO 4217', { amount: { value: 1, currency: 'EURO' } }, 'amount.currency'],
    ['a made-up three-letter currency', { amount: { value: 1, currency: 'ZZQ' } }, 'amount.currency'],
    ['a close date that does not exist', { closeDate: '2017-02-30' }, 'closeDate'],
    ['a close date in another format', { closeDate: '31/05/2017' }, 'closeDate'],
    ['a line without a SKU', { lines: [{ quantity: 1 }] }, 'lines.0.sku'],
    ['a line of no units', { lines: [{ sku: 'X', quantity: 0 }] }, 'lines.0.quantity'],
  ];
  for (const [what, over, field] of invalid) {
    it(`names and leaves out an opportunity with ${what}, keeping the others`, () => {
      const { records, problems } = readCrmRecords({ account, opportunities: [deal('006A'), deal('006B', over)] });
      expect(records!.opportunities.map((o) => o.id)).to.deep.equal(['006A']);
      expect(problems).to.have.length(1);
      expect(problems[0]).to.include({ field });
      expect(problems[0]!.record).to.be.oneOf(['006B', 'opportunities.1']);
    });
  }

  it('leaves out both holders of a duplicated id (a join on it would be a guess)', () => {
    const { records, problems } = readCrmRecords({ account, opportunities: [deal('006A'), deal('006B'), deal('006A')] });
    expect(records!.opportunities.map((o) => o.id)).to.deep.equal(['006B']);
    expect(problems).to.deep.equal([
      { record: '006A', field: 'id', message: 'expected a unique id, found 2 opportunities with it' },
    ]);
  });

  it('drops a SIREN whose check digit is wrong, so it is never sent, and keeps the account', () => {
    const { records, problems } = readCrmRecords({
      account: { ...account, siren: '404833049', duns: '150483782' },
      opportunities: [],
    });
    expect(records!.account).to.deep.equal({ id: '001A', name: 'Hôpital Nord', country: 'FR', duns: '150483782' });
    expect(problems).to.have.length(1);
    expect(problems[0]).to.include({ record: 'account', field: 'siren' });
  });

  it('cannot use an account without an id, and says so', () => {
    const { records, problems } = readCrmRecords({ account: { name: 'X', country: 'FR' }, opportunities: [deal('006A')] });
    expect(records).to.equal(null);
    expect(problems[0]).to.include({ record: 'account', field: 'id' });
  });

  it(`keeps the first ${MAX_CRM_OPPORTUNITIES} opportunities and names the overflow`, () => {
    const many = Array.from({ length: MAX_CRM_OPPORTUNITIES + 3 }, (_, i) => deal(`006-${i}`));
    const { records, problems } = readCrmRecords({ account, opportunities: many });
    expect(records!.opportunities).to.have.length(MAX_CRM_OPPORTUNITIES);
    expect(problems).to.have.length(1);
    expect(problems[0]).to.include({ record: 'records', field: 'opportunities' });
  });

  it('never throws on what is not records at all', () => {
    for (const input of [null, 42, 'records', [], { account: null }, { account, opportunities: 'many' }]) {
      expect(() => readCrmRecords(input)).not.to.throw();
      expect(readCrmRecords(input).problems).to.not.be.empty;
    }
  });
});
