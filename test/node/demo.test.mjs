// The demo as a person opens it from a link: `npm run build:demo -- --base /sub/` (the static
// site, under a sub-path so the worker path must follow Vite's base), served statically, and
// every demo account of docs/program.md §6 opened by URL behaves as its row says.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchChromium, openWatchedPage } from './browser.mjs';
import { openDemo, startDemoSite } from '../../scripts/demo-site.mjs';

/** docs/program.md §6, one row per link: what the panel must say (English). */
const ROWS = [
  { query: 'account=acc-nextgen', expect: [/latest-generation technology/] },
  { query: 'account=acc-dormant', expect: [/Eligible · dormant account/, /Dormant since Aug 14, 2016/] },
  { query: 'account=acc-installed', expect: [/Eligible · your installed base/] },
  {
    query: 'account=acc-installed&clock=2017-01-15',
    expect: [/Not eligible · add a/, /Eligible from Feb 1, 2017/],
  },
  {
    query: 'account=acc-other-installed',
    expect: [/Not eligible · add a .+ line to qualify/],
  },
  { query: 'account=acc-conflict', expect: [/Protected by another partner/], never: [/Beta/] },
  { query: 'account=acc-conflict&partner=beta', expect: [/Approved/, /Request quote/], never: [/Alpha/] },
  { query: 'account=acc-protected', expect: [/60 days left/, /Request quote/] },
  { query: 'account=acc-expiring', expect: [/Expiring soon/, /5 days left/, /Extend protection/] },
  { query: 'account=acc-quoted', expect: [/Net price/, /Protected discount/, /Order by/] },
  // With the CRM's records the deal is created in the host (its New opportunity); without, Refresh reloads.
  { query: 'account=acc-empty', expect: [/No opportunities/] },
  { query: 'account=acc-empty&records=portal', expect: [/No opportunities/, /Refresh/] },
  { query: 'account=acc-large', expect: [/1,000 opportunities/] },
  { query: 'account=acc-broken', expect: [/The account could not be loaded/, /Retry/] },
];

describe('the demo site (built with --base /sub/)', { timeout: 180_000 }, () => {
  let site;
  let browser;
  let page;
  let problems;

  before(async () => {
    site = await startDemoSite();
    browser = await launchChromium();
    ({ page, problems } = await openWatchedPage(browser));
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  const open = (query) => openDemo(page, site.url, query);

  for (const row of ROWS) {
    it(`?${row.query} shows what docs/program.md §6 promises`, async () => {
      const { text, header, country, error } = await open(row.query);
      for (const re of row.expect) assert.match(text, re);
      for (const re of row.never ?? []) assert.doesNotMatch(text, re);
      if (row.query.includes('acc-broken')) {
        assert.match(
          error,
          /could not be loaded: the service sent data that cannot be read/,
          'the record page says the account could not be read, in words',
        );
      } else {
        assert.equal(error, '');
        assert.ok(header && !header.startsWith('acc-'), `the record header shows the account's name (got "${header}")`);
        assert.ok(country && country !== '…' && country !== '—', 'the highlights show the country');
      }
    });
  }

  // With the CRM's records the next 25 are the CRM's, their verdicts previewed in one request; in
  // the portal they are the vendor's next page.
  for (const { records, request } of [
    { records: 'crm', request: 'POST /sub/api/v1/accounts/siren%3A603951286/deal-previews' },
    { records: 'portal', request: 'GET /sub/api/v1/accounts/acc-large/opportunities' },
  ]) {
    it(`acc-large (records=${records}) says 1,000 opportunities, shows 25, and "Show more" adds the next 25 with one request`, async () => {
      const { rows, text } = await open(`account=acc-large&records=${records}`);
      assert.match(text, /1,000 opportunities/);
      assert.equal(rows, 25, 'the first 25, not a thousand rows');
      const countRows = () =>
        page.evaluate(() => {
          const count = (root) =>
            [...root.querySelectorAll('*')].reduce(
              (sum, el) => sum + (el.part?.contains('opportunity') ? 1 : 0) + (el.shadowRoot ? count(el.shadowRoot) : 0),
              0,
            );
          return count(document.querySelector('dealreg-panel').shadowRoot);
        });
      // Every request the page makes to the vendor from here on.
      const asked = [];
      const onRequest = (request) => {
        if (/\/api\//.test(request.url())) asked.push(`${request.method()} ${new URL(request.url()).pathname}`);
      };
      page.on('request', onRequest);
      try {
        const clicked = await page.evaluate(() => {
          const find = (root) => {
            for (const el of root.querySelectorAll('*')) {
              if (el.part?.contains('more-button') && /Show 25 more/.test(el.textContent)) return el;
              const inner = el.shadowRoot && find(el.shadowRoot);
              if (inner) return inner;
            }
            return undefined;
          };
          const button = find(document.querySelector('dealreg-panel').shadowRoot);
          button?.click();
          return button?.textContent.trim().replace(/\s+/g, ' ');
        });
        assert.equal(clicked, 'Show 25 more (975 not shown)');
        await page.waitForFunction(
          () => {
            const count = (root) =>
              [...root.querySelectorAll('*')].reduce(
                (sum, el) => sum + (el.part?.contains('opportunity') ? 1 : 0) + (el.shadowRoot ? count(el.shadowRoot) : 0),
                0,
              );
            return count(document.querySelector('dealreg-panel').shadowRoot) >= 50;
          },
          { timeout: 15_000 },
        );
        assert.equal(await countRows(), 50, 'the next page added');
      } finally {
        page.off('request', onRequest);
      }
      assert.deepEqual(asked, [request], 'one request for "Show more", for the next page');
    });
  }

  it('switching partner with the control shows the other side of the conflict, and the URL follows', async () => {
    await open('account=acc-conflict');
    await page.select('#ctl-partner', 'beta');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('partner') === 'beta');
    await page.waitForFunction(
      () => {
        const walk = (n) =>
          [...(n.shadowRoot ?? n).childNodes]
            .map((c) => (c.nodeType === 3 ? c.textContent : c.nodeType === 1 ? walk(c) : ''))
            .join(' ');
        return /Approved/.test(walk(document.querySelector('dealreg-panel')));
      },
      { timeout: 15_000 },
    );
    assert.equal(await page.$eval('#signed-in', (el) => el.textContent), 'Beta Intégration');
  });

  it('the language switch and the dark theme change the page and only documented custom properties', async () => {
    const { text } = await open('account=acc-protected&lang=fr&theme=dark');
    assert.match(text, /Demander une cotation/);
    const state = await page.evaluate(() => {
      const panel = document.querySelector('dealreg-panel');
      const style = getComputedStyle(panel);
      return { lang: document.documentElement.lang, surface: style.getPropertyValue('--dealreg-color-surface').trim() };
    });
    assert.equal(state.lang, 'fr');
    assert.equal(state.surface, '#22252b');
  });

  it("the panel sits plain in the host's one card, in a page sized as Lightning's (16px root, 13px text)", async () => {
    await open('account=acc-protected');
    const layout = await page.evaluate(() => {
      const panel = document.querySelector('dealreg-panel');
      const card = panel.closest('.card');
      return {
        appearance: panel.getAttribute('appearance'),
        cards: [...document.querySelectorAll('.record-sidebar .card')].length,
        hostHeadings: [...card.querySelectorAll('h1, h2, h3')].filter((h) => !panel.contains(h)).length,
        root: getComputedStyle(document.documentElement).fontSize,
        body: getComputedStyle(document.body).fontSize,
        // The panel's text (its card), whatever the host element's own computed size.
        panel: getComputedStyle(panel.shadowRoot.querySelector("[part~='base']")).fontSize,
      };
    });
    assert.deepEqual(layout, { appearance: 'plain', cards: 1, hostHeadings: 0, root: '16px', body: '13px', panel: '13px' });
  });

  it('no uncaught error on any of those pages', async () => {
    const { pageErrors } = await problems.collect();
    assert.deepEqual(pageErrors, []);
  });
});
