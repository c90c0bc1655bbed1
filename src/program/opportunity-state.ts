// Where one opportunity stands for the signed-in partner, at a date, and how urgently it needs the
// rep. One function for the backend (exact account-wide counts, the order of pages) and the
// widgets (the badge on a row), so the summary line can never disagree with the rows.
import type { IsoDate, IsoDateTime, Opportunity, Registration } from '../domain/types.ts';
import { OPPORTUNITY_STATES, type OpportunityState } from '../domain/status.ts';
import type { ProtectionTerms } from '../domain/program.ts';
import { compareDates, toIsoDate } from './dates.ts';
import { protectionState, type ProtectionView } from './protection.ts';

/** A zero count for every state (the shape of the overview's exact aggregates). */
export function emptyStateCounts(): Record<OpportunityState, number> {
  return Object.fromEntries(OPPORTUNITY_STATES.map((s) => [s, 0])) as Record<OpportunityState, number>;
}

/**
 * The partner's latest registration per opportunity (by submission time): the one a row shows.
 * Later entries win ties, so a registration patched in after a page was loaded replaces it.
 */
export function latestRegistrationByOpportunity(registrations: Iterable<Registration>): Map<string, Registration> {
  return latestRegistrationBy(registrations, (registration) => registration.opportunityId);
}

/** The same, keyed by `keyOf` (a CRM deal's id, say); a registration it gives no key for is left out. */
export function latestRegistrationBy(
  registrations: Iterable<Registration>,
  keyOf: (registration: Registration) => string | undefined,
): Map<string, Registration> {
  const latest = new Map<string, Registration>();
  for (const registration of registrations) {
    const key = keyOf(registration);
    if (key === undefined) continue;
    const previous = latest.get(key);
    if (!previous || registration.submittedAt >= previous.submittedAt) latest.set(key, registration);
  }
  return latest;
}

/** The row's state from the partner's latest registration (if any) and its protection at `at`. */
export function opportunityState(
  opportunity: Pick<Opportunity, 'protectedByAnotherPartner'>,
  registration: Pick<Registration, 'status'> | undefined,
  protection: Pick<ProtectionView, 'state'> | undefined,
): OpportunityState {
  if (
    !registration ||
    ((registration.status === 'expired' || registration.status === 'withdrawn') && opportunity.protectedByAnotherPartner)
  ) {
    return opportunity.protectedByAnotherPartner ? 'protected-by-other' : 'not-registered';
  }
  if (registration.status === 'approved' || registration.status === 'expired') {
    if (protection?.state === 'expiring-soon') return 'expiring-soon';
    if (protection?.state === 'expired') return 'expired';
    return registration.status;
  }
  return registration.status;
}

export interface OpportunityStanding {
  state: OpportunityState;
  protection: ProtectionView | undefined;
}

/** `opportunityState` with the protection computed at `at` under the program's terms. */
export function standingOf(
  opportunity: Pick<Opportunity, 'protectedByAnotherPartner'>,
  registration: Registration | undefined,
  at: IsoDate | IsoDateTime,
  terms: ProtectionTerms,
): OpportunityStanding {
  const protection = registration ? protectionState(registration, at, terms) : undefined;
  return { state: opportunityState(opportunity, registration, protection), protection };
}

/**
 * What needs the rep first: protections about to lapse, then the other active protections, then
 * deals that can still be registered (not closed yet), then the rest.
 */
export const URGENCY_GROUPS = ['expiring-soon', 'protected', 'registrable', 'other'] as const;
export type UrgencyGroup = (typeof URGENCY_GROUPS)[number];

/**
 * A total order key: [group index, date, id]. Expiring and active protections sort by the end of
 * protection (soonest first), the rest by close date; the id breaks ties, so every opportunity has
 * exactly one place and a keyset cursor can resume after any key.
 */
export type UrgencyKey = readonly [group: number, date: IsoDate, id: string];

export function urgencyKey(
  opportunity: Pick<Opportunity, 'id' | 'closeDate'>,
  standing: OpportunityStanding,
  at: IsoDate | IsoDateTime,
): UrgencyKey {
  const group = urgencyGroup(opportunity, standing, at);
  const date =
    group === 'expiring-soon' || group === 'protected'
      ? (standing.protection?.protectedUntil ?? opportunity.closeDate)
      : opportunity.closeDate;
  return [URGENCY_GROUPS.indexOf(group), toIsoDate(date), opportunity.id];
}

export function urgencyGroup(
  opportunity: Pick<Opportunity, 'closeDate'>,
  standing: OpportunityStanding,
  at: IsoDate | IsoDateTime,
): UrgencyGroup {
  switch (standing.state) {
    case 'expiring-soon':
      return 'expiring-soon';
    case 'approved':
      return 'protected';
    case 'not-registered':
      return compareDates(opportunity.closeDate, at) >= 0 ? 'registrable' : 'other';
    default:
      return 'other';
  }
}

/** <0, 0 or >0: code-point order on each part (ids and ISO dates), never a locale collator. */
export function compareUrgency(a: UrgencyKey, b: UrgencyKey): number {
  if (a[0] !== b[0]) return a[0] - b[0];
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  if (a[2] !== b[2]) return a[2] < b[2] ? -1 : 1;
  return 0;
}
