// RFC 9457 problem details with the REST contract's machine codes, as CoreResults.
import type { CoreResult, Problem } from './backend-core.ts';
import type { DealRegErrorCode } from '../../src/errors.ts';

/**
 * Codes the mock sends that are no DealRegErrorCode: a client maps them by their status (429 →
 * rate-limited), as it must any code it does not know.
 */
export type MockOnlyCode = 'too-many-attempts';

const TITLES: Partial<Record<DealRegErrorCode | MockOnlyCode, string>> = {
  unauthorized: 'Missing or unknown credentials',
  'not-found': 'Not found',
  'invalid-request': 'Invalid request',
  'idempotency-key-reused': 'Idempotency key reused with a different request',
  'request-in-flight': 'A request with this idempotency key is still being processed',
  'already-registered': 'You already registered this opportunity',
  'not-protection-holder': 'You do not hold the protection of this registration',
  'quote-already-open': 'A quote request is already open for this registration',
  'protection-not-active': 'The protection of this registration is not active',
  'extension-not-allowed': 'The protection cannot be extended',
  'invalid-cursor': 'Invalid paging cursor',
  'service-unavailable': 'Service temporarily unavailable',
  'too-many-attempts': 'Too many rejected registrations of this opportunity today',
};

/** The problem type URI of a code (a relative reference, as RFC 9457 allows). */
export function problemType(code: string): string {
  return `/problems/${code}`;
}

/** A refusal: what every check answers instead of its value when the request fails it. */
export type Failure = CoreResult & { ok: false };

export function isFailure(value: unknown): value is Failure {
  return typeof value === 'object' && value !== null && (value as Partial<Failure>).ok === false;
}

export function problem(status: number, code: DealRegErrorCode | MockOnlyCode, detail?: string): Failure {
  const body: Problem = { type: problemType(code), title: TITLES[code] ?? code, status, code };
  if (detail !== undefined) body.detail = detail;
  return { ok: false, status, problem: body };
}

export function ok(status: number, body: unknown): CoreResult & { ok: true } {
  return { ok: true, status, body };
}
