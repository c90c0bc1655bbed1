// The order of the panel's rows with the host's records: open deals first, by urgency, from what is
// known when the row first appears. Its place is kept from then on, so what arrives later (a verdict,
// a registration the overview's page did not hold) never moves a row under the rep's eyes.
import { compareUrgency, type UrgencyKey } from './opportunity-state.ts';
import { madeRows, NO_ROWS_MADE, type CrmRowsInput, type DealRow, type MadeRows } from './crm-rows.ts';
import { toIsoDate } from './dates.ts';

/**
 * Most urgent first:
 * - 'expiring-soon': this partner's protection lapses soon (extend, or quote before it ends);
 * - 'action-required': the vendor waits on the rep;
 * - 'qualifies': free to register and the vendor says it qualifies (Register);
 * - 'awaiting-verdict': free to register, its preview not received yet;
 * - 'protected': this partner's protection holds (quote);
 * - 'submitted': awaiting the vendor;
 * - 'not-eligible': free to register, but it does not qualify yet (the fix);
 * - 'other': nothing to do here (protected by another partner, close date past, rejected, lapsed, won
 *   or lost at the vendor, a registration with no CRM record in these states);
 * - 'closed-in-crm': won or lost in the CRM, last.
 * Within a group: protections by their end date, the rest by close date, soonest first; the row's key
 * breaks ties, so each row has exactly one place.
 */
export const ROW_URGENCY_GROUPS = [
  'expiring-soon',
  'action-required',
  'qualifies',
  'awaiting-verdict',
  'protected',
  'submitted',
  'not-eligible',
  'other',
  'closed-in-crm',
] as const;
export type RowUrgencyGroup = (typeof ROW_URGENCY_GROUPS)[number];

export function rowUrgencyGroup(row: Pick<DealRow, 'closedInCrm' | 'state' | 'block' | 'verdict'>): RowUrgencyGroup {
  if (row.closedInCrm) return 'closed-in-crm';
  switch (row.state) {
    case 'expiring-soon':
      return 'expiring-soon';
    case 'action-required':
      return 'action-required';
    case 'approved':
      return 'protected';
    case 'submitted':
      return 'submitted';
  }
  if (row.block !== null || !row.verdict) return 'other';
  if (row.verdict.kind === 'awaiting-preview') return 'awaiting-verdict';
  return row.verdict.eligibility.eligible ? 'qualifies' : 'not-eligible';
}

/** [group index, date, row key]: a total order (compareUrgency). */
export function rowUrgency(row: DealRow): UrgencyKey {
  const group = rowUrgencyGroup(row);
  const protectedUntil = group === 'expiring-soon' || group === 'protected' ? row.protection?.protectedUntil : null;
  const date = protectedUntil ?? row.deal?.closeDate ?? (row.registration ? toIsoDate(row.registration.submittedAt) : '');
  return [ROW_URGENCY_GROUPS.indexOf(group), date, row.key];
}

/** The urgency each row had when it first appeared, by row key: the place it keeps. */
export type RowPlacement = ReadonlyMap<string, UrgencyKey>;

export const NO_PLACEMENT: RowPlacement = new Map();

export interface ArrangedRows {
  rows: DealRow[];
  /** Every row's place, for the next arrangement: the same object back when no row came or went. */
  placement: RowPlacement;
}

/**
 * The rows by urgency, where a row placed before sorts by the key it had then, not by what is known
 * now: placed keys never change and the order is total, so no row already there ever moves, whatever
 * arrives (a verdict, a registration the overview's page did not hold, a quote). A row not placed
 * yet (an opportunity added to the records, a registration with no CRM record that just came) takes
 * its place among them by its urgency now, and keeps it.
 */
export function arrangeRows(rows: readonly DealRow[], placement: RowPlacement = NO_PLACEMENT): ArrangedRows {
  const placed = inPlacementOrder(rows, placement);
  if (placed) return { rows: placed, placement };
  const keyed = rows.map((row) => ({ row, key: placement.get(row.key) ?? rowUrgency(row) }));
  keyed.sort((a, b) => compareUrgency(a.key, b.key));
  return { rows: keyed.map(({ row }) => row), placement: new Map(keyed.map(({ row, key }) => [row.key, key])) };
}

/**
 * When every row is placed and none came or went, the order is the placement's own (arrangeRows
 * makes it in order): no sort. Null otherwise, or when the placement is not in order.
 */
function inPlacementOrder(rows: readonly DealRow[], placement: RowPlacement): DealRow[] | null {
  if (rows.length !== placement.size) return null;
  const byKey = new Map<string, DealRow>();
  for (const row of rows) byKey.set(row.key, row);
  const ordered: DealRow[] = [];
  let previous: UrgencyKey | undefined;
  for (const [key, urgency] of placement) {
    const row = byKey.get(key);
    if (!row || (previous && compareUrgency(previous, urgency) >= 0)) return null;
    ordered.push(row);
    previous = urgency;
  }
  return ordered;
}

/**
 * The panel's rows, in order: crmRows, then arrangeRows. `made`: the rows of the arrangement before
 * (its `made`), kept for the deals whose inputs are the very same objects.
 */
export function dealRows(
  input: CrmRowsInput,
  placement: RowPlacement = NO_PLACEMENT,
  made: MadeRows = NO_ROWS_MADE,
): ArrangedRows & { made: MadeRows } {
  const rows = madeRows(input, made);
  return { ...arrangeRows(rows.rows, placement), made: rows.made };
}
