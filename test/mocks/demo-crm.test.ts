// demoCrmRecords (dealreg/mock): the CRM side of each demo scenario. Every record is valid as the
// panel reads records, and the records join the vendor's data: the scenarios' registrations carry
// the CRM ids of these deals and their snapshots, and previews of the records tell each scenario's
// story (docs/program.md §6).
import { expect } from '@open-wc/testing';
import {
  createMockBackend,
  DEMO_ACCOUNT_IDS,
  demoCrmRecords,
  LARGE_OPPORTUNITIES,
  type DemoAccountId,
} from '../../mocks/index.ts';
import type { CrmOpportunity, CrmRecords } from '../../src/domain/crm.ts';
import type { DealPreviews, DealSubmission } from '../../src/domain/deal.ts';
import { sirenOf } from '../../src/program/customer-identifiers.ts';
import { readCrmRecords } from '../../src/schemas/crm-records.ts';
import { ALPHA, BETA, body, overviewOf } from './helpers.ts';

/** The reference a host sends for a CRM account: its SIREN (or the one in its VAT number), else its DUNS. */
function referenceOf(records: CrmRecords): string {
  const siren = sirenOf(records.account);
  return siren !== null ? `siren:${siren}` : `duns:${records.account.duns!}`;
}

const submission = (o: CrmOpportunity): DealSubmission => ({
  partnerOpportunityId: o.id,
  name: o.name,
  amount: o.amount,
  closeDate: o.closeDate,
  lines: o.lines,
});

describe('demoCrmRecords', () => {
  it('every record of every scenario, for both partners and two dates, is read with no problem', () => {
    for (const anchor of [undefined, '2018-06-30T12:00:00Z']) {
      for (const partner of ['alpha', 'beta'] as const) {
        for (const account of DEMO_ACCOUNT_IDS) {
          const records = demoCrmRecords(account, { ...(anchor ? { anchor } : {}), partner });
          const reading = readCrmRecords(records);
          expect(reading.problems, `${account} for ${partner}`).to.deep.equal([]);
          expect(reading.records, `${account} kept whole`).to.deep.equal(records);
        }
      }
    }
  });

  it('has Salesforce-like ids of its own per partner, and 1,000 opportunities at acc-large', () => {
    const large = demoCrmRecords('acc-large');
    expect(large.opportunities).to.have.length(LARGE_OPPORTUNITIES);
    expect(large.account.id).to.match(/^001[0-9A-Za-z]{12}$/);
    for (const o of large.opportunities) expect(o.id).to.match(/^006[0-9A-Za-z]{12}$/);
    const alphaIds = new Set(DEMO_ACCOUNT_IDS.flatMap((a) => demoCrmRecords(a).opportunities.map((o) => o.id)));
    const betaIds = DEMO_ACCOUNT_IDS.flatMap((a) => demoCrmRecords(a, { partner: 'beta' }).opportunities.map((o) => o.id));
    expect(
      betaIds.filter((id) => alphaIds.has(id)),
      'beta’s CRM is not alpha’s',
    ).to.deep.equal([]);
    expect(demoCrmRecords('acc-empty').opportunities).to.deep.equal([]);
  });

  it('is dated from the anchor, as the backend’s scenarios are, and returns new objects every call', async () => {
    const anchor = '2017-06-01T08:00:00Z';
    const backend = createMockBackend({ clock: anchor });
    const vendor = overviewOf(await backend.getAccountOverview(ALPHA, 'acc-dormant')).opportunities[0]!;
    const crm = demoCrmRecords('acc-dormant', { anchor }).opportunities.find((o) => o.name === vendor.name)!;
    expect(crm.closeDate).to.equal(vendor.closeDate);
    expect(demoCrmRecords('acc-dormant').opportunities[0]!.closeDate).not.to.equal(vendor.closeDate);
    const first = demoCrmRecords('acc-nextgen');
    first.opportunities[0]!.lines.length = 0;
    expect(demoCrmRecords('acc-nextgen').opportunities[0]!.lines.length).to.be.greaterThan(0);
  });

  it('joins the vendor’s data: each seeded registration carries its partner’s CRM id of the deal and the deal as the CRM holds it', async () => {
    const backend = createMockBackend();
    const joined: string[] = [];
    for (const [token, partner] of [
      [ALPHA, 'alpha'],
      [BETA, 'beta'],
    ] as const) {
      for (const account of DEMO_ACCOUNT_IDS.filter((a) => a !== 'acc-broken' && a !== 'acc-large')) {
        const records = demoCrmRecords(account, { partner });
        const overview = overviewOf(await backend.getAccountOverview(token, referenceOf(records)));
        expect(overview.account.id, `${account}'s identifiers find it`).to.equal(account);
        for (const reg of overview.registrations) {
          const crm = records.opportunities.find((o) => o.id === reg.partnerOpportunityId);
          expect(crm, `${partner}'s registration at ${account} names a deal of its CRM`).to.exist;
          const { name, amount, closeDate } = crm!;
          expect({ name, amount, closeDate }).to.deep.equal({
            name: reg.deal!.name,
            amount: reg.deal!.amount,
            closeDate: reg.deal!.closeDate,
          });
          expect(reg.deal!.lines.map((l) => [l.sku, l.quantity])).to.deep.equal(crm!.lines.map((l) => [l.sku, l.quantity]));
          joined.push(`${partner} ${account}`);
        }
      }
    }
    expect(joined).to.deep.equal(['alpha acc-protected', 'alpha acc-expiring', 'alpha acc-quoted', 'beta acc-conflict']);
  });

  it('previewed as a host would, each scenario tells its story', async () => {
    const backend = createMockBackend({ quoteDecisionDelayMs: 0 });
    const story = async (account: DemoAccountId) => {
      const records = demoCrmRecords(account);
      const open = records.opportunities.filter((o) => !o.closed);
      if (open.length === 0) return [];
      const { previews } = body<DealPreviews>(
        await backend.previewDeals(ALPHA, referenceOf(records), { deals: open.map(submission) }),
      );
      return previews.map((p) => ({
        eligible: p.eligibility.eligible,
        basis: p.eligibility.basis,
        other: p.protectedByAnotherPartner,
        registration: p.registration?.status ?? null,
        quote: p.quote?.status ?? null,
        unknown: p.unknownSkus,
      }));
    };
    const one = (eligible: boolean, basis: string[], more: object = {}) => [
      { eligible, basis, other: false, registration: null, quote: null, unknown: [], ...more },
    ];
    expect(await story('acc-nextgen')).to.deep.equal(one(true, ['latest-generation'], { unknown: ['PS-DEPLOY-SYN'] }));
    expect(await story('acc-dormant')).to.deep.equal(one(true, ['dormant-account']));
    expect(await story('acc-installed')).to.deep.equal(one(true, ['installed-base']));
    expect(await story('acc-other-installed')).to.deep.equal(one(false, []));
    expect(await story('acc-conflict')).to.deep.equal(one(true, ['latest-generation'], { other: true }));
    const protectedBasis = ['latest-generation', 'dormant-account'];
    expect(await story('acc-protected')).to.deep.equal(one(true, protectedBasis, { registration: 'approved' }));
    expect(await story('acc-expiring')).to.deep.equal(one(true, protectedBasis, { registration: 'approved' }));
    expect(await story('acc-quoted')).to.deep.equal(one(true, protectedBasis, { registration: 'approved', quote: 'quoted' }));
    expect(await story('acc-empty')).to.deep.equal([]);
    const closed = DEMO_ACCOUNT_IDS.flatMap((a) =>
      demoCrmRecords(a)
        .opportunities.filter((o) => o.closed)
        .map((o) => `${a} ${o.closed}`),
    );
    expect(closed).to.deep.equal(['acc-dormant lost', 'acc-installed won']);
  });
});
