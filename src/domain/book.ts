// The rep's book (docs/book.md): this partner's registrations across all its accounts, one row per
// deal, filtered, ordered and paged by the vendor (`GET /v1/registrations`).
import type { IsoDate, IsoDateTime, Money } from './types.ts';
import type { BookSort, BookView, QuoteStatus, RegistrationStatus } from './status.ts';
import type { ProtectionTerms } from './program.ts';
import type { ExtensionStanding } from '../program/protection.ts';

/**
 * What to list. Every filter narrows the list (they combine with AND); none lists the whole book.
 * `limit` and `cursor` page it: the first answer (no cursor) carries the exact counts.
 */
export interface BookQuery {
  /** One view of the book, decided by the vendor at its clock (asOf). */
  view?: BookView;
  /** Registrations in any of these statuses (as settled at asOf: a lapsed protection is `expired`). */
  status?: RegistrationStatus[];
  /** Protections that end on or before this date (registrations without protectedUntil are left out). */
  expiresBefore?: IsoDate;
  /** Protections that end on or after this date (registrations without protectedUntil are left out). */
  expiresAfter?: IsoDate;
  /** Words that must each appear in the customer's name or the deal's, whatever their case and accents. */
  q?: string;
  /** `urgency` unless given. */
  sort?: BookSort;
  /** Rows per page: 25 unless given, at most 100 (a larger one is served as 100). */
  limit?: number;
  /** The previous answer's nextCursor, with the same filters and sort. */
  cursor?: string;
}

/** The partner's registration a row shows: its latest of the deal, without its history. */
export interface BookRegistration {
  id: string;
  /** The vendor's record of the deal (the id `registerOpportunity` and the overview use). */
  opportunityId: string;
  /** A registration of a CRM deal: the CRM's id of it, as the partner sent it. Absent otherwise. */
  partnerOpportunityId?: string;
  submittedAt: IsoDateTime;
  /** Its latest change (the last entry of its history): a rejection's, an expiry's, a win's time… */
  updatedAt: IsoDateTime;
  extensionsUsed: number;
  /** The rejection's reason codes (empty unless rejected). */
  reasons: string[];
}

/** The latest quote request of the registration. */
export interface BookQuote {
  id: string;
  status: QuoteStatus;
  /** The restricted price's last valid day, once quoted. */
  validUntil: IsoDate | null;
}

export interface BookRow {
  registration: BookRegistration;
  /** The vendor's account id, and its name as this partner knows it. */
  customer: { id: string; name: string };
  deal: { name: string; amount: Money; closeDate: IsoDate };
  /** The registration's status at asOf. */
  status: RegistrationStatus;
  protectedUntil: IsoDate | null;
  /** The engine's extension standing at asOf: none, opens on a date, open now, or used. */
  extension: ExtensionStanding;
  quote: BookQuote | null;
}

/** Exact counts, over every row the filters other than `view` let through. */
export interface BookCounts {
  /** The rows of this list (the view included): what following the cursors reaches. */
  total: number;
  byView: Record<BookView, number>;
}

export interface BookPage {
  asOf: IsoDateTime;
  /** The program's protection terms: what the engine needs to tell a row's days left and windows. */
  protection: ProtectionTerms;
  rows: BookRow[];
  /** Opaque, bound to the partner, the filters and the sort; null on the last page. */
  nextCursor: string | null;
  /** On the first page (no cursor sent) only. */
  counts?: BookCounts;
}
