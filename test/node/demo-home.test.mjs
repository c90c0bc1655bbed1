// The demo's home page (issue 20): `page=home` opens the CRM's home page with the partner's book;
// switching the partner switches the book (the other partner's rows and counts, never the first's);
// a deal of the book opens its account's record page in the demo, one click, the mock's data kept;
// the home page is one click away in the scenario list, and speaks French.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { accountPageTemplate, readParams, writeParams } from '../../demo/params.ts';
import { HOST_STRINGS } from '../../demo/strings.ts';
import { createMemoryAdapter, createMockBackend, demoCrmRecords, SAMPLE_DEMO_CLOCK } from '../../mocks/index.ts';
import { launchChromium, openWatchedPage } from './browser.mjs';
import { openDemo, readBook, settleBook, startDemoSite } from '../../scripts/demo-site.mjs';

/** What the demo's mock answers each partner for the book's first view. */
async function firstPage(partner) {
  const adapter = createMemoryAdapter(createMockBackend({ anchor: SAMPLE_DEMO_CLOCK }), { token: `demo-${partner}` });
  return adapter.listRegistrations({ view: 'expiring-soon' });
}

describe('demo URL: the home page', () => {
  it('page=home opens the home page; anything else the account page; the link keeps it', () => {
    assert.equal(readParams('?account=acc-protected&page=home').page, 'home');
    assert.equal(readParams('?account=acc-protected').page, 'account');
    assert.equal(readParams('?account=acc-protected&page=elsewhere').page, 'account');
    assert.equal(writeParams(readParams('?account=acc-protected&page=home')), '?account=acc-protected&page=home');
    assert.equal(writeParams(readParams('?account=acc-protected&page=account')), '?account=acc-protected');
  });

  it("a deal's link is its account's record page in the same scenario, {accountId} left to fill in", () => {
    const params = readParams('?account=acc-protected&page=home&partner=beta&clock=2017-03-01&lang=fr&theme=dark');
    assert.equal(accountPageTemplate(params), '?account={accountId}&partner=beta&clock=2017-03-01&lang=fr&theme=dark');
  });
});

describe('the demo home page (built with --base /sub/)', { timeout: 240_000 }, () => {
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

  const ids = (bookPage) => bookPage.rows.map((row) => row.registration.id);

  it("?page=home shows Alpha's book in place of the record page, Home the current tab", async () => {
    const alpha = await firstPage('alpha');
    await openDemo(page, site.url, 'account=acc-protected&page=home');
    await settleBook(page, { rowsOf: ids(alpha) });
    const state = await page.evaluate(() => ({
      record: document.getElementById('record-page').hidden,
      home: document.getElementById('home-page').hidden,
      current: document.querySelector('.context-bar [aria-current="page"]').id,
      title: document.title,
    }));
    assert.deepEqual(state, { record: true, home: false, current: 'nav-home', title: HOST_STRINGS.en.homeTitle });
    const { tabs } = await readBook(page);
    assert.equal(tabs[0], `Expiring soon (${alpha.counts.byView['expiring-soon']})`);
  });

  it("switching the partner switches the book: Beta's rows and counts, none of Alpha's; the URL follows", async () => {
    const alpha = await firstPage('alpha');
    const beta = await firstPage('beta');
    await openDemo(page, site.url, 'account=acc-protected&page=home');
    await settleBook(page, { rowsOf: ids(alpha) });
    await page.select('#ctl-partner', 'beta');
    await settleBook(page, { rowsOf: ids(beta) });
    const { tabs, rows } = await readBook(page);
    assert.equal(tabs[5], `All active (${beta.counts.byView.active})`);
    assert.deepEqual(
      rows.filter((id) => ids(alpha).includes(id)),
      [],
    );
    assert.equal(new URL(page.url()).search, '?account=acc-protected&page=home&partner=beta');
    await page.select('#ctl-partner', 'alpha');
    await settleBook(page, { rowsOf: ids(alpha) });
  });

  it("a deal opens its account's record page here, one click, and Back returns to the book", async () => {
    const alpha = await firstPage('alpha');
    await openDemo(page, site.url, 'account=acc-protected&page=home');
    await settleBook(page, { rowsOf: ids(alpha) });
    const { links } = await readBook(page);
    const first = alpha.rows[0];
    assert.equal(links[0], `?account=${first.customer.id}`);
    // The page is not reloaded: a mark on the window survives the click.
    await page.evaluate(() => (window.__sameDocument = true));
    await page.$eval('dealreg-book', (el) => el.shadowRoot.querySelector('a[part~="record-link"]').click());
    // The account's page in the CRM: its name as the CRM holds it, and the deal among its opportunities.
    const crm = demoCrmRecords(first.customer.id, { partner: 'alpha' });
    await page.waitForFunction(
      (name) => !document.getElementById('record-page').hidden && document.getElementById('record-name').textContent === name,
      { timeout: 30_000 },
      crm.account.name,
    );
    if (first.registration.partnerOpportunityId) {
      assert.ok(
        crm.opportunities.some((o) => o.id === first.registration.partnerOpportunityId),
        'the deal is in the CRM',
      );
      await page.waitForFunction(
        (id) =>
          !!document
            .querySelector('dealreg-panel')
            ?.shadowRoot?.querySelector('dealreg-crm-deals')
            ?.shadowRoot?.querySelector(`li[data-crm-id="${id}"]`),
        { timeout: 30_000 },
        first.registration.partnerOpportunityId,
      );
    }
    assert.equal(new URL(page.url()).search, `?account=${first.customer.id}`);
    assert.equal(await page.evaluate(() => window.__sameDocument), true);
    await page.goBack();
    await settleBook(page, { rowsOf: ids(alpha) });
    assert.equal(new URL(page.url()).search, '?account=acc-protected&page=home');
  });

  it('the home page is one click away in the scenario list and the app navigation', async () => {
    await openDemo(page, site.url, 'account=acc-quoted');
    const homeLinks = await page.$$eval('#scenario-list a[data-page="home"]', (as) => as.map((a) => new URL(a.href).search));
    assert.deepEqual(homeLinks, ['?account=acc-quoted&page=home', '?account=acc-quoted&page=home&partner=beta']);
    await page.click('#scenario-list a[data-page="home"][data-partner="beta"]');
    await settleBook(page, { rowsOf: ids(await firstPage('beta')) });
    await page.click('#nav-accounts');
    await page.waitForFunction(() => !document.getElementById('record-page').hidden);
    assert.equal(new URL(page.url()).search, '?account=acc-quoted&partner=beta');
    await page.click('#nav-home');
    await settleBook(page);
    assert.equal(new URL(page.url()).search, '?account=acc-quoted&page=home&partner=beta');
  });

  it('in French: the page, its title and the book', async () => {
    await openDemo(page, site.url, 'account=acc-protected&page=home&lang=fr');
    await settleBook(page);
    const words = await page.evaluate(() => ({
      title: document.title,
      heading: document.getElementById('book-title').textContent,
      nav: document.getElementById('nav-home').textContent,
    }));
    assert.deepEqual(words, {
      title: HOST_STRINGS.fr.homeTitle,
      heading: HOST_STRINGS.fr.labels['book-title'],
      nav: HOST_STRINGS.fr.labels['nav-home'],
    });
    const { tabs } = await readBook(page);
    assert.match(tabs[0], /^Expire bientôt \(\d+\)$/);
  });

  it('no uncaught error on any of those pages', async () => {
    const { pageErrors } = await problems.collect();
    assert.deepEqual(pageErrors, []);
  });
});
