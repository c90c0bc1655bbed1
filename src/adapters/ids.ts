// Ids travel as one URL path segment. encodeURIComponent leaves `.` and `..` as they are, and URL
// resolution then removes them (`/v1/accounts/../overview` is `/v1/overview`): another resource,
// reached with the partner's token. Such ids, empty ones and ones with a path separator or a
// control character are refused before anything is sent, by both shipped adapters alike.
import { DealRegError } from '../errors.ts';

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const UNSAFE = /[/\\\u0000-\u001f\u007f]/;

/** `value` if it can be an id; otherwise throws `invalid-request` (not retryable) naming which id. */
export function checkId(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '' || value === '.' || value === '..' || UNSAFE.test(value)) {
    throw new DealRegError('invalid-request', { detail: `the ${what} is not a valid id` });
  }
  return value;
}

/** A checked id, encoded as one path segment. */
export function idSegment(value: unknown, what: string): string {
  return encodeURIComponent(checkId(value, what));
}

/**
 * A paging cursor is opaque: only its shape is checked here (a non-empty string), and the backend
 * decides the rest. Refused as `invalid-request` before anything is sent, by both shipped adapters.
 */
export function checkCursor(value: unknown): string {
  if (typeof value !== 'string' || value === '') {
    throw new DealRegError('invalid-request', { detail: 'the cursor must be the nextCursor of a previous answer' });
  }
  return value;
}

/** A page size is a whole number from 1 (the backend caps it at its maximum); absent is the default. */
export function checkLimit(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new DealRegError('invalid-request', { detail: 'the page limit must be a whole number from 1' });
  }
  return value;
}
