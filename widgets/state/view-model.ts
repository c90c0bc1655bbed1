// What one account overview looks like to the partner: each opportunity with its display state and
// the one next step it offers. Program rules come from the engine (standingOf, registrationBlock,
// rejectionReasonsSoFar, quoteState, evaluateEligibility); this only picks and groups. The backend counts the account with the same
// standingOf, so a row's badge and the summary agree; every eligibility verdict shown comes from here.
import type { AccountOverview, Asset, Opportunity, QuoteRequest, Registration } from '../../src/domain/types.ts';
import type { OpportunityState } from '../../src/domain/status.ts';
import { latestQuoteByRegistration, quoteState } from '../../src/program/protection.ts';
import { evaluateEligibility } from '../../src/program/eligibility.ts';
import type { EligibilityDecision } from '../../src/program/eligibility.ts';
import { latestRegistrationByOpportunity, standingOf } from '../../src/program/opportunity-state.ts';
import { registrationBlock, rejectionReasonsSoFar, type Submission } from '../../src/program/registrability.ts';
import type { ProtectionView, QuoteViewState } from '../../src/program/protection.ts';

export { OPPORTUNITY_STATES, type OpportunityState } from '../../src/domain/status.ts';

/**
 * The one next step a row offers the partner (docs/program.md §3 and §4):
 * - 'register': nothing of this partner holds or awaits the deal, nobody else protects it and it is
 *   not closed; `decision` is the engine's answer for THIS deal at the server's date, and only an
 *   eligible deal may be submitted;
 * - 'held': this partner's protection holds (countdown, quote, extension);
 * - 'protected-by-other': another partner holds it; nothing invites a registration;
 * - 'none': awaiting the vendor, closed, won, lost… the badge and the detail say where it stands.
 */
export type NextStep =
  { kind: 'register'; decision: EligibilityDecision } | { kind: 'held' } | { kind: 'protected-by-other' } | { kind: 'none' };

export interface OpportunityView {
  opportunity: Opportunity;
  state: OpportunityState;
  registration: Registration | undefined;
  protection: ProtectionView | undefined;
  quote: QuoteRequest | undefined;
  quoteState: QuoteViewState | undefined;
  next: NextStep;
}

export interface AccountView {
  /** The loaded opportunities (the overview's page), most urgent first. */
  rows: OpportunityView[];
  /** Exact, over every opportunity of the account (the server's counts), not over `rows`. */
  total: number;
  counts: Record<OpportunityState, number>;
  /** Loaded opportunities the partner may register now (next step 'register'), eligible or not. */
  registrable: Opportunity[];
  /**
   * The registrable ones that earn no rejection reason known before sending (the engine says they
   * qualify today): the only ones the widgets let the partner submit.
   */
  submittable: Opportunity[];
}

/** The engine's registrationBlock as a row's next step. */
function nextStep(overview: AccountOverview, opportunity: Opportunity, registration: Registration | undefined): NextStep {
  switch (registrationBlock(opportunity, registration, overview.asOf, overview.program.protection)) {
    case null:
      return { kind: 'register', decision: decisionToRegister(overview, opportunity) };
    case 'held':
      return { kind: 'held' };
    case 'protected-by-other':
      return { kind: 'protected-by-other' };
    case 'claimed':
    case 'closed':
      return { kind: 'none' };
  }
}

/** What the overview tells of a registration of this deal sent now: all the vendor weighs but the presales activities. */
export function submissionFacts(overview: AccountOverview, opportunity: Opportunity): Omit<Submission, 'presalesActivities'> {
  return {
    competing: opportunity.protectedByAnotherPartner,
    eligibility: decisionToRegister(overview, opportunity),
    closeDate: opportunity.closeDate,
    at: overview.asOf,
  };
}

const views = new WeakMap<AccountOverview, AccountView>();

/**
 * The first failure of the rules on an overview (data that fits the contract but not the calendar),
 * rethrown as the same object for every later use of that overview: the elements that show it
 * report it once (base.ts), and none computes it again.
 */
const failures = new WeakMap<AccountOverview, { thrown: unknown }>();

function guarded<T>(overview: AccountOverview, compute: () => T): T {
  const failed = failures.get(overview);
  if (failed) throw failed.thrown;
  try {
    return compute();
  } catch (thrown) {
    failures.set(overview, { thrown });
    throw thrown;
  }
}

/** The display model of an overview (memoised per overview object: cheap for 1,000 opportunities). */
export function accountView(overview: AccountOverview): AccountView {
  const cachedView = views.get(overview);
  if (cachedView) return cachedView;
  return guarded(overview, () => computeAccountView(overview));
}

function computeAccountView(overview: AccountOverview): AccountView {
  const registrations = latestRegistrationByOpportunity(overview.registrations);
  const quotes = latestQuoteByRegistration(overview.quotes);
  const rows: OpportunityView[] = [];
  const registrable: Opportunity[] = [];
  const submittable: Opportunity[] = [];
  for (const opportunity of overview.opportunities) {
    const registration = registrations.get(opportunity.id);
    const { state, protection } = standingOf(opportunity, registration, overview.asOf, overview.program.protection);
    const quote = registration ? quotes.get(registration.id) : undefined;
    const next = nextStep(overview, opportunity, registration);
    rows.push({
      opportunity,
      state,
      registration,
      protection,
      quote,
      quoteState: quote ? quoteState(quote, overview.asOf).state : undefined,
      next,
    });
    if (next.kind === 'register') {
      registrable.push(opportunity);
      if (rejectionReasonsSoFar(submissionFacts(overview, opportunity)).length === 0) submittable.push(opportunity);
    }
  }
  const { total, byState: counts } = overview.opportunityCounts;
  const view = { rows, total, counts, registrable, submittable };
  views.set(overview, view);
  return view;
}

const decisions = new WeakMap<AccountOverview, Map<string, EligibilityDecision>>();

function memoised(overview: AccountOverview, key: string, decide: () => EligibilityDecision): EligibilityDecision {
  let byKey = decisions.get(overview);
  if (!byKey) decisions.set(overview, (byKey = new Map()));
  let decision = byKey.get(key);
  if (!decision) byKey.set(key, (decision = guarded(overview, decide)));
  return decision;
}

/** The engine's decision on registering this deal now: its lines, the account's order facts, the server's date. */
export function decisionToRegister(overview: AccountOverview, opportunity: Opportunity): EligibilityDecision {
  return memoised(overview, `now:${opportunity.id}`, () =>
    evaluateEligibility({ program: overview.program, at: overview.asOf, opportunity, orders: overview.orders }),
  );
}

/** What a new deal at this account qualifies for on the account alone (no lines yet), at the server's date. */
export function decisionForNewDeal(overview: AccountOverview): EligibilityDecision {
  return memoised(overview, 'new-deal', () =>
    evaluateEligibility({ program: overview.program, at: overview.asOf, opportunity: { lines: [] }, orders: overview.orders }),
  );
}

/** The decision a registration was made under: its lines, at its submission date (rule 4 of docs/program.md §3). */
export function decisionAtSubmission(
  overview: AccountOverview,
  opportunity: Opportunity,
  registration: Registration,
): EligibilityDecision {
  return memoised(overview, `at:${registration.id}`, () =>
    evaluateEligibility({ program: overview.program, at: registration.submittedAt, opportunity, orders: overview.orders }),
  );
}

/**
 * Refresh candidates as a rep reads them: each end-of-support date once (soonest first, as the
 * server sends them), with the units of each family that reach it.
 */
export function refreshLines(candidates: readonly Asset[]): Map<string, Map<string, number>> {
  const byDate = new Map<string, Map<string, number>>();
  for (const asset of candidates) {
    let families = byDate.get(asset.endOfSupportAt);
    if (!families) byDate.set(asset.endOfSupportAt, (families = new Map()));
    families.set(asset.family, (families.get(asset.family) ?? 0) + asset.quantity);
  }
  return byDate;
}
