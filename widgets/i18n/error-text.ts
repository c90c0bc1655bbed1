// One place that turns any error into words (like lwc-recipes' reduceErrors): per DealRegErrorCode.
import { msg } from './localization.ts';
import { toDealRegError } from '../../src/errors.ts';
import type { DealRegError, DealRegErrorCode } from '../../src/errors.ts';

export interface ErrorDescription {
  code: DealRegErrorCode;
  title: string;
  detail: string;
}

/** [title, detail]; `change`: the rep tried a change (registering, a quote, an extension), not a load. */
function words(code: DealRegErrorCode, change: boolean): [string, string] {
  switch (code) {
    case 'offline':
      return [msg('You are offline'), msg('Check your connection, then retry.')];
    case 'network':
      return [msg('Network problem'), msg('The deal registration service could not be reached.')];
    case 'timeout':
      return [msg('The service took too long to answer'), msg('Please retry in a moment.')];
    case 'service-unavailable':
    case 'rate-limited':
      return [msg('The service is busy'), msg('Please retry in a moment.')];
    case 'invalid-response':
      return [
        msg('The service sent data we could not read'),
        change
          ? msg('Nothing was changed. Retry, or contact your vendor if it persists.')
          : msg('The account could not be loaded. Retry loads it again; if it fails again, contact your vendor.'),
      ];
    case 'unauthorized':
      return [msg('You are not signed in'), msg('Sign in to the partner program again.')];
    case 'forbidden':
      return [msg('Not allowed'), msg('Your partner account cannot do this.')];
    case 'not-found':
      return [msg('Not found'), msg('This account or record is unknown to the program.')];
    case 'already-registered':
      return [msg('Already registered'), msg('You already registered this opportunity.')];
    case 'not-protection-holder':
      return [
        msg('You do not hold this protection'),
        msg('Only the partner holding the protection can request the restricted quote.'),
      ];
    case 'quote-already-open':
      return [msg('A quote is already open'), msg('Only one quote request can be open per registration.')];
    case 'protection-not-active':
      return [msg('Protection not active'), msg('A restricted quote needs an approved protection that has not expired.')];
    case 'extension-not-allowed':
      return [msg('Extension not possible'), msg('This protection cannot be extended (again).')];
    case 'idempotency-key-reused':
    case 'request-in-flight':
      return [msg('The request is already being processed'), msg('Please retry in a moment.')];
    case 'invalid-request':
    case 'bad-request':
      return [msg('The request was refused'), msg('Check the form and try again.')];
    case 'invalid-cursor':
      return [msg('The list could not be continued'), msg('Reload the account to see the rest of its opportunities.')];
    case 'aborted':
      return [msg('Cancelled'), msg('The request was cancelled.')];
    // invalid-records: the CRM deals name each record themselves (crm-row.ts); never shown from here.
    case 'invalid-records':
    case 'illegal-transition':
    case 'unknown':
      return [msg('Something went wrong'), msg('Please retry. If it persists, contact your vendor.')];
  }
}

export function describeError(error: unknown, change = false): ErrorDescription {
  const typed: DealRegError = toDealRegError(error);
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false && typed.code === 'network';
  const code: DealRegErrorCode = offline ? 'offline' : typed.code;
  const [title, detail] = words(code, change);
  return { code, title, detail };
}
