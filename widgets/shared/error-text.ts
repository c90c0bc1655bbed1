// One place that turns any error into words (like lwc-recipes' reduceErrors): per DealRegErrorCode.
import { msg } from './localization.ts';
import { toDealRegError } from '../../src/errors.ts';
import type { DealRegError, DealRegErrorCode } from '../../src/errors.ts';

export interface ErrorDescription {
  code: DealRegErrorCode;
  title: string;
  detail: string;
  retryable: boolean;
}

function words(code: DealRegErrorCode): { title: string; detail: string } {
  switch (code) {
    case 'offline':
      return {
        title: msg('You are offline'),
        detail: msg('Check your connection, then retry.'),
      };
    case 'network':
      return {
        title: msg('Network problem'),
        detail: msg('The deal registration service could not be reached.'),
      };
    case 'timeout':
      return {
        title: msg('The service took too long to answer'),
        detail: msg('Please retry in a moment.'),
      };
    case 'service-unavailable':
    case 'rate-limited':
      return {
        title: msg('The service is busy'),
        detail: msg('Please retry in a moment.'),
      };
    case 'invalid-response':
      return {
        title: msg('The service sent data we could not read'),
        detail: msg('Nothing was changed. Retry, or contact your vendor if it persists.'),
      };
    case 'unauthorized':
      return {
        title: msg('You are not signed in'),
        detail: msg('Sign in to the partner program again.'),
      };
    case 'forbidden':
      return {
        title: msg('Not allowed'),
        detail: msg('Your partner account cannot do this.'),
      };
    case 'not-found':
      return {
        title: msg('Not found'),
        detail: msg('This account or record is unknown to the program.'),
      };
    case 'already-registered':
      return {
        title: msg('Already registered'),
        detail: msg('You already registered this opportunity.'),
      };
    case 'not-protection-holder':
      return {
        title: msg('You do not hold this protection'),
        detail: msg('Only the partner holding the protection can request the restricted quote.'),
      };
    case 'quote-already-open':
      return {
        title: msg('A quote is already open'),
        detail: msg('Only one quote request can be open per registration.'),
      };
    case 'protection-not-active':
      return {
        title: msg('Protection not active'),
        detail: msg('A restricted quote needs an approved protection that has not expired.'),
      };
    case 'extension-not-allowed':
      return {
        title: msg('Extension not possible'),
        detail: msg('This protection cannot be extended (again).'),
      };
    case 'idempotency-key-reused':
    case 'request-in-flight':
      return {
        title: msg('The request is already being processed'),
        detail: msg('Please retry in a moment.'),
      };
    case 'invalid-request':
    case 'bad-request':
      return {
        title: msg('The request was refused'),
        detail: msg('Check the form and try again.'),
      };
    case 'invalid-cursor':
      return {
        title: msg('The list could not be continued'),
        detail: msg('Reload the account to see the rest of its opportunities.'),
      };
    case 'aborted':
      return {
        title: msg('Cancelled'),
        detail: msg('The request was cancelled.'),
      };
    case 'illegal-transition':
    case 'unknown':
      return {
        title: msg('Something went wrong'),
        detail: msg('Please retry. If it persists, contact your vendor.'),
      };
  }
}

export function describeError(error: unknown): ErrorDescription {
  const typed: DealRegError = toDealRegError(error);
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false && typed.code === 'network';
  const code: DealRegErrorCode = offline ? 'offline' : typed.code;
  return { code, ...words(code), retryable: typed.retryable || code === 'invalid-response' || code === 'unknown' };
}
