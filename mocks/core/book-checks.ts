// What the mock checks in the book's query string (`GET /v1/registrations?…`) before it reads the
// store: each parameter known and given once, each value well formed. A refusal is 400
// invalid-request naming the parameter and its rule in the contract's words (openapi).
import type { IsoDate } from '../../src/domain/types.ts';
import {
  BOOK_SORTS,
  BOOK_VIEWS,
  REGISTRATION_STATUSES,
  type BookSort,
  type BookView,
  type RegistrationStatus,
} from '../../src/domain/status.ts';
import { foldText } from '../../src/program/book.ts';
import { toIsoDate } from '../../src/program/dates.ts';
import type { QueryParams } from './backend-core.ts';
import { DEFAULT_PAGE_SIZE } from './paging.ts';
import { isFailure, problem, type Failure } from './problems.ts';
import { checkPageSize } from './request-checks.ts';

/** The longest search, in characters: a customer's or a deal's name is shorter. */
export const SEARCH_MAX_LENGTH = 100;

/** The book's query as the backend reads it: each filter checked, the search folded, the statuses in order. */
export interface BookRequest {
  view: BookView | null;
  status: RegistrationStatus[] | undefined;
  expiresBefore: IsoDate | undefined;
  expiresAfter: IsoDate | undefined;
  q: string;
  sort: BookSort;
  limit: number;
  cursor: string | null;
  /** The filters and sort in one canonical text: what a cursor is bound to (equal queries, equal texts). */
  filters: string;
  /** The filters other than the view and the sort, as canonical: what the counts are over. */
  counted: string;
}

const PARAMETERS = ['view', 'status', 'expiresBefore', 'expiresAfter', 'q', 'sort', 'limit', 'cursor'];

const invalid = (detail: string): Failure => problem(400, 'invalid-request', detail);

function oneOf<T extends string>(name: string, value: string | undefined, options: readonly T[]): T | undefined | Failure {
  if (value === undefined || (options as readonly string[]).includes(value)) return value as T | undefined;
  return invalid(`${name} must be one of ${options.join(', ')}`);
}

function calendarDate(name: string, value: string | undefined): IsoDate | undefined | Failure {
  if (value === undefined) return undefined;
  try {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value) && toIsoDate(value) === value) return value;
  } catch {
    // a day that does not exist: refused below
  }
  return invalid(`${name} must be a calendar date, YYYY-MM-DD`);
}

function statuses(value: string | undefined): RegistrationStatus[] | undefined | Failure {
  if (value === undefined) return undefined;
  const listed = value.split(',');
  const unknown = listed.filter((s) => !(REGISTRATION_STATUSES as readonly string[]).includes(s));
  if (unknown.length > 0) {
    return invalid(`status must list registration statuses separated by commas (${REGISTRATION_STATUSES.join(', ')})`);
  }
  return REGISTRATION_STATUSES.filter((s) => listed.includes(s));
}

/** `?limit=`: digits only (else NaN, refused), clamped to the maximum; absent is the default page. */
function pageSize(value: string | undefined): number | Failure {
  return checkPageSize(value === undefined ? null : /^\d+$/.test(value) ? Number(value) : Number.NaN, DEFAULT_PAGE_SIZE);
}

/** The query parameters, checked in the contract's order; a parameter the contract does not have is refused. */
export function checkBookQuery(params: QueryParams): BookRequest | Failure {
  for (const [name, values] of Object.entries(params)) {
    if (!PARAMETERS.includes(name)) return invalid(`unknown parameter; the book takes ${PARAMETERS.join(', ')}`);
    if (values.length !== 1) return invalid(`${name} must be given once`);
  }
  const given = (name: string) => params[name]?.[0];
  const view = oneOf('view', given('view'), BOOK_VIEWS);
  if (isFailure(view)) return view;
  const status = statuses(given('status'));
  if (isFailure(status)) return status;
  const expiresBefore = calendarDate('expiresBefore', given('expiresBefore'));
  if (isFailure(expiresBefore)) return expiresBefore;
  const expiresAfter = calendarDate('expiresAfter', given('expiresAfter'));
  if (isFailure(expiresAfter)) return expiresAfter;
  const q = given('q') ?? '';
  if (q.length > SEARCH_MAX_LENGTH) return invalid(`q must be at most ${SEARCH_MAX_LENGTH} characters`);
  const sort = oneOf('sort', given('sort'), BOOK_SORTS) ?? 'urgency';
  if (isFailure(sort)) return sort;
  const limit = pageSize(given('limit'));
  if (isFailure(limit)) return limit;
  const cursor = given('cursor') ?? null;
  if (cursor === '') return invalid("cursor must be a previous answer's nextCursor");
  const search = foldText(q);
  const counted = [status ?? null, expiresBefore ?? null, expiresAfter ?? null, search];
  return {
    view: view ?? null,
    status,
    expiresBefore,
    expiresAfter,
    q: search,
    sort,
    limit,
    cursor,
    filters: JSON.stringify([view ?? null, ...counted, sort]),
    counted: JSON.stringify(counted),
  };
}
