// The element boundary's checks of an adapter's answers are a chunk beside the built entry
// (dist/adapters/parse-answers.js), asked for as the first guard of an adapter that does not check
// its own answers is made: a page whose adapter checks itself (the shipped HTTP adapter) never asks
// for it, and a host that did not deploy it gets a typed, retryable error with Retry, not a panel
// that shows unchecked data or breaks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pageWatchingChunk, siteAndBrowser } from './browser.mjs';

const TIMEOUT = 15_000;
const CHUNK = '/dist/adapters/parse-answers.js';

describe("the answers' checks, loaded on demand", { timeout: 60_000 }, () => {
  const suite = siteAndBrowser('dist/dealreg.js', CHUNK.slice(1));

  /** The portal page (the shipped HTTP adapter), the chunk's requests counted, or refused while `refuse()`. */
  async function portal(refuse) {
    const { page, problems, requested } = await pageWatchingChunk(suite.browser, CHUNK, refuse);
    await page.goto(`${suite.site.server.url}/examples/portal.html?api=/api&account=acc-nextgen`);
    await page.waitForFunction(
      () => !!document.querySelector('dealreg-panel')?.shadowRoot?.querySelector('[part~="header"] h2'),
      {
        timeout: TIMEOUT,
      },
    );
    return { page, problems, requested };
  }

  /** A second panel whose adapter is the host's own: the HTTP adapter's calls, re-wrapped (so not known to check themselves). */
  const mountThirdParty = () =>
    import('/dist/dealreg.js').then(({ createHttpAdapter }) => {
      const http = createHttpAdapter({ baseUrl: '/api', getToken: () => 'demo-alpha' });
      const adapter = {
        getAccountOverview: (id, o) => http.getAccountOverview(id, o).then((x) => JSON.parse(JSON.stringify(x))),
        registerOpportunity: (r, o) => http.registerOpportunity(r, o),
        requestQuote: (id, o) => http.requestQuote(id, o),
        getQuote: (id, o) => http.getQuote(id, o),
        requestExtension: (id, o) => http.requestExtension(id, o),
      };
      window.__errors = [];
      document.addEventListener('dealreg-error', (e) => window.__errors.push([e.detail.operation, e.detail.error.code]));
      const panel = document.createElement('dealreg-panel');
      panel.id = 'third-party';
      panel.setAttribute('account-id', 'acc-protected');
      panel.adapter = adapter;
      document.body.append(panel);
    });

  const thirdParty = (page, selector) =>
    page.waitForFunction(
      (sel) => document.querySelector('#third-party')?.shadowRoot?.querySelector(sel),
      { timeout: TIMEOUT },
      selector,
    );

  it('is not asked for by a page whose adapter checks its own answers; a third-party adapter asks for it once', async () => {
    const { page, problems, requested } = await portal(() => false);
    assert.deepEqual(requested, [], 'the HTTP adapter checks its own answers');
    await page.evaluate(mountThirdParty);
    await thirdParty(page, '[part~="header"] h2');
    assert.equal(requested.length, 1, 'one request for the checks');
    const { pageErrors, consoleErrors, violations } = await problems.collect();
    assert.deepEqual([pageErrors, consoleErrors, violations], [[], [], []]);
    await page.close();
  });

  it('a chunk that cannot be loaded: a retryable network error in place, dealreg-error for the host, and Retry asks again', async () => {
    let refusing = false;
    const { page, problems, requested } = await portal(() => refusing);
    refusing = true;
    await page.evaluate(mountThirdParty);
    await thirdParty(page, '[part~="error"] [part~="retry-button"]');
    const code = await page.evaluate(
      () => document.querySelector('#third-party').shadowRoot.querySelector('[part~="error"]').dataset.code,
    );
    assert.equal(code, 'network');
    assert.deepEqual(await page.evaluate(() => window.__errors), [['load-overview', 'network']]);
    refusing = false;
    const before = requested.length;
    await page.evaluate(() =>
      document.querySelector('#third-party').shadowRoot.querySelector('[part~="error"] [part~="retry-button"]').click(),
    );
    await thirdParty(page, '[part~="header"] h2');
    assert.ok(requested.length > before, 'Retry asked for the chunk again');
    const { pageErrors } = await problems.collect();
    assert.deepEqual(pageErrors, [], 'no uncaught error');
    await page.close();
  });
});
