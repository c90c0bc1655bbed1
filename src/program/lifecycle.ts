// docs/program.md §4 rules 3 and 4: the lifecycle of registrations and restricted quotes. Every transition
// returns a new object with one more history entry (who, when, why); an illegal one throws.
import type { IsoDate, IsoDateTime, QuoteRequest, Registration, StatusChange } from '../domain/types.ts';
import type { Actor, QuoteStatus, RegistrationStatus } from '../domain/status.ts';
import { DealRegError } from '../errors.ts';
import type { ProtectionTerms } from '../domain/program.ts';
import {
  isProtectionActive,
  isQuoteOpen,
  protectedUntilOnApproval,
  protectedUntilOnExtension,
  protectionState,
} from './protection.ts';

export const REGISTRATION_TRANSITIONS: Readonly<Record<RegistrationStatus, readonly RegistrationStatus[]>> = {
  submitted: ['approved', 'rejected', 'action-required'],
  'action-required': ['submitted', 'withdrawn'],
  approved: ['expired', 'withdrawn', 'won', 'lost'],
  rejected: [],
  expired: [],
  withdrawn: [],
  won: [],
  lost: [],
};

export const QUOTE_TRANSITIONS: Readonly<Record<QuoteStatus, readonly QuoteStatus[]>> = {
  submitted: ['quoted', 'declined'],
  quoted: ['expired'],
  declined: [],
  expired: [],
};

export class IllegalTransitionError extends DealRegError {
  readonly from: string;
  readonly to: string;
  readonly subject: 'registration' | 'quote';

  constructor(subject: 'registration' | 'quote', from: string, to: string) {
    super('illegal-transition', { detail: `${subject} cannot go from ${from} to ${to}` });
    this.name = 'IllegalTransitionError';
    this.subject = subject;
    this.from = from;
    this.to = to;
  }
}

export interface TransitionContext {
  at: IsoDateTime;
  by: Actor;
  reason?: string;
}

function change<S extends string>(from: S | null, to: S, ctx: TransitionContext): StatusChange<S> {
  const entry: StatusChange<S> = { from, to, at: ctx.at, by: ctx.by };
  if (ctx.reason !== undefined) entry.reason = ctx.reason;
  return entry;
}

/** A registration as the partner submits it: status submitted, its first history entry, nothing decided yet. */
export function submittedRegistration(r: {
  id: string;
  accountId: string;
  opportunityId: string;
  submittedAt: IsoDateTime;
  presalesActivities: Registration['presalesActivities'];
}): Registration {
  return {
    ...r,
    status: 'submitted',
    reasons: [],
    history: [{ from: null, to: 'submitted', at: r.submittedAt, by: 'partner' }],
    extensionsUsed: 0,
  };
}

export function canTransitionRegistration(from: RegistrationStatus, to: RegistrationStatus): boolean {
  return REGISTRATION_TRANSITIONS[from].includes(to);
}

export function canTransitionQuote(from: QuoteStatus, to: QuoteStatus): boolean {
  return QUOTE_TRANSITIONS[from].includes(to);
}

export function transitionRegistration(reg: Registration, to: RegistrationStatus, ctx: TransitionContext): Registration {
  if (!canTransitionRegistration(reg.status, to)) throw new IllegalTransitionError('registration', reg.status, to);
  return { ...reg, status: to, history: [...reg.history, change(reg.status, to, ctx)] };
}

/** Approval starts the protection period: protectedUntil = approval date + periodDays. */
export function approveRegistration(reg: Registration, ctx: TransitionContext, terms: ProtectionTerms): Registration {
  return {
    ...transitionRegistration(reg, 'approved', ctx),
    approvedAt: ctx.at,
    protectedUntil: protectedUntilOnApproval(ctx.at, terms),
  };
}

/** A rejection always carries reason codes the partner can read; the history reason joins them with commas. */
export function rejectRegistration(reg: Registration, reasons: string[], ctx: TransitionContext): Registration {
  if (reasons.length === 0) throw new DealRegError('invalid-request', { detail: 'a rejection needs at least one reason' });
  return { ...transitionRegistration(reg, 'rejected', { ...ctx, reason: reasons.join(',') }), reasons: [...reasons] };
}

/**
 * Pushes protectedUntil by extensionDays while protection holds, extensions remain and the extension
 * window is open (extensionWindowDays or fewer left); the status stays approved and the history records
 * approved → approved with reason 'extension'. The widgets offer the action from the same standing.
 */
export function extendProtection(
  reg: Registration,
  at: IsoDate | IsoDateTime,
  terms: ProtectionTerms,
  by: Actor = 'partner',
): Registration {
  const view = protectionState(reg, at, terms);
  if (!view.canExtend) {
    const { extension } = view;
    throw new DealRegError('extension-not-allowed', {
      detail: !isProtectionActive(view)
        ? 'the protection is not active'
        : extension.state === 'opens'
          ? `the extension window opens on ${extension.from}, ${terms.extensionWindowDays} days before the protection ends`
          : 'no extension left',
    });
  }
  return {
    ...reg,
    protectedUntil: protectedUntilOnExtension(reg, terms),
    extensionsUsed: reg.extensionsUsed + 1,
    history: [...reg.history, change<RegistrationStatus>('approved', 'approved', { at, by, reason: 'extension' })],
  };
}

export function transitionQuote(q: QuoteRequest, to: QuoteStatus, ctx: TransitionContext): QuoteRequest {
  if (!canTransitionQuote(q.status, to)) throw new IllegalTransitionError('quote', q.status, to);
  return { ...q, status: to, history: [...(q.history ?? []), change(q.status, to, ctx)] };
}

export type QuoteRefusal = 'protection-not-active' | 'quote-already-open';

/**
 * Why a restricted quote cannot be requested now, or null when it can: the registration must hold
 * protection, and no quote for it may be open (submitted, or quoted and still valid at `at`).
 */
export function quoteRefusal(
  reg: Pick<Registration, 'status' | 'protectedUntil' | 'extensionsUsed' | 'id'>,
  quotes: ReadonlyArray<Pick<QuoteRequest, 'registrationId' | 'status' | 'validUntil'>>,
  at: IsoDate | IsoDateTime,
  terms: ProtectionTerms,
): QuoteRefusal | null {
  if (!isProtectionActive(protectionState(reg, at, terms))) return 'protection-not-active';
  const open = quotes.some((q) => q.registrationId === reg.id && isQuoteOpen(q, at));
  return open ? 'quote-already-open' : null;
}
