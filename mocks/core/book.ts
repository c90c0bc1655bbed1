// GET /v1/registrations: the partner's book (docs/book.md). One row per deal, the partner's latest
// registration of it (as the overview's rows), settled at the clock, with its customer, its deal
// and its latest quote request; filtered, counted per view and ordered by the engine
// (src/program/book.ts), paged with the overview's keyset cursors, bound to the partner and the filters.
//
// A partner's rows are kept between requests, per store, until something is written through the
// indexes, the clock or the program changes, or a pending quote's decision comes due; so are each
// query's list and counts: a page then costs a binary search and its rows' copies, not a walk of the store.
import type { BookPage, BookRow } from '../../src/domain/book.ts';
import { BOOK_SORTS, BOOK_VIEWS, type BookSort, type BookView } from '../../src/domain/status.ts';
import type { IsoDateTime } from '../../src/domain/types.ts';
import type { ProgramDefinition } from '../../src/domain/program.ts';
import { bookFilter, bookHaystack, bookOrder, bookSortKey, bookViewsOf } from '../../src/program/book.ts';
import { latestRegistrationByOpportunity, type UrgencyKey } from '../../src/program/opportunity-state.ts';
import { latestQuote, protectionState } from '../../src/program/protection.ts';
import type { CoreResult, QueryParams } from './backend-core.ts';
import { checkBookQuery, type BookRequest } from './book-checks.ts';
import type { StoreIndexes } from './indexes.ts';
import type { InternalRegistration, Partner } from './model.ts';
import { pageAfter } from './paging.ts';
import { isFailure, ok, problem } from './problems.ts';
import { toPublicAccount, toPublicBookRow, toPublicProtectionTerms } from './public.ts';
import { byCodePoint, quotesOfRegistration, registrationsAt, settleRegistration, termsOf, type MockState } from './state.ts';

/** One row as kept: the public row, what a search reads of it, its views and its place in each sort. */
interface KeptRow {
  row: BookRow;
  /** The same row made afresh from the records (the allowlist of public.ts): what an answer sends. */
  copy: () => BookRow;
  haystack: string;
  views: readonly BookView[];
  keys: Readonly<Record<BookSort, UrgencyKey>>;
}

type Listed = ReadonlyArray<{ key: UrgencyKey; kept: KeptRow }>;

interface Book {
  rows: readonly KeptRow[];
  /** Each sort's order of the rows, and each query's list in it, made when first asked for. */
  lists: Map<string, Listed>;
  /** Each view's count under the filters other than the view, made when first asked for. */
  counts: Map<string, Readonly<Record<BookView, number>>>;
  changes: number;
  clock: IsoDateTime;
  program: ProgramDefinition;
  /** Real time (ms) at which a pending quote's decision shows: the rows are stale from then. */
  freshUntilMs: number;
}

/** Per store (its indexes), per partner. A reset makes new indexes, so nothing kept outlives its store. */
const kept = new WeakMap<StoreIndexes, Map<string, Book>>();

/** This partner's current registrations as rows, read from the partner's index: never another partner's. */
function readBook(s: MockState, partner: Partner): Book {
  const terms = termsOf(s);
  const own: InternalRegistration[] = [];
  for (const reg of registrationsAt(s, s.indexes.registrationsOfPartner(partner.id))) own.push(settleRegistration(s, reg));
  own.sort((a, b) => byCodePoint(a.submittedAt, b.submittedAt));
  let freshUntilMs = Number.POSITIVE_INFINITY;
  const rows: KeptRow[] = [];
  for (const reg of latestRegistrationByOpportunity(own).values() as Iterable<InternalRegistration>) {
    const quotes = quotesOfRegistration(s, reg.id).filter((q) => q.partnerId === partner.id);
    for (const q of quotes) if (q.status === 'submitted') freshUntilMs = Math.min(freshUntilMs, q.decisionDueAtMs);
    const account = s.store.accounts.get(reg.accountId);
    const deal = s.store.opportunities.get(reg.opportunityId) ?? reg.deal;
    if (!account || !deal) continue; // every registration has both; a store a test seeded may not
    const extension = protectionState(reg, s.clock, terms).extension;
    const customer = toPublicAccount(account, partner.id);
    const quote = latestQuote(quotes);
    const copy = () => toPublicBookRow(reg, customer, deal, quote, extension);
    const row = copy();
    const keys = Object.fromEntries(BOOK_SORTS.map((sort) => [sort, bookSortKey(sort, row, s.clock, terms)]));
    rows.push({ row, copy, haystack: bookHaystack(row), views: bookViewsOf(row, s.clock, terms), keys: keys as KeptRow['keys'] });
  }
  // Read after the walk: settling a registration or a quote on the way writes through the indexes.
  const changes = s.indexes.changes();
  return { rows, lists: new Map(), counts: new Map(), changes, clock: s.clock, program: s.program, freshUntilMs };
}

function bookOf(s: MockState, partner: Partner): Book {
  let books = kept.get(s.indexes);
  if (!books) kept.set(s.indexes, (books = new Map()));
  const book = books.get(partner.id);
  const fresh =
    book !== undefined &&
    book.changes === s.indexes.changes() &&
    book.clock === s.clock &&
    book.program === s.program &&
    s.realTime() < book.freshUntilMs;
  if (fresh) return book;
  const read = readBook(s, partner);
  books.set(partner.id, read);
  return read;
}

/** Queries whose list and counts a book keeps, at most: past it, they are all forgotten at once. */
const MAX_KEPT_QUERIES = 256;

function keep<T>(memo: Map<string, T>, key: string, value: T): T {
  if (memo.size >= MAX_KEPT_QUERIES) memo.clear();
  memo.set(key, value);
  return value;
}

/** The book's rows in `sort`'s order, kept once made. */
function sorted(book: Book, sort: BookSort): Listed {
  const order = bookOrder(sort);
  const made = () => book.rows.map((k) => ({ key: k.keys[sort], kept: k })).sort((a, b) => order(a.key, b.key));
  return book.lists.get(sort) ?? keep(book.lists, sort, made());
}

/** The query's rows in its sort's order: the same query twice (a page after a page) filters once. */
function listOf(book: Book, request: BookRequest): Listed {
  const known = book.lists.get(request.filters);
  if (known) return known;
  const { view } = request;
  const passes = bookFilter(request);
  const list = sorted(book, request.sort).filter(
    ({ kept: k }) => (view === null || k.views.includes(view)) && passes(k.row, k.haystack),
  );
  return keep(book.lists, request.filters, list);
}

/** Each view's count over the rows the filters other than the view let through. */
function countsOf(book: Book, request: BookRequest): Readonly<Record<BookView, number>> {
  const known = book.counts.get(request.counted);
  if (known) return known;
  const passes = bookFilter(request);
  const byView = Object.fromEntries(BOOK_VIEWS.map((v) => [v, 0])) as Record<BookView, number>;
  for (const k of book.rows) if (passes(k.row, k.haystack)) for (const v of k.views) byView[v] += 1;
  return keep(book.counts, request.counted, byView);
}

async function answer(s: MockState, partner: Partner, request: BookRequest): Promise<CoreResult> {
  const binding = { partnerId: partner.id, filters: request.filters };
  const after = request.cursor === null ? null : await s.cursors.open(request.cursor, binding);
  if (request.cursor !== null && after === null) {
    return problem(400, 'invalid-cursor', 'this cursor was not issued to you for this list; start again from the first page');
  }
  // From here to the cursor's signature: synchronous, one consistent view of the store.
  const book = bookOf(s, partner);
  const list = listOf(book, request);
  const { page, more } = pageAfter(list, after, request.limit, bookOrder(request.sort));
  const body: BookPage = {
    asOf: s.clock,
    protection: toPublicProtectionTerms(termsOf(s)),
    // Copies: a caller of the core may keep and change what it gets; the kept rows stay as read.
    rows: page.map(({ kept: k }) => k.copy()),
    nextCursor: null,
  };
  if (request.cursor === null) body.counts = { total: list.length, byView: { ...countsOf(book, request) } };
  const last = page.at(-1);
  if (more && last) body.nextCursor = await s.cursors.mint(last.key, binding);
  return ok(200, body);
}

/**
 * GET /v1/registrations. Every refused cursor (undecodable, tampered, another partner's, minted for
 * other filters or another sort) gets the same answer, so trying cursors tells nothing of anyone's list.
 */
export async function listRegistrations(s: MockState, partner: Partner, params: QueryParams): Promise<CoreResult> {
  const request = checkBookQuery(params);
  return isFailure(request) ? request : answer(s, partner, request);
}
