// What the panel tells its host of each CRM deal's standing (`dealreg-deal-states`), and the
// partner's own answers folded into the overview until it holds them.
import type { OpportunityState } from '../../src/domain/status.ts';
import type { AccountOverview, Registration } from '../../src/domain/types.ts';
import type { DealRow } from '../../src/program/crm-rows.ts';
import type { DealRegDealState } from '../events/events.ts';

/**
 * The state the rep is told, by the badge, the summary and the host: a deal the CRM closed that was
 * never registered is won or lost, not "not registered" (there is nothing left to register).
 */
export function rowState(row: Pick<DealRow, 'state' | 'closedInCrm'>): OpportunityState {
  return row.closedInCrm && row.state === 'not-registered' ? row.closedInCrm : row.state;
}

/** One entry per CRM deal, in the rows' order: its state, registration and protection end. */
export function dealStates(rows: readonly DealRow[]): DealRegDealState[] {
  return rows.flatMap((row) =>
    row.crm
      ? [
          {
            partnerOpportunityId: row.crm.id,
            state: rowState(row),
            registrationId: row.registration?.id ?? null,
            protectedUntil: row.protection?.protectedUntil ?? null,
          },
        ]
      : [],
  );
}

/** The overview with the registrations answered here put in (by id: an extension replaces its registration). */
export function withOwnRegistrations(
  overview: AccountOverview,
  own: ReadonlyMap<string, Registration>,
): Pick<AccountOverview, 'opportunities' | 'registrations' | 'quotes' | 'program'> {
  if (own.size === 0) return overview;
  const registrations = overview.registrations.filter((r) => !own.has(r.id));
  return { ...overview, registrations: [...registrations, ...own.values()] };
}
