// The status list's one-line summary, in words that say each thing once: a count per state only
// when there is more than one state (with a single state, the count would repeat the total).
import { msg, str } from './localization.ts';
import { OPPORTUNITY_STATES } from '../state/view-model.ts';
import type { OpportunityState } from '../state/view-model.ts';
import { opportunityMeaning } from './status-meaning.ts';
import { formatNumber, formatOpportunityCount } from './format.ts';

/**
 * `1 opportunity: Approved`, `All 3 opportunities: Approved`,
 * `5 opportunities: Approved (2) · Not registered (3)`; `0 opportunities` when there are none.
 * `total` and `counts` are the server's, over the whole account.
 */
export function statusSummary(total: number, counts: Readonly<Record<OpportunityState, number>>, locale: string): string {
  const count = formatOpportunityCount(total, locale);
  const present = OPPORTUNITY_STATES.filter((s) => counts[s] > 0);
  if (present.length === 0) return count;
  if (present.length === 1 && counts[present[0]!] === total) {
    const label = opportunityMeaning(present[0]!).label();
    return total === 1 ? msg(str`${count}: ${label}`) : msg(str`All ${count}: ${label}`);
  }
  const byState = present.map((s) => `${opportunityMeaning(s).label()} (${formatNumber(counts[s], locale)})`).join(' · ');
  return msg(str`${count}: ${byState}`);
}
