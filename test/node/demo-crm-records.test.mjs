// The demo host's own logic (demo/crm-records.ts, issue 19 §4): the CRM owns its records and hands
// the panel a new object on every change; "New opportunity" reads the rep's draft into a valid CRM
// deal; the registration column follows the panel's events only; the invalid-records scenario holds
// exactly the errors the panel must name. Plus the URL's `records` mode.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addOpportunity,
  defaultCloseDate,
  followPanel,
  nextOpportunityId,
  readDraft,
  withInvalidRecords,
} from '../../demo/crm-records.ts';
import { readParams, writeParams } from '../../demo/params.ts';
import { HOST_STRINGS } from '../../demo/strings.ts';
import { demoCrmRecords, NAMED_PRODUCTS, SAMPLE_DEMO_CLOCK } from '../../mocks/index.ts';
import { readCrmRecords } from '../../src/schemas/crm-records.ts';

const CATALOGUE = NAMED_PRODUCTS;

/** Freezes an object and everything in it, so a mutation throws (the modules are strict mode). */
function deepFreeze(value) {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

const DRAFT = {
  name: 'Synergy pour le datacenter de Lille',
  amount: '180000',
  currency: 'EUR',
  closeDate: '2017-05-30',
  quantities: { 'SY480-G10': '4', 'SY12000-FRM': '1', 'DL380-G10': '' },
};

describe('demo host: "New opportunity"', () => {
  it('reads a draft into a CRM deal: lines in catalogue order with their family, a new deal at its first stage', () => {
    const reading = readDraft(DRAFT, CATALOGUE);
    assert.equal(reading.ok, true);
    assert.deepEqual(reading.opportunity, {
      name: 'Synergy pour le datacenter de Lille',
      amount: { value: 180_000, currency: 'EUR' },
      closeDate: '2017-05-30',
      stage: 'Prospecting',
      lines: [
        { sku: 'SY480-G10', family: 'composable', quantity: 4, description: 'Synergy 480 Gen10 compute module' },
        { sku: 'SY12000-FRM', family: 'composable', quantity: 1, description: 'Synergy 12000 frame' },
      ],
    });
  });

  for (const [what, change, field] of [
    ['a blank name', { name: '  ' }, 'name'],
    ['no amount', { amount: '' }, 'amount'],
    ['a negative amount', { amount: '-1' }, 'amount'],
    ['an amount that is no number', { amount: '12abc' }, 'amount'],
    ['a currency not offered', { currency: 'XYZ' }, 'currency'],
    ['a close date that does not exist', { closeDate: '2017-02-30' }, 'closeDate'],
    ['no close date', { closeDate: '' }, 'closeDate'],
    ['no product', { quantities: { 'SY480-G10': '0' } }, 'lines'],
    ['a quantity that is not whole', { quantities: { 'SY480-G10': '1.5' } }, 'lines'],
    ['a negative quantity', { quantities: { 'SY480-G10': '-2', 'AF40-FLASH': '1' } }, 'lines'],
  ]) {
    it(`names the field of ${what}, and nothing else`, () => {
      assert.deepEqual(readDraft({ ...DRAFT, ...change }, CATALOGUE), { ok: false, invalid: [field] });
    });
  }

  it('proposes a close date two months from the demo date', () => {
    assert.equal(defaultCloseDate(SAMPLE_DEMO_CLOCK), '2017-04-14');
    assert.equal(defaultCloseDate('2017-03-10'), '2017-05-10');
  });

  it('adds the deal to NEW records, first in the list, with an id no record holds; the records handed over are untouched', () => {
    const records = deepFreeze(demoCrmRecords('acc-nextgen'));
    const before = JSON.stringify(records);
    const reading = readDraft(DRAFT, CATALOGUE);
    const { records: next, id } = addOpportunity(records, reading.opportunity);
    assert.equal(JSON.stringify(records), before, 'the object the panel holds is unchanged');
    assert.notEqual(next, records);
    assert.notEqual(next.opportunities, records.opportunities);
    assert.notEqual(next.account, records.account);
    assert.deepEqual(next.account, records.account);
    assert.equal(next.opportunities.length, records.opportunities.length + 1);
    assert.deepEqual(next.opportunities[0], { ...reading.opportunity, id });
    assert.deepEqual(next.opportunities.slice(1), records.opportunities);
    assert.match(id, /^006[0-9A-Za-z]{12}$/, 'a Salesforce-like opportunity id');
    assert.ok(!records.opportunities.some((o) => o.id === id));
    assert.deepEqual(readCrmRecords(next).problems, [], 'the panel reads every record, the new one included');

    const again = addOpportunity(next, reading.opportunity);
    assert.notEqual(again.id, id, 'a second deal gets its own id');
    assert.equal(new Set(again.records.opportunities.map((o) => o.id)).size, again.records.opportunities.length);
  });

  it('never gives an id a record already holds', () => {
    const records = { account: { id: '001', name: 'A', country: 'FR' }, opportunities: [] };
    const first = nextOpportunityId(records);
    const taken = { ...records, opportunities: [{ ...readDraft(DRAFT, CATALOGUE).opportunity, id: first }] };
    assert.notEqual(nextOpportunityId(taken), first);
  });
});

describe('demo host: the registration column follows the panel', () => {
  const records = deepFreeze(demoCrmRecords('acc-dormant'));
  const [first, second] = records.opportunities;
  const states = (accountId, deals) => ({ type: 'deal-states', detail: { accountId, deals } });
  const deal = (id, state, extra = {}) => ({
    partnerOpportunityId: id,
    state,
    registrationId: null,
    protectedUntil: null,
    ...extra,
  });

  it('dealreg-deal-states sets each named deal of these records, in a new map', () => {
    const empty = deepFreeze(new Map());
    const next = followPanel(
      empty,
      states(records.account.id, [deal(first.id, 'not-registered'), deal(second.id, 'protected-by-other')]),
      records,
    );
    assert.notEqual(next, empty);
    assert.equal(empty.size, 0, 'the previous column is untouched');
    assert.deepEqual(next.get(first.id), {
      kind: 'standing',
      state: 'not-registered',
      protectedUntil: null,
      registrationId: null,
    });
    assert.equal(next.get(second.id).state, 'protected-by-other');
  });

  it("ignores another account's states, a deal the records do not hold, and news that changes nothing", () => {
    const empty = new Map();
    assert.equal(followPanel(empty, states('001other', [deal(first.id, 'approved')]), records), empty);
    assert.equal(followPanel(empty, states(records.account.id, [deal('006unknown', 'approved')]), records), empty);
    const once = followPanel(empty, states(records.account.id, [deal(first.id, 'submitted')]), records);
    assert.equal(followPanel(once, states(records.account.id, [deal(first.id, 'submitted')]), records), once);
  });

  it('a registration and an extension set their deal at once, by the CRM id they carry', () => {
    const registered = followPanel(
      new Map(),
      {
        type: 'registered',
        registration: { id: 'reg-1', status: 'approved', partnerOpportunityId: first.id, protectedUntil: '2017-06-15' },
      },
      records,
    );
    assert.deepEqual(registered.get(first.id), {
      kind: 'standing',
      state: 'approved',
      protectedUntil: '2017-06-15',
      registrationId: 'reg-1',
    });
    const extended = followPanel(
      registered,
      {
        type: 'extended',
        registration: { id: 'reg-1', status: 'approved', partnerOpportunityId: first.id, protectedUntil: '2017-08-14' },
      },
      records,
    );
    assert.equal(extended.get(first.id).protectedUntil, '2017-08-14');
    const rejected = followPanel(
      new Map(),
      { type: 'registered', registration: { id: 'reg-2', status: 'rejected', partnerOpportunityId: second.id } },
      records,
    );
    assert.equal(rejected.get(second.id).state, 'rejected');
    const portal = new Map();
    assert.equal(
      followPanel(portal, { type: 'registered', registration: { id: 'reg-3', status: 'submitted' } }, records),
      portal,
      'a registration with no CRM id is no deal of the list',
    );
  });

  it('invalid records are marked with their first wrong field', () => {
    const bad = withInvalidRecords(records, SAMPLE_DEMO_CLOCK);
    const { problems } = readCrmRecords(bad);
    const marked = followPanel(new Map(), { type: 'invalid-records', problems }, bad);
    assert.deepEqual(
      [...marked].map(([id, status]) => [id, status]),
      [
        ['006DEMOBADDATE0', { kind: 'invalid', field: 'closeDate' }],
        ['006DEMODUPLICAT', { kind: 'invalid', field: 'id' }],
      ],
    );
    const twice = [
      { record: '006DEMOBADDATE0', field: 'closeDate' },
      { record: '006DEMOBADDATE0', field: 'amount.value' },
    ];
    assert.deepEqual(followPanel(new Map(), { type: 'invalid-records', problems: twice }, bad).get('006DEMOBADDATE0'), {
      kind: 'invalid',
      field: 'closeDate',
    });
  });

  it("the column's words, English and French: a protection's end date, a record not sent, nothing known yet", () => {
    const date = (iso) => `<${iso}>`;
    const standing = (state, protectedUntil = null) => ({ kind: 'standing', state, protectedUntil, registrationId: 'r' });
    const { en, fr } = HOST_STRINGS;
    assert.equal(en.dealStatus(undefined, date), '—');
    assert.equal(en.dealStatus(standing('approved', '2017-06-15'), date), 'Protected until <2017-06-15>');
    assert.equal(fr.dealStatus(standing('approved', '2017-06-15'), date), 'Protégée jusqu’au <2017-06-15>');
    assert.equal(en.dealStatus(standing('expiring-soon', '2017-02-19'), date), 'Expiring <2017-02-19>');
    assert.equal(en.dealStatus(standing('not-registered'), date), 'Not registered');
    assert.equal(fr.dealStatus(standing('protected-by-other'), date), 'Protégée par un autre partenaire');
    assert.equal(en.dealStatus({ kind: 'invalid', field: 'closeDate' }, date), 'Not sent: invalid close date');
    assert.equal(fr.dealStatus({ kind: 'invalid', field: 'amount.value' }, date), 'Non envoyée : montant invalide');
    assert.equal(en.dealStatus({ kind: 'invalid', field: 'stage' }, date), 'Not sent: invalid record');
    assert.equal(fr.dealStatus({ kind: 'invalid', field: 'id' }, date), 'Non envoyée : identifiant en double');
  });
});

describe('demo host: the invalid-records scenario', () => {
  it('holds a wrong SIREN check digit, one id twice and a date that does not exist; the rest reads clean', () => {
    const records = deepFreeze(demoCrmRecords('acc-nextgen'));
    const bad = withInvalidRecords(records, SAMPLE_DEMO_CLOCK);
    const { records: kept, problems } = readCrmRecords(bad);
    assert.deepEqual(
      problems.map((p) => `${p.record} ${p.field}`),
      ['account siren', '006DEMOBADDATE0 closeDate', '006DEMODUPLICAT id'],
    );
    assert.deepEqual(kept.opportunities, records.opportunities, "the CRM's valid deals are all kept");
    assert.ok(kept.account.vatNumber, 'the account still matches by its VAT number');
  });
});

describe('demo URL: where the panel gets its deals', () => {
  it('records come from the CRM unless the link says portal or invalid', () => {
    assert.equal(readParams('?account=acc-nextgen').records, 'crm');
    assert.equal(readParams('?account=acc-nextgen&records=portal').records, 'portal');
    assert.equal(readParams('?account=acc-nextgen&records=invalid').records, 'invalid');
    assert.equal(readParams('?account=acc-nextgen&records=other').records, 'crm');
    assert.equal(writeParams(readParams('?account=acc-nextgen')), '?account=acc-nextgen');
    assert.equal(writeParams(readParams('?account=acc-nextgen&records=portal')), '?account=acc-nextgen&records=portal');
  });
});

describe("the demo CRM of the book's customers", () => {
  it("holds the deals the partner registered from it, under the CRM ids the registrations carry, and only the partner's", async () => {
    const { createMockBackend, createMemoryAdapter } = await import('../../mocks/index.ts');
    const core = createMockBackend();
    for (const [partner, token] of [
      ['alpha', 'demo-alpha'],
      ['beta', 'demo-beta'],
    ]) {
      // The partner's whole book: each registration from its CRM names the CRM's id.
      const rows = [];
      const adapter = createMemoryAdapter(core, { token });
      for (let cursor; ;) {
        const page = await adapter.listRegistrations({ limit: 100, ...(cursor ? { cursor } : {}) });
        rows.push(...page.rows);
        if (!(cursor = page.nextCursor)) break;
      }
      const customers = [...new Set(rows.map((r) => r.customer.id).filter((id) => id.startsWith('acc-book-')))];
      assert.ok(customers.length > 0, `${partner} has book customers`);
      for (const customer of customers.slice(0, 20)) {
        const records = demoCrmRecords(customer, { partner });
        const read = readCrmRecords(records);
        assert.deepEqual(read.problems, [], `${customer}: valid records`);
        const fromCrm = rows.filter((r) => r.customer.id === customer && r.registration.partnerOpportunityId);
        assert.deepEqual(
          records.opportunities.map((o) => o.id).sort(),
          [...new Set(fromCrm.map((r) => r.registration.partnerOpportunityId))].sort(),
          `${partner}'s CRM of ${customer}: its registered deals, by their CRM ids`,
        );
        for (const o of records.opportunities) {
          const row = fromCrm.find((r) => r.registration.partnerOpportunityId === o.id);
          assert.equal(
            o.closed ?? null,
            ['won', 'lost'].includes(row.status) ? row.status : null,
            `${o.id} closed as registered`,
          );
        }
      }
    }
    assert.throws(() => demoCrmRecords('acc-book-999'), RangeError);
  });
});
