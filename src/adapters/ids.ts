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
