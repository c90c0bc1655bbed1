// A CRM deal at the vendor (issue 19 §2): registered with its data (the vendor keeps it as its own
// record, private to the partner, and weighs it by rule 1 for everyone), and previewed before any
// click. Privacy both ways: another partner learns nothing but the opaque marker.
import { expect } from '@open-wc/testing';
import { createMockBackend, DEMO_CUSTOMERS, DEMO_PARTNERS, type MockBackend } from '../../mocks/index.ts';
import type { CoreResult } from '../../mocks/core/backend-core.ts';
import type { DealPreviews, DealSubmission } from '../../src/domain/deal.ts';
import type { Registration } from '../../src/domain/types.ts';
import { ALPHA, BETA, allOpportunities, body, newKey, overviewOf, problemCode, registrationOf } from './helpers.ts';

const ref = (account: keyof typeof DEMO_CUSTOMERS) => `siren:${DEMO_CUSTOMERS[account].siren}`;
const NEW_CUSTOMER = 'siren:732829320';

/** A CRM deal closing in 60 days from the default clock (2017-02-14), with a Synergy line and a services line. */
function crmDeal(overrides: Partial<DealSubmission> = {}): DealSubmission {
  return {
    partnerOpportunityId: '006A0000001',
    name: 'Synergy pour le site de Gerland',
    amount: { value: 150_000, currency: 'EUR' },
    closeDate: '2017-04-15',
    lines: [
      { sku: 'SY480-G10', quantity: 4 },
      { sku: 'PS-DEPLOY', quantity: 1, description: 'Déploiement' },
    ],
    ...overrides,
  };
}

const registerDeal = (backend: MockBackend, token: string, accountId: string, deal: DealSubmission, extra = {}) =>
  backend.registerOpportunity(token, { accountId, deal, presalesActivities: ['workshop'], ...extra }, newKey());
const preview = async (backend: MockBackend, token: string, accountRef: string, deals: DealSubmission[]) =>
  body<DealPreviews>(await backend.previewDeals(token, accountRef, { deals }));
const detailOf = (result: CoreResult) => (result.ok ? `${result.status}` : `${result.status} ${result.problem.detail ?? ''}`);

describe('registering a CRM deal', () => {
  let backend: MockBackend;
  beforeEach(() => {
    backend = createMockBackend();
  });

  it('answers the registration with the CRM id, the deal as the vendor classified it and the SKUs it lacks', async () => {
    const reg = registrationOf(await registerDeal(backend, ALPHA, ref('acc-nextgen'), crmDeal()));
    expect(reg.status).to.equal('approved');
    expect(reg.accountId, 'the vendor’s account, found by its SIREN').to.equal('acc-nextgen');
    expect(reg.partnerOpportunityId).to.equal('006A0000001');
    expect(reg.deal).to.deep.equal({
      name: 'Synergy pour le site de Gerland',
      amount: { value: 150_000, currency: 'EUR' },
      closeDate: '2017-04-15',
      lines: [
        { sku: 'SY480-G10', quantity: 4, family: 'composable', generation: 'latest' },
        { sku: 'PS-DEPLOY', quantity: 1, family: null, generation: null },
      ],
    });
    expect(reg.unknownSkus).to.deep.equal(['PS-DEPLOY']);
  });

  it('keeps the deal as the partner’s own record: listed to it, to no other partner, and 409 while it blocks', async () => {
    const reg = registrationOf(await registerDeal(backend, ALPHA, 'acc-nextgen', crmDeal()));
    const alpha = overviewOf(await backend.getAccountOverview(ALPHA, 'acc-nextgen'));
    expect(alpha.opportunities.map((o) => o.id)).to.include(reg.opportunityId);
    expect(alpha.registrations.find((r) => r.id === reg.id)?.partnerOpportunityId).to.equal('006A0000001');
    const beta = JSON.stringify(await allOpportunities(backend, BETA, 'acc-nextgen'));
    const betaOverview = JSON.stringify(await backend.getAccountOverview(BETA, 'acc-nextgen'));
    for (const secret of [reg.opportunityId, reg.id, '006A0000001', 'Synergy pour le site de Gerland']) {
      expect(beta, secret).not.to.contain(secret);
      expect(betaOverview, secret).not.to.contain(secret);
    }
    const again = await registerDeal(backend, ALPHA, ref('acc-nextgen'), crmDeal({ amount: { value: 1, currency: 'EUR' } }));
    expect([again.status, problemCode(again)]).to.deep.equal([409, 'already-registered']);
    // The old body names it like an opportunity that does not exist, for another partner.
    const foreign = await backend.registerOpportunity(
      BETA,
      { accountId: 'acc-nextgen', opportunityId: reg.opportunityId, presalesActivities: ['demo'] },
      newKey(),
    );
    const missing = await backend.registerOpportunity(
      BETA,
      { accountId: 'acc-nextgen', opportunityId: 'opp-none', presalesActivities: ['demo'] },
      newKey(),
    );
    expect(detailOf(foreign)).to.equal(detailOf(missing));
  });

  it('rejects a deal another partner protects (rule 1, from the deal itself) without saying who; and the other way round', async () => {
    // Beta protects acc-conflict's flash array: alpha's CRM deal for the same customer, family and window.
    const flash = crmDeal({ partnerOpportunityId: '006A0000002', lines: [{ sku: 'AF40-FLASH', quantity: 1 }] });
    const rejected = registrationOf(await registerDeal(backend, ALPHA, `duns:${DEMO_CUSTOMERS['acc-conflict'].duns}`, flash));
    expect([rejected.status, rejected.reasons]).to.deep.equal(['rejected', ['already-protected']]);
    const beta = DEMO_PARTNERS[1]!;
    const betaIds = backend
      .inspect()
      .registrations.filter((r) => r.partnerId === beta.id)
      .map((r) => r.id);
    for (const secret of [beta.id, beta.name, ...betaIds]) expect(JSON.stringify(rejected)).not.to.contain(secret);
    // Alpha's protected CRM deal at acc-nextgen holds the vendor's deal there against beta.
    registrationOf(await registerDeal(backend, ALPHA, 'acc-nextgen', crmDeal()));
    const betaTry = registrationOf(
      await backend.registerOpportunity(
        BETA,
        { accountId: 'acc-nextgen', opportunityId: 'opp-nextgen-synergy', presalesActivities: ['sizing'] },
        newKey(),
      ),
    );
    expect(betaTry.reasons).to.deep.equal(['already-protected']);
    const betaView = overviewOf(await backend.getAccountOverview(BETA, 'acc-nextgen'));
    expect(betaView.opportunities.find((o) => o.id === 'opp-nextgen-synergy')?.protectedByAnotherPartner).to.equal(true);
  });

  it('after a rejection, the same CRM deal registered again is the same vendor record, brought up to date', async () => {
    const classic = crmDeal({ lines: [{ sku: 'DL380-G10', quantity: 2 }] });
    const first = registrationOf(await registerDeal(backend, ALPHA, 'acc-other-installed', classic));
    expect([first.status, first.reasons]).to.deep.equal(['rejected', ['not-eligible']]);
    const fixed = { ...classic, lines: [...classic.lines, { sku: 'SY480-G10', quantity: 1 }] };
    const second = registrationOf(await registerDeal(backend, ALPHA, 'acc-other-installed', fixed));
    expect(second.status).to.equal('approved');
    expect(second.opportunityId, 'one record per CRM deal').to.equal(first.opportunityId);
    const record = backend.inspect().opportunities.find((o) => o.id === first.opportunityId)!;
    expect(record.lines.map((l) => l.sku)).to.deep.equal(['DL380-G10', 'SY480-G10']);
    expect(second.deal!.lines.map((l) => l.family)).to.deep.equal(['rack-servers', 'composable']);
  });

  it('creates the record of a customer it does not know: found by that reference next time, named to that partner only', async () => {
    const reg = registrationOf(
      await registerDeal(backend, ALPHA, NEW_CUSTOMER, crmDeal(), { customer: { name: 'Verrerie du Lot', country: 'FR' } }),
    );
    expect([reg.status, reg.accountId]).to.deep.equal(['approved', NEW_CUSTOMER]);
    const alpha = overviewOf(await backend.getAccountOverview(ALPHA, NEW_CUSTOMER));
    expect(alpha.account).to.deep.equal({ id: NEW_CUSTOMER, name: 'Verrerie du Lot', country: 'FR' });
    expect(alpha.registrations.map((r) => r.id)).to.deep.equal([reg.id]);
    // To beta, the customer is exactly what an unknown one is: nothing says alpha registered there.
    const betaThere = overviewOf(await backend.getAccountOverview(BETA, NEW_CUSTOMER));
    const betaElsewhere = overviewOf(await backend.getAccountOverview(BETA, 'siren:552100554'));
    expect({ ...betaThere, account: null }).to.deep.equal({ ...betaElsewhere, account: null });
    expect(betaThere.account).to.deep.equal({ id: NEW_CUSTOMER, name: '', country: '' });
  });

  it('refuses what is not one registration: both bodies at once, a field wrong (named by its path), an unknown account', async () => {
    const cases: Array<[unknown, string]> = [
      [
        { accountId: 'acc-nextgen', opportunityId: 'opp-nextgen-synergy', deal: crmDeal(), presalesActivities: [] },
        'a registration names either opportunityId or deal, not both',
      ],
      [{ accountId: 'acc-nextgen', deal: 'the big one', presalesActivities: [] }, 'deal must be an object'],
      [
        { accountId: 'acc-nextgen', deal: crmDeal({ name: '' }), presalesActivities: [] },
        'deal.name must be a non-empty string of at most 255 characters',
      ],
      [
        { accountId: 'acc-nextgen', deal: crmDeal({ closeDate: '2017-02-30' }), presalesActivities: [] },
        'deal.closeDate must be a calendar date (YYYY-MM-DD)',
      ],
      [
        { accountId: 'acc-nextgen', deal: crmDeal({ amount: { value: -1, currency: 'EUR' } }), presalesActivities: [] },
        'deal.amount.value must be a finite number from 0',
      ],
      [
        { accountId: 'acc-nextgen', deal: crmDeal({ amount: { value: 1, currency: 'euro' } }), presalesActivities: [] },
        'deal.amount.currency must be an ISO 4217 code',
      ],
      [
        { accountId: 'acc-nextgen', deal: crmDeal({ lines: [{ sku: 'SY480-G10', quantity: 0 }] }), presalesActivities: [] },
        'deal.lines.0.quantity must be a whole number from 1',
      ],
      [
        { accountId: 'acc-nextgen', deal: crmDeal({ lines: [null as never] }), presalesActivities: [] },
        'deal.lines.0 must be an object',
      ],
      [{ accountId: 'acc-nextgen', deal: crmDeal(), presalesActivities: ['golf'] }, 'unknown presales activity: golf'],
      [
        { accountId: 'acc-nextgen', deal: crmDeal(), presalesActivities: [], customer: { name: 'X', country: 'France' } },
        'customer.country must be an ISO 3166 code',
      ],
      [{ accountId: 'acc-nowhere', deal: crmDeal(), presalesActivities: ['demo'] }, 'unknown accountId'],
      [
        { accountId: 'siren:732829321', deal: crmDeal(), presalesActivities: ['demo'] },
        'siren: must be followed by a SIREN: 9 digits with a valid check digit',
      ],
    ];
    const before = backend.inspect();
    for (const [request, detail] of cases) {
      expect(detailOf(await backend.registerOpportunity(ALPHA, request, newKey())), detail).to.equal(`400 ${detail}`);
    }
    const after = backend.inspect();
    expect([after.registrations.length, after.opportunities.length, after.accounts.length]).to.deep.equal([
      before.registrations.length,
      before.opportunities.length,
      before.accounts.length,
    ]);
  });
});

describe('previewing CRM deals', () => {
  let backend: MockBackend;
  beforeEach(() => {
    backend = createMockBackend({ quoteDecisionDelayMs: 0 });
  });

  it('tells each deal, in the order sent: its lines classified, the SKUs unknown, the engine’s decision at the server’s date', async () => {
    const classic = crmDeal({ partnerOpportunityId: 'b', lines: [{ sku: 'ML350-G10', quantity: 3 }] });
    const { asOf, previews } = await preview(backend, ALPHA, ref('acc-other-installed'), [
      crmDeal({ partnerOpportunityId: 'a' }),
      classic,
    ]);
    expect(asOf).to.equal(backend.now());
    expect(previews.map((p) => p.partnerOpportunityId)).to.deep.equal(['a', 'b']);
    expect(previews[0]!.unknownSkus).to.deep.equal(['PS-DEPLOY']);
    expect(previews[0]!.eligibility).to.include({ eligible: true, at: '2017-02-14' });
    expect(previews[0]!.eligibility.basis).to.deep.equal(['latest-generation']);
    expect(previews[1]!.lines).to.deep.equal([{ sku: 'ML350-G10', quantity: 3, family: 'tower-servers', generation: 'classic' }]);
    expect(previews[1]!.eligibility.eligible, 'a classic deal at beta’s customer').to.equal(false);
    expect(previews.map((p) => [p.protectedByAnotherPartner, p.registration, p.quote])).to.deep.equal([
      [false, null, null],
      [false, null, null],
    ]);
  });

  it('joins this partner’s registration of the CRM deal and its latest quote, and stores nothing', async () => {
    const reg = registrationOf(await registerDeal(backend, ALPHA, 'acc-nextgen', crmDeal()));
    await backend.requestQuote(ALPHA, reg.id, newKey());
    const before = backend.inspect();
    const [seen] = (await preview(backend, ALPHA, ref('acc-nextgen'), [crmDeal()])).previews;
    expect(seen!.registration).to.deep.equal(reg);
    expect(seen!.quote?.registrationId).to.equal(reg.id);
    expect(seen!.quote?.status).to.equal('quoted');
    const after = backend.inspect();
    expect([after.registrations.length, after.quotes.length, after.opportunities.length]).to.deep.equal([
      before.registrations.length,
      before.quotes.length,
      before.opportunities.length,
    ]);
  });

  it('privacy both ways: beta’s preview of alpha’s protected deal says only protectedByAnotherPartner', async () => {
    const reg: Registration = registrationOf(await registerDeal(backend, ALPHA, 'acc-nextgen', crmDeal()));
    const answer = await backend.previewDeals(BETA, ref('acc-nextgen'), { deals: [crmDeal()] });
    const [seen] = body<DealPreviews>(answer).previews;
    expect([seen!.protectedByAnotherPartner, seen!.registration, seen!.quote]).to.deep.equal([true, null, null]);
    const alpha = DEMO_PARTNERS[0]!;
    for (const secret of [alpha.id, alpha.name, reg.id, reg.opportunityId]) expect(JSON.stringify(answer)).not.to.contain(secret);
    // A deal that shares no family with alpha's is not the same deal.
    const other = crmDeal({ lines: [{ sku: 'AF40-FLASH', quantity: 1 }] });
    expect((await preview(backend, BETA, ref('acc-nextgen'), [other])).previews[0]!.protectedByAnotherPartner).to.equal(false);
  });

  it('judges a customer the vendor has no record of as a new account, and refuses a wrong request', async () => {
    const [fresh] = (await preview(backend, ALPHA, NEW_CUSTOMER, [crmDeal({ lines: [{ sku: 'DL380-G10', quantity: 1 }] })]))
      .previews;
    expect(fresh!.eligibility.eligible).to.equal(true);
    expect(fresh!.eligibility.hints.map((h) => h.code)).to.include('qualifies-new-account');
    const refused = async (accountRef: string, request: unknown) =>
      detailOf(await backend.previewDeals(ALPHA, accountRef, request));
    expect(await refused('acc-nowhere', { deals: [crmDeal()] })).to.equal('404 no such account');
    expect(await refused('siren:732829321', { deals: [crmDeal()] })).to.match(/^400 siren:/);
    expect(await refused('acc-nextgen', { deals: [] })).to.equal('400 deals must be an array of 1 to 25 deals');
    const many = Array.from({ length: 26 }, (_, i) => crmDeal({ partnerOpportunityId: `006-${i}` }));
    expect(await refused('acc-nextgen', { deals: many })).to.equal('400 deals must be an array of 1 to 25 deals');
    expect(await refused('acc-nextgen', { deals: [crmDeal(), crmDeal({ closeDate: '14/02/2017' })] })).to.equal(
      '400 deals.1.closeDate must be a calendar date (YYYY-MM-DD)',
    );
    expect(await refused('acc-nextgen', null)).to.equal('400 the body must be a JSON object');
    expect((await backend.previewDeals(null, 'acc-nextgen', { deals: [crmDeal()] })).status).to.equal(401);
  });
});
