// The elements inside real framework apps, as docs/embedding.md tells integrators to write them:
// a React 19 app (JSX), a Vue 3 app (in-browser template) and an Angular app (compiled just in
// time), each built with Vite from test/node/fixtures/frameworks/, served beside the mock backend's
// REST API, opened in Chromium. Each must render the account and hear a quote request through its
// own event binding (`ondealreg-quote-requested`, `@dealreg-quote-requested`,
// `(dealreg-quote-requested)`), and render the partner's book (its view code a chunk the app's
// build split off and fetches on demand) and cancel a row's `dealreg-open-record` to navigate itself.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'vite';
import { startStaticServer } from '../../examples/serve.mjs';
import { createMockBackend, createRestHandler } from '../../mocks/index.ts';
import { assertBuilt, launchChromium, openWatchedPage, ROOT } from './browser.mjs';

const APPS = ['react', 'vue', 'angular'];

describe('dealreg in framework apps (built with Vite, against the mock backend)', { timeout: 120_000 }, () => {
  let outRoot;
  let server;
  let browser;
  /** A fresh mock backend per app: a quote request changes the account for the next one. */
  let api;

  before(async () => {
    assertBuilt('dist/dealreg.js');
    outRoot = mkdtempSync(join(tmpdir(), 'dealreg-frameworks-'));
    for (const app of APPS) {
      await build({
        root: join(ROOT, `test/node/fixtures/frameworks/${app}-app`),
        base: './',
        configFile: false,
        logLevel: 'warn',
        build: { outDir: join(outRoot, app), emptyOutDir: true, sourcemap: false },
      });
    }
    server = await startStaticServer({ root: outRoot, csp: null, api: (request) => api(request) });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (outRoot) rmSync(outRoot, { recursive: true, force: true });
  });

  for (const app of APPS) {
    it(`${app}: the panel renders the account, and a quote request reaches the app's listener`, async () => {
      api = createRestHandler(createMockBackend(), { basePath: '/api' });
      const { page, problems } = await openWatchedPage(browser);
      try {
        await page.goto(`${server.url}/${app}/`);
        // Deep text and a deep part lookup through the nested shadow roots.
        const deep = `
          const walk = (n) => [...(n.shadowRoot ?? n).childNodes].map((c) => (c.nodeType === 3 ? c.textContent : c.nodeType === 1 ? walk(c) : '')).join(' ');
          const byPart = (root, part) => {
            for (const el of root.querySelectorAll('*')) {
              if (el.part?.contains(part)) return el;
              const inner = el.shadowRoot && byPart(el.shadowRoot, part);
              if (inner) return inner;
            }
            return null;
          };`;
        await page.waitForFunction(
          `(() => { ${deep} const panel = document.querySelector('dealreg-panel'); return !!panel?.shadowRoot && /Mutuelle Atlantique/.test(walk(panel)) && !!byPart(panel.shadowRoot, 'request-button'); })()`,
          { timeout: 20_000 },
        );
        const panel = await page.evaluate(() => {
          const el = document.querySelector('dealreg-panel');
          return { accountId: el.accountId, hasAdapter: !!el.adapter, adapterAttribute: el.getAttribute('adapter') };
        });
        assert.deepEqual(
          panel,
          { accountId: 'acc-protected', hasAdapter: true, adapterAttribute: null },
          'account-id as an attribute, the adapter as a property',
        );
        assert.equal(await page.$eval('#last-quote', (el) => el.textContent), 'none');

        await page.evaluate(
          `(() => { ${deep} byPart(document.querySelector('dealreg-panel').shadowRoot, 'request-button').click(); })()`,
        );
        await page.waitForFunction(() => document.querySelector('#last-quote')?.textContent !== 'none', { timeout: 10_000 });
        assert.match(
          await page.$eval('#last-quote', (el) => el.textContent),
          /^true reg-\S+ submitted$/,
          'a DealRegQuoteRequestedEvent with its detail',
        );

        const { pageErrors, consoleErrors } = await problems.collect();
        assert.deepEqual(pageErrors, []);
        assert.deepEqual(consoleErrors, []);
      } finally {
        await page.close();
      }
    });
  }

  for (const app of APPS) {
    it(`${app}: the book renders the partner's rows, and the app's own binding cancels a row's opening to navigate itself`, async () => {
      api = createRestHandler(createMockBackend(), { basePath: '/api' });
      // What the book's first view asks for, as Alpha: its counts and first row.
      const answer = await fetch(`${server.url}/api/v1/registrations?view=expiring-soon`, {
        headers: { Authorization: 'Bearer demo-alpha' },
      });
      assert.equal(answer.status, 200);
      const { rows, counts } = await answer.json();
      const first = rows[0];
      assert.ok(first && counts.byView['expiring-soon'] > 0, 'Alpha has protections expiring soon');

      const { page, problems } = await openWatchedPage(browser);
      const scripts = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
      });
      // The Navigation API's navigate event fires as a link click starts its navigation, before
      // anything the click handlers queue; kept in sessionStorage, it outlives the page it left.
      await page.evaluateOnNewDocument(() => {
        navigation.addEventListener('navigate', (event) => {
          const seen = JSON.parse(sessionStorage.getItem('navigations') ?? '[]');
          sessionStorage.setItem('navigations', JSON.stringify([...seen, event.destination.url]));
        });
      });
      try {
        const home = `${server.url}/${app}/`;
        await page.goto(home);
        await page.waitForFunction(
          () => {
            const root = document.querySelector('dealreg-book')?.shadowRoot;
            const tab = root?.querySelector('[part~="tab"][data-view="expiring-soon"]');
            const loaded = !!root?.querySelector('[part~="row"]') && /\(\d+\)/.test(tab?.textContent ?? '');
            return loaded || !!root?.querySelector('[part~="error"]');
          },
          { timeout: 20_000 },
        );
        assert.equal(
          await page.evaluate(() => !!document.querySelector('dealreg-book').shadowRoot.querySelector('[part~="error"]')),
          false,
          'the book loaded its view code and its first page (no error panel)',
        );
        const book = await page.evaluate(() => {
          const el = document.querySelector('dealreg-book');
          const tab = (view) =>
            el.shadowRoot.querySelector(`[part~="tab"][data-view="${view}"]`).textContent.replace(/\s+/g, ' ').trim();
          const row = el.shadowRoot.querySelector('[part~="row"]');
          return {
            hasAdapter: !!el.adapter,
            adapterAttribute: el.getAttribute('adapter'),
            recordHref: el.recordHref,
            firstRow: row.dataset.registrationId,
            link: row.querySelector('[part~="record-link"]')?.getAttribute('href'),
            expiringSoon: tab('expiring-soon'),
            active: tab('active'),
          };
        });
        const href = first.registration.partnerOpportunityId
          ? `/crm/Opportunity/${encodeURIComponent(first.registration.partnerOpportunityId)}/view`
          : `/crm/Account/${encodeURIComponent(first.customer.id)}/view`;
        assert.deepEqual(
          book,
          {
            hasAdapter: true,
            adapterAttribute: null,
            recordHref: '/crm/Opportunity/{partnerOpportunityId}/view',
            firstRow: first.registration.id,
            link: href,
            expiringSoon: `Expiring soon (${counts.byView['expiring-soon']})`,
            active: `All active (${counts.byView.active})`,
          },
          'the adapter as a property, the templates as attributes, the first row and the counts the vendor answered',
        );
        assert.ok(
          scripts.some((path) => /\/book-view[-.]/.test(path)),
          `the book's view code is a chunk of the app's build, fetched on demand: ${scripts.join(', ')}`,
        );
        assert.equal(await page.$eval('#last-open', (el) => el.textContent), 'none');

        const link = await page.evaluateHandle(() =>
          document.querySelector('dealreg-book').shadowRoot.querySelector('[part~="row"] [part~="record-link"]'),
        );
        await link.click();
        // The ids on the app's page, or any page the click led to.
        await page.waitForFunction(() => document.querySelector('#last-open')?.textContent !== 'none', { timeout: 10_000 });
        assert.deepEqual(
          await page.evaluate(() => ({
            url: location.href,
            navigations: JSON.parse(sessionStorage.getItem('navigations') ?? '[]'),
          })),
          { url: home, navigations: [] },
          'the app cancelled the event: the book followed no link',
        );
        assert.equal(
          await page.$eval('#last-open', (el) => el.textContent),
          `true ${first.registration.id} ${first.registration.partnerOpportunityId ?? '-'} ${href}`,
          "a DealRegOpenRecordEvent with the row's ids and link",
        );

        const { pageErrors, consoleErrors } = await problems.collect();
        assert.deepEqual(pageErrors, []);
        assert.deepEqual(consoleErrors, []);
      } finally {
        await page.close();
      }
    });
  }
});
