// Which rule set applies at a date: the program is versioned by effective dates (docs/program.md §2).
import type { IsoDate, IsoDateTime } from '../domain/types.ts';
import type { ProgramDefinition, RuleSet } from './definition.ts';
import { compareDates } from './dates.ts';

// Sorted once per rule-set list: evaluating a thousand opportunities must not sort a thousand times.
const SORTED = new WeakMap<readonly RuleSet[], RuleSet[]>();

function chronological(program: ProgramDefinition): RuleSet[] {
  let sorted = SORTED.get(program.ruleSets);
  if (!sorted) {
    sorted = [...program.ruleSets].sort((a, b) => compareDates(a.effectiveFrom, b.effectiveFrom));
    SORTED.set(program.ruleSets, sorted);
  }
  return sorted;
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
