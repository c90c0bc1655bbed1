// `dealreg/mock` (dist/mock.js): the mock vendor backend for demos and integration tests — the
// in-memory core (every program rule enforced), the memory adapter and the fetch-style REST handler.
// No msw: the MSW handlers and worker are `dealreg/mock/msw` (dist/mock/msw.js).
export * from '../mocks/index.ts';
