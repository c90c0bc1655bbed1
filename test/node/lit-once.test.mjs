// One copy of Lit in an app that uses Lit itself (issue 18): the packed package installed as a
// consumer gets it, a Vite app with its own Lit element that renders a <dealreg-panel>
// (test/node/fixtures/lit-app/), built and opened in Chromium. The `dealreg` entry imports `lit`,
// so the app's bundle holds one lit-html, and the page registers one.
import assert from 'node:assert/strict';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'vite';
import { startStaticServer } from '../../examples/serve.mjs';
import { assertBuilt, launchChromium, openWatchedPage, ROOT } from './browser.mjs';
import { packAndInstall } from './packed.mjs';

/** The globals each copy of Lit's three packages pushes its version into when it loads. */
const VERSION_GLOBALS = ['litHtmlVersions', 'reactiveElementVersions', 'litElementVersions'];

describe('an app that uses Lit and dealreg (the packed package, built with Vite)', { timeout: 300_000 }, () => {
  let work;
  let code;
  let server;
  let browser;

  before(async () => {
    assertBuilt('dist/npm/dealreg.js', 'dist/mock.js');
    let consumer;
    ({ work, consumer } = packAndInstall('dealreg-lit-'));
    cpSync(join(ROOT, 'test/node/fixtures/lit-app'), consumer, { recursive: true });
    const site = join(work, 'site');
    const output = await build({
      root: consumer,
      base: './',
      configFile: false,
      logLevel: 'warn',
      build: { outDir: site, emptyOutDir: true, sourcemap: false },
    });
    code = (Array.isArray(output) ? output : [output])
      .flatMap((o) => o.output)
      .filter((chunk) => chunk.type === 'chunk')
      .map((chunk) => chunk.code)
      .join('\n');
    server = await startStaticServer({ root: site, csp: null });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('bundles one copy of lit-html, reactive-element and lit-element', () => {
    for (const name of VERSION_GLOBALS) assert.equal(code.split(name).length - 1, 1, `copies announcing ${name}`);
  });

  it('in Chromium: one Lit loaded, and both the app’s element and the dealreg panel inside it render', async () => {
    const { page, problems } = await openWatchedPage(browser);
    try {
      await page.goto(`${server.url}/index.html`);
      // The panel, inside the app element's shadow root, shows the account's name once its data is in.
      await page.waitForFunction(
        () => {
          const walk = (node) =>
            [...(node.shadowRoot ?? node).childNodes]
              .map((c) => (c.nodeType === 3 ? c.textContent : c.nodeType === 1 ? walk(c) : ''))
              .join(' ');
          const panel = document.querySelector('app-record')?.shadowRoot?.querySelector('dealreg-panel');
          return !!panel?.shadowRoot && /Mutuelle Atlantique/.test(walk(panel));
        },
        { timeout: 20_000 },
      );
      const seen = await page.evaluate(
        (names) => ({
          versions: Object.fromEntries(names.map((name) => [name, globalThis[name]?.length ?? 0])),
          heading: document.querySelector('app-record').shadowRoot.querySelector('h2')?.textContent,
        }),
        VERSION_GLOBALS,
      );
      assert.deepEqual(seen.versions, { litHtmlVersions: 1, reactiveElementVersions: 1, litElementVersions: 1 });
      assert.equal(seen.heading, 'Account acc-protected');
      const { pageErrors, consoleErrors } = await problems.collect();
      assert.deepEqual(pageErrors, []);
      assert.deepEqual(consoleErrors, []);
    } finally {
      await page.close();
    }
  });
});
