export { createHttpAdapter, type HttpAdapterOptions } from './http.ts';
export { createMemoryAdapter, type MemoryAdapterOptions } from './memory.ts';
export { backoffDelay, retryAfterMs, type BackoffOptions } from './backoff.ts';
