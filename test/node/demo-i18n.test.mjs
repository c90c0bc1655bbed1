// The demo's host page follows the language switch (issue 12): with lang=fr no label of the CRM
// page around the panel is English (the data aside: names, ids, amounts), its toasts and its
// errors are in French words, and no machine code ('service-unavailable', 'invalid-response')
// reaches the page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HOST_STRINGS } from '../../demo/strings.ts';
import { launchChromium, openWatchedPage } from './browser.mjs';
import { openDemo, settle, startDemoSite } from '../../scripts/demo-site.mjs';

const EN = HOST_STRINGS.en;
const FR = HOST_STRINGS.fr;

/** Every English label of the host table that French words differently ("Comptes", not "Accounts"). */
const ENGLISH_LABELS = [
  ...Object.entries(EN.labels)
    .filter(([key, words]) => FR.labels[key] !== words)
    .map(([, words]) => words),
  ...Object.entries(EN.scenarios).flatMap(([key, { situation, expect }]) =>
    [situation, expect].filter((w) => !Object.values(FR.scenarios[key]).includes(w)),
  ),
  ...Object.values(EN.errors),
  EN.viewAll('').replace(/\W+$/, ''),
  EN.pageTitle(null),
];

/** English words a French page has no use for; any of them outside the data is an untranslated label. */
const ENGLISH_WORDS =
  /\b(the|and|of|your|yours|with|could|this|link|clock|account|accounts|theme|loaded|view|all|home|reports|details|amount|name|partner|sales|search|signed|failures|latency|language|reset|follow|edit|country|server|order|installed|opportunity|opportunities|requested|extended|registration|approved|rejected|assets|units|expected|eligible)\b/i;

/** A machine code as the REST contract spells them: lower-case words joined by hyphens. */
const MACHINE_CODE = /\b[a-z]+(?:-[a-z]+)+\b/;

/**
 * The host page's words: text, aria-label, placeholder and title outside the panel and outside
 * the data (elements marked data-value), the account picker's options and the tab's title. The
 * language picker names each language in its own words and is left out.
 */
function hostWords(page) {
  return page.evaluate(() => {
    const skip = (el) => el.matches('dealreg-provider, dealreg-panel, [data-value], #ctl-lang, script, style');
    const out = [document.title];
    const visit = (el) => {
      if (skip(el)) return;
      for (const attr of ['aria-label', 'placeholder', 'title']) if (el.hasAttribute(attr)) out.push(el.getAttribute(attr));
      for (const child of el.childNodes) {
        if (child.nodeType === Node.TEXT_NODE && child.textContent.trim()) out.push(child.textContent.trim());
        else if (child.nodeType === Node.ELEMENT_NODE) visit(child);
      }
    };
    visit(document.body);
    // The account ids in the picker are data; the words after them are labels.
    return out.map((w) => w.replace(/\bacc-[a-z-]+\b/g, '').trim()).filter(Boolean);
  });
}

function assertFrench(words, where) {
  const all = words.join('\n');
  for (const label of ENGLISH_LABELS) assert.ok(!all.includes(label), `${where}: the English label "${label}" is on the page`);
  const english = words.filter((w) => ENGLISH_WORDS.test(w));
  assert.deepEqual(english, [], `${where}: English words outside the data`);
  const codes = words.filter((w) => MACHINE_CODE.test(w));
  assert.deepEqual(codes, [], `${where}: machine codes on the page`);
}

/** Clicks the first element inside the panel (shadow roots included) whose part list has `part`. */
function clickPart(page, part) {
  return page.evaluate((name) => {
    const find = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.part?.contains(name)) return el;
        const inner = el.shadowRoot && find(el.shadowRoot);
        if (inner) return inner;
      }
      return null;
    };
    const el = find(document.querySelector('dealreg-panel').shadowRoot);
    if (!el) throw new Error(`no [part~=${name}] in the panel`);
    el.click();
  }, part);
}

/** The next toast's text (read at once: toasts leave after 4 s). */
async function nextToast(page, action) {
  await page.evaluate(() => document.querySelectorAll('.toast').forEach((t) => t.remove()));
  await action();
  const toast = await page.waitForSelector('.toast', { timeout: 15_000 });
  return toast.evaluate((el) => el.textContent);
}

describe('the demo host page in French', { timeout: 300_000 }, () => {
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

  it('the English page is in English (the checks below can see English)', async () => {
    await openDemo(page, site.url, 'account=acc-protected');
    const words = await hostWords(page);
    assert.ok(
      words.some((w) => ENGLISH_WORDS.test(w)),
      'English words found on the English page',
    );
    assert.ok(words.includes(EN.labels['ctl-link']));
  });

  for (const query of [
    'account=acc-protected&lang=fr',
    'account=acc-large&lang=fr&theme=dark',
    'account=acc-conflict&partner=beta&lang=fr',
  ]) {
    it(`?${query}: no English label outside the data`, async () => {
      await openDemo(page, site.url, query);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
      const words = await hostWords(page);
      assertFrench(words, query);
      assert.ok(words.includes(FR.labels['ctl-link']), 'the French labels are there');
      assert.match(await page.title(), / \| Compte \| Ventes$/);
    });
  }

  it('switching the Language control to Français turns the whole host page French, and back', async () => {
    await openDemo(page, site.url, 'account=acc-quoted');
    await page.select('#ctl-lang', 'fr');
    await settle(page);
    await page.waitForFunction((label) => document.getElementById('ctl-link').textContent === label, {}, FR.labels['ctl-link']);
    assertFrench(await hostWords(page), 'after the switch');
    await page.select('#ctl-lang', 'en');
    await page.waitForFunction((label) => document.getElementById('ctl-link').textContent === label, {}, EN.labels['ctl-link']);
    assert.ok((await hostWords(page)).includes(EN.labels['scenarios-title']));
  });

  it('a malformed account: the record page says so in French words, not "(invalid-response)"', async () => {
    await openDemo(page, site.url, 'account=acc-broken&lang=fr');
    const error = await page.$eval('#record-error', (el) => (el.hidden ? '' : el.textContent));
    assert.equal(error, FR.loadFailed('invalid-response'));
    assert.doesNotMatch(error, MACHINE_CODE);
    assertFrench(await hostWords(page), 'acc-broken');
  });

  it('a backend that fails every request: the error is in French words, not "(service-unavailable)"', async () => {
    await openDemo(page, site.url, 'account=acc-protected&lang=fr&fail=1', { timeout: 60_000 });
    const error = await page.$eval('#record-error', (el) => (el.hidden ? '' : el.textContent));
    assert.equal(error, FR.loadFailed('service-unavailable'));
    assertFrench(await hostWords(page), 'fail=1');
  });

  it('toasts are French words: a quote request, an extension, a rejected registration', async () => {
    await openDemo(page, site.url, 'account=acc-protected&lang=fr');
    const quoted = await nextToast(page, () => clickPart(page, 'request-button'));
    assert.equal(quoted, FR.quoteRequested);

    await openDemo(page, site.url, 'account=acc-expiring&lang=fr');
    const extended = await nextToast(page, () => clickPart(page, 'extend-button'));
    assert.match(extended, /^Protection prolongée jusqu’au \d{1,2} \S+ \d{4}$/);

    // The host's listener with the event the register form sends on a rejection (docs/events.md).
    const rejected = await nextToast(page, () =>
      page.evaluate(() =>
        document.querySelector('dealreg-panel').dispatchEvent(
          new CustomEvent('dealreg-registered', {
            bubbles: true,
            composed: true,
            detail: {
              accountId: 'acc-conflict',
              registration: { status: 'rejected', reasons: ['already-protected', 'not-eligible'] },
            },
          }),
        ),
      ),
    );
    assert.equal(
      rejected,
      `Déclaration refusée : ${FR.rejectionReasons['already-protected']} ; ${FR.rejectionReasons['not-eligible']}`,
    );
    for (const text of [quoted, extended, rejected]) {
      assert.doesNotMatch(text, MACHINE_CODE);
      assert.doesNotMatch(text, ENGLISH_WORDS);
    }
  });

  it('no uncaught error on any of those pages', async () => {
    const { pageErrors } = await problems.collect();
    assert.deepEqual(pageErrors, []);
  });
});
