// Eligibility at a date, explained (docs/program.md §2 and §3): which basis qualifies the deal,
// what is missing when none does, and whether an upcoming rule set changes the answer.
import type { IsoDate, IsoDateTime, OrderFacts } from '../domain/types.ts';
import { QUALIFYING_BASES, type QualifyingBasis } from '../domain/status.ts';
import type { ProgramDefinition, RuleSet } from '../domain/program.ts';
import { addMonths, compareDates, toIsoDate } from './dates.ts';
import { ruleSetInForce, upcomingRuleSets } from './rule-set.ts';
import type { EligibilityDecision, EligibilityHint } from '../domain/eligibility.ts';

export type { EligibilityDecision, EligibilityHint, EligibilityHintCode } from '../domain/eligibility.ts';

export interface EligibilityInput {
  program: ProgramDefinition;
  /** The registration's submission date (or "now" for a preview). */
  at: IsoDate | IsoDateTime;
  opportunity: { lines: ReadonlyArray<{ family: string }> };
  /** Partner-relative: `lastInfraOrderByYouAt` is this partner's own sales only. */
  orders: OrderFacts;
}

interface RuleSetOutcome {
  basis: QualifyingBasis[];
  qualifying: EligibilityHint[];
  missing: EligibilityHint[];
}

/** The deal's own latest-generation families, each once, in line order. */
function latestGenerationFamiliesOf(lines: ReadonlyArray<{ family: string }>, ruleSet: RuleSet): string[] {
  const found: string[] = [];
  for (const { family } of lines) {
    if (ruleSet.latestGenerationFamilies.includes(family) && !found.includes(family)) found.push(family);
  }
  return found;
}

/** The account is dormant from this date on, if nobody orders before. */
export function dormantFrom(lastInfraOrderAt: IsoDate | IsoDateTime, ruleSet: Pick<RuleSet, 'dormancyMonths'>): IsoDate {
  return addMonths(lastInfraOrderAt, ruleSet.dormancyMonths);
}

/** The last day a sale by this partner keeps the account in its installed base. */
export function installedBaseUntil(
  lastInfraOrderByYouAt: IsoDate | IsoDateTime,
  ruleSet: Pick<RuleSet, 'installedBaseMonths'>,
): IsoDate {
  return addMonths(lastInfraOrderByYouAt, ruleSet.installedBaseMonths);
}

/** This partner sold infrastructure here within the rule set's window (inclusive), and not after `at`. */
export function isInstalledBase(
  lastInfraOrderByYouAt: IsoDate | IsoDateTime | null,
  at: IsoDate | IsoDateTime,
  ruleSet: Pick<RuleSet, 'installedBaseMonths'>,
): boolean {
  if (lastInfraOrderByYouAt === null) return false;
  return (
    compareDates(lastInfraOrderByYouAt, at) <= 0 && compareDates(at, installedBaseUntil(lastInfraOrderByYouAt, ruleSet)) <= 0
  );
}

function evaluateRuleSet(ruleSet: RuleSet, at: IsoDate, input: EligibilityInput): RuleSetOutcome {
  const outcome: RuleSetOutcome = { basis: [], qualifying: [], missing: [] };
  const { lastInfraOrderAt, lastInfraOrderByYouAt } = input.orders;

  for (const basis of QUALIFYING_BASES) {
    if (!ruleSet.bases.includes(basis)) continue;
    switch (basis) {
      case 'latest-generation': {
        const families = latestGenerationFamiliesOf(input.opportunity.lines, ruleSet);
        if (families.length > 0) {
          outcome.basis.push(basis);
          outcome.qualifying.push({ code: 'qualifies-latest-generation', families });
        } else {
          outcome.missing.push({ code: 'add-latest-generation-line', families: [...ruleSet.latestGenerationFamilies] });
        }
        break;
      }
      case 'dormant-account': {
        if (lastInfraOrderAt === null) {
          outcome.basis.push(basis);
          outcome.qualifying.push({ code: 'qualifies-new-account' });
          break;
        }
        const lastOrderAt = toIsoDate(lastInfraOrderAt);
        const from = dormantFrom(lastOrderAt, ruleSet);
        if (compareDates(at, from) >= 0) {
          outcome.basis.push(basis);
          outcome.qualifying.push({ code: 'qualifies-dormant-account', lastOrderAt, months: ruleSet.dormancyMonths });
        } else {
          outcome.missing.push({ code: 'account-not-dormant', lastOrderAt, months: ruleSet.dormancyMonths, dormantFrom: from });
        }
        break;
      }
      case 'installed-base': {
        if (lastInfraOrderByYouAt !== null && isInstalledBase(lastInfraOrderByYouAt, at, ruleSet)) {
          outcome.basis.push(basis);
          outcome.qualifying.push({
            code: 'qualifies-installed-base',
            lastOrderByYouAt: toIsoDate(lastInfraOrderByYouAt),
            months: ruleSet.installedBaseMonths,
            until: installedBaseUntil(lastInfraOrderByYouAt, ruleSet),
          });
        } else {
          outcome.missing.push({
            code: 'not-installed-base',
            lastOrderByYouAt: lastInfraOrderByYouAt === null ? null : toIsoDate(lastInfraOrderByYouAt),
            months: ruleSet.installedBaseMonths,
          });
        }
        break;
      }
    }
  }
  return outcome;
}

/** Decides and explains eligibility under the rule set in force at `input.at`. */
export function evaluateEligibility(input: EligibilityInput): EligibilityDecision {
  const at = toIsoDate(input.at);
  const ruleSet = ruleSetInForce(input.program, at);
  const upcoming = upcomingRuleSets(input.program, at);

  let decision: EligibilityDecision;
  if (ruleSet === null) {
    const first = upcoming[0];
    decision = {
      eligible: false,
      at,
      ruleSetId: null,
      basis: [],
      hints: first ? [{ code: 'program-not-started', effectiveFrom: toIsoDate(first.effectiveFrom) }] : [],
    };
  } else {
    const outcome = evaluateRuleSet(ruleSet, at, input);
    const eligible = outcome.basis.length > 0;
    decision = {
      eligible,
      at,
      ruleSetId: ruleSet.id,
      basis: outcome.basis,
      hints: eligible ? outcome.qualifying : outcome.missing,
    };
  }

  for (const next of upcoming) {
    const effectiveFrom = toIsoDate(next.effectiveFrom);
    const then = evaluateRuleSet(next, effectiveFrom, input);
    const eligibleThen = then.basis.length > 0;
    if (eligibleThen === decision.eligible) continue;
    decision.hints.push(
      eligibleThen
        ? { code: 'eligible-from-rule-set', ruleSetId: next.id, effectiveFrom, basis: then.basis }
        : { code: 'ineligible-from-rule-set', ruleSetId: next.id, effectiveFrom },
    );
    break;
  }
  return decision;
}
