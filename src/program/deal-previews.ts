// The vendor's previews of CRM deals, kept with the submission each answered: a preview says what the
// vendor made of the deal as it was sent, so once the CRM changes what the vendor weighs (the close
// date, the lines) it no longer holds, and the deal is previewed again.
import type { CrmOpportunity } from '../domain/crm.ts';
import type { DealPreview, DealPreviews, DealSubmission } from '../domain/deal.ts';
import { dealSubmission } from './crm-deal.ts';

/** The most deals one preview request may carry (`POST …/deal-previews`). */
export const PREVIEW_PAGE_SIZE = 25;

export interface ReceivedPreview {
  /** The deal as it was sent. */
  sent: DealSubmission;
  preview: DealPreview;
}

/** The previews received so far, by the CRM's opportunity id (`partnerOpportunityId`). */
export type ReceivedPreviews = ReadonlyMap<string, ReceivedPreview>;

/**
 * The previews received so far with one answer added, each preview paired with the deal sent for it.
 * A preview of a deal that was not sent is ignored. A new map: the old one is left as it was.
 */
export function receivePreviews(
  received: ReceivedPreviews,
  sent: readonly DealSubmission[],
  answer: Pick<DealPreviews, 'previews'>,
): Map<string, ReceivedPreview> {
  const next = new Map(received);
  const sentById = new Map(sent.map((deal) => [deal.partnerOpportunityId, deal]));
  for (const preview of answer.previews) {
    const deal = sentById.get(preview.partnerOpportunityId);
    if (deal) next.set(preview.partnerOpportunityId, { sent: deal, preview });
  }
  return next;
}

/**
 * The previews without the deal's: the vendor answered its registration, which weighed it again at
 * that moment (another partner may have registered it since the preview), so the preview no longer
 * says what registering it would do. A new map: the old one is left as it was.
 */
export function supersedePreview(received: ReceivedPreviews, partnerOpportunityId: string): Map<string, ReceivedPreview> {
  const next = new Map(received);
  next.delete(partnerOpportunityId);
  return next;
}

/** What the vendor weighs in a deal: its close date (rule 1) and its lines (rule 1 and eligibility), in any order. */
function weighed(deal: Pick<DealSubmission, 'closeDate' | 'lines'>): string {
  const lines = deal.lines.map((l) => JSON.stringify([l.sku, l.family ?? null, l.quantity])).sort();
  return JSON.stringify([deal.closeDate, lines]);
}

/** Whether a preview still answers for the CRM deal as it is now (name and amount weigh nothing). */
export function previewHolds(received: ReceivedPreview, opportunity: CrmOpportunity): boolean {
  return weighed(received.sent) === weighed(dealSubmission(opportunity));
}
