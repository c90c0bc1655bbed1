// RFC 9457 problem details as the contract sends them, and the one mapping from a problem to a DealRegError.
import * as v from './check.ts';
import { parseWith } from './parse.ts';
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

// Here rather than beside the other parsers (parse.ts): only the HTTP adapter reads problems, so the
// default entry, whose elements use parse.ts, does not carry them (the adapter's code is a chunk).
export function parseProblem(json: unknown): Problem {
  return parseWith(ProblemSchema, json, 'problem');
}

/** Like parseProblem, but answers undefined instead of throwing (an error body may be anything). */
export function tryParseProblem(json: unknown): Problem | undefined {
  try {
    return ProblemSchema.run(json, '');
  } catch {
    return undefined;
  }
}

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
