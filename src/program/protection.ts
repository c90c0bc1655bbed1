// Protection and quote validity at a date (docs/program.md §4 rules 3 and 4). Countdowns use the date passed in
// (the server's asOf), never the browser clock.
import type { IsoDate, IsoDateTime, QuoteRequest, Registration } from '../domain/types.ts';
import { DealRegError } from '../errors.ts';
import type { ProtectionTerms, QuoteTerms } from '../domain/program.ts';
import { addDays, daysBetween, toIsoDate } from './dates.ts';

export const PROTECTION_STATES = ['none', 'active', 'expiring-soon', 'expired'] as const;
export type ProtectionState = (typeof PROTECTION_STATES)[number];

/**
 * Where the extension stands (docs/program.md §4 rule 3), one answer for the backend and the widgets:
 * - 'none': no protection held, or the program offers no extension;
 * - 'opens': extensions remain, but the window opens on `from` (extensionWindowDays before the end);
 * - 'open': it can be requested now and would move the end to `until`;
 * - 'used': every extension is used; the protection ends for good on `finalUntil`.
 */
export type ExtensionStanding =
  | { state: 'none' }
  | { state: 'opens'; from: IsoDate; until: IsoDate }
  | { state: 'open'; until: IsoDate }
  | { state: 'used'; finalUntil: IsoDate };

export interface ProtectionView {
  state: ProtectionState;
  /** Whole days from `at` to protectedUntil: 0 on the last protected day and once expired; null without protection. */
  daysLeft: number | null;
  protectedUntil: IsoDate | null;
  /** extension.state === 'open'. */
  canExtend: boolean;
  extension: ExtensionStanding;
}

const NO_PROTECTION: ProtectionView = {
  state: 'none',
  daysLeft: null,
  protectedUntil: null,
  canExtend: false,
  extension: { state: 'none' },
};

/** The first day an extension may be requested: extensionWindowDays before protectedUntil. */
export function extensionWindowOpensOn(
  protectedUntil: IsoDate | IsoDateTime,
  terms: Pick<ProtectionTerms, 'extensionWindowDays'>,
): IsoDate {
  return addDays(protectedUntil, -terms.extensionWindowDays);
}

/** The extension's standing for a protection that holds with `daysLeft` days to run. */
export function extensionStanding(
  reg: Pick<Registration, 'extensionsUsed'>,
  protectedUntil: IsoDate,
  daysLeft: number,
  terms: Pick<ProtectionTerms, 'maxExtensions' | 'extensionDays' | 'extensionWindowDays'>,
): ExtensionStanding {
  if (terms.maxExtensions <= 0) return { state: 'none' };
  if (reg.extensionsUsed >= terms.maxExtensions) return { state: 'used', finalUntil: protectedUntil };
  const until = addDays(protectedUntil, terms.extensionDays);
  if (daysLeft > terms.extensionWindowDays) return { state: 'opens', from: extensionWindowOpensOn(protectedUntil, terms), until };
  return { state: 'open', until };
}

/**
 * 'none' unless the registration is approved (or expired). Protection holds THROUGH protectedUntil;
 * 'expiring-soon' when daysLeft <= expiringSoonDays; 'expired' after protectedUntil or once the status is expired.
 * canExtend only inside the extension window, while extensions remain (extensionStanding).
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
    return { state: 'expired', daysLeft: 0, protectedUntil, canExtend: false, extension: { state: 'none' } };
  }
  const extension = extensionStanding(reg, protectedUntil, remaining, terms);
  return {
    state: remaining <= terms.expiringSoonDays ? 'expiring-soon' : 'active',
    daysLeft: remaining,
    protectedUntil,
    canExtend: extension.state === 'open',
    extension,
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

/**
 * A quoted price is valid THROUGH validUntil; daysLeft counts whole days to it (0 on the last day).
 * Without a date (no server date known yet) a quoted price counts as valid, days unknown.
 */
export function quoteState(
  quote: Pick<QuoteRequest, 'status' | 'validUntil'>,
  at: IsoDate | IsoDateTime | undefined,
): { state: QuoteViewState; daysLeft: number | null } {
  switch (quote.status) {
    case 'submitted':
      return { state: 'pending', daysLeft: null };
    case 'declined':
      return { state: 'declined', daysLeft: null };
    case 'expired':
      return { state: 'expired', daysLeft: 0 };
    case 'quoted': {
      if (quote.validUntil === undefined || at === undefined) return { state: 'valid', daysLeft: null };
      const remaining = daysBetween(at, quote.validUntil);
      return remaining < 0 ? { state: 'expired', daysLeft: 0 } : { state: 'valid', daysLeft: remaining };
    }
  }
}

/** Rule 4: a quote request is open while it awaits pricing or its price is still valid at `at`. */
export function isQuoteOpen(quote: Pick<QuoteRequest, 'status' | 'validUntil'>, at: IsoDate | IsoDateTime | undefined): boolean {
  const { state } = quoteState(quote, at);
  return state === 'pending' || state === 'valid';
}

/**
 * The latest of some quote requests by requestedAt. On a tie (two copies of one request: the
 * overview's and a polled one) the one past 'submitted' wins, else the later entry.
 */
export function latestQuote<Q extends Pick<QuoteRequest, 'requestedAt' | 'status'>>(
  quotes: Iterable<Q | undefined>,
): Q | undefined {
  let best: Q | undefined;
  for (const q of quotes) {
    if (!q) continue;
    if (
      !best ||
      q.requestedAt > best.requestedAt ||
      (q.requestedAt === best.requestedAt && (q.status !== 'submitted' || best.status === 'submitted'))
    ) {
      best = q;
    }
  }
  return best;
}

/** The latest quote request per registration (see latestQuote). */
export function latestQuoteByRegistration<Q extends Pick<QuoteRequest, 'requestedAt' | 'status' | 'registrationId'>>(
  quotes: Iterable<Q>,
): Map<string, Q> {
  const latest = new Map<string, Q>();
  for (const q of quotes) {
    const chosen = latestQuote([latest.get(q.registrationId), q]);
    if (chosen) latest.set(q.registrationId, chosen);
  }
  return latest;
}

export function quoteValidUntil(quotedAt: IsoDate | IsoDateTime, terms: QuoteTerms): IsoDate {
  return addDays(quotedAt, terms.validityDays);
}
