// One map from every state the widgets show to its meaning: a semantic variant, words, and an icon.
// Colour is never the only signal: the label is always rendered, the icon is decorative.
import { msg } from './localization.ts';
import type { TemplateResult } from 'lit';
import { icon } from '../templates/icons.ts';
import type { QuoteViewState } from '../../src/program/protection.ts';
import type { OpportunityState } from '../state/view-model.ts';

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

/** A meaning with its variant's icon, unless it has its own. */
function meaning(variant: Variant, label: () => string, glyph: TemplateResult = ICONS[variant]): Meaning {
  return { variant, label, icon: glyph };
}

const OPPORTUNITY_MEANINGS: Record<OpportunityState, Meaning> = {
  'not-registered': meaning('neutral', () => msg('Not registered')),
  submitted: meaning('informative', () => msg('Submitted')),
  'action-required': meaning('notice', () => msg('Action required')),
  approved: meaning('positive', () => msg('Approved')),
  'expiring-soon': meaning('notice', () => msg('Expiring soon')),
  expired: meaning('neutral', () => msg('Expired')),
  rejected: meaning('negative', () => msg('Rejected')),
  withdrawn: meaning('neutral', () => msg('Withdrawn')),
  won: meaning('positive', () => msg('Won'), icon('star')),
  lost: meaning('neutral', () => msg('Lost')),
  'protected-by-other': meaning('negative', () => msg('Protected by another partner'), icon('blocked')),
};

export function opportunityMeaning(state: OpportunityState): Meaning {
  return OPPORTUNITY_MEANINGS[state];
}

/** An eligibility decision in words: eligible (positive) or not (notice). */
export function eligibilityMeaning(eligible: boolean): Meaning {
  return eligible ? meaning('positive', () => msg('Eligible')) : meaning('notice', () => msg('Not eligible'));
}

export type QuoteDisplayState = QuoteViewState | 'sending';

const QUOTE_MEANINGS: Record<QuoteDisplayState, Meaning> = {
  sending: meaning('informative', () => msg('Sending quote request…')),
  pending: meaning('informative', () => msg('Quote requested')),
  valid: meaning('positive', () => msg('Quoted')),
  expired: meaning('neutral', () => msg('Quote expired')),
  declined: meaning('negative', () => msg('Quote declined')),
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
