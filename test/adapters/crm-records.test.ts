import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { keptAsHandedOver, MAX_CRM_OPPORTUNITIES, OpportunitySchema, readCrmRecords } from '../../src/schemas/crm-records.ts';

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

  describe('an opportunity taken as handed over without the schema', () => {
    /** What the schema does with it: keeps it as it is, copies it, or refuses it. */
    const schemaKeeps = (raw: unknown): boolean => {
      try {
        return OpportunitySchema.run(raw, '') === raw;
      } catch {
        return false;
      }
    };
    const present = <T extends object>(o: T): T =>
      Object.fromEntries(Object.entries(o).filter(([, value]) => value !== undefined)) as T;
    const word = fc.string({ minLength: 1, maxLength: 4 });
    const line = fc
      .record({
        sku: word,
        family: fc.option(word, { nil: undefined }),
        quantity: fc.integer({ min: 1, max: 9 }),
        description: fc.option(fc.string({ maxLength: 3 }), { nil: undefined }),
      })
      .map(present);
    const valid = fc
      .record({
        id: word,
        name: word,
        amount: fc.record({
          value: fc.oneof(fc.integer({ min: 0 }), fc.double({ min: 0, noNaN: true, noDefaultInfinity: true })),
          currency: fc.constantFrom('EUR', 'USD', 'JPY'),
        }),
        closeDate: fc.constantFrom('2017-05-31', '2016-02-29', '0001-01-01', '2099-12-31'),
        stage: fc.option(fc.string({ maxLength: 3 }), { nil: undefined }),
        closed: fc.option(fc.constantFrom('won', 'lost'), { nil: undefined }),
        lines: fc.array(line, { minLength: 1, maxLength: 3 }),
      })
      .map(present);
    // Near misses and anything else, put in a deal, its amount or its first line, or a key taken out.
    const odd = fc.constantFrom<unknown>(
      ...[undefined, null, 0, -0, -1, 1.5, NaN, Infinity, 2 ** 53, '', 'x', true, [], {}],
      ...['2017-02-29', '2017-13-01', '2017-5-31', '2017-05-31T00:00:00Z', 'eur', 'ZZQ', 'EURO', 'open'],
    );
    const keys = [
      'id',
      'name',
      'amount',
      'closeDate',
      'stage',
      'closed',
      'lines',
      'value',
      'currency',
      'sku',
      'family',
      'quantity',
      'description',
      'extra',
    ];
    const change = fc.record({
      where: fc.constantFrom('deal', 'amount', 'line'),
      key: fc.constantFrom(...keys),
      value: fc.oneof(odd, fc.constant('remove')),
    });
    const opportunity = fc.tuple(valid, fc.array(change, { maxLength: 2 })).map(([deal, changes]) => {
      const raw = structuredClone(deal) as Record<string, unknown> & {
        amount: Record<string, unknown>;
        lines: Record<string, unknown>[];
      };
      for (const { where, key, value } of changes) {
        const target = where === 'deal' ? raw : where === 'amount' ? raw.amount : raw.lines?.[0];
        if (typeof target !== 'object' || target === null) continue;
        if (value === 'remove') delete (target as Record<string, unknown>)[key];
        else (target as Record<string, unknown>)[key] = value;
      }
      return raw;
    });

    it('is taken exactly when the schema would keep it as it is', () => {
      fc.assert(
        fc.property(opportunity, (raw) => keptAsHandedOver(raw) === schemaKeeps(raw)),
        { numRuns: 5000 },
      );
      expect(keptAsHandedOver(deal('006A', { stage: 'Proposal', closed: 'won' }))).to.equal(true);
    });

    it('never when a key it names is inherited, holds undefined, or a line is missing from a sparse list', () => {
      const inherited = Object.assign(Object.create({ stage: 'Proposal' }) as object, deal('006A'));
      const sparse = deal('006A', { lines: [, { sku: 'X', quantity: 1 }] }); // eslint-disable-line no-sparse-arrays
      for (const raw of [inherited, deal('006A', { stage: undefined }), sparse, [deal('006A')], null]) {
        expect(keptAsHandedOver(raw)).to.equal(false);
        expect(schemaKeeps(raw) && raw).to.equal(false);
      }
    });
  });
});
