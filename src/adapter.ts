// The adapter interface (docs/rest-contract.md): the one seam between the widgets and a vendor backend.
import type { AccountOverview, OpportunityPage, QuoteRequest, Registration, RegistrationRequest } from './domain/types.ts';

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
  getAccountOverview(accountId: string, o?: ReadOptions): Promise<AccountOverview>;
  registerOpportunity(r: RegistrationRequest, o: WriteOptions): Promise<Registration>;
  requestQuote(registrationId: string, o: WriteOptions): Promise<QuoteRequest>;
  getQuote(quoteId: string, o?: ReadOptions): Promise<QuoteRequest>;
  requestExtension(registrationId: string, o: WriteOptions): Promise<Registration>;
  /**
   * The page of opportunities after `cursor` (the overview's `nextCursor`, then each page's).
   * Optional: without it, elements show the overview's first page and the exact totals, and offer
   * no "Show more".
   */
  getOpportunities?(accountId: string, cursor: string, o?: PageOptions): Promise<OpportunityPage>;
}
