// The public mock API without MSW: the in-memory backend, the memory adapter and the fetch-style
// REST router (`dealreg/mock`). The MSW pieces import msw and live in mocks/msw.ts (`dealreg/mock/msw`);
// the Node HTTP server lives in mocks/server/ and is not re-exported: it needs Node.
export * from './core/index.ts';
export { bearerToken, createRestHandler, toResponse, type RestHandler, type RestHandlerOptions } from './rest.ts';
