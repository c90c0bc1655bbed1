// Who may register a deal now, and why the vendor rejects a registration (docs/program.md §3 and §4):
// one answer for the backend (409 already-registered, a rejection's reasons) and the widgets (a row's
// Register action, the form's checks before sending), so the two cannot disagree.
import type { IsoDate, IsoDateTime, Opportunity, Registration } from '../domain/types.ts';
import { REGISTRATION_STATUSES, REJECTION_REASONS, type RegistrationStatus, type RejectionReason } from '../domain/status.ts';
import type { ProtectionTerms } from '../domain/program.ts';
import { compareDates } from './dates.ts';
import type { EligibilityDecision } from './eligibility.ts';
import { isProtectionActive, protectionState } from './protection.ts';

type OwnClaim = 'blocks' | 'while-protected' | 'never';

/**
 * What a partner's registration does to that partner registering the same deal again:
 * awaiting the vendor or the partner, it blocks; won or lost, the deal is closed for good; approved,
 * it blocks while its protection holds (a lapsed one no longer does); rejected, expired and
 * withdrawn ones leave the deal free.
 */
const OWN_CLAIM: Readonly<Record<RegistrationStatus, OwnClaim>> = {
  submitted: 'blocks',
  'action-required': 'blocks',
  approved: 'while-protected',
  won: 'blocks',
  lost: 'blocks',
  rejected: 'never',
  expired: 'never',
  withdrawn: 'never',
};

/**
 * The statuses from which a registration may still block a new one of its deal: its own partner's
 * (any of these) or, pending or protected, another partner's. The others never come back.
 * Pure, so a bundle that does not read it (the elements) drops the call.
 */
export const MAY_BLOCK_STATUSES: readonly RegistrationStatus[] = /* @__PURE__ */ REGISTRATION_STATUSES.filter(
  (status) => OWN_CLAIM[status] !== 'never',
);

type Claim = Pick<Registration, 'status' | 'protectedUntil' | 'extensionsUsed'>;

/** Whether this registration stops its partner registering the same deal again at `at`. */
export function blocksNewRegistration(registration: Claim, at: IsoDate | IsoDateTime, terms: ProtectionTerms): boolean {
  switch (OWN_CLAIM[registration.status]) {
    case 'blocks':
      return true;
    case 'while-protected':
      return isProtectionActive(protectionState(registration, at, terms));
    case 'never':
      return false;
  }
}

/** A deal whose expected close date is past at `at` (its close date itself still counts as open). */
export function isOpportunityClosed(opportunity: Pick<Opportunity, 'closeDate'>, at: IsoDate | IsoDateTime): boolean {
  return compareDates(opportunity.closeDate, at) < 0;
}

/** Why a partner may not register a deal now (see registrationBlock). */
export type RegistrationBlock = 'held' | 'protected-by-other' | 'claimed' | 'closed';

/**
 * Why the partner may not register the deal now, or null when it may:
 * - 'held': its own protection holds the deal;
 * - 'protected-by-other': another partner's protection holds it (or the same deal, rule 1);
 * - 'claimed': its own registration awaits an answer, or won or lost the deal;
 * - 'closed': the deal's close date is past.
 * `latest` is the partner's latest registration of the deal: an earlier one cannot block, since none
 * is made while one blocks and a lapsed protection does not come back.
 */
export function registrationBlock(
  opportunity: Pick<Opportunity, 'closeDate' | 'protectedByAnotherPartner'>,
  latest: Claim | undefined,
  at: IsoDate | IsoDateTime,
  terms: ProtectionTerms,
): RegistrationBlock | null {
  if (latest && isProtectionActive(protectionState(latest, at, terms))) return 'held';
  if (opportunity.protectedByAnotherPartner) return 'protected-by-other';
  if (latest && blocksNewRegistration(latest, at, terms)) return 'claimed';
  if (isOpportunityClosed(opportunity, at)) return 'closed';
  return null;
}

/** What the vendor weighs when a registration arrives (docs/program.md §4 rule 3). */
export interface Submission {
  /** Another partner's active protection holds this deal or the same deal, or its submission awaits the vendor (rules 1 and 2). */
  competing: boolean;
  /** The engine's decision under the rule set in force on the submission date. */
  eligibility: Pick<EligibilityDecision, 'eligible'>;
  closeDate: IsoDate;
  /** The submission date. */
  at: IsoDate | IsoDateTime;
  presalesActivities: readonly string[];
}

const REJECTS: { readonly [R in RejectionReason]: (facts: Partial<Submission>) => boolean } = {
  'already-protected': (s) => s.competing === true,
  'not-eligible': (s) => s.eligibility !== undefined && !s.eligibility.eligible,
  'opportunity-closed': (s) =>
    s.closeDate !== undefined && s.at !== undefined && isOpportunityClosed({ closeDate: s.closeDate }, s.at),
  'missing-presales-activity': (s) => s.presalesActivities !== undefined && s.presalesActivities.length === 0,
};

/** Every reason the vendor rejects this submission for, in REJECTION_REASONS order; none: it is approved. */
export function rejectionReasons(submission: Submission): RejectionReason[] {
  return rejectionReasonsSoFar(submission);
}

/**
 * The reasons a submission already earns from the facts known so far (a form before it is sent): a
 * fact left out is not judged. The widgets warn of what the backend would reject, and of nothing else.
 */
export function rejectionReasonsSoFar(facts: Partial<Submission>): RejectionReason[] {
  return REJECTION_REASONS.filter((reason) => REJECTS[reason](facts));
}
