// The conformance suite's part on CRM deals (issue 19 §2), run by runAdapterConformance on every
// adapter: accounts named by their identifiers, a CRM deal registered with its data, deals previewed
// before any click, with the same errors, privacy and cancellation on every adapter.
import { expect } from '@open-wc/testing';
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { DealSubmission } from '../../src/domain/deal.ts';
import type { DealRegError, DealRegErrorCode } from '../../src/errors.ts';
import { DEMO_CUSTOMERS, type MockBackend } from '../../mocks/index.ts';

type Expect = (promise: Promise<unknown>, code: DealRegErrorCode) => Promise<DealRegError>;

const ALPHA = 'demo-alpha';
const BETA = 'demo-beta';
const NEXTGEN = `siren:${DEMO_CUSTOMERS['acc-nextgen'].siren}`;

const deal = (partnerOpportunityId: string, sku = 'SY480-G10'): DealSubmission => ({
  partnerOpportunityId,
  name: 'Synergy pour Gerland',
  amount: { value: 120_000, currency: 'EUR' },
  closeDate: '2017-04-20',
  lines: [
    { sku, family: 'composable', quantity: 2 },
    { sku: 'PS-DEPLOY', quantity: 1 },
  ],
});

let keys = 0;
const key = () => ({ idempotencyKey: `crm-conformance-${Date.now()}-${++keys}` });

export function crmDealConformance(
  as: (token: string) => Promise<DealRegAdapter>,
  core: () => MockBackend,
  expectError: Expect,
): void {
  describe('CRM deals', () => {
    it('names an account by its SIREN or DUNS exactly as by its id; an unknown customer is a new account; a bad SIREN invalid-request', async () => {
      const alpha = await as(ALPHA);
      const byId = await alpha.getAccountOverview('acc-conflict');
      const byDuns = await alpha.getAccountOverview(`duns:${DEMO_CUSTOMERS['acc-conflict'].duns}`);
      expect(byDuns).to.deep.equal(byId);
      const fresh = await alpha.getAccountOverview('siren:732829320');
      expect([fresh.account, fresh.opportunityCounts.total, fresh.orders.lastInfraOrderAt]).to.deep.equal([
        { id: 'siren:732829320', name: '', country: '' },
        0,
        null,
      ]);
      expect((await expectError(alpha.getAccountOverview('siren:732829321'), 'invalid-request')).status).to.equal(400);
    });

    it('registers a CRM deal: the answer carries its CRM id, its snapshot and the SKUs the vendor lacks; again, already-registered', async () => {
      const alpha = await as(ALPHA);
      const request = { accountId: NEXTGEN, deal: deal('006CONF0001'), presalesActivities: ['workshop'] };
      const registration = await alpha.registerOpportunity(request, key());
      expect(registration.status).to.equal('approved');
      expect(registration.partnerOpportunityId).to.equal('006CONF0001');
      expect(registration.deal!.lines.map((l) => [l.sku, l.family, l.generation])).to.deep.equal([
        ['SY480-G10', 'composable', 'latest'],
        ['PS-DEPLOY', null, null],
      ]);
      expect(registration.unknownSkus).to.deep.equal(['PS-DEPLOY']);
      expect((await alpha.getAccountOverview('acc-nextgen')).registrations.map((r) => r.id)).to.include(registration.id);
      expect((await expectError(alpha.registerOpportunity(request, key()), 'already-registered')).status).to.equal(409);
    });

    it('previews deals in the order sent, joins this partner’s registration, and tells another partner only the marker', async () => {
      const alpha = await as(ALPHA);
      const registration = await alpha.registerOpportunity(
        { accountId: NEXTGEN, deal: deal('006CONF0002'), presalesActivities: ['sizing'] },
        key(),
      );
      const { previews } = await alpha.previewDeals!(NEXTGEN, [deal('006CONF0003', 'DL380-G10'), deal('006CONF0002')]);
      expect(previews.map((p) => p.partnerOpportunityId)).to.deep.equal(['006CONF0003', '006CONF0002']);
      expect(previews[0]!.lines[0]).to.deep.equal({
        sku: 'DL380-G10',
        quantity: 2,
        family: 'rack-servers',
        generation: 'classic',
      });
      expect(previews[0]!.registration).to.equal(null);
      expect(previews[1]!.registration).to.deep.equal(registration);
      const beta = await (await as(BETA)).previewDeals!(NEXTGEN, [deal('006CONF0002')]);
      expect([beta.previews[0]!.protectedByAnotherPartner, beta.previews[0]!.registration]).to.deep.equal([true, null]);
      expect(JSON.stringify(beta)).not.to.contain(registration.id);
      expect(JSON.stringify(beta)).not.to.contain('Alpha');
    });

    it('a preview’s errors: invalid-request for 26 deals, not-found for an unknown account, unauthorized, invalid-response from acc-broken', async () => {
      const alpha = await as(ALPHA);
      const many = Array.from({ length: 26 }, (_, i) => deal(`006MANY${i}`));
      expect((await expectError(alpha.previewDeals!(NEXTGEN, many), 'invalid-request')).retryable).to.equal(false);
      await expectError(alpha.previewDeals!('acc-nowhere', [deal('a')]), 'not-found');
      await expectError((await as('nobody')).previewDeals!(NEXTGEN, [deal('a')]), 'unauthorized');
      await expectError(alpha.previewDeals!('acc-broken', [deal('a')]), 'invalid-response');
      for (const bad of ['', '..', 'acc/..']) await expectError(alpha.previewDeals!(bad, [deal('a')]), 'invalid-request');
    });

    it('a preview is a read: nothing is stored, and an aborted one rejects with aborted', async () => {
      const alpha = await as(ALPHA);
      const before = core().inspect();
      await alpha.previewDeals!(NEXTGEN, [deal('006CONF0004')]);
      const after = core().inspect();
      expect([after.registrations.length, after.opportunities.length]).to.deep.equal([
        before.registrations.length,
        before.opportunities.length,
      ]);
      await expectError(alpha.previewDeals!(NEXTGEN, [deal('x')], { signal: AbortSignal.abort() }), 'aborted');
    });
  });
}
