// The rep's book in the program's terms (docs/book.md): the views a row belongs to, the order rows
// are listed in, and what a search finds. Pure, the date passed in: the vendor filters, counts and
// pages its answers with these, and a client can recompute any of them from the rows it received.
import type { IsoDate, IsoDateTime } from '../domain/types.ts';
import type { BookQuery, BookRow } from '../domain/book.ts';
import { BOOK_VIEWS, type BookSort, type BookView, type OpportunityState } from '../domain/status.ts';
import type { ProtectionTerms } from '../domain/program.ts';
import { compareDates, toIsoDate } from './dates.ts';
import { compareUrgency, opportunityState, type UrgencyKey } from './opportunity-state.ts';
import { isProtectionActive, protectionState, quoteState, type ProtectionView } from './protection.ts';

/** What the book's rules read of a row. */
export type BookFacts = Pick<BookRow, 'status' | 'protectedUntil' | 'quote'> & {
  registration: Pick<BookRow['registration'], 'id' | 'updatedAt' | 'extensionsUsed'>;
};

export interface BookStanding {
  /** The row's state, as the overview's rows tell it (no other partner weighs on the partner's own registration). */
  state: OpportunityState;
  protection: ProtectionView;
}

/** Where a row stands at `at`: the engine's protection and the overview's state of it. */
export function bookStanding(row: BookFacts, at: IsoDate | IsoDateTime, terms: ProtectionTerms): BookStanding {
  const { status } = row;
  const protection = protectionState(
    { status, protectedUntil: row.protectedUntil ?? undefined, extensionsUsed: row.registration.extensionsUsed },
    at,
    terms,
  );
  return { state: opportunityState({ protectedByAnotherPartner: false }, { status }, protection), protection };
}

/** A restricted price the partner can still order at (quoted, valid through `at`). */
function hasValidQuote(row: BookFacts, at: IsoDate | IsoDateTime): boolean {
  return (
    row.quote !== null &&
    quoteState({ status: row.quote.status, validUntil: row.quote.validUntil ?? undefined }, at).state === 'valid'
  );
}

/**
 * What a row says of the restricted quote at `at`: its price and last day while it is valid, that the
 * vendor is pricing it while it is pending (rule 4: one open request at a time, so no second one),
 * else "Request quote" while the protection holds, else nothing (no quote without a protection).
 */
export type BookQuoteStep = 'valid' | 'pending' | 'request' | 'none';

export function bookQuoteStep(
  row: BookFacts,
  at: IsoDate | IsoDateTime,
  terms: ProtectionTerms,
  // A caller that has the row's standing already (the book's rows do) passes it.
  standing: BookStanding = bookStanding(row, at, terms),
): BookQuoteStep {
  if (row.quote) {
    const { state } = quoteState({ status: row.quote.status, validUntil: row.quote.validUntil ?? undefined }, at);
    if (state === 'valid' || state === 'pending') return state;
  }
  return isProtectionActive(standing.protection) ? 'request' : 'none';
}

const IN_VIEW: Readonly<Record<BookView, (row: BookFacts, standing: BookStanding, at: IsoDate | IsoDateTime) => boolean>> = {
  'expiring-soon': (_, { state }) => state === 'expiring-soon',
  'action-required': ({ status }) => status === 'action-required',
  submitted: ({ status }) => status === 'submitted',
  quoted: (row, _, at) => hasValidQuote(row, at),
  rejected: ({ status }) => status === 'rejected',
  active: (_, { protection }) => isProtectionActive(protection),
};

/** The views a row belongs to at `at` (a protection ending soon is both expiring-soon and active). */
export function bookViewsOf(row: BookFacts, at: IsoDate | IsoDateTime, terms: ProtectionTerms): BookView[] {
  const standing = bookStanding(row, at, terms);
  return BOOK_VIEWS.filter((view) => IN_VIEW[view](row, standing, at));
}

/**
 * The urgency groups of the book, most pressing first, as the panel orders its rows
 * (crm-row-order.ts): protections within the expiring-soon window, registrations the vendor sent
 * back to the partner, the other protections that hold, those awaiting the vendor, then the closed
 * ones (rejected, expired, withdrawn, won, lost).
 */
export const BOOK_URGENCY_GROUPS = ['expiring-soon', 'action-required', 'protected', 'submitted', 'closed'] as const;

/** The groups of each sort: `quote-validity` puts the valid restricted prices first, then the urgency order. */
export const BOOK_SORT_GROUPS: Readonly<Record<BookSort, readonly string[]>> = {
  urgency: BOOK_URGENCY_GROUPS,
  'quote-validity': ['quoted', ...BOOK_URGENCY_GROUPS],
};

function urgencyOf(row: BookFacts, state: OpportunityState): [group: number, date: IsoDate] {
  const updated = toIsoDate(row.registration.updatedAt);
  switch (state) {
    case 'expiring-soon':
      return [0, row.protectedUntil ?? updated];
    case 'action-required':
      return [1, updated];
    case 'approved':
      return [2, row.protectedUntil ?? updated];
    case 'submitted':
      return [3, updated];
    default:
      return [4, updated];
  }
}

/** The order a view is listed in: Quotes, the restricted prices that lapse soonest first; every other view by urgency. */
export function bookViewSort(view: BookView): BookSort {
  return view === 'quoted' ? 'quote-validity' : 'urgency';
}

/**
 * A row's place in `sort`: [group, date, registration id], a total order (the id breaks ties) that
 * a keyset cursor can resume after. Protections by their end, the soonest first; registrations
 * awaiting the partner or the vendor by their last change, the longest waiting first; closed ones
 * by their last change (the rejection, the expiry, the win…), the latest first; under
 * `quote-validity`, valid prices by their last day, the soonest first, then the urgency order.
 */
export function bookSortKey(sort: BookSort, row: BookFacts, at: IsoDate | IsoDateTime, terms: ProtectionTerms): UrgencyKey {
  const id = row.registration.id;
  const validUntil = row.quote?.validUntil;
  if (sort === 'quote-validity' && validUntil && hasValidQuote(row, at)) return [0, validUntil, id];
  const [group, date] = urgencyOf(row, bookStanding(row, at, terms).state);
  return [sort === 'urgency' ? group : group + 1, date, id];
}

/** The comparator of `sort`'s keys: ascending, but the closed group's dates descending (the latest first). */
export function bookOrder(sort: BookSort): (a: UrgencyKey, b: UrgencyKey) => number {
  const closed = BOOK_SORT_GROUPS[sort].length - 1;
  return (a, b) => (a[0] === closed && b[0] === closed && a[1] !== b[1] ? compareDates(b[1], a[1]) : compareUrgency(a, b));
}

/** Lower case, without accents or ligatures, typographic apostrophes as straight ones, one space between words. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** What a search reads of a row: the customer's name and the deal's, folded, on two lines. */
export function bookHaystack(row: Pick<BookRow, 'customer' | 'deal'>): string {
  return `${foldText(row.customer.name)}\n${foldText(row.deal.name)}`;
}

/** The filters of a query other than its view. */
export type BookFilters = Pick<BookQuery, 'status' | 'expiresBefore' | 'expiresAfter' | 'q'>;

/**
 * The filters as one predicate (the search folded once): its status among `status`, its protection
 * ending within [expiresAfter, expiresBefore] (both days included), and each word of `q` in the
 * customer's name or the deal's. `haystack` is bookHaystack(row), when the caller keeps it.
 */
export function bookFilter(
  filters: BookFilters,
): (row: BookFacts & Pick<BookRow, 'customer' | 'deal'>, haystack?: string) => boolean {
  const { status, expiresBefore, expiresAfter } = filters;
  const folded = foldText(filters.q ?? '');
  const words = folded === '' ? [] : folded.split(' ');
  return (row, haystack) => {
    if (status !== undefined && !status.includes(row.status)) return false;
    const ends = row.protectedUntil;
    if (expiresBefore !== undefined && (ends === null || compareDates(ends, expiresBefore) > 0)) return false;
    if (expiresAfter !== undefined && (ends === null || compareDates(ends, expiresAfter) < 0)) return false;
    if (words.length === 0) return true;
    const text = haystack ?? bookHaystack(row);
    return words.every((word) => text.includes(word));
  };
}
