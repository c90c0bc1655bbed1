// The book's view is a chunk beside the built entry (dist/forms/book-view.js), fetched the first time a
// <dealreg-book> is on the page: a page with only the panel never asks for it, a book asks once and
// shows its rows, and a host that did not deploy it gets a typed error in the book's place with Retry.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pageWatchingChunk, siteAndBrowser } from './browser.mjs';

const TIMEOUT = 15_000;
const CHUNK = '/dist/forms/book-view.js';

describe("the book's view, loaded on demand", { timeout: 60_000 }, () => {
  const suite = siteAndBrowser('dist/dealreg.js', CHUNK.slice(1));

  /** The portal page with its panel loaded, the chunk's requests counted, or refused while `refuse()`. */
  async function portal(refuse = () => false) {
    const { page, problems, requested } = await pageWatchingChunk(suite.browser, CHUNK, refuse);
    await page.goto(`${suite.site.server.url}/examples/portal.html?api=/api&account=acc-protected`);
    await page.waitForFunction(
      () =>
        document
          .querySelector('dealreg-panel')
          ?.shadowRoot?.querySelector('dealreg-status')
          ?.shadowRoot?.querySelector('[part~="opportunity"]'),
      { timeout: TIMEOUT },
    );
    return { page, problems, requested };
  }

  /** Puts a book beside the panel, in the same provider (its adapter and locale). */
  const addBook = (page) =>
    page.evaluate(() => {
      window.__errors = [];
      document.addEventListener('dealreg-error', (e) => window.__errors.push([e.detail.operation, e.detail.error.code]));
      document.querySelector('#provider').append(document.createElement('dealreg-book'));
    });

  const inBook = (page, selector) =>
    page.waitForFunction(
      (sel) => document.querySelector('dealreg-book')?.shadowRoot?.querySelector(sel),
      { timeout: TIMEOUT },
      selector,
    );

  it('is not fetched with the panel; a book fetches it once and shows its rows', async () => {
    const { page, problems, requested } = await portal();
    assert.deepEqual(requested, [], 'the panel rendered without the book’s code');
    await addBook(page);
    await inBook(page, '[part~="row"]');
    assert.equal(requested.length, 1, 'one request for the chunk');
    const { violations, pageErrors, consoleErrors } = await problems.collect();
    assert.deepEqual(violations, [], 'no CSP violation: the chunk is a script of the same origin');
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
    await page.close();
  });

  it('not deployed: a typed error in its place, then Retry loads it', async () => {
    let refusing = true;
    const { page, requested } = await portal(() => refusing);
    await addBook(page);
    await inBook(page, '[part~="error"] [part~="retry-button"]');
    assert.deepEqual(await page.evaluate(() => window.__errors), [['load-book', 'network']]);
    refusing = false;
    await page.evaluate(() => document.querySelector('dealreg-book').shadowRoot.querySelector('[part~="retry-button"]').click());
    await inBook(page, '[part~="row"]');
    assert.equal(requested.length, 2, 'the refused request, then the one Retry made');
    await page.close();
  });
});
