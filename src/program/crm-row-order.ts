// The order of the panel's rows with the host's records: open deals first, by urgency, from what is
// known when the row first appears. Its place is kept from then on, so what arrives later (a verdict,
// a registration the overview's page did not hold) never moves a row under the rep's eyes.
import { compareUrgency, type UrgencyKey } from './opportunity-state.ts';
import { crmRows, type CrmRowsInput, type DealRow } from './crm-rows.ts';
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
  const keyed = rows.map((row) => ({ row, key: placement.get(row.key) ?? rowUrgency(row) }));
  keyed.sort((a, b) => compareUrgency(a.key, b.key));
  const unchanged = keyed.length === placement.size && keyed.every(({ row }) => placement.has(row.key));
  return {
    rows: keyed.map(({ row }) => row),
    placement: unchanged ? placement : new Map(keyed.map(({ row, key }) => [row.key, key])),
  };
}

/** The panel's rows, in order: crmRows, then arrangeRows. */
export function dealRows(input: CrmRowsInput, placement: RowPlacement = NO_PLACEMENT): ArrangedRows {
  return arrangeRows(crmRows(input), placement);
}

/**
 * The arranged rows again when only previews came or went (the records and the overview are the same):
 * the rows of those deals made again in their places, every other row kept. What dealRows gives with
 * the placement, without making a row for each of 2,000 deals at each answer.
 */
export function withPreviewsOf(rows: readonly DealRow[], input: CrmRowsInput, deals: ReadonlySet<string>): DealRow[] {
  const made = new Map(crmRows(input, deals).map((row) => [row.key, row]));
  return rows.map((row) => made.get(row.key) ?? row);
}
