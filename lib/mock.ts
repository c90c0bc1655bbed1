// dist/mock.js: the mock vendor backend for demos and integration tests: the in-memory core
// (every program rule enforced), the fetch-style REST handler and the MSW handlers/worker.
// `msw` stays external: a host that uses the MSW parts installs it.
export * from '../mocks/index.ts';
