// One place that turns any error into words (like lwc-recipes' reduceErrors): per DealRegErrorCode.
import { msg } from '@lit/localize';
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
        title: msg('You are offline', { id: 'error.offline.title' }),
        detail: msg('Check your connection, then retry.', { id: 'error.offline.detail' }),
      };
    case 'network':
      return {
        title: msg('Network problem', { id: 'error.network.title' }),
        detail: msg('The deal registration service could not be reached.', { id: 'error.network.detail' }),
      };
    case 'timeout':
      return {
        title: msg('The service took too long to answer', { id: 'error.timeout.title' }),
        detail: msg('Please retry in a moment.', { id: 'error.retry-later' }),
      };
    case 'service-unavailable':
    case 'rate-limited':
      return {
        title: msg('The service is busy', { id: 'error.unavailable.title' }),
        detail: msg('Please retry in a moment.', { id: 'error.retry-later' }),
      };
    case 'invalid-response':
      return {
        title: msg('The service sent data we could not read', { id: 'error.invalid-response.title' }),
        detail: msg('Nothing was changed. Retry, or contact your vendor if it persists.', { id: 'error.invalid-response.detail' }),
      };
    case 'unauthorized':
      return {
        title: msg('You are not signed in', { id: 'error.unauthorized.title' }),
        detail: msg('Sign in to the partner program again.', { id: 'error.unauthorized.detail' }),
      };
    case 'forbidden':
      return {
        title: msg('Not allowed', { id: 'error.forbidden.title' }),
        detail: msg('Your partner account cannot do this.', { id: 'error.forbidden.detail' }),
      };
    case 'not-found':
      return {
        title: msg('Not found', { id: 'error.not-found.title' }),
        detail: msg('This account or record is unknown to the program.', { id: 'error.not-found.detail' }),
      };
    case 'already-registered':
      return {
        title: msg('Already registered', { id: 'error.already-registered.title' }),
        detail: msg('You already registered this opportunity.', { id: 'error.already-registered.detail' }),
      };
    case 'not-protection-holder':
      return {
        title: msg('You do not hold this protection', { id: 'error.not-protection-holder.title' }),
        detail: msg('Only the partner holding the protection can request the restricted quote.', {
          id: 'error.not-protection-holder.detail',
        }),
      };
    case 'quote-already-open':
      return {
        title: msg('A quote is already open', { id: 'error.quote-already-open.title' }),
        detail: msg('Only one quote request can be open per registration.', { id: 'error.quote-already-open.detail' }),
      };
    case 'protection-not-active':
      return {
        title: msg('Protection not active', { id: 'error.protection-not-active.title' }),
        detail: msg('A restricted quote needs an approved protection that has not expired.', {
          id: 'error.protection-not-active.detail',
        }),
      };
    case 'extension-not-allowed':
      return {
        title: msg('Extension not possible', { id: 'error.extension-not-allowed.title' }),
        detail: msg('This protection cannot be extended (again).', { id: 'error.extension-not-allowed.detail' }),
      };
    case 'idempotency-key-reused':
    case 'request-in-flight':
      return {
        title: msg('The request is already being processed', { id: 'error.in-flight.title' }),
        detail: msg('Please retry in a moment.', { id: 'error.retry-later' }),
      };
    case 'invalid-request':
    case 'bad-request':
      return {
        title: msg('The request was refused', { id: 'error.invalid-request.title' }),
        detail: msg('Check the form and try again.', { id: 'error.invalid-request.detail' }),
      };
    case 'invalid-cursor':
      return {
        title: msg('The list could not be continued', { id: 'error.invalid-cursor.title' }),
        detail: msg('Reload the account to see the rest of its opportunities.', { id: 'error.invalid-cursor.detail' }),
      };
    case 'aborted':
      return {
        title: msg('Cancelled', { id: 'error.aborted.title' }),
        detail: msg('The request was cancelled.', { id: 'error.aborted.detail' }),
      };
    case 'illegal-transition':
    case 'unknown':
      return {
        title: msg('Something went wrong', { id: 'error.unknown.title' }),
        detail: msg('Please retry. If it persists, contact your vendor.', { id: 'error.unknown.detail' }),
      };
  }
}

export function describeError(error: unknown): ErrorDescription {
  const typed: DealRegError = toDealRegError(error);
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false && typed.code === 'network';
  const code: DealRegErrorCode = offline ? 'offline' : typed.code;
  return { code, ...words(code), retryable: typed.retryable || code === 'invalid-response' || code === 'unknown' };
}
