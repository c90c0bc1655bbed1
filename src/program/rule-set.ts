// Which rule set applies at a date: the program is versioned by effective dates (docs/program.md §2).
import type { IsoDate, IsoDateTime } from '../domain/types.ts';
import type { ProgramDefinition, RuleSet } from '../domain/program.ts';
import { compareDates } from './dates.ts';

/**
 * The last rule set whose effectiveFrom is on or before `at` (its first day counts); null before the first one.
 * Of two with the same effectiveFrom, the later in the list.
 */
export function ruleSetInForce(program: ProgramDefinition, at: IsoDate | IsoDateTime): RuleSet | null {
  let inForce: RuleSet | null = null;
  for (const ruleSet of program.ruleSets) {
    if (
      compareDates(ruleSet.effectiveFrom, at) <= 0 &&
      (inForce === null || compareDates(ruleSet.effectiveFrom, inForce.effectiveFrom) >= 0)
    ) {
      inForce = ruleSet;
    }
  }
  return inForce;
}

/** Rule sets that take effect after `at`, soonest first (a stable sort: list order among equals). */
export function upcomingRuleSets(program: ProgramDefinition, at: IsoDate | IsoDateTime): RuleSet[] {
  return program.ruleSets
    .filter((ruleSet) => compareDates(ruleSet.effectiveFrom, at) > 0)
    .sort((a, b) => compareDates(a.effectiveFrom, b.effectiveFrom));
}
