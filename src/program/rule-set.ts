// Which rule set applies at a date: the program is versioned by effective dates (PRODUCT.md §1, rule 4).
import type { IsoDate, IsoDateTime } from '../domain/types.ts';
import type { ProgramDefinition, RuleSet } from './definition.ts';
import { compareDates } from './dates.ts';

function chronological(program: ProgramDefinition): RuleSet[] {
  return [...program.ruleSets].sort((a, b) => compareDates(a.effectiveFrom, b.effectiveFrom));
}

/** The last rule set whose effectiveFrom is on or before `at` (its first day counts); null before the first one. */
export function ruleSetInForce(program: ProgramDefinition, at: IsoDate | IsoDateTime): RuleSet | null {
  let inForce: RuleSet | null = null;
  for (const ruleSet of chronological(program)) {
    if (compareDates(ruleSet.effectiveFrom, at) <= 0) inForce = ruleSet;
  }
  return inForce;
}

/** Rule sets that take effect after `at`, soonest first. */
export function upcomingRuleSets(program: ProgramDefinition, at: IsoDate | IsoDateTime): RuleSet[] {
  return chronological(program).filter((ruleSet) => compareDates(ruleSet.effectiveFrom, at) > 0);
}
