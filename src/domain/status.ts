// Allowed values as const arrays with derived types: one source for the type, the schemas and the UI.

export const REGISTRATION_STATUSES = [
  'submitted',
  'approved',
  'rejected',
  'action-required',
  'expired',
  'withdrawn',
  'won',
  'lost',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const QUOTE_STATUSES = ['submitted', 'quoted', 'declined', 'expired'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

/** Why the vendor says no to a registration; every rejection carries at least one. */
export const REJECTION_REASONS = [
  'already-protected',
  'not-eligible',
  'opportunity-closed',
  'missing-presales-activity',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** Why the vendor declines a restricted quote. */
export const QUOTE_DECLINE_REASONS = ['protection-expired', 'pricing-unavailable', 'registration-withdrawn'] as const;
export type QuoteDeclineReason = (typeof QUOTE_DECLINE_REASONS)[number];

/** The presales investment the program rewards (docs/program.md §1). */
export const PRESALES_ACTIVITIES = ['workshop', 'proof-of-concept', 'sizing', 'demo', 'architecture-design'] as const;
export type PresalesActivity = (typeof PRESALES_ACTIVITIES)[number];

export const PRODUCT_GENERATIONS = ['latest', 'classic'] as const;
export type ProductGeneration = (typeof PRODUCT_GENERATIONS)[number];

/** The three ways a deal can qualify, across all rule sets. */
export const QUALIFYING_BASES = ['latest-generation', 'dormant-account', 'installed-base'] as const;
export type QualifyingBasis = (typeof QUALIFYING_BASES)[number];

/** Who made a lifecycle transition. Never a partner id: history is shown to the partner. */
export const ACTORS = ['partner', 'vendor', 'system'] as const;
export type Actor = (typeof ACTORS)[number];

/** Where one opportunity stands for the signed-in partner (its row's badge; the overview counts each). */
export const OPPORTUNITY_STATES = [
  'not-registered',
  'submitted',
  'action-required',
  'approved',
  'expiring-soon',
  'expired',
  'rejected',
  'withdrawn',
  'won',
  'lost',
  'protected-by-other',
] as const;
export type OpportunityState = (typeof OPPORTUNITY_STATES)[number];

/**
 * The views of the rep's book (docs/book.md), each with an exact count: protections within the
 * program's expiring-soon window, registrations awaiting the partner, awaiting the vendor, with a
 * restricted price still valid, rejected, and every protection that holds.
 */
export const BOOK_VIEWS = ['expiring-soon', 'action-required', 'submitted', 'quoted', 'rejected', 'active'] as const;
export type BookView = (typeof BOOK_VIEWS)[number];

/** The book's orders: by urgency (the default), or the restricted prices that end soonest first. */
export const BOOK_SORTS = ['urgency', 'quote-validity'] as const;
export type BookSort = (typeof BOOK_SORTS)[number];
