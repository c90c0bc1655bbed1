// The conformance suite over the real wire: the HTTP adapter → fetch → MSW service worker → REST router
// → a mock core. One worker for the file; each test's fresh core is swapped in behind a holder.
import { createHttpAdapter } from '../../src/adapters/http.ts';
import type { BackendCore } from '../../mocks/core/backend-core.ts';
import { startMockWorker, type MockWorker } from '../../mocks/msw.ts';
import { runAdapterConformance } from './conformance.ts';

const holder: { core: BackendCore | null } = { core: null };
function current(): BackendCore {
  if (!holder.core) throw new Error('no core for this test');
  return holder.core;
}
const switchingCore: BackendCore = {
  getAccountOverview: (token, accountId) => current().getAccountOverview(token, accountId),
  registerOpportunity: (token, body, key) => current().registerOpportunity(token, body, key),
  requestQuote: (token, id, key) => current().requestQuote(token, id, key),
  getQuote: (token, id) => current().getQuote(token, id),
  requestExtension: (token, id, key) => current().requestExtension(token, id, key),
  getOpportunities: (token, id, cursor, limit) => current().getOpportunities(token, id, cursor, limit),
  previewDeals: (token, id, body) => current().previewDeals(token, id, body),
  listRegistrations: (token, query) => current().listRegistrations!(token, query),
};

let worker: MockWorker;
before(async () => {
  worker = await startMockWorker(switchingCore, {
    basePath: '/api',
    serviceWorkerUrl: '/public/mockServiceWorker.js',
    scope: '/',
  });
});
after(() => worker.stop());

runAdapterConformance('HTTP over MSW', (core, token) => {
  holder.core = core;
  return createHttpAdapter({
    baseUrl: '/api',
    getToken: () => token,
    // Fast retries so a 503 test does not wait for real backoff.
    retries: 1,
    sleep: () => Promise.resolve(),
  });
});
