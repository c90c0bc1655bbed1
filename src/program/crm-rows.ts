// The panel with the host's records (issue 19 §3): one row per CRM opportunity, joined to this
// partner's registration of it by the CRM's id, and one per registration the vendor knows with no CRM
// record; each with its state, the vendor's verdict and its actions. The date, the vendor's overview
// and the previews received so far come in; an element renders the rows as they are.
import type { CrmOpportunity, CrmRecords } from '../domain/crm.ts';
import type { ClassifiedLine, DealPreview } from '../domain/deal.ts';
import type { EligibilityDecision } from '../domain/eligibility.ts';
import type { OpportunityState } from '../domain/status.ts';
import type { AccountOverview, IsoDate, IsoDateTime, Money, Opportunity, QuoteRequest, Registration } from '../domain/types.ts';
import { rowActions, type RowAction } from './crm-row-actions.ts';
import { changesSinceRegistration, type DealChange } from './deal-changes.ts';
import { previewHolds, type ReceivedPreviews } from './deal-previews.ts';
import { latestRegistrationBy, latestRegistrationByOpportunity, standingOf } from './opportunity-state.ts';
import { latestQuoteByRegistration, quoteState, type ProtectionView, type QuoteViewState } from './protection.ts';
import { registrationBlock, type RegistrationBlock } from './registrability.ts';

/**
 * Where a row comes from: the CRM, or a registration of this partner with no CRM record, either
 * sent without a CRM id (from the vendor's portal, another tool) or with an id no record holds now
 * (deleted in the CRM, or left out of the records as invalid).
 */
export type RowOrigin = 'crm' | 'registered-elsewhere' | 'not-in-records';

/**
 * The vendor's verdict on registering the deal now, where that is the row's question: awaiting the
 * preview not received yet, or decided (its lines as the vendor classified them).
 */
export type RowVerdict =
  | { kind: 'awaiting-preview' }
  | { kind: 'decided'; eligibility: EligibilityDecision; lines: ClassifiedLine[]; unknownSkus: string[] };

/** Why the row offers no Register: the engine's registrationBlock, won or lost in the CRM, or no CRM deal to send. */
export type RowBlock = RegistrationBlock | 'closed-in-crm' | 'no-crm-record';

export interface DealRow {
  /** Stable across renders: `crm:<CRM id>`, or `vendor:<the vendor's opportunity id>`. */
  key: string;
  origin: RowOrigin;
  /** The CRM's opportunity; null for a registration with no CRM record. */
  crm: CrmOpportunity | null;
  /** What the row names: the CRM's data, else the registration's snapshot, else the vendor's deal; null when none is known. */
  deal: { name: string; amount: Money; closeDate: IsoDate } | null;
  closedInCrm: 'won' | 'lost' | null;
  state: OpportunityState;
  protection: ProtectionView | undefined;
  /** This partner's latest registration of the deal, as far as known. */
  registration: Registration | undefined;
  quote: QuoteRequest | undefined;
  quoteState: QuoteViewState | undefined;
  /** Null where registering is not the row's question (registered, closed, protected by another partner unpreviewed…). */
  verdict: RowVerdict | null;
  block: RowBlock | null;
  /** The brand button, and the actions offered beside it in a neutral style (rowActions). */
  primary: RowAction | null;
  secondary: RowAction[];
  /** What the CRM changed since the registration's snapshot (empty without one). */
  changes: DealChange[];
}

export interface CrmRowsInput {
  records: CrmRecords;
  overview: Pick<AccountOverview, 'opportunities' | 'registrations' | 'quotes' | 'program'>;
  /** The previews received so far, by CRM id; one that no longer matches the CRM deal is ignored. */
  previews: ReceivedPreviews;
  asOf: IsoDate | IsoDateTime;
}

interface Context {
  asOf: IsoDate | IsoDateTime;
  terms: AccountOverview['program']['protection'];
  vendorOpportunities: Map<string, Opportunity>;
  quotes: Map<string, QuoteRequest>;
}

const AWAITING: RowVerdict = { kind: 'awaiting-preview' };

/** The later of two copies by submission; `b` wins a tie. */
function later(a: Registration | undefined, b: Registration | undefined): Registration | undefined {
  if (!a || !b) return a ?? b;
  return b.submittedAt >= a.submittedAt ? b : a;
}

/**
 * The rows, CRM opportunities in the records' order then the vendor-only registrations: crmRows
 * decides what each row says, arrangeRows (crm-row-order.ts) where it goes. With `only`, the rows of
 * those CRM deals alone (by CRM id).
 */
export function crmRows(input: CrmRowsInput, only?: ReadonlySet<string>): DealRow[] {
  const { records, overview, previews, asOf } = input;
  const deals = only ? records.opportunities.filter((o) => only.has(o.id)) : records.opportunities;
  const crmIds = only ?? new Set(deals.map((o) => o.id));
  const holding = new Map<string, DealPreview>();
  for (const opportunity of deals) {
    const received = previews.get(opportunity.id);
    if (received && previewHolds(received, opportunity)) holding.set(opportunity.id, received.preview);
  }
  const ofCrmDeal = (r: Registration) =>
    r.partnerOpportunityId !== undefined && crmIds.has(r.partnerOpportunityId) ? r.partnerOpportunityId : undefined;
  const registered = latestRegistrationBy(overview.registrations, ofCrmDeal);
  const previewQuotes = [...holding.values()].flatMap((p) => (p.quote ? [p.quote] : []));
  const ctx: Context = {
    asOf,
    terms: overview.program.protection,
    vendorOpportunities: new Map(overview.opportunities.map((o) => [o.id, o])),
    // The overview last: the panel patches it after each action, so its copy wins a tie.
    quotes: latestQuoteByRegistration([...previewQuotes, ...overview.quotes]),
  };
  const rows = deals.map((opportunity) => {
    const preview = holding.get(opportunity.id);
    const registration = later(preview?.registration ?? undefined, registered.get(opportunity.id));
    const vendorOpportunity = registration && ctx.vendorOpportunities.get(registration.opportunityId);
    return crmRow({ opportunity, preview, registration, vendorOpportunity }, ctx);
  });
  for (const registration of only ? [] : latestRegistrationByOpportunity(overview.registrations).values()) {
    if (ofCrmDeal(registration) === undefined) rows.push(vendorOnlyRow(registration, ctx));
  }
  return rows;
}

interface CrmRowInputs {
  opportunity: CrmOpportunity;
  preview: DealPreview | undefined;
  registration: Registration | undefined;
  vendorOpportunity: Opportunity | undefined;
}

function crmRow({ opportunity, preview, registration, vendorOpportunity }: CrmRowInputs, ctx: Context): DealRow {
  const protectedByAnotherPartner = preview?.protectedByAnotherPartner ?? vendorOpportunity?.protectedByAnotherPartner ?? false;
  const closedInCrm = opportunity.closed ?? null;
  const block: RowBlock | null = closedInCrm
    ? 'closed-in-crm'
    : registrationBlock({ closeDate: opportunity.closeDate, protectedByAnotherPartner }, registration, ctx.asOf, ctx.terms);
  let verdict: RowVerdict | null = null;
  if (preview && (block === null || block === 'protected-by-other')) {
    const { eligibility, lines, unknownSkus } = preview;
    verdict = { kind: 'decided', eligibility, lines, unknownSkus };
  } else if (block === null) {
    verdict = AWAITING;
  }
  const registrable = block === null && verdict?.kind === 'decided' && verdict.eligibility.eligible;
  const { name, amount, closeDate } = opportunity;
  // Spreads first in a literal: the engine copies them as a whole, not key by key (a row for each of 2,000 deals).
  return {
    ...registrationFacts({ protectedByAnotherPartner }, registration, registrable, closedInCrm !== null, ctx),
    key: `crm:${opportunity.id}`,
    origin: 'crm',
    crm: opportunity,
    deal: { name, amount, closeDate },
    closedInCrm,
    verdict,
    block,
    changes: registration?.deal ? changesSinceRegistration(opportunity, registration.deal) : [],
  };
}

function vendorOnlyRow(registration: Registration, ctx: Context): DealRow {
  const vendorOpportunity = ctx.vendorOpportunities.get(registration.opportunityId);
  const known = registration.deal ?? vendorOpportunity;
  return {
    key: `vendor:${registration.opportunityId}`,
    origin: registration.partnerOpportunityId === undefined ? 'registered-elsewhere' : 'not-in-records',
    crm: null,
    deal: known ? { name: known.name, amount: known.amount, closeDate: known.closeDate } : null,
    closedInCrm: null,
    ...registrationFacts(
      { protectedByAnotherPartner: vendorOpportunity?.protectedByAnotherPartner ?? false },
      registration,
      false,
      false,
      ctx,
    ),
    verdict: null,
    block: 'no-crm-record',
    changes: [],
  };
}

/** The row's standing under this partner's registration, its quote, and the actions they leave. */
function registrationFacts(
  opportunity: Pick<Opportunity, 'protectedByAnotherPartner'>,
  registration: Registration | undefined,
  registrable: boolean,
  closedInCrm: boolean,
  ctx: Context,
): Pick<DealRow, 'state' | 'protection' | 'registration' | 'quote' | 'quoteState' | 'primary' | 'secondary'> {
  const { state, protection } = standingOf(opportunity, registration, ctx.asOf, ctx.terms);
  const quote = registration && ctx.quotes.get(registration.id);
  const actions = rowActions({ registrable, closedInCrm, state, protection, quote, at: ctx.asOf });
  return {
    ...actions,
    state,
    protection,
    registration,
    quote,
    quoteState: quote ? quoteState(quote, ctx.asOf).state : undefined,
  };
}

/**
 * The state the rep is told, by the badge, the summary and the host: a deal the CRM closed that was
 * never registered is won or lost, not "not registered" (there is nothing left to register).
 */
export function shownState(row: Pick<DealRow, 'state' | 'closedInCrm'>): OpportunityState {
  return row.closedInCrm && row.state === 'not-registered' ? row.closedInCrm : row.state;
}
