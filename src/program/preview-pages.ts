// Which CRM deals the panel still asks the vendor about, and in which requests: the rows awaiting a
// preview (open, free to register as far as known, not previewed as they stand), in row order, in
// pages the contract accepts. Adding one opportunity to the records asks for that one alone.
import type { DealSubmission } from '../domain/deal.ts';
import type { DealRow } from './crm-rows.ts';
import { dealSubmission } from './crm-deal.ts';
import { PREVIEW_PAGE_SIZE } from './deal-previews.ts';

/** The deals to preview, one page per request; `inFlight` holds the CRM ids already asked and not answered yet. */
export function previewPages(
  rows: readonly Pick<DealRow, 'crm' | 'verdict'>[],
  inFlight: ReadonlySet<string> = new Set(),
): DealSubmission[][] {
  const due = rows.flatMap((row) =>
    row.crm && row.verdict?.kind === 'awaiting-preview' && !inFlight.has(row.crm.id) ? [dealSubmission(row.crm)] : [],
  );
  const pages: DealSubmission[][] = [];
  for (let start = 0; start < due.length; start += PREVIEW_PAGE_SIZE) pages.push(due.slice(start, start + PREVIEW_PAGE_SIZE));
  return pages;
}
