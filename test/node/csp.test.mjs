// The built library under a strict Content Security Policy (no unsafe-inline, no unsafe-eval):
// the distributor-portal example loads dist/dealreg.js with a plain module script and renders
// the panel with the HTTP adapter, and the page reports no CSP violation and no error.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertBuilt, deepText, launchChromium, openWatchedPage, startSite } from './browser.mjs';

const TIMEOUT = 15_000;

describe('the built library under a strict CSP', { timeout: 60_000 }, () => {
  let browser;
  let site;

  before(async () => {
    assertBuilt('dist/dealreg.js', 'dist/dealreg.closed.js');
    site = await startSite();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await site?.server.close();
  });

  async function opportunityNames(accountId) {
    const result = await site.core.getAccountOverview('demo-alpha', accountId);
    assert.equal(result.ok, true, `the mock serves ${accountId}`);
    return result.body.opportunities.map((o) => o.name);
  }

  it("the portal page renders the panel with the account's opportunities and reports no violation", async () => {
    const names = await opportunityNames('acc-protected');
    assert.ok(names.length > 0);
    const { page, problems } = await openWatchedPage(browser);
    const response = await page.goto(`${site.server.url}/examples/portal.html?api=/api&account=acc-protected`);
    assert.match(response.headers()['content-security-policy'], /default-src 'self'/);
    await page.waitForFunction(
      (expected) => {
        const panel = document.querySelector('dealreg-panel');
        const walk = (n) =>
          [...(n.shadowRoot ?? n).childNodes]
            .map((c) => (c.nodeType === 3 ? c.textContent : c.nodeType === 1 ? walk(c) : ''))
            .join(' ');
        const text = panel?.shadowRoot ? walk(panel) : '';
        return expected.every((name) => text.includes(name));
      },
      { timeout: TIMEOUT },
      names.slice(0, 3),
    );
    const text = await deepText(page, 'dealreg-panel');
    for (const name of names.slice(0, 3)) assert.ok(text.includes(name), `the panel shows "${name}"`);
    assert.match(text, /Request quote/, 'the protected deal offers the restricted quote');

    // Lit's styles are adopted stylesheets: allowed under the CSP, and applied.
    const styled = await page.evaluate(() => {
      const panel = document.querySelector('dealreg-panel');
      return panel.shadowRoot.adoptedStyleSheets.length > 0 && getComputedStyle(panel).display !== 'inline';
    });
    assert.equal(styled, true, 'the shadow root adopted its styles');

    const { violations, consoleErrors, pageErrors } = await problems.collect();
    assert.deepEqual(violations, [], 'no CSP violation');
    assert.deepEqual(pageErrors, [], 'no uncaught error');
    assert.deepEqual(consoleErrors, [], 'no console error');
    await page.close();
  });

  it("the portal's dashboard lists the book under the same policy, and a row opens its account's page", async () => {
    const answer = await site.core.listRegistrations('demo-alpha', { view: ['expiring-soon'] });
    assert.equal(answer.ok, true);
    const first = answer.body.rows[0];
    const { page, problems } = await openWatchedPage(browser);
    await page.goto(`${site.server.url}/examples/portal-dashboard.html?api=/api`);
    // The book's view is a chunk beside the bundle, loaded under the policy as the bundle is.
    await page.waitForFunction(
      (id) => !!document.getElementById('book')?.shadowRoot?.querySelector(`li[part~="row"][data-registration-id="${id}"] a`),
      { timeout: TIMEOUT },
      first.registration.id,
    );
    const text = await deepText(page, 'dealreg-book');
    assert.ok(text.includes(`Expiring soon (${answer.body.counts.byView['expiring-soon']})`), 'the view with its count');
    assert.ok(text.includes(first.deal.name), `the book shows "${first.deal.name}"`);
    // One click from the record: the row's link is the account's portal page, with the page's settings kept.
    await Promise.all([
      page.waitForNavigation({ timeout: TIMEOUT }),
      page.evaluate((id) => {
        document
          .getElementById('book')
          .shadowRoot.querySelector(`li[data-registration-id="${id}"] a[part~="record-link"]`)
          .click();
      }, first.registration.id),
    ]);
    const url = new URL(page.url());
    assert.equal(url.pathname, '/examples/portal.html');
    assert.equal(url.searchParams.get('account'), first.customer.id);
    assert.equal(url.searchParams.get('api'), '/api', 'the portal keeps its settings');
    await page.waitForFunction(
      (name) => {
        const walk = (n) =>
          [...(n.shadowRoot ?? n).childNodes]
            .map((c) => (c.nodeType === 3 ? c.textContent : c.nodeType === 1 ? walk(c) : ''))
            .join(' ');
        const panel = document.querySelector('dealreg-panel');
        return !!panel?.shadowRoot && walk(panel).includes(name);
      },
      { timeout: TIMEOUT },
      first.customer.name,
    );
    const { violations, consoleErrors, pageErrors } = await problems.collect();
    assert.deepEqual(violations, [], 'no CSP violation');
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
    await page.close();
  });

  it('a second copy of the bundle on the page registers nothing twice and does not throw', async () => {
    const { page, problems } = await openWatchedPage(browser);
    await page.goto(`${site.server.url}/examples/portal.html?api=/api&account=acc-empty`);
    await page.waitForFunction(() => customElements.get('dealreg-panel') !== undefined, { timeout: TIMEOUT });
    const outcome = await page.evaluate(async () => {
      const first = customElements.get('dealreg-panel');
      try {
        // Another URL is another module instance: every define() runs again.
        await import('/dist/dealreg.js?second-copy');
      } catch (error) {
        return `threw: ${error}`;
      }
      return customElements.get('dealreg-panel') === first ? 'kept the first definition' : 'replaced';
    });
    assert.equal(outcome, 'kept the first definition');
    const { violations, pageErrors } = await problems.collect();
    assert.deepEqual(violations, []);
    assert.deepEqual(pageErrors, []);
    await page.close();
  });

  it('the Salesforce build (classic script) renders into CLOSED shadow roots', async () => {
    const names = await opportunityNames('acc-protected');
    const { page, problems } = await openWatchedPage(browser);
    await page.goto(`${site.server.url}/test/node/fixtures/closed.html?api=/api&account=acc-protected`);
    await page.waitForFunction(() => customElements.get('dealreg-panel') !== undefined, { timeout: TIMEOUT });
    assert.equal(await page.evaluate(() => document.getElementById('panel').shadowRoot), null, 'the shadow root is closed');
    // A closed root is invisible to scripts, not to assistive technology: read the accessibility tree.
    const seen = async () => JSON.stringify(await page.accessibility.snapshot({ interestingOnly: false }));
    const deadline = Date.now() + TIMEOUT;
    let tree = await seen();
    while (!tree.includes(names[0]) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      tree = await seen();
    }
    assert.ok(tree.includes(names[0]), `the panel shows "${names[0]}"`);
    assert.ok(tree.includes('Request quote'), 'the quote button is there');
    const { violations, pageErrors } = await problems.collect();
    assert.deepEqual(violations, []);
    assert.deepEqual(pageErrors, []);
    await page.close();
  });
});
