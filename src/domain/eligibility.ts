// The engine's answer on eligibility, as data: the widgets show it and the contract carries it (a
// deal preview), so its shape lives with the domain types; src/program/eligibility.ts computes it.
import type { IsoDate } from './types.ts';
import type { QualifyingBasis } from './status.ts';

/**
 * One line of explanation. `months` is always the rule set's window (dormancyMonths or
 * installedBaseMonths), not the time elapsed: "no order for at least 24 months".
 */
export type EligibilityHint =
  | { code: 'program-not-started'; effectiveFrom: IsoDate }
  /** `families`: the deal's own latest-generation families. */
  | { code: 'qualifies-latest-generation'; families: string[] }
  /** No infrastructure order at the account, ever. */
  | { code: 'qualifies-new-account' }
  | { code: 'qualifies-dormant-account'; lastOrderAt: IsoDate; months: number }
  /** `until`: the last day that sale keeps the account in this partner's installed base. */
  | { code: 'qualifies-installed-base'; lastOrderByYouAt: IsoDate; months: number; until: IsoDate }
  /** `families`: every family the rule set counts as latest generation. */
  | { code: 'add-latest-generation-line'; families: string[] }
  /** `dormantFrom`: the first date the account counts as dormant if nobody orders until then. */
  | { code: 'account-not-dormant'; lastOrderAt: IsoDate; months: number; dormantFrom: IsoDate }
  /** Only when the installed-base basis is in force. */
  | { code: 'not-installed-base'; lastOrderByYouAt: IsoDate | null; months: number }
  | { code: 'eligible-from-rule-set'; ruleSetId: string; effectiveFrom: IsoDate; basis: QualifyingBasis[] }
  | { code: 'ineligible-from-rule-set'; ruleSetId: string; effectiveFrom: IsoDate };
export type EligibilityHintCode = EligibilityHint['code'];

export interface EligibilityDecision {
  eligible: boolean;
  at: IsoDate;
  ruleSetId: string | null;
  /** Every basis that qualifies, in QUALIFYING_BASES order (empty when not eligible). */
  basis: QualifyingBasis[];
  /** Qualifying hints first, then what is missing, then upcoming changes. */
  hints: EligibilityHint[];
}
