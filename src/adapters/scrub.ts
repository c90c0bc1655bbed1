// Server-supplied text reaches errors (a problem's title and detail, a content type, a validation
// message quoting a received value), and errors reach host pages in `dealreg-error` events. A gateway
// that echoes the request would put the bearer token there: scrub secrets first, then cap the length.
import { DealRegError } from '../errors.ts';

/** The longest text an error keeps from a server, in UTF-16 units (the rest becomes `…`). */
export const MAX_ERROR_TEXT = 300;
const REDACTED = '[redacted]';
// A credential the adapter does not know (an older token, another user's) still looks like these.
const BEARER = /\bBearer\s+\S+/gi;
const JWT = /\beyJ[\w-]*\.[\w-]+\.[\w-]*/g;
// C0/C1 controls and bidirectional overrides: nothing a message needs, and they can disguise text.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

// A validation message quotes the string it received (check.ts: `received "…"`): from a server, that
// may be the token in any encoding. It keeps what was expected, and where.
const QUOTED_INPUT = /received ".*$/s;

/**
 * `text` without the given secrets (raw or URL-encoded), bearer/JWT-looking fragments, the string a
 * validation message quotes and control characters, capped.
 */
export function scrubText(text: string, secrets: Iterable<string> = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret === '') continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join(REDACTED);
  }
  out = out
    .replace(BEARER, `Bearer ${REDACTED}`)
    .replace(JWT, REDACTED)
    .replace(QUOTED_INPUT, 'received a string')
    .replace(UNPRINTABLE, ' ');
  return cap(out);
}

function cap(text: string): string {
  if (text.length <= MAX_ERROR_TEXT) return text;
  let end = MAX_ERROR_TEXT - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1; // never cut a surrogate pair in half
  return `${text.slice(0, end)}…`;
}

/**
 * The same error with its server-supplied text (`detail`, `path`) scrubbed; no `cause`, since a cause
 * can hold anything. The error itself when there was nothing to change.
 */
export function scrubError(error: DealRegError, secrets: Iterable<string> = []): DealRegError {
  const list = [...secrets];
  const detail = error.detail === undefined ? undefined : scrubText(error.detail, list);
  const path = error.path === undefined ? undefined : scrubText(error.path, list);
  if (detail === error.detail && path === error.path && error.cause === undefined) return error;
  return new DealRegError(error.code, { status: error.status, retryable: error.retryable, detail, path });
}
