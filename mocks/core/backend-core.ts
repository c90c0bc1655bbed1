// The in-process backend contract: what the REST contract says, as method calls.
// The mock backend implements it; the MSW handlers, the Node mock server and the
// memory adapter all speak to a backend through it. Bodies are `unknown` on purpose:
// whoever receives them validates them (a backend can be broken).

import type { Problem } from '../../src/schemas/problem.ts';

// The wire's problem type is the one its schema reads (src/schemas/problem.ts); re-exported for the mock.
export type { Problem };

export type CoreResult =
  { ok: true; status: number; body: unknown } | { ok: false; status: number; problem: Problem; retryAfterSeconds?: number };

/** A query string as the core reads it: every value each parameter was given, by name. */
export type QueryParams = Readonly<Record<string, readonly string[]>>;

/** The QueryParams of a query string (URLSearchParams keeps every value of a repeated parameter). */
export function queryParamsOf(search: URLSearchParams): QueryParams {
  const params: Record<string, string[]> = {};
  for (const [name, value] of search) (params[name] ??= []).push(value);
  return params;
}

/**
 * `token` is the bearer token (null when absent); `idempotencyKey` the header (null when absent).
 * `accountId` is an account reference: the vendor's id, or `siren:…` / `duns:…`.
 */
export interface BackendCore {
  getAccountOverview(token: string | null, accountId: string): Promise<CoreResult>;
  /** POST /v1/accounts/{accountRef}/deal-previews: a read, no idempotency key. */
  previewDeals(token: string | null, accountRef: string, body: unknown): Promise<CoreResult>;
  registerOpportunity(token: string | null, body: unknown, idempotencyKey: string | null): Promise<CoreResult>;
  requestQuote(token: string | null, registrationId: string, idempotencyKey: string | null): Promise<CoreResult>;
  getQuote(token: string | null, quoteId: string): Promise<CoreResult>;
  requestExtension(token: string | null, registrationId: string, idempotencyKey: string | null): Promise<CoreResult>;
  /** `limit` null: the contract's default page size. */
  getOpportunities(token: string | null, accountId: string, cursor: string, limit: number | null): Promise<CoreResult>;
  /** GET /v1/registrations: the partner's book. Optional: a core without one answers that path 405. */
  listRegistrations?(token: string | null, query: QueryParams): Promise<CoreResult>;
}
