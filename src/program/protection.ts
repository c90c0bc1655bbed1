// Protection and quote validity at a date (docs/program.md §4 rules 3 and 4). Countdowns use the date passed in
// (the server's asOf), never the browser clock.
import type { IsoDate, IsoDateTime, QuoteRequest, Registration } from '../domain/types.ts';
import { DealRegError } from '../errors.ts';
import type { ProtectionTerms, QuoteTerms } from './definition.ts';
import { addDays, daysBetween, toIsoDate } from './dates.ts';

export const PROTECTION_STATES = ['none', 'active', 'expiring-soon', 'expired'] as const;
export type ProtectionState = (typeof PROTECTION_STATES)[number];

export interface ProtectionView {
  state: ProtectionState;
  /** Whole days from `at` to protectedUntil: 0 on the last protected day and once expired; null without protection. */
  daysLeft: number | null;
  protectedUntil: IsoDate | null;
  canExtend: boolean;
}

const NO_PROTECTION: ProtectionView = { state: 'none', daysLeft: null, protectedUntil: null, canExtend: false };

/**
 * 'none' unless the registration is approved (or expired). Protection holds THROUGH protectedUntil;
 * 'expiring-soon' when daysLeft <= expiringSoonDays; 'expired' after protectedUntil or once the status is expired.
 */
export function protectionState(
  reg: Pick<Registration, 'status' | 'protectedUntil' | 'extensionsUsed'>,
  at: IsoDate | IsoDateTime,
  terms: ProtectionTerms,
): ProtectionView {
  if ((reg.status !== 'approved' && reg.status !== 'expired') || reg.protectedUntil === undefined) {
    return { ...NO_PROTECTION };
  }
  const protectedUntil = toIsoDate(reg.protectedUntil);
  const remaining = daysBetween(at, protectedUntil);
  if (reg.status === 'expired' || remaining < 0) {
    return { state: 'expired', daysLeft: 0, protectedUntil, canExtend: false };
  }
  return {
    state: remaining <= terms.expiringSoonDays ? 'expiring-soon' : 'active',
    daysLeft: remaining,
    protectedUntil,
    canExtend: reg.extensionsUsed < terms.maxExtensions,
  };
}

/** True while the registration holds protection (active or expiring soon). */
export function isProtectionActive(view: Pick<ProtectionView, 'state'>): boolean {
  return view.state === 'active' || view.state === 'expiring-soon';
}

export function protectedUntilOnApproval(approvedAt: IsoDate | IsoDateTime, terms: ProtectionTerms): IsoDate {
  return addDays(approvedAt, terms.periodDays);
}

export function protectedUntilOnExtension(reg: Pick<Registration, 'protectedUntil'>, terms: ProtectionTerms): IsoDate {
  if (reg.protectedUntil === undefined) {
    throw new DealRegError('extension-not-allowed', { detail: 'the registration holds no protection' });
  }
  return addDays(reg.protectedUntil, terms.extensionDays);
}

export const QUOTE_VIEW_STATES = ['pending', 'valid', 'expired', 'declined'] as const;
export type QuoteViewState = (typeof QUOTE_VIEW_STATES)[number];

/** A quoted price is valid THROUGH validUntil; daysLeft counts whole days to it (0 on the last day). */
export function quoteState(
  quote: Pick<QuoteRequest, 'status' | 'validUntil'>,
  at: IsoDate | IsoDateTime,
): { state: QuoteViewState; daysLeft: number | null } {
  switch (quote.status) {
    case 'submitted':
      return { state: 'pending', daysLeft: null };
    case 'declined':
      return { state: 'declined', daysLeft: null };
    case 'expired':
      return { state: 'expired', daysLeft: 0 };
    case 'quoted': {
      if (quote.validUntil === undefined) return { state: 'valid', daysLeft: null };
      const remaining = daysBetween(at, quote.validUntil);
      return remaining < 0 ? { state: 'expired', daysLeft: 0 } : { state: 'valid', daysLeft: remaining };
    }
  }
}

export function quoteValidUntil(quotedAt: IsoDate | IsoDateTime, terms: QuoteTerms): IsoDate {
  return addDays(quotedAt, terms.validityDays);
}
