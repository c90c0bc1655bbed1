// What the panel tells its host of each CRM deal's standing (`dealreg-deal-states`), and the
// partner's own answers folded into the overview until it holds them.
import type { AccountOverview, Registration } from '../../src/domain/types.ts';
import { shownState, type DealRow } from '../../src/program/crm-rows.ts';
import type { DealRegDealState } from '../events/events.ts';

/** One entry per CRM deal, in the rows' order: its state, registration and protection end. */
export function dealStates(rows: readonly DealRow[]): DealRegDealState[] {
  return rows.flatMap((row) =>
    row.crm
      ? [
          {
            partnerOpportunityId: row.crm.id,
            state: shownState(row),
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
