// One map from every state the widgets show to its meaning: a semantic variant, words, and an icon.
// Colour is never the only signal: the label is always rendered, the icon is decorative.
import { msg } from '@lit/localize';
import type { TemplateResult } from 'lit';
import { icon } from './icons.ts';
import type { QuoteViewState } from '../../src/program/protection.ts';
import type { OpportunityState } from './view-model.ts';

export const VARIANTS = ['positive', 'negative', 'notice', 'neutral', 'informative'] as const;
export type Variant = (typeof VARIANTS)[number];

export interface Meaning {
  variant: Variant;
  /** Call at render time (the label follows the locale). */
  label: () => string;
  /** An inline SVG (icons.ts), `aria-hidden`. */
  icon: TemplateResult;
}

export const ICONS: Record<Variant, TemplateResult> = {
  positive: icon('check'),
  negative: icon('cross'),
  notice: icon('alert'),
  neutral: icon('circle'),
  informative: icon('clock'),
};

const OPPORTUNITY_MEANINGS: Record<OpportunityState, Meaning> = {
  'not-registered': { variant: 'neutral', label: () => msg('Not registered', { id: 'state.not-registered' }), icon: ICONS.neutral },
  submitted: { variant: 'informative', label: () => msg('Submitted', { id: 'state.submitted' }), icon: ICONS.informative },
  'action-required': { variant: 'notice', label: () => msg('Action required', { id: 'state.action-required' }), icon: ICONS.notice },
  approved: { variant: 'positive', label: () => msg('Approved', { id: 'state.approved' }), icon: ICONS.positive },
  'expiring-soon': { variant: 'notice', label: () => msg('Expiring soon', { id: 'state.expiring-soon' }), icon: ICONS.notice },
  expired: { variant: 'neutral', label: () => msg('Expired', { id: 'state.expired' }), icon: ICONS.neutral },
  rejected: { variant: 'negative', label: () => msg('Rejected', { id: 'state.rejected' }), icon: ICONS.negative },
  withdrawn: { variant: 'neutral', label: () => msg('Withdrawn', { id: 'state.withdrawn' }), icon: ICONS.neutral },
  won: { variant: 'positive', label: () => msg('Won', { id: 'state.won' }), icon: icon('star') },
  lost: { variant: 'neutral', label: () => msg('Lost', { id: 'state.lost' }), icon: ICONS.neutral },
  'protected-by-other': {
    variant: 'negative',
    label: () => msg('Protected by another partner', { id: 'state.protected-by-other' }),
    icon: icon('blocked'),
  },
};

export function opportunityMeaning(state: OpportunityState): Meaning {
  return OPPORTUNITY_MEANINGS[state];
}

/** An eligibility decision in words: eligible (positive) or not (notice). */
export function eligibilityMeaning(eligible: boolean): Meaning {
  return eligible
    ? { variant: 'positive', icon: ICONS.positive, label: () => msg('Eligible', { id: 'eligibility.eligible' }) }
    : { variant: 'notice', icon: ICONS.notice, label: () => msg('Not eligible', { id: 'eligibility.not-eligible' }) };
}

export type QuoteDisplayState = QuoteViewState | 'sending';

const QUOTE_MEANINGS: Record<QuoteDisplayState, Meaning> = {
  sending: { variant: 'informative', label: () => msg('Sending quote request…', { id: 'quote.sending' }), icon: ICONS.informative },
  pending: { variant: 'informative', label: () => msg('Quote requested', { id: 'quote.pending' }), icon: ICONS.informative },
  valid: { variant: 'positive', label: () => msg('Quoted', { id: 'quote.valid' }), icon: ICONS.positive },
  expired: { variant: 'neutral', label: () => msg('Quote expired', { id: 'quote.expired' }), icon: ICONS.neutral },
  declined: { variant: 'negative', label: () => msg('Quote declined', { id: 'quote.declined' }), icon: ICONS.negative },
};

export function quoteMeaning(state: QuoteDisplayState): Meaning {
  return QUOTE_MEANINGS[state];
}

/** Rejection and decline reason codes, in words the partner can act on. */
export function reasonText(code: string): string {
  switch (code) {
    case 'already-protected':
      return msg('Another partner already protects this opportunity.', { id: 'reason.already-protected' });
    case 'not-eligible':
      return msg('The deal does not meet the program’s eligibility rules.', { id: 'reason.not-eligible' });
    case 'opportunity-closed':
      return msg('The opportunity is already closed.', { id: 'reason.opportunity-closed' });
    case 'missing-presales-activity':
      return msg('Add at least one presales activity (workshop, proof of concept, sizing…).', {
        id: 'reason.missing-presales-activity',
      });
    case 'protection-expired':
      return msg('The protection expired before the quote was priced.', { id: 'reason.protection-expired' });
    case 'pricing-unavailable':
      return msg('The vendor cannot price this deal at the moment.', { id: 'reason.pricing-unavailable' });
    case 'registration-withdrawn':
      return msg('The registration was withdrawn.', { id: 'reason.registration-withdrawn' });
    default:
      return code;
  }
}

/** Labels of the presales activities the program rewards. */
export function presalesActivityLabel(code: string): string {
  switch (code) {
    case 'workshop':
      return msg('Workshop', { id: 'activity.workshop' });
    case 'proof-of-concept':
      return msg('Proof of concept', { id: 'activity.proof-of-concept' });
    case 'sizing':
      return msg('Sizing', { id: 'activity.sizing' });
    case 'demo':
      return msg('Demo', { id: 'activity.demo' });
    case 'architecture-design':
      return msg('Architecture design', { id: 'activity.architecture-design' });
    default:
      return code;
  }
}
