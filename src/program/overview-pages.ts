// Pure steps on the overview an account shows: the server's overview with the pages loaded after it
// merged in, and the partner's own mutations patched in from their answers, the counts kept exact by
// the same standingOf the backend counts with. Each step returns a new object (a view memoised per
// object sees the change) and never reorders rows already shown. No DOM: any client that pages an
// overview can use them; the widgets' overview store does.
import type { AccountOverview, OpportunityPage, QuoteRequest, Registration } from '../domain/types.ts';
import type { OpportunityState } from '../domain/status.ts';
import { latestRegistrationByOpportunity, standingOf } from './opportunity-state.ts';

/** `items` with each element of `added` replacing the one with its id (in place), else appended. */
function upsertById<T extends { id: string }>(items: readonly T[], added: readonly T[]): T[] {
  const at = new Map(items.map((item, i) => [item.id, i]));
  const out = [...items];
  for (const item of added) {
    const i = at.get(item.id);
    if (i === undefined) {
      at.set(item.id, out.length);
      out.push(item);
    } else out[i] = item;
  }
  return out;
}

/**
 * The next page appended: opportunities already shown are not repeated (a row the partner's own
 * action moved across the cursor comes again; docs/rest-contract.md), their registrations and quotes
 * are the page's (fresher). The counts stay the overview's: they are the exact reference.
 */
export function appendPage(overview: AccountOverview, page: OpportunityPage): AccountOverview {
  const shown = new Set(overview.opportunities.map((o) => o.id));
  return {
    ...overview,
    opportunities: [...overview.opportunities, ...page.opportunities.filter((o) => !shown.has(o.id))],
    registrations: upsertById(overview.registrations, page.registrations),
    quotes: upsertById(overview.quotes, page.quotes),
    nextCursor: page.nextCursor,
  };
}

/**
 * A fresh overview (Retry, back online) over what was shown: its first page first, then the rows of
 * later pages it does not hold (with their registrations and quotes), and the cursor already reached.
 * Nothing shown disappears and the place in the list is kept; the counts are the fresh ones.
 */
export function reloadOver(shown: AccountOverview | undefined, fresh: AccountOverview, pagesLoaded: boolean): AccountOverview {
  if (!shown || !pagesLoaded) return fresh;
  const inFresh = new Set(fresh.opportunities.map((o) => o.id));
  const kept = shown.opportunities.filter((o) => !inFresh.has(o.id));
  const keptIds = new Set(kept.map((o) => o.id));
  const registrations = shown.registrations.filter((r) => keptIds.has(r.opportunityId));
  const registrationIds = new Set(registrations.map((r) => r.id));
  return {
    ...fresh,
    opportunities: [...fresh.opportunities, ...kept],
    registrations: upsertById(fresh.registrations, registrations),
    quotes: upsertById(
      fresh.quotes,
      shown.quotes.filter((q) => registrationIds.has(q.registrationId)),
    ),
    nextCursor: shown.nextCursor,
  };
}

/** The state an opportunity's row shows (undefined when the row is not loaded). */
function rowState(
  overview: AccountOverview,
  opportunityId: string,
  registrations: readonly Registration[],
): OpportunityState | undefined {
  const opportunity = overview.opportunities.find((o) => o.id === opportunityId);
  if (!opportunity) return undefined;
  const registration = latestRegistrationByOpportunity(registrations.filter((r) => r.opportunityId === opportunityId)).get(
    opportunityId,
  );
  return standingOf(opportunity, registration, overview.asOf, overview.program.protection).state;
}

/**
 * A registration the partner made or extended (the mutation's answer) patched into its row, and the
 * exact counts moved from the row's old state to its new one (the same standingOf the server counts
 * with, at the same asOf). Undefined when the row is not loaded: the counts could not stay exact.
 */
export function withRegistration(overview: AccountOverview, registration: Registration): AccountOverview | undefined {
  const before = rowState(overview, registration.opportunityId, overview.registrations);
  if (before === undefined) return undefined;
  const registrations = upsertById(overview.registrations, [registration]);
  const after = rowState(overview, registration.opportunityId, registrations)!;
  const byState = { ...overview.opportunityCounts.byState };
  byState[before] -= 1;
  byState[after] += 1;
  return { ...overview, registrations, opportunityCounts: { ...overview.opportunityCounts, byState } };
}

/** A quote request (or its newer status) patched in. A row's state does not depend on its quotes. */
export function withQuote(overview: AccountOverview, quote: QuoteRequest): AccountOverview | undefined {
  if (!overview.registrations.some((r) => r.id === quote.registrationId)) return undefined;
  return { ...overview, quotes: upsertById(overview.quotes, [quote]) };
}
