// What one account overview looks like to the partner: each opportunity with its display state.
// Program rules come from the engine (standingOf, quoteState); this only picks and groups. The
// backend counts the account with the same standingOf, so a row's badge and the summary agree.
import type { AccountOverview, Opportunity, QuoteRequest, Registration } from '../../src/domain/types.ts';
import type { OpportunityState } from '../../src/domain/status.ts';
import { latestQuoteByRegistration, quoteState } from '../../src/program/protection.ts';
import { evaluateEligibility } from '../../src/program/eligibility.ts';
import type { EligibilityDecision } from '../../src/program/eligibility.ts';
import { latestRegistrationByOpportunity, standingOf } from '../../src/program/opportunity-state.ts';
import type { ProtectionView, QuoteViewState } from '../../src/program/protection.ts';

export { OPPORTUNITY_STATES, type OpportunityState } from '../../src/domain/status.ts';

export interface OpportunityView {
  opportunity: Opportunity;
  state: OpportunityState;
  registration: Registration | undefined;
  protection: ProtectionView | undefined;
  quote: QuoteRequest | undefined;
  quoteState: QuoteViewState | undefined;
}

export interface AccountView {
  /** The loaded opportunities (the overview's page), most urgent first. */
  rows: OpportunityView[];
  /** Exact, over every opportunity of the account (the server's counts), not over `rows`. */
  total: number;
  counts: Record<OpportunityState, number>;
  /** Opportunities with no live registration of this partner (the register form offers these). */
  registrable: Opportunity[];
}

const LIVE: ReadonlySet<Registration['status']> = new Set(['submitted', 'approved', 'action-required', 'won', 'lost']);

const views = new WeakMap<AccountOverview, AccountView>();

/** The display model of an overview (memoised per overview object: cheap for 1,000 opportunities). */
export function accountView(overview: AccountOverview): AccountView {
  const cachedView = views.get(overview);
  if (cachedView) return cachedView;
  const registrations = latestRegistrationByOpportunity(overview.registrations);
  const quotes = latestQuoteByRegistration(overview.quotes);
  const rows: OpportunityView[] = [];
  const registrable: Opportunity[] = [];
  for (const opportunity of overview.opportunities) {
    const registration = registrations.get(opportunity.id);
    const { state, protection } = standingOf(opportunity, registration, overview.asOf, overview.program.protection);
    const quote = registration ? quotes.get(registration.id) : undefined;
    rows.push({
      opportunity,
      state,
      registration,
      protection,
      quote,
      quoteState: quote ? quoteState(quote, overview.asOf).state : undefined,
    });
    if (!registration || !LIVE.has(registration.status)) registrable.push(opportunity);
  }
  const { total, byState: counts } = overview.opportunityCounts;
  const view = { rows, total, counts, registrable };
  views.set(overview, view);
  return view;
}

const decisions = new WeakMap<AccountOverview, Map<string, EligibilityDecision>>();

/**
 * The engine's eligibility decision for one opportunity (its lines, the account's order facts), at
 * its registration's submission date, else at the overview's `asOf`. Without an opportunity: what
 * the account alone qualifies for (no lines). Memoised per overview.
 */
export function eligibilityOf(overview: AccountOverview, opportunity?: Opportunity): EligibilityDecision {
  let byId = decisions.get(overview);
  if (!byId) decisions.set(overview, (byId = new Map()));
  const id = opportunity?.id ?? '';
  let decision = byId.get(id);
  if (!decision) {
    const registration = opportunity && overview.registrations.find((r) => r.opportunityId === id && r.status !== 'rejected');
    decision = evaluateEligibility({
      program: overview.program,
      at: registration?.submittedAt ?? overview.asOf,
      opportunity: { lines: opportunity?.lines ?? [] },
      orders: overview.orders,
    });
    byId.set(id, decision);
  }
  return decision;
}
