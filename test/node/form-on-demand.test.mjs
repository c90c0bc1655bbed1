// The registration form's code is a chunk beside the built entry (dist/forms/registration-form.js),
// fetched when the form is about to open (a row's Register in the panel: the pointer or the focus on
// it asks ahead of the click): a page where nobody registers never asks for it, opening waits for it,
// and a host that did not deploy it gets a typed error in the form's place with Retry, not a broken
// element.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pageWatchingChunk, siteAndBrowser } from './browser.mjs';

const TIMEOUT = 15_000;
const CHUNK = '/dist/forms/registration-form.js';

describe("the registration form's code, loaded on demand", { timeout: 60_000 }, () => {
  const suite = siteAndBrowser('dist/dealreg.js', CHUNK.slice(1));

  /** The portal page on acc-nextgen (a deal to register), the chunk's requests counted, or refused while `refuse()`. */
  async function portal(refuse = () => false) {
    const { page, problems, requested } = await pageWatchingChunk(suite.browser, CHUNK, refuse);
    await page.goto(`${suite.site.server.url}/examples/portal.html?api=/api&account=acc-nextgen`);
    // Every state the register form's shadow tree goes through: whether the form (or what stands
    // in its place) is there, and whether its fields are.
    await page.waitForFunction(
      () => {
        const panel = document.querySelector('dealreg-panel')?.shadowRoot;
        const register = panel?.querySelector('dealreg-register-form');
        const button = panel?.querySelector('dealreg-status')?.shadowRoot?.querySelector('[part~="register-button"]');
        if (!register?.shadowRoot || !button || button.getAttribute('aria-disabled') !== 'false') return false;
        window.__states = [];
        window.__errors = [];
        document.addEventListener('dealreg-error', (e) => window.__errors.push([e.detail.operation, e.detail.error.code]));
        const record = () => window.__states.push(register.shadowRoot.querySelector('#register-form') ? 'form' : 'none');
        new MutationObserver(record).observe(register.shadowRoot, { subtree: true, childList: true, attributes: true });
        return true;
      },
      { timeout: TIMEOUT },
    );
    return { page, problems, requested };
  }

  /** The deal's Register, in the panel's status list. */
  const registerButton = () =>
    document
      .querySelector('dealreg-panel')
      .shadowRoot.querySelector('dealreg-status')
      .shadowRoot.querySelector('[part~="register-button"]');

  /** Clicks the row's Register (a click alone: no pointer or focus first, so opening is what asks). */
  const clickOpen = (page) => page.evaluate(`(${registerButton})().click()`);

  const inForm = (page, selector) =>
    page.waitForFunction(
      (sel) =>
        document.querySelector('dealreg-panel').shadowRoot.querySelector('dealreg-register-form').shadowRoot.querySelector(sel),
      { timeout: TIMEOUT },
      selector,
    );

  it('is not fetched with the page; opening fetches it once and shows the form', async () => {
    const { page, problems, requested } = await portal();
    assert.deepEqual(requested, [], 'the panel rendered without the form’s code');
    await clickOpen(page);
    await inForm(page, 'select');
    assert.equal(requested.length, 1, 'one request for the chunk');
    const states = await page.evaluate(() => window.__states);
    assert.ok(states.length > 0, 'the opening was observed');
    assert.equal(states.at(-1), 'form');
    const { violations, pageErrors, consoleErrors } = await problems.collect();
    assert.deepEqual(violations, [], 'no CSP violation: the chunk is a script of the same origin');
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
    await page.close();
  });

  it("the pointer on a row's Register asks for it before the click, and opens nothing", async () => {
    const { page, requested } = await portal();
    // In view first: the deal's row sits below the account's context.
    const { x, y } = await page.evaluate(`(() => {
      const button = (${registerButton})();
      button.scrollIntoView({ block: 'center' });
      const box = button.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    })()`);
    const asked = page.waitForRequest((request) => new URL(request.url()).pathname === CHUNK, { timeout: TIMEOUT });
    await page.mouse.move(x, y);
    await asked;
    assert.equal(requested.length, 1, 'hovering asked for the chunk');
    assert.ok(
      (await page.evaluate(() => window.__states)).every((state) => state === 'none'),
      'the form stayed closed',
    );
    await clickOpen(page);
    await inForm(page, 'select');
    assert.equal(requested.length, 1, 'opening used the chunk already asked for');
    await page.close();
  });

  it('a chunk that cannot be loaded: a retryable network error in the form’s place, dealreg-error for the host, and Retry asks again', async () => {
    let refusing = true;
    const { page, problems, requested } = await portal(() => refusing);
    await clickOpen(page);
    await inForm(page, '#register-form [part~="retry-button"]');
    const shown = await page.evaluate(() => {
      const root = document.querySelector('dealreg-panel').shadowRoot.querySelector('dealreg-register-form').shadowRoot;
      return { code: root.querySelector('#register-form [part~="error"]').dataset.code };
    });
    assert.deepEqual(shown, { code: 'network' });
    assert.deepEqual(await page.evaluate(() => window.__errors), [['register', 'network']]);
    refusing = false;
    const before = requested.length;
    await page.evaluate(() =>
      document
        .querySelector('dealreg-panel')
        .shadowRoot.querySelector('dealreg-register-form')
        .shadowRoot.querySelector('#register-form [part~="retry-button"]')
        .click(),
    );
    await inForm(page, 'select');
    assert.ok(requested.length > before, 'Retry asked for the chunk again');
    const { pageErrors } = await problems.collect();
    assert.deepEqual(pageErrors, [], 'no uncaught error');
    await page.close();
  });
});
