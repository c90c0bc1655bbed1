// The panel over the real wire: HTTP adapter → fetch → MSW service worker → REST router → mock core.
import { expect, fixture, html } from '@open-wc/testing';
import '../../widgets/index.ts';
import { createHttpAdapter } from '../../src/adapters/http.ts';
import { startMockWorker } from '../../mocks/msw.ts';
import type { MockWorker } from '../../mocks/msw.ts';
import type { DealRegPanel } from '../../widgets/index.ts';
import { backend, buttonNamed, counting, countingCore, deepQuery, deepText, until } from './helpers.ts';

describe('panel through MSW and the HTTP adapter', () => {
  const core = countingCore(backend({ quoteDecisionDelayMs: 100 }));
  let worker: MockWorker;

  before(async () => {
    worker = await startMockWorker(core, { basePath: '/api', serviceWorkerUrl: '/public/mockServiceWorker.js', scope: '/' });
  });
  after(() => worker.stop());

  it('loads acc-protected over HTTP, requests a quote with one POST for a double click, and shows it quoted', async () => {
    const adapter = counting(createHttpAdapter({ baseUrl: '/api', getToken: () => 'demo-alpha' }));
    const el = await fixture<DealRegPanel>(html`<dealreg-panel account-id="acc-protected" .adapter=${adapter}></dealreg-panel>`);
    await until(() => buttonNamed(el, 'Request quote'), 'loaded', 8000);
    expect(adapter.calls.getAccountOverview).to.equal(1);
    const button = buttonNamed(el, 'Request quote')!;
    button.click();
    button.click();
    // Both the quote button and the status row refresh from the shared overview.
    await until(() => deepQuery(el, '[part~="quote"] dl'), 'quoted', 8000);
    expect(core.coreCalls.requestQuote).to.equal(1);
    expect(deepText(el)).to.include('Net price');
    await expect(el).to.be.accessible();
  });

  it('acc-broken over HTTP: the malformed payload is an error with Retry, not a crash', async () => {
    const adapter = createHttpAdapter({ baseUrl: '/api', getToken: () => 'demo-alpha', retries: 0 });
    const el = await fixture<DealRegPanel>(html`<dealreg-panel account-id="acc-broken" .adapter=${adapter}></dealreg-panel>`);
    await until(() => deepQuery(el, '[part~="error"]'), 'error', 8000);
    expect(deepQuery(el, '[part~="error"]')!.dataset.code).to.equal('invalid-response');
    expect(buttonNamed(el, 'Retry')).to.exist;
  });
});
