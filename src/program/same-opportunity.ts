// docs/program.md §4 rule 1: two registrations concern the same opportunity when they name the same account,
// share at least one product family, and expect to close within the program's window of each other.
import type { IsoDate, Opportunity } from '../domain/types.ts';
import type { ProtectionTerms } from '../domain/program.ts';
import { daysBetween, toIsoDate } from './dates.ts';

export interface OpportunityFootprint {
  accountId: string;
  /** Distinct families of the opportunity's lines, sorted. */
  families: readonly string[];
  closeDate: IsoDate;
}

export function footprintOf(accountId: string, opportunity: Pick<Opportunity, 'lines' | 'closeDate'>): OpportunityFootprint {
  const families = [...new Set(opportunity.lines.map((line) => line.family))].sort();
  return { accountId, families, closeDate: toIsoDate(opportunity.closeDate) };
}

export function isSameOpportunity(a: OpportunityFootprint, b: OpportunityFootprint, terms: ProtectionTerms): boolean {
  if (a.accountId !== b.accountId) return false;
  const familiesOfB = new Set(b.families);
  if (!a.families.some((family) => familiesOfB.has(family))) return false;
  return Math.abs(daysBetween(a.closeDate, b.closeDate)) <= terms.sameOpportunityCloseDateDays;
}
