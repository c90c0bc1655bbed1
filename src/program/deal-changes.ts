// What changed in the CRM since a deal was registered: its current data against the registration's
// snapshot, as data the panel words ("amount 120,000 → 150,000 EUR"). Nothing is resent from here.
import type { CrmOpportunity } from '../domain/crm.ts';
import type { DealSnapshot } from '../domain/deal.ts';
import type { IsoDate, Money } from '../domain/types.ts';

/**
 * One difference, from the snapshot to the CRM. A line is a SKU with its total quantity: `from` 0 is
 * a SKU added since, `to` 0 one removed.
 */
export type DealChange =
  | { field: 'amount'; from: Money; to: Money }
  | { field: 'closeDate'; from: IsoDate; to: IsoDate }
  | { field: 'line'; sku: string; from: number; to: number };

/** Quantities per SKU: a CRM may hold one SKU on several lines, and their order means nothing. */
function quantitiesBySku(lines: readonly { sku: string; quantity: number }[]): Map<string, number> {
  const bySku = new Map<string, number>();
  for (const line of lines) bySku.set(line.sku, (bySku.get(line.sku) ?? 0) + line.quantity);
  return bySku;
}

/** Amount, then close date, then lines by SKU (code-point order); empty when nothing changed. */
export function changesSinceRegistration(
  current: Pick<CrmOpportunity, 'amount' | 'closeDate' | 'lines'>,
  snapshot: DealSnapshot,
): DealChange[] {
  const changes: DealChange[] = [];
  if (current.amount.value !== snapshot.amount.value || current.amount.currency !== snapshot.amount.currency) {
    changes.push({ field: 'amount', from: snapshot.amount, to: current.amount });
  }
  if (current.closeDate !== snapshot.closeDate) {
    changes.push({ field: 'closeDate', from: snapshot.closeDate, to: current.closeDate });
  }
  const before = quantitiesBySku(snapshot.lines);
  const now = quantitiesBySku(current.lines);
  const skus = [...new Set([...before.keys(), ...now.keys()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const sku of skus) {
    const from = before.get(sku) ?? 0;
    const to = now.get(sku) ?? 0;
    if (from !== to) changes.push({ field: 'line', sku, from, to });
  }
  return changes;
}
