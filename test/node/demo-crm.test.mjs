// The demo's host CRM page with its own records (issue 19 §4), in the built demo as a person opens
// it: the Opportunities related list is the CRM's (demoCrmRecords), handed to the panel as
// `records` with no account id; "New opportunity" adds a deal to new records and the panel shows
// its verdict at once, with one request; Register from the panel; the Registration column follows
// the panel's events only; invalid records are marked and never sent; the portal mode stays.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_SCENARIOS } from '../../demo/scenarios.ts';
import { HOST_STRINGS } from '../../demo/strings.ts';
import { demoCrmRecords } from '../../mocks/index.ts';
import { launchChromium, openWatchedPage } from './browser.mjs';
import { openDemo, startDemoSite } from '../../scripts/demo-site.mjs';

const EN = HOST_STRINGS.en;

/** The related list as the host shows it: one array of cell texts per row. */
const relatedList = (page) => page.$$eval('#opps-body tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));

/** The first element matching `selector` inside the panel, shadow roots included. */
function inPanel(page, selector, action = 'find') {
  return page.evaluate(
    (sel, act) => {
      const find = (root) => {
        const here = root.querySelector(sel);
        if (here) return here;
        for (const el of root.querySelectorAll('*')) {
          const inner = el.shadowRoot && find(el.shadowRoot);
          if (inner) return inner;
        }
        return null;
      };
      const el = find(document.querySelector('dealreg-panel').shadowRoot);
      if (act === 'click') el?.click();
      return el ? { text: el.textContent.replace(/\s+/g, ' ').trim(), dataset: { ...el.dataset } } : null;
    },
    selector,
    action,
  );
}

/** Waits until `selector` is in the panel (shadow roots included) and returns what `inPanel` does. */
async function waitInPanel(page, selector) {
  await page.waitForFunction(
    (sel) => {
      const find = (root) =>
        !!root.querySelector(sel) || [...root.querySelectorAll('*')].some((el) => el.shadowRoot && find(el.shadowRoot));
      return find(document.querySelector('dealreg-panel').shadowRoot);
    },
    { timeout: 15_000 },
    selector,
  );
  return inPanel(page, selector);
}

/** The deals' standing in the panel's last `dealreg-deal-states`, as the page heard it. */
const lastDealStates = (page) => page.evaluate(() => window.__dealStates.at(-1)?.deals ?? []);

/** The Registration column shows, for each of the first rows, the words for what the panel last said. */
async function assertColumnFollowsPanel(page, lang = 'en') {
  const states = new Map((await lastDealStates(page)).map((d) => [d.partnerOpportunityId, d]));
  const ids = await page.evaluate(() => document.querySelector('dealreg-panel').records.opportunities.map((o) => o.id));
  const date = (iso) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));
  const rows = await relatedList(page);
  rows.forEach((cells, i) => {
    const deal = states.get(ids[i]);
    assert.equal(cells[4], HOST_STRINGS[lang].dealStatus(deal && { kind: 'standing', ...deal }, date), `row ${i}: ${cells[0]}`);
  });
}

describe('the demo host CRM page with its records', { timeout: 300_000 }, () => {
  let site;
  let browser;
  let page;
  let problems;
  /** Every request to the vendor: method, path and body. */
  let requests = [];

  before(async () => {
    site = await startDemoSite();
    browser = await launchChromium();
    ({ page, problems } = await openWatchedPage(browser));
    await page.evaluateOnNewDocument(() => {
      window.__dealStates = [];
      document.addEventListener('dealreg-deal-states', (e) => window.__dealStates.push(e.detail));
    });
    page.on('request', (r) => {
      if (r.url().includes('/api/'))
        requests.push({ method: r.method(), path: new URL(r.url()).pathname, body: r.postData() ?? '' });
    });
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it("lists the CRM's opportunities and hands the panel the same records, with no account id", async () => {
    const records = demoCrmRecords('acc-installed');
    await openDemo(page, site.url, 'account=acc-installed');
    const panel = await page.evaluate(() => {
      const el = document.querySelector('dealreg-panel');
      return { records: el.records, accountId: el.getAttribute('account-id') };
    });
    assert.deepEqual(panel, { records, accountId: null });
    assert.equal(await page.$eval('#hl-id', (el) => el.textContent), records.account.id, "the CRM's account id");
    assert.equal(await page.$eval('#record-name', (el) => el.textContent), records.account.name);
    assert.deepEqual(
      (await relatedList(page)).map((cells) => cells[0]),
      records.opportunities.map((o) => o.name),
    );
    await page.waitForFunction(() => window.__dealStates.length > 0, { timeout: 15_000 });
    await assertColumnFollowsPanel(page);
    assert.deepEqual(
      (await relatedList(page)).map((cells) => cells[4]),
      ['Not registered', 'Won'],
      'the open deal, not registered, and the one won in the CRM (never registered, nothing left to register)',
    );
  });

  it("the column is the panel's word only: an event the host hears changes it, with no request", async () => {
    await openDemo(page, site.url, 'account=acc-nextgen');
    await page.waitForFunction(() => window.__dealStates.length > 0, { timeout: 15_000 });
    requests = [];
    const id = await page.evaluate(() => {
      const panel = document.querySelector('dealreg-panel');
      const { account, opportunities } = panel.records;
      const deal = {
        partnerOpportunityId: opportunities[0].id,
        state: 'protected-by-other',
        registrationId: null,
        protectedUntil: null,
      };
      panel.dispatchEvent(
        new CustomEvent('dealreg-deal-states', {
          bubbles: true,
          composed: true,
          detail: { accountId: account.id, deals: [deal] },
        }),
      );
      return deal.partnerOpportunityId;
    });
    assert.ok(id);
    assert.equal((await relatedList(page))[0][4], EN.dealStatus({ kind: 'standing', state: 'protected-by-other' }, String));
    assert.deepEqual(requests, [], 'the host asked the vendor nothing');
  });

  it('"New opportunity": says what is wrong, then adds the deal to NEW records; the panel shows its verdict with one request', async () => {
    await openDemo(page, site.url, 'account=acc-empty');
    await page.evaluate(() => (window.__handed = document.querySelector('dealreg-panel').records));
    await page.click('#new-opp-button');
    await page.waitForFunction(() => document.getElementById('new-opp').open);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-name', 'the dialog starts at the name');

    await page.click('#f-save');
    const shown = await page.$$eval('.field-error', (ps) => ps.filter((p) => !p.hidden).map((p) => p.textContent));
    assert.deepEqual(shown, [EN.draftProblems.name, EN.draftProblems.amount, EN.draftProblems.lines]);
    assert.equal(await page.$eval('#f-name', (el) => el.getAttribute('aria-invalid')), 'true');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-name', 'focus on the first wrong field');
    assert.ok(await page.evaluate(() => document.getElementById('new-opp').open), 'still open');

    requests = [];
    await page.type('#f-name', 'Synergy pour le studio de Marseille');
    await page.type('#f-amount', '150000');
    await page.type('#f-lines input[data-sku="SY480-G10"]', '2');
    await page.click('#f-save');
    await page.waitForFunction(() => !document.getElementById('new-opp').open);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'new-opp-button', 'focus back on New opportunity');

    const after = await page.evaluate(() => {
      const records = document.querySelector('dealreg-panel').records;
      return {
        isNew: records !== window.__handed,
        handed: window.__handed.opportunities.length,
        added: records.opportunities[0],
      };
    });
    assert.equal(after.isNew, true, 'the panel was handed a new object');
    assert.equal(after.handed, 0, 'the object handed before is unchanged');
    assert.equal(after.added.name, 'Synergy pour le studio de Marseille');
    assert.deepEqual(after.added.lines, [
      { sku: 'SY480-G10', family: 'composable', quantity: 2, description: 'Synergy 480 Gen10 compute module' },
    ]);
    assert.equal((await relatedList(page))[0][0], 'Synergy pour le studio de Marseille');

    const verdict = await waitInPanel(page, `li[data-crm-id="${after.added.id}"] .verdict[data-eligible]`);
    assert.equal(verdict.dataset.eligible, 'true', `the verdict: ${verdict.text}`);
    assert.ok(await inPanel(page, `li[data-crm-id="${after.added.id}"] [part~="register-button"]`), 'Register offered');
    assert.deepEqual(
      requests.map((r) => `${r.method} ${r.path.replace(/^.*\/v1/, '')}`),
      ['POST /accounts/siren%3A830264750/deal-previews'],
      'one request: the new deal previewed',
    );
    await page.waitForFunction(
      (id) => window.__dealStates.at(-1)?.deals.some((d) => d.partnerOpportunityId === id),
      { timeout: 15_000 },
      after.added.id,
    );
    await assertColumnFollowsPanel(page);
    assert.equal((await relatedList(page))[0][4], 'Not registered');

    // Register from the panel: the presales activities only, then one POST with the CRM's deal.
    requests = [];
    await inPanel(page, `li[data-crm-id="${after.added.id}"] [part~="register-button"]`, 'click');
    await waitInPanel(page, '[part~="form"] input[type="checkbox"]');
    await page.evaluate(() => document.querySelectorAll('.toast').forEach((t) => t.remove()));
    await inPanel(page, '[part~="form"] input[type="checkbox"]', 'click');
    await inPanel(page, '[part~="submit-button"]', 'click');
    const toast = await page.waitForSelector('.toast', { timeout: 15_000 });
    assert.match(await toast.evaluate((el) => el.textContent), /^Registration (approved|sent)$/);
    const posts = requests.filter((r) => r.method === 'POST' && r.path.endsWith('/registrations'));
    assert.equal(posts.length, 1, 'exactly one POST');
    assert.equal(JSON.parse(posts[0].body).deal.partnerOpportunityId, after.added.id);
    await page.waitForFunction(
      (id) =>
        ['approved', 'submitted'].includes(window.__dealStates.at(-1)?.deals.find((d) => d.partnerOpportunityId === id)?.state),
      { timeout: 15_000 },
      after.added.id,
    );
    await assertColumnFollowsPanel(page);
    assert.match((await relatedList(page))[0][4], /^(Protected until \S+ \d+, \d{4}|Submitted)$/);
  });

  it('invalid records: each marked "Not sent" in the list, named by the panel, and never sent', async () => {
    requests = [];
    await openDemo(page, site.url, 'account=acc-nextgen&records=invalid');
    await waitInPanel(page, '[part~="error"][data-code="invalid-records"]');
    await page.waitForFunction(() => window.__dealStates.length > 0, { timeout: 15_000 });
    const column = Object.fromEntries((await relatedList(page)).map((cells) => [cells[0], cells[4]]));
    assert.deepEqual(column, {
      'Plateforme composable du site de Gerland': 'Not registered',
      'Extension réseau, site de Lyon': EN.dealStatus({ kind: 'invalid', field: 'id' }, String),
      'Baies flash, salle blanche': EN.dealStatus({ kind: 'invalid', field: 'closeDate' }, String),
    });
    assert.ok(requests.length > 0);
    for (const { body } of requests) {
      assert.doesNotMatch(body, /006DEMODUPLICAT|006DEMOBADDATE0|412853674/, 'an invalid record was sent');
    }
  });

  it("the portal: no records, the account by id, the vendor's deals, no New opportunity", async () => {
    const { text } = await openDemo(page, site.url, 'account=acc-protected&records=portal');
    assert.match(text, /Request quote/);
    const state = await page.evaluate(() => ({
      records: document.querySelector('dealreg-panel').records === undefined ? 'none' : 'some',
      accountId: document.querySelector('dealreg-panel').getAttribute('account-id'),
      newButton: document.getElementById('new-opp-button').hidden,
      stageShown: getComputedStyle(document.querySelector('#opps-table th.crm-only')).display !== 'none',
    }));
    assert.deepEqual(state, { records: 'none', accountId: 'acc-protected', newButton: true, stageShown: false });
    assert.equal((await relatedList(page)).length, 1);
  });

  it("every scenario is one click away, and the records modes too; a click hands over that account's records", async () => {
    await openDemo(page, site.url, 'account=acc-protected');
    const links = await page.$$eval('#scenario-list a', (as) => as.map((a) => new URL(a.href).search));
    assert.equal(links.length, DEMO_SCENARIOS.length + 4, 'the home page as each partner, the accounts, the two records modes');
    assert.ok(links.includes('?account=acc-protected&records=portal'));
    assert.ok(links.includes('?account=acc-nextgen&records=invalid'));
    await page.click('#scenario-list a[data-account="acc-dormant"]');
    await page.waitForFunction(
      (id) => document.querySelector('dealreg-panel').records?.account.id === id,
      { timeout: 15_000 },
      demoCrmRecords('acc-dormant').account.id,
    );
    assert.equal(new URL(page.url()).search, '?account=acc-dormant');
  });

  it('in French, the column speaks French', async () => {
    await openDemo(page, site.url, 'account=acc-installed&lang=fr');
    await page.waitForFunction(() => window.__dealStates.length > 0, { timeout: 15_000 });
    await assertColumnFollowsPanel(page, 'fr');
    assert.deepEqual(
      (await relatedList(page)).map((cells) => cells[4]),
      ['Non déclarée', 'Gagnée'],
    );
  });

  it('no uncaught error on any of those pages', async () => {
    const { pageErrors, violations } = await problems.collect();
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(violations, []);
  });
});
