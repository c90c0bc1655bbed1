// The MSW pieces of the mock (`dealreg/mock/msw`): request handlers over the REST router and a
// browser worker. The only mock module that imports msw (an optional peer dependency).
export { createHandlers } from './handlers.ts';
export { startMockWorker, type MockWorker, type MockWorkerOptions } from './browser.ts';
