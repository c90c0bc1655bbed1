// The adapter interface (docs/rest-contract.md): the one seam between the widgets and a vendor backend.
import type { AccountOverview, OpportunityPage, QuoteRequest, Registration, RegistrationRequest } from './domain/types.ts';
import type { AccountRef, DealPreviews, DealRegistrationRequest, DealSubmission } from './domain/deal.ts';
import type { BookPage, BookQuery } from './domain/book.ts';

export interface ReadOptions {
  signal?: AbortSignal;
}

/** Mutations carry the caller's idempotency key: one user intent, one key, however many retries. */
export interface WriteOptions {
  idempotencyKey: string;
  signal?: AbortSignal;
}

export interface PageOptions extends ReadOptions {
  /** Opportunities per page; the backend caps it (the REST contract: at most 100). */
  limit?: number;
}

/**
 * What a dealreg element needs from a backend. Every method rejects with a `DealRegError`
 * (never another error type) and resolves only with a validated value.
 */
export interface DealRegAdapter {
  /** `accountId` is an account reference: the vendor's id, or `siren:<9 digits>` / `duns:<9 digits>`. */
  getAccountOverview(accountId: AccountRef, o?: ReadOptions): Promise<AccountOverview>;
  /** A deal the vendor lists (`opportunityId`), or a CRM deal (`deal`): its answer carries the deal's snapshot. */
  registerOpportunity(r: RegistrationRequest | DealRegistrationRequest, o: WriteOptions): Promise<Registration>;
  requestQuote(registrationId: string, o: WriteOptions): Promise<QuoteRequest>;
  getQuote(quoteId: string, o?: ReadOptions): Promise<QuoteRequest>;
  requestExtension(registrationId: string, o: WriteOptions): Promise<Registration>;
  /**
   * The page of opportunities after `cursor` (the overview's `nextCursor`, then each page's).
   * Optional: without it, elements show the overview's first page and the exact totals, and offer
   * no "Show more".
   */
  getOpportunities?(accountId: AccountRef, cursor: string, o?: PageOptions): Promise<OpportunityPage>;
  /**
   * What the vendor says of up to 25 CRM deals before any click (a read: nothing is stored): each
   * deal's lines classified, its eligibility at the server's date, another partner's protection of
   * the same deal (never whose), this partner's registration of it and its latest quote request.
   * Optional: without it, elements decide eligibility from the overview alone.
   */
  previewDeals?(accountRef: AccountRef, deals: DealSubmission[], o?: ReadOptions): Promise<DealPreviews>;
  /**
   * The partner's book: its registrations across all its accounts, one row per deal (the latest
   * registration of it), filtered, in the query's order, a page at a time. The first page (no
   * cursor) carries the exact count of every view. Another partner's registrations never appear.
   * Optional: an adapter whose backend keeps no book leaves it out.
   */
  listRegistrations?(query: BookQuery, o?: ReadOptions): Promise<BookPage>;
}
