// Builders for the rows of the panel with the host's records: CRM records, the vendor's answers on them.
import type { CrmAccount, CrmOpportunity } from '../../src/domain/crm.ts';
import type { DealPreview, DealSnapshot } from '../../src/domain/deal.ts';
import type { EligibilityDecision } from '../../src/domain/eligibility.ts';
import type { AccountOverview, QuoteRequest, Registration } from '../../src/domain/types.ts';
import { dealSubmission } from '../../src/program/crm-deal.ts';
import { receivePreviews, type ReceivedPreviews } from '../../src/program/deal-previews.ts';
import type { CrmRowsInput } from '../../src/program/crm-rows.ts';
import { PROGRAM, registration } from './fixtures.ts';

export const AS_OF = '2017-02-14T09:00:00Z';

export const ACCOUNT: CrmAccount = { id: '001A', name: 'Boulangeries Dupont', country: 'FR', siren: '404833048' };

export function crmDeal(id: string, closeDate = '2017-06-01', patch: Partial<CrmOpportunity> = {}): CrmOpportunity {
  return {
    id,
    name: `Deal ${id}`,
    amount: { value: 120000, currency: 'EUR' },
    closeDate,
    lines: [{ sku: 'SYN-480', family: 'composable', quantity: 2 }],
    ...patch,
  };
}

export function decision(eligible: boolean): EligibilityDecision {
  return {
    eligible,
    at: '2017-02-14',
    ruleSetId: 'launch',
    basis: eligible ? ['latest-generation'] : [],
    hints: eligible
      ? [{ code: 'qualifies-latest-generation', families: ['composable'] }]
      : [{ code: 'add-latest-generation-line', families: ['composable'] }],
  };
}

export function preview(id: string, patch: Partial<DealPreview> = {}): DealPreview {
  return {
    partnerOpportunityId: id,
    lines: [{ sku: 'SYN-480', quantity: 2, family: 'composable', generation: 'latest' }],
    unknownSkus: [],
    eligibility: decision(true),
    protectedByAnotherPartner: false,
    registration: null,
    quote: null,
    ...patch,
  };
}

/** The previews the vendor gave for these CRM deals as they stand, each patched. */
export function previewed(deals: CrmOpportunity[], patch: (id: string) => Partial<DealPreview> = () => ({})): ReceivedPreviews {
  const sent = deals.map(dealSubmission);
  return receivePreviews(new Map(), sent, { previews: deals.map((d) => preview(d.id, patch(d.id))) });
}

export function snapshotOf(deal: CrmOpportunity): DealSnapshot {
  const { name, amount, closeDate } = deal;
  return {
    name,
    amount,
    closeDate,
    lines: deal.lines.map(({ sku, quantity }) => ({ sku, quantity, family: null, generation: null })),
  };
}

/** This partner's registration of a CRM deal (vendor opportunity `v-<id>`), as submitted from it. */
export function crmRegistration(deal: CrmOpportunity, patch: Partial<Registration> = {}): Registration {
  return registration({
    id: `reg-${deal.id}`,
    opportunityId: `v-${deal.id}`,
    partnerOpportunityId: deal.id,
    deal: snapshotOf(deal),
    unknownSkus: [],
    ...patch,
  });
}

export function protectedThrough(protectedUntil: string): Partial<Registration> {
  return { status: 'approved', approvedAt: '2016-12-01T09:00:00Z', protectedUntil };
}

export function overview(registrations: Registration[] = [], quotes: QuoteRequest[] = []): CrmRowsInput['overview'] {
  return { opportunities: [], registrations, quotes, program: PROGRAM } satisfies Partial<AccountOverview>;
}

export function rowsInput(opportunities: CrmOpportunity[], patch: Partial<CrmRowsInput> = {}): CrmRowsInput {
  return { records: { account: ACCOUNT, opportunities }, overview: overview(), previews: new Map(), asOf: AS_OF, ...patch };
}
