export { createHttpAdapter, DEFAULT_MAX_RESPONSE_BYTES, type HttpAdapterOptions } from './http.ts';
export { backoffDelay, retryAfterMs, type BackoffOptions } from './backoff.ts';
export { checkCursor, checkId, checkLimit } from './ids.ts';
export { scrubError, scrubText } from './scrub.ts';
