// RFC 9457 problem details as the contract sends them, and the one mapping from a problem to a DealRegError.
import * as v from './check.ts';
import { DealRegError, isErrorCode, type DealRegErrorCode } from '../errors.ts';

export const ProblemSchema = v.object({
  type: v.string(),
  title: v.string(),
  status: v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(599)),
  code: v.string(),
  detail: v.optional(v.string()),
});

/** RFC 9457 problem details with the machine `code` of the REST contract, as the schema reads them. */
export type Problem = v.InferOutput<typeof ProblemSchema>;

/** The code a status means when the problem's own `code` is not one we know. */
export function codeForStatus(status: number): DealRegErrorCode {
  switch (status) {
    case 400:
    case 422:
      return 'bad-request';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 429:
      return 'rate-limited';
    default:
      return status >= 500 ? 'service-unavailable' : 'unknown';
  }
}

/**
 * The one function that turns a backend problem into the product's error (HTTP and memory adapters share it).
 * A problem `code` that is a known DealRegErrorCode wins; otherwise the HTTP status decides.
 * A conflict (409) with a code we do not know stays `unknown`, with its status: no guess at its meaning.
 */
export function problemToError(problem: Partial<Problem> | undefined, status: number): DealRegError {
  const code = problem && isErrorCode(problem.code) ? problem.code : codeForStatus(status);
  const detail = typeof problem?.detail === 'string' && problem.detail !== '' ? problem.detail : problem?.title;
  return new DealRegError(code, { status, ...(detail ? { detail } : {}) });
}
