// Valid contract bodies for unit tests (literal dates are fine in tests).
import { SAMPLE_PROGRAM } from '../../mocks/core/sample-program.ts';
import type { AccountOverview, OpportunityPage, QuoteRequest, Registration } from '../../src/domain/types.ts';
import type { DealPreviews } from '../../src/domain/deal.ts';
import type { BookPage } from '../../src/domain/book.ts';
import { emptyStateCounts } from '../../src/program/opportunity-state.ts';

export function aRegistration(over: Partial<Registration> = {}): Registration {
  return {
    id: 'reg-1',
    accountId: 'acc-protected',
    opportunityId: 'opp-1',
    status: 'approved',
    submittedAt: '2017-01-10T09:00:00.000Z',
    approvedAt: '2017-01-10T09:00:00.000Z',
    protectedUntil: '2017-04-10',
    reasons: [],
    history: [
      { from: null, to: 'submitted', at: '2017-01-10T09:00:00.000Z', by: 'partner' },
      { from: 'submitted', to: 'approved', at: '2017-01-10T09:00:00.000Z', by: 'vendor' },
    ],
    extensionsUsed: 0,
    presalesActivities: ['workshop'],
    ...over,
  };
}

export function aQuote(over: Partial<QuoteRequest> = {}): QuoteRequest {
  return {
    id: 'quo-1',
    registrationId: 'reg-1',
    status: 'quoted',
    requestedAt: '2017-02-01T10:00:00.000Z',
    listPrice: 100000,
    discountPercent: 15,
    netPrice: 85000,
    currency: 'EUR',
    validUntil: '2017-03-03',
    ...over,
  };
}

export function anOverview(): AccountOverview {
  return {
    asOf: '2017-02-14T09:00:00.000Z',
    partner: { id: 'alpha', name: 'Alpha Systèmes' },
    account: { id: 'acc-protected', name: 'Fromagerie Durand', country: 'FR' },
    orders: { lastInfraOrderAt: '2015-06-01', lastInfraOrderByYouAt: null },
    installedBase: {
      families: [{ family: 'rack-servers', generation: 'classic', assets: 1, units: 4, earliestEndOfSupportAt: '2017-09-01' }],
      totalAssets: 1,
      totalUnits: 4,
      refreshCandidates: [
        {
          id: 'ast-1',
          family: 'rack-servers',
          generation: 'classic',
          quantity: 4,
          purchasedAt: '2014-03-01',
          endOfSupportAt: '2017-09-01',
        },
      ],
      refreshCandidatesTotal: 1,
    },
    // The one opportunity, approved with 55 days left at asOf.
    opportunityCounts: { total: 1, byState: { ...emptyStateCounts(), approved: 1 } },
    opportunities: [
      {
        id: 'opp-1',
        name: 'Synergy refresh',
        amount: { value: 120000, currency: 'EUR' },
        closeDate: '2017-05-30',
        lines: [{ family: 'composable', sku: 'SY-480', quantity: 2 }],
        protectedByAnotherPartner: false,
      },
    ],
    registrations: [aRegistration()],
    quotes: [aQuote()],
    nextCursor: null,
    program: structuredClone(SAMPLE_PROGRAM),
  };
}

/** A page after the overview's: one more opportunity, not registered, and the end of the list. */
export function aPage(): OpportunityPage {
  return {
    opportunities: [
      {
        id: 'opp-2',
        name: 'Storage extension',
        amount: { value: 80000, currency: 'EUR' },
        closeDate: '2017-06-15',
        lines: [{ family: 'disk-storage', sku: 'DS-200', quantity: 1 }],
        protectedByAnotherPartner: false,
      },
    ],
    registrations: [],
    quotes: [],
    nextCursor: null,
  };
}

/** Two CRM deals previewed: one registered (its snapshot, an unknown SKU, a quote), one not eligible. */
export function aDealPreviews(): DealPreviews {
  const lines = [
    { sku: 'SY480-G10', quantity: 2, family: 'composable', generation: 'latest' as const },
    { sku: 'PS-DEPLOY', quantity: 1, family: null, generation: null },
  ];
  const registration = aRegistration({
    partnerOpportunityId: '006A0000001',
    deal: { name: 'Synergy', amount: { value: 120000, currency: 'EUR' }, closeDate: '2017-04-20', lines },
    unknownSkus: ['PS-DEPLOY'],
  });
  return {
    asOf: '2017-02-14T09:00:00.000Z',
    previews: [
      {
        partnerOpportunityId: '006A0000001',
        lines,
        unknownSkus: ['PS-DEPLOY'],
        eligibility: {
          eligible: true,
          at: '2017-02-14',
          ruleSetId: 'installed-base-extension',
          basis: ['latest-generation', 'dormant-account'],
          hints: [{ code: 'qualifies-latest-generation', families: ['composable'] }, { code: 'qualifies-new-account' }],
        },
        protectedByAnotherPartner: false,
        registration,
        quote: aQuote(),
      },
      {
        partnerOpportunityId: '006A0000002',
        lines: [{ sku: 'DL380-G10', quantity: 1, family: 'rack-servers', generation: 'classic' }],
        unknownSkus: [],
        eligibility: {
          eligible: false,
          at: '2017-02-14',
          ruleSetId: 'installed-base-extension',
          basis: [],
          hints: [
            { code: 'add-latest-generation-line', families: ['composable', 'flash-storage'] },
            { code: 'account-not-dormant', lastOrderAt: '2016-08-14', months: 24, dormantFrom: '2018-08-14' },
            { code: 'not-installed-base', lastOrderByYouAt: null, months: 24 },
          ],
        },
        protectedByAnotherPartner: true,
        registration: null,
        quote: null,
      },
    ],
  };
}

/** A book's first page: a protection ending soon with its extension open and a priced quote, and a rejection. */
export function aBookPage(): BookPage {
  return {
    asOf: '2017-02-14T09:00:00.000Z',
    protection: structuredClone(SAMPLE_PROGRAM.protection),
    rows: [
      {
        registration: {
          id: 'reg-1',
          opportunityId: 'opp-1',
          partnerOpportunityId: '0061FJRZ00G4Ke6',
          submittedAt: '2016-11-20T16:05:00Z',
          updatedAt: '2016-11-21T10:30:00Z',
          extensionsUsed: 0,
          reasons: [],
        },
        customer: { id: 'acc-book-001', name: 'Fromagerie Guérin (Annecy)' },
        deal: { name: 'Stockage flash du siège', amount: { value: 180000, currency: 'EUR' }, closeDate: '2017-04-30' },
        status: 'approved',
        protectedUntil: '2017-02-19',
        extension: { state: 'open', until: '2017-03-21' },
        quote: { id: 'quo-1', status: 'quoted', validUntil: '2017-03-03' },
      },
      {
        registration: {
          id: 'reg-2',
          opportunityId: 'opp-2',
          submittedAt: '2017-02-10T16:05:00Z',
          updatedAt: '2017-02-10T16:05:00Z',
          extensionsUsed: 0,
          reasons: ['not-eligible'],
        },
        customer: { id: 'acc-book-002', name: 'Cabinet Lefèvre (Caen)' },
        deal: { name: 'Bureaux virtuels des agences', amount: { value: 42000, currency: 'EUR' }, closeDate: '2017-05-15' },
        status: 'rejected',
        protectedUntil: null,
        extension: { state: 'none' },
        quote: null,
      },
    ],
    nextCursor: 'eyJub3QiOiJyZWFsIn0.c2lnbmF0dXJl',
    counts: {
      total: 2,
      byView: { 'expiring-soon': 1, 'action-required': 0, submitted: 0, quoted: 1, rejected: 1, active: 1 },
    },
  };
}

/** Sets `value` at a dot path of a deep copy of `body` (for malformed-payload tests). */
export function withAt(body: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  const keys = path.split('.');
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}
