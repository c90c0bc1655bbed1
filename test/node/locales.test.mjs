// The built bundle loads a locale's messages only when an element needs them, once, from
// dist/locales/ beside the entry; the classic (Salesforce) script carries every locale inline.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { assertBuilt, launchChromium, openWatchedPage, startSite } from './browser.mjs';

/** Opens the fixture and returns each button's text and every locale chunk the page requested. */
async function open(browser, site, query) {
  const { page, problems } = await openWatchedPage(browser);
  const chunks = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/dist/locales/')) chunks.push(new URL(request.url()).pathname);
  });
  await page.goto(`${site.server.url}/test/node/fixtures/locales.html?${query}`);
  await page.waitForFunction(() => window.__ready, { timeout: 15_000 });
  await page.evaluate(() => window.__ready);
  const texts = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('dealreg-quote-button')].map(
        (b) => b.shadowRoot?.textContent.replace(/\s+/g, ' ').trim() ?? '',
      ),
    );
  return { page, problems, chunks, texts };
}

describe('locale chunks in the built bundle', { timeout: 90_000 }, () => {
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

  it('the French chunk stays within its budget (.size-limit.json), and the ES entry carries no French', () => {
    const chunks = readdirSync(new URL('../../dist/locales/', import.meta.url)).filter((f) => /^fr(-[\w-]+)?\.js$/.test(f));
    assert.equal(chunks.length, 1, `one French chunk (got ${chunks.join(', ')})`);
    const chunk = readFileSync(new URL(`../../dist/locales/${chunks[0]}`, import.meta.url));
    const size = gzipSync(chunk, { level: 9 }).length;
    const budget = JSON.parse(readFileSync(new URL('../../.size-limit.json', import.meta.url), 'utf8')).find(
      (entry) => entry.path === 'dist/locales/fr.js',
    );
    const limit = Number.parseFloat(budget.limit) * 1000;
    assert.ok(limit > 0 && size <= limit, `dist/locales/${chunks[0]} is ${size} B gzip, its budget ${budget.limit}`);
    const entry = readFileSync(new URL('../../dist/dealreg.js', import.meta.url), 'utf8');
    assert.ok(!entry.includes('Demander une cotation'), 'dist/dealreg.js has no French');
    assert.ok(entry.includes(`./locales/${chunks[0]}`), 'dist/dealreg.js imports the chunk relative to itself');
  });

  it("the book's words travel with the book's chunk, not in the French chunk every French page loads", () => {
    const read = (path) => readFileSync(new URL(`../../dist/${path}`, import.meta.url), 'utf8');
    // Only the book's view says these (scripts/i18n/catalogue.mjs SURFACES).
    for (const words of ['Télécharger en CSV', 'Cotation demandée : le constructeur la chiffre.']) {
      assert.ok(read('forms/book-view.js').includes(words), `the book's chunk has "${words}"`);
      assert.ok(!read('locales/fr.js').includes(words), `the French chunk has no "${words}"`);
    }
    // A word the panel says too stays in the French chunk.
    assert.ok(read('locales/fr.js').includes('Demander une cotation'));
  });

  it('an English-only page requests no locale chunk', async () => {
    const { page, problems, chunks, texts } = await open(browser, site, 'locales=en,');
    assert.deepEqual(await texts(), ['Request quote', 'Request quote']);
    assert.deepEqual(chunks, []);
    assert.deepEqual((await problems.collect()).pageErrors, []);
    await page.close();
  });

  it('fr and en side by side: each in its own words, the French chunk fetched once from dist/locales/', async () => {
    const { page, problems, chunks, texts } = await open(browser, site, 'locales=fr,en,fr');
    assert.deepEqual(await texts(), ['Demander une cotation', 'Request quote', 'Demander une cotation']);
    assert.equal(chunks.length, 1, `one request for the French chunk (got ${chunks.join(', ')})`);
    assert.match(chunks[0], /^\/dist\/locales\/fr(-[\w-]+)?\.js$/);
    // Switching the English one to French at run time reuses the loaded messages.
    await page.evaluate(() => {
      const b = document.getElementById('b1');
      b.setAttribute('locale', 'fr');
      return b.updateComplete;
    });
    assert.deepEqual(await texts(), ['Demander une cotation', 'Demander une cotation', 'Demander une cotation']);
    assert.equal(chunks.length, 1);
    const { violations, pageErrors, consoleErrors } = await problems.collect();
    assert.deepEqual([...violations, ...pageErrors, ...consoleErrors], []);
    await page.close();
  });

  it('the classic script (Salesforce) renders French with no chunk to fetch', async () => {
    const { page, chunks, texts } = await open(browser, site, 'build=closed&locales=fr,en');
    // Closed shadow roots: the text is not readable from outside; the element's label is its
    // accessible name, read from the accessibility tree.
    const snapshot = await page.accessibility.snapshot({ interestingOnly: true });
    const buttons = [];
    const walk = (node) => {
      if (node.role === 'button') buttons.push(node.name);
      for (const child of node.children ?? []) walk(child);
    };
    walk(snapshot);
    assert.deepEqual(buttons, ['Demander une cotation', 'Request quote']);
    assert.deepEqual(chunks, []);
    assert.deepEqual(await texts(), ['', '']);
    await page.close();
  });
});
