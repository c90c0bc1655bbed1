// Domain types of the opportunity-protection program. Dates are ISO 8601 strings:
// calendar dates (YYYY-MM-DD) for business dates, date-times for events.
import type { Actor, OpportunityState, PresalesActivity, ProductGeneration, QuoteStatus, RegistrationStatus } from './status.ts';
import type { ProgramDefinition } from './program.ts';
import type { DealSnapshot } from './deal.ts';

export type IsoDate = string;
export type IsoDateTime = string;

export interface Money {
  value: number;
  currency: string;
}

export interface Account {
  id: string;
  name: string;
  country: string;
}

/** A piece of vendor infrastructure at the account, sold by the signed-in partner. */
export interface Asset {
  id: string;
  family: string;
  generation: ProductGeneration;
  quantity: number;
  purchasedAt: IsoDate;
  endOfSupportAt: IsoDate;
}

/** An infrastructure order placed with the vendor (backend-side; partners only see derived dates). */
export interface InfraOrder {
  id: string;
  accountId: string;
  /** The partner that sold it; never sent to another partner. */
  partnerId: string;
  orderedAt: IsoDate;
  families: string[];
}

/** Partner-relative order facts: what eligibility needs, and no more. */
export interface OrderFacts {
  lastInfraOrderAt: IsoDate | null;
  lastInfraOrderByYouAt: IsoDate | null;
}

export interface OpportunityLine {
  family: string;
  sku: string;
  quantity: number;
}

export interface Opportunity {
  id: string;
  name: string;
  amount: Money;
  closeDate: IsoDate;
  lines: OpportunityLine[];
  /** An opaque marker: another partner holds an active protection. Never who. */
  protectedByAnotherPartner: boolean;
}

export interface StatusChange<S extends string = RegistrationStatus> {
  from: S | null;
  to: S;
  at: IsoDateTime;
  by: Actor;
  /** Reason codes or a short code-like note (e.g. "extension"). */
  reason?: string;
}

export interface Registration {
  id: string;
  accountId: string;
  opportunityId: string;
  status: RegistrationStatus;
  submittedAt: IsoDateTime;
  approvedAt?: IsoDateTime;
  protectedUntil?: IsoDate;
  /** Reason codes the partner can read (see REJECTION_REASONS); empty when none. */
  reasons: string[];
  history: StatusChange[];
  extensionsUsed: number;
  presalesActivities: PresalesActivity[];
  note?: string;
  /** The rule set that decided eligibility (the one in force on submittedAt). */
  ruleSetId?: string;
  /** A registration of a CRM deal: the CRM's id of the opportunity, as the partner sent it. */
  partnerOpportunityId?: string;
  /** A registration of a CRM deal: the deal as submitted, its lines as the vendor classified them. */
  deal?: DealSnapshot;
  /** A registration of a CRM deal: the SKUs the vendor's catalogue does not hold (empty when it knows them all). */
  unknownSkus?: string[];
}

export interface QuoteRequest {
  id: string;
  registrationId: string;
  status: QuoteStatus;
  requestedAt: IsoDateTime;
  listPrice?: number;
  discountPercent?: number;
  netPrice?: number;
  currency?: string;
  validUntil?: IsoDate;
  reasons?: string[];
  history?: StatusChange<QuoteStatus>[];
}

export interface RegistrationRequest {
  accountId: string;
  opportunityId: string;
  presalesActivities: string[];
  note?: string;
}

/** One product family of the partner's installed base at the account. */
export interface InstalledBaseFamily {
  family: string;
  generation: ProductGeneration;
  /** Asset records (lines of sale) and the units they hold. */
  assets: number;
  units: number;
  /** The earliest end of support among the family's assets (past or future). */
  earliestEndOfSupportAt: IsoDate;
}

/**
 * This partner's installed base at the account, bounded: a line per family, exact totals, and the
 * first refresh candidates (still supported at asOf, end of support within the program's refresh
 * horizon, soonest first) with their exact count.
 */
export interface InstalledBaseSummary {
  families: InstalledBaseFamily[];
  totalAssets: number;
  totalUnits: number;
  refreshCandidates: Asset[];
  refreshCandidatesTotal: number;
}

/** Exact, account-wide: every opportunity counted once, in the state its row shows. */
export interface OpportunityCounts {
  total: number;
  byState: Record<OpportunityState, number>;
}

/**
 * A page of the account's opportunities, most urgent first, with this partner's registrations and
 * quotes on them. `nextCursor` is opaque and bound to the partner and the account; null at the end.
 */
export interface OpportunityPage {
  opportunities: Opportunity[];
  registrations: Registration[];
  quotes: QuoteRequest[];
  nextCursor: string | null;
}

/**
 * Everything one account page needs, in one round trip, relative to the signed-in partner. Its
 * size does not grow with the account: exact aggregates, the first page of opportunities (with
 * their registrations and quotes), the installed base summarised, and a cursor for the rest.
 */
export interface AccountOverview extends OpportunityPage {
  asOf: IsoDateTime;
  partner: { id: string; name: string };
  account: Account;
  orders: OrderFacts;
  installedBase: InstalledBaseSummary;
  opportunityCounts: OpportunityCounts;
  program: ProgramDefinition;
}
