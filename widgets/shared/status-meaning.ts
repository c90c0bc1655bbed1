// One map from every state the widgets show to its meaning: a semantic variant, words, and an icon.
// Colour is never the only signal: the label is always rendered, the icon is decorative.
import { msg } from './localization.ts';
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
  'not-registered': { variant: 'neutral', label: () => msg('Not registered'), icon: ICONS.neutral },
  submitted: { variant: 'informative', label: () => msg('Submitted'), icon: ICONS.informative },
  'action-required': { variant: 'notice', label: () => msg('Action required'), icon: ICONS.notice },
  approved: { variant: 'positive', label: () => msg('Approved'), icon: ICONS.positive },
  'expiring-soon': { variant: 'notice', label: () => msg('Expiring soon'), icon: ICONS.notice },
  expired: { variant: 'neutral', label: () => msg('Expired'), icon: ICONS.neutral },
  rejected: { variant: 'negative', label: () => msg('Rejected'), icon: ICONS.negative },
  withdrawn: { variant: 'neutral', label: () => msg('Withdrawn'), icon: ICONS.neutral },
  won: { variant: 'positive', label: () => msg('Won'), icon: icon('star') },
  lost: { variant: 'neutral', label: () => msg('Lost'), icon: ICONS.neutral },
  'protected-by-other': {
    variant: 'negative',
    label: () => msg('Protected by another partner'),
    icon: icon('blocked'),
  },
};

export function opportunityMeaning(state: OpportunityState): Meaning {
  return OPPORTUNITY_MEANINGS[state];
}

/** An eligibility decision in words: eligible (positive) or not (notice). */
export function eligibilityMeaning(eligible: boolean): Meaning {
  return eligible
    ? { variant: 'positive', icon: ICONS.positive, label: () => msg('Eligible') }
    : { variant: 'notice', icon: ICONS.notice, label: () => msg('Not eligible') };
}

export type QuoteDisplayState = QuoteViewState | 'sending';

const QUOTE_MEANINGS: Record<QuoteDisplayState, Meaning> = {
  sending: { variant: 'informative', label: () => msg('Sending quote request…'), icon: ICONS.informative },
  pending: { variant: 'informative', label: () => msg('Quote requested'), icon: ICONS.informative },
  valid: { variant: 'positive', label: () => msg('Quoted'), icon: ICONS.positive },
  expired: { variant: 'neutral', label: () => msg('Quote expired'), icon: ICONS.neutral },
  declined: { variant: 'negative', label: () => msg('Quote declined'), icon: ICONS.negative },
};

export function quoteMeaning(state: QuoteDisplayState): Meaning {
  return QUOTE_MEANINGS[state];
}

/** Rejection and decline reason codes, in words the partner can act on. */
export function reasonText(code: string): string {
  switch (code) {
    case 'already-protected':
      return msg('Another partner already protects this opportunity.');
    case 'not-eligible':
      return msg('The deal does not meet the program’s eligibility rules.');
    case 'opportunity-closed':
      return msg('The opportunity is already closed.');
    case 'missing-presales-activity':
      return msg('Add at least one presales activity (workshop, proof of concept, sizing…).');
    case 'protection-expired':
      return msg('The protection expired before the quote was priced.');
    case 'pricing-unavailable':
      return msg('The vendor cannot price this deal at the moment.');
    case 'registration-withdrawn':
      return msg('The registration was withdrawn.');
    default:
      return code;
  }
}

/** Labels of the presales activities the program rewards. */
export function presalesActivityLabel(code: string): string {
  switch (code) {
    case 'workshop':
      return msg('Workshop');
    case 'proof-of-concept':
      return msg('Proof of concept');
    case 'sizing':
      return msg('Sizing');
    case 'demo':
      return msg('Demo');
    case 'architecture-design':
      return msg('Architecture design');
    default:
      return code;
  }
}
