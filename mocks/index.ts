// The public mock API: the in-memory backend, the fetch-style REST router and the MSW pieces.
// (The Node HTTP server lives in mocks/server/ and is not re-exported: it needs Node.)
export * from './core/index.ts';
export { bearerToken, createRestHandler, toResponse, type RestHandler, type RestHandlerOptions } from './rest.ts';
export { createHandlers } from './handlers.ts';
export { startMockWorker, type MockWorker, type MockWorkerOptions } from './browser.ts';
