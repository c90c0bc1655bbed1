// The elements inside real framework apps, as docs/embedding.md tells integrators to write them:
// a React 19 app (JSX) and a Vue 3 app (in-browser template), each built with Vite from
// test/node/fixtures/frameworks/, served beside the mock backend's REST API, opened in Chromium.
// Each must render the account and hear a quote request through its own event binding
// (`ondealreg-quote-requested` in React, `@dealreg-quote-requested` in Vue).
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
});
