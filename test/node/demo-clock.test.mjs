// The demo's clock: moving the Clock control to a date and opening a link (or reloading) with
// ?clock= at that date show the same thing. The seeded records stay dated from the demo's default
// date; the clock only moves "today" (issue 12: a link showed "60 days left" where the control
// showed "Expiring soon, 5 days left").
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchChromium, openWatchedPage } from './browser.mjs';
import { openDemo, readPage, settle, startDemoSite } from '../../scripts/demo-site.mjs';

/** How the page writes a date (the record's "Server clock" and the panel's dates), in English. */
const shown = (isoDate) =>
  new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate}T12:00:00Z`));

const CASES = [
  // 55 days after 2017-02-14: the 60-day protection has 5 days left.
  { account: 'acc-protected', clock: '2017-04-10', expect: [/Expiring soon/, /5 days left/] },
  { account: 'acc-protected', clock: '2017-03-01', expect: [/45 days left/] },
  { account: 'acc-expiring', clock: '2017-02-17', expect: [/2 days left/] },
  { account: 'acc-quoted', clock: '2017-03-10', expect: [/Net price/] },
  // Before the installed-base extension: the hint names the coming rule, from control and link alike.
  {
    account: 'acc-installed',
    clock: '2017-01-20',
    expect: [/Not eligible · add a/, /Eligible from Feb 1, 2017/],
  },
  { account: 'acc-conflict', partner: 'beta', clock: '2017-04-01', expect: [/days left/] },
];

describe('the demo clock: the control and the link agree', { timeout: 300_000 }, () => {
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

  /** Opens the account at the default date, then moves the Clock control as a person would. */
  async function byControl({ account, partner, clock }) {
    const query = new URLSearchParams({ account, ...(partner ? { partner } : {}) });
    await openDemo(page, site.url, query.toString());
    await page.$eval(
      '#ctl-clock',
      (input, value) => {
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      },
      clock,
    );
    await settle(page, { asOf: shown(clock) });
    const link = await page.$eval('#ctl-link', (a) => a.getAttribute('href'));
    return { ...(await readPage(page)), link };
  }

  for (const c of CASES) {
    it(`${c.account}${c.partner ? ` as ${c.partner}` : ''} on ${c.clock}: the link, a reload and the control show the same`, async () => {
      const control = await byControl(c);
      for (const re of c.expect) assert.match(control.text, re, 'the control shows what the scenario promises');
      const query = new URLSearchParams(control.link);
      assert.equal(query.get('clock'), c.clock, "'Link to this scenario' carries the clock");

      const linked = await openDemo(page, site.url, control.link.replace(/^\?/, ''), { asOf: shown(c.clock) });
      assert.equal(linked.text, control.text, 'the link shows exactly what the control showed');
      assert.equal(linked.header, control.header);

      await page.reload();
      await settle(page, { asOf: shown(c.clock) });
      assert.equal((await readPage(page)).text, control.text, 'a reload shows it again');
    });
  }

  it('moving the clock back to the default date drops it from the link and shows the seeded state again', async () => {
    const initial = await openDemo(page, site.url, 'account=acc-protected');
    assert.match(initial.text, /60 days left/);
    for (const date of ['2017-04-10', '2017-02-14']) {
      await page.$eval(
        '#ctl-clock',
        (input, value) => {
          input.value = value;
          input.dispatchEvent(new Event('change', { bubbles: true }));
        },
        date,
      );
      await settle(page, { asOf: shown(date) });
    }
    assert.equal(new URLSearchParams(await page.$eval('#ctl-link', (a) => a.getAttribute('href'))).get('clock'), null);
    assert.equal((await readPage(page)).text, initial.text);
  });

  it('no uncaught error on any of those pages', async () => {
    const { pageErrors } = await problems.collect();
    assert.deepEqual(pageErrors, []);
  });
});
