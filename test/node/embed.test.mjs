// The framed panel across real origins (issue 14): a host page on one origin mounts dist/embed/
// from another with dist/embed.js; the frame reads its config.json, asks the host for the token
// by message and calls the mock REST server on a third port. A host passes its CRM records, and
// the frame's panel gets their valid part. Then hostile pages on a third origin (a sibling frame,
// an opener, a page that frames the panel itself) forge the protocol's messages.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoCrmRecords } from '../../mocks/index.ts';
import { readCrmRecords } from '../../src/schemas/crm-records.ts';
import { assertBuilt, launchChromium } from './browser.mjs';
import { startEmbedSites } from './embed-sites.mjs';

const TIMEOUT = 20_000;
// Interval polling, not requestAnimationFrame: a page that is not in front gets no animation frames.
const WAIT = { timeout: TIMEOUT, polling: 50 };

/**
 * In every document of `page` (frames included), from the first script on: the messages the
 * window receives, the CSP violations, and how many 'message' listeners the page's own code added.
 */
async function instrument(page) {
  await page.evaluateOnNewDocument(() => {
    window.__seen = [];
    window.__cspViolations = [];
    window.__messageListeners = 0; // added by the page's own code (the recorder below is not counted)
    window.addEventListener('message', (e) => window.__seen.push({ origin: e.origin, data: e.data }), true);
    const add = EventTarget.prototype.addEventListener;
    EventTarget.prototype.addEventListener = function (type, ...rest) {
      if (this === window && type === 'message') window.__messageListeners += 1;
      return add.call(this, type, ...rest);
    };
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}

/** Waits until the framed panel (open shadow roots inside the frame) shows every string in `expected`. */
function waitForText(frame, expected) {
  return frame.waitForFunction(
    (strings) => {
      const walk = (node) => {
        let text = '';
        for (const child of (node.shadowRoot ?? node).childNodes) {
          text += child.nodeType === 3 ? child.textContent : child.nodeType === 1 ? ` ${walk(child)}` : '';
        }
        return text;
      };
      const panel = document.querySelector('dealreg-panel');
      const text = panel ? walk(panel).replace(/\s+/g, ' ') : '';
      return strings.every((s) => text.includes(s));
    },
    WAIT,
    expected,
  );
}

/** Waits until the host has sized the frame to its content's height, and returns that height. */
async function waitForFittedHeight(page, frame) {
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    const content = await frame.evaluate(() =>
      Math.ceil(document.getElementById('dealreg-frame').getBoundingClientRect().height),
    );
    const outer = await page.evaluate(() => window.__mounted.frame.getBoundingClientRect().height);
    const scrolls = await frame.evaluate(() => document.documentElement.scrollHeight > document.documentElement.clientHeight);
    if (content > 0 && Math.abs(outer - content) < 1 && !scrolls) return content;
    if (Date.now() > deadline) assert.fail(`frame height ${outer} never fitted its content ${content} (scrollbar: ${scrolls})`);
    await new Promise((resolve) => setTimeout(resolve, 50)); // poll: the frame resizes on its own schedule
  }
}

describe('the framed panel on another origin', { timeout: 180_000 }, () => {
  let sites;
  let browser;

  before(async () => {
    assertBuilt('dist/embed.js', 'dist/embed/index.html', 'dist/embed/config.json');
    sites = await startEmbedSites();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await sites?.close();
  });

  const names = async (accountId) => {
    const result = await sites.core.getAccountOverview(sites.token, accountId);
    assert.equal(result.ok, true);
    return { account: result.body.account.name, opportunities: result.body.opportunities.map((o) => o.name) };
  };
  const frameOf = (page, origin = sites.origins.frame) =>
    page.waitForFrame((f) => f.url().startsWith(origin), { timeout: TIMEOUT });
  const panelState = (frame) =>
    frame.evaluate(() => {
      const panel = document.querySelector('dealreg-panel');
      return (
        panel && {
          accountId: panel.accountId,
          brand: panel.style.getPropertyValue('--dealreg-color-brand'),
          records: panel.records === undefined ? null : panel.records.account.id,
        }
      );
    });
  /** The records property of the frame's panel, as the panel holds it. */
  const panelRecords = (frame) => frame.evaluate(() => document.querySelector('dealreg-panel')?.records ?? null);
  /** Waits until the frame's panel holds records for `accountId` (null: none). */
  const waitForRecordsOf = (frame, accountId) =>
    frame.waitForFunction((id) => (document.querySelector('dealreg-panel')?.records?.account.id ?? null) === id, WAIT, accountId);
  const hostState = (page) =>
    page.evaluate(() => ({
      events: window.__events.length,
      tokenAsks: window.__tokenAsks,
      height: window.__mounted.frame.style.height,
    }));
  /** How many messages from `origin` the window has received so far (`list`: __seen or __received). */
  const countFrom = (context, list, origin) =>
    context.evaluate((l, o) => window[l].filter((m) => m.origin === o).length, list, origin);
  /** Waits until the window has received `n` more messages from `origin` than `base`. */
  const waitForMore = (context, list, origin, base, n) =>
    context.waitForFunction(
      (l, o, atLeast) => window[l].filter((m) => m.origin === o).length >= atLeast,
      WAIT,
      list,
      origin,
      base + n,
    );
  const FORGERIES = 61; // what hostile.js's attack() sends to each window it reaches
  /** Waits until a hostile frame from `origin` has told the page it listens. */
  const hostileReady = (page, origin) =>
    page.waitForFunction(
      (o) => window.__received.some((m) => m.origin === o && m.data === 'dealreg-test:hostile-ready'),
      WAIT,
      origin,
    );
  /** Posts a command to the page's iframe whose src is `url`, or to the mounted frame's window when `url` is null. */
  const tell = (page, url, command) =>
    page.evaluate(
      (u, c) =>
        (u === null
          ? window.__mounted.frame
          : [...document.querySelectorAll('iframe')].find((f) => f.src === u)
        ).contentWindow.postMessage(c, '*'),
      url,
      command,
    );
  /** What a hostile frame (see `tell`) from `origin` has received: asked by message, answered to the page. */
  async function reportOf(page, url, origin) {
    const before = await page.evaluate(
      (o) => window.__received.filter((m) => m.origin === o && m.data?.hostileReport).length,
      origin,
    );
    await tell(page, url, 'dealreg-test:report');
    await page.waitForFunction(
      (o, n) => window.__received.filter((m) => m.origin === o && m.data?.hostileReport).length > n,
      WAIT,
      origin,
      before,
    );
    return page.evaluate(
      (o) => window.__received.filter((m) => m.origin === o && m.data?.hostileReport).at(-1).data.hostileReport,
      origin,
    );
  }

  describe('a host that mounts it', () => {
    let page;
    let frame;
    const requested = [];

    before(async () => {
      page = await browser.newPage();
      await instrument(page);
      page.on('request', (request) => requested.push(request.url()));
      await page.goto(sites.hostUrl('acc-protected'));
      frame = await frameOf(page);
    });

    after(() => page?.close());

    it('shows the panel for the account it asked for, in a frame sized to its content, under strict CSPs', async () => {
      const expected = await names('acc-protected');
      await waitForText(frame, [expected.account, ...expected.opportunities.slice(0, 3), 'Request quote']);
      assert.equal((await panelState(frame)).accountId, 'acc-protected');
      await waitForFittedHeight(page, frame);
      assert.deepEqual(
        await panelState(frame),
        { accountId: 'acc-protected', brand: '#12355b', records: null },
        'the theme token is applied',
      );
      assert.equal(
        await frame.evaluate(() => document.querySelector('dealreg-panel').style.getPropertyValue('color')),
        '',
        'a non --dealreg-* name is dropped',
      );
      assert.ok(
        sites.calls.some((c) => c.method === 'getAccountOverview' && c.arg === 'acc-protected' && c.token === sites.token),
        'the API was asked with the host’s token',
      );
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violation on the host');
      assert.deepEqual(await frame.evaluate(() => window.__cspViolations), [], 'no CSP violation in the frame');
    });

    it('a click on "Request quote" inside the frame makes one quote request, and the host hears dealreg-quote-requested once', async () => {
      const clicked = await frame.evaluate(() => {
        const find = (root) => {
          for (const el of root.querySelectorAll('*')) {
            if (el.localName === 'button' && el.textContent.includes('Request quote') && !el.disabled) return el;
            const inner = el.shadowRoot && find(el.shadowRoot);
            if (inner) return inner;
          }
          return null;
        };
        const button = find(document);
        button?.click();
        return button !== null;
      });
      assert.ok(clicked, 'the frame shows an enabled "Request quote" button');
      await page.waitForFunction(() => window.__events.some((e) => e.type === 'dealreg-quote-requested'), WAIT);
      // The button then follows its quote: once the backend is asked for it, the click's work is done.
      const deadline = Date.now() + TIMEOUT;
      while (!sites.calls.some((c) => c.method === 'getQuote') && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      const quoteCalls = sites.calls.filter((c) => c.method === 'requestQuote');
      assert.equal(quoteCalls.length, 1, 'exactly one quote request reached the backend');
      const events = (await page.evaluate(() => window.__events)).filter((e) => e.type === 'dealreg-quote-requested');
      assert.equal(events.length, 1, 'the host heard the event once');
      assert.equal(events[0].detail.registrationId, quoteCalls[0].arg);
      assert.equal(events[0].detail.quote.status, 'submitted');
    });

    it('setAccount switches the account, and the frame’s height follows the content', async () => {
      const first = await waitForFittedHeight(page, frame);
      await page.evaluate(() => window.__mounted.setAccount('acc-large'));
      await waitForText(frame, [(await names('acc-large')).account]);
      const large = await waitForFittedHeight(page, frame);
      assert.ok(large > first, `a large account is taller (${large} > ${first})`);
      await page.evaluate(() => window.__mounted.setAccount('acc-empty'));
      await waitForText(frame, [(await names('acc-empty')).account, 'No opportunities at this account yet.']);
      const empty = await waitForFittedHeight(page, frame);
      assert.ok(empty < large, `an empty account is shorter (${empty} < ${large})`);
      assert.equal((await panelState(frame)).accountId, 'acc-empty');
    });

    it('the token is in no URL, no storage, and no message but the host’s own to its frame', async () => {
      const { token } = sites;
      const urls = [...requested, ...sites.requested, ...page.frames().map((f) => f.url())];
      assert.ok(
        urls.some((u) => u.includes('/api/v1/registrations/')),
        'the frame’s API requests were seen',
      );
      assert.deepEqual(
        urls.filter((u) => u.includes(token)),
        [],
        'no request or frame URL carries the token',
      );
      assert.ok(!(await page.evaluate(() => window.__mounted.frame.src)).includes(token));

      for (const context of [page, frame]) {
        const stored = await context.evaluate(async () => ({
          local: JSON.stringify({ ...localStorage }),
          session: JSON.stringify({ ...sessionStorage }),
          databases: (await indexedDB.databases()).map((d) => d.name),
          caches: await caches.keys(),
          cookie: document.cookie,
        }));
        assert.ok(!JSON.stringify(stored).includes(token), `no storage of ${context.url()} holds the token`);
        assert.deepEqual(stored.databases, [], 'no IndexedDB');
        assert.equal(stored.cookie, '', 'no cookie');
      }
      const cdp = await page.createCDPSession();
      const { cookies } = await cdp.send('Storage.getCookies');
      assert.ok(!JSON.stringify(cookies).includes(token), 'no cookie in the browser holds the token');

      // Who received a message carrying the token: only the frame, only from the host.
      const hostSaw = await page.evaluate(() => window.__seen);
      const frameSaw = await frame.evaluate(() => window.__seen);
      assert.ok(
        hostSaw.every((m) => !JSON.stringify(m.data).includes(token)),
        'the frame never sends the token back',
      );
      const carrying = frameSaw.filter((m) => JSON.stringify(m.data).includes(token));
      assert.ok(carrying.length > 0, 'the frame was given the token');
      assert.ok(carrying.every((m) => m.origin === sites.origins.host && m.data.type === 'token'));
      assert.ok(
        sites.calls.every((c) => c.token === token),
        'every API call carried the host’s token',
      );
    });
  });

  describe('a host that passes its CRM records', () => {
    let page;
    let frame;
    const first = demoCrmRecords('acc-nextgen');
    const second = demoCrmRecords('acc-expiring');

    before(async () => {
      page = await browser.newPage();
      await instrument(page);
      // Mounted with records and no account id: they go with the frame's init, once it is ready.
      await page.goto(sites.recordsUrl(first));
      frame = await frameOf(page);
    });

    after(() => page?.close());

    it('the frame’s panel receives the records the host mounted it with', async () => {
      await waitForRecordsOf(frame, first.account.id);
      assert.deepEqual(await panelRecords(frame), first);
      assert.equal((await panelState(frame)).accountId, '', 'no account id: the records name the account');
    });

    it('setRecords replaces them in the same frame document', async () => {
      await frame.evaluate(() => {
        window.__sameDocument = true;
      });
      await page.evaluate((records) => window.__mounted.setRecords(records), second);
      await waitForRecordsOf(frame, second.account.id);
      assert.deepEqual(await panelRecords(frame), second);
      assert.equal(await frame.evaluate(() => window.__sameDocument), true, 'no reload');
    });

    it('invalid records never reach the panel: the frame keeps the valid part and reports the rest to the host once', async () => {
      const [deal] = first.opportunities;
      const invalid = {
        account: { ...first.account, id: 'crm-acc-invalid', siren: '732829321' },
        opportunities: [
          { ...deal, id: 'crm-opp-valid' },
          { ...deal, id: 'crm-opp-bad-date', closeDate: '2017-02-30' },
          { ...deal, id: 'crm-opp-bad-currency', amount: { value: 10, currency: 'EURO' } },
          deal,
          { ...deal, name: 'the same id twice' },
        ],
      };
      const expected = readCrmRecords(invalid);
      const errorsBefore = await page.evaluate(() => window.__events.filter((e) => e.type === 'dealreg-error').length);
      await page.evaluate((records) => window.__mounted.setRecords(records), invalid);
      await waitForRecordsOf(frame, 'crm-acc-invalid');
      await page.waitForFunction((n) => window.__events.filter((e) => e.type === 'dealreg-error').length > n, WAIT, errorsBefore);
      const held = await panelRecords(frame);
      assert.deepEqual(held, expected.records, 'the panel holds the valid part only');
      assert.equal(held.account.siren, undefined, 'the SIREN that fails its check is not kept');
      assert.deepEqual(
        held.opportunities.map((o) => o.id),
        ['crm-opp-valid'],
        'the bad date, the bad currency and both holders of the duplicated id are left out',
      );
      const reported = (await page.evaluate(() => window.__events)).filter(
        (e) => e.type === 'dealreg-error' && e.detail.error.code === 'invalid-records',
      );
      assert.equal(reported.length, 1, 'one invalid-records error for one set of records');
      assert.equal(reported[0].detail.operation, 'read-records');
      assert.deepEqual(
        reported[0].detail.problems.map((p) => [p.record, p.field]),
        [
          ['account', 'siren'],
          ['crm-opp-bad-date', 'closeDate'],
          ['crm-opp-bad-currency', 'amount.currency'],
          [deal.id, 'id'],
        ],
      );
      assert.deepEqual(reported[0].detail.problems, expected.problems);
    });
  });

  describe('a host that mounts the book', () => {
    let page;
    let frame;

    before(async () => {
      page = await browser.newPage();
      await instrument(page);
      await page.goto(sites.bookUrl());
      frame = await frameOf(page);
    });

    after(() => page?.close());

    /** The frame's first link to a host record of `kind` (Opportunity, Account), through the shadow roots. */
    const recordLink = (kind) =>
      frame.waitForFunction(
        (k) => {
          const find = (root) => {
            for (const el of root.querySelectorAll('*')) {
              if (el.localName === 'a' && el.part.contains('record-link') && el.href.includes(`/crm/${k}/`)) return el;
              const inner = el.shadowRoot && find(el.shadowRoot);
              if (inner) return inner;
            }
            return null;
          };
          return find(document);
        },
        WAIT,
        kind,
      );

    /** A rep's Enter on the link (a trusted key event, focused in the frame: no coordinates to miss). */
    const press = async (link) => {
      await link.asElement().focus();
      await page.keyboard.press('Enter');
    };

    it('shows the partner’s book from the API, in a frame sized to its content, under strict CSPs', async () => {
      await recordLink('Opportunity');
      assert.equal(await frame.evaluate(() => document.querySelector('dealreg-panel')), null, 'no panel');
      assert.ok(
        sites.calls.some((c) => c.method === 'listRegistrations' && c.token === sites.token),
        'the book was asked of the API with the host’s token',
      );
      assert.ok((await waitForFittedHeight(page, frame)) > 300, 'the frame has the book’s height');
      assert.equal(
        await frame.evaluate(() => document.querySelector('dealreg-book').style.getPropertyValue('--dealreg-color-brand')),
        '#12355b',
        'the theme token is applied',
      );
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violation on the host');
      assert.deepEqual(await frame.evaluate(() => window.__cspViolations), [], 'no CSP violation in the frame');
    });

    it('a row clicked in the frame: the frame stays, the host hears the ids, and opens the record itself if it cancels', async () => {
      await page.evaluate(() => {
        window.__cancelOpen = true;
      });
      const frameUrl = frame.url();
      const link = await recordLink('Opportunity');
      const crmId = await link.evaluate((a) => a.href.split('/').at(-2));
      await press(link);
      await page.waitForFunction(() => window.__opened.length === 1, WAIT);
      const [opened] = await page.evaluate(() => window.__opened);
      assert.equal(opened.partnerOpportunityId, crmId);
      assert.equal(opened.href, `${sites.origins.host}/crm/Opportunity/${crmId}/view`);
      assert.equal(frame.url(), frameUrl, 'the frame did not follow the link');
      assert.equal(page.url(), sites.bookUrl(), 'the host did not navigate');
    });

    it('a row clicked in the frame, not cancelled: the top window goes to the host’s record', async () => {
      await page.evaluate(() => {
        window.__cancelOpen = false;
      });
      const link = await recordLink('Account');
      const accountId = await link.evaluate((a) => a.href.split('/').at(-2));
      const navigated = page.waitForNavigation({ timeout: TIMEOUT });
      await press(link);
      await navigated;
      assert.equal(page.url(), `${sites.origins.host}/crm/Account/${accountId}/view`);
    });
  });

  it('the framed-portal example (examples/crm/portal-framed) shows the panel under its own strict CSP and switches accounts in place', async () => {
    const page = await browser.newPage();
    await instrument(page);
    await page.goto(sites.portalUrl('acc-protected'));
    const frame = await frameOf(page);
    await waitForText(frame, [(await names('acc-protected')).account]);
    await frame.evaluate(() => {
      window.__sameDocument = true;
    });
    await page.click('#account-list a[data-account="acc-conflict"]');
    await waitForText(frame, [(await names('acc-conflict')).account]);
    assert.equal(await frame.evaluate(() => window.__sameDocument), true, 'the same frame document: no reload');
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violation in the portal');
    assert.deepEqual(await frame.evaluate(() => window.__cspViolations), [], 'no CSP violation in the frame');
    await page.close();
  });

  it('messages from a third origin change nothing: a hostile sibling frame and a hostile opener', async () => {
    const opener = await browser.newPage();
    await opener.goto(`${sites.origins.hostile}/hostile.html`);
    // The opener opens a blank window first so the test can instrument it, then sends it to the host.
    const popupOpened = new Promise((resolve) => opener.once('popup', resolve));
    assert.ok(await opener.evaluate(() => window.openVictim('about:blank')));
    const popup = await popupOpened;
    await instrument(popup);
    await popup.bringToFront();
    const siblingUrl = `${sites.origins.hostile}/hostile.html`;
    await opener.evaluate(
      (url) => {
        window.__victim.location.href = url;
      },
      sites.hostUrl('acc-protected', siblingUrl),
    );
    const frame = await frameOf(popup);
    await waitForText(frame, [(await names('acc-protected')).account]);
    await waitForFittedHeight(popup, frame);
    await hostileReady(popup, sites.origins.hostile);
    const hostBefore = await hostState(popup);
    const callsBefore = sites.calls.length;
    const hostHeard = await countFrom(popup, '__received', sites.origins.hostile);

    await tell(popup, siblingUrl, 'dealreg-test:attack');
    await opener.evaluate(() => window.attackVictim());
    // Both attacks delivered; the frame's and the host's own listeners ran in the same dispatches.
    await waitForMore(frame, '__seen', sites.origins.hostile, 0, 2 * FORGERIES);
    await waitForMore(popup, '__received', sites.origins.hostile, hostHeard, 2 * FORGERIES);

    assert.deepEqual(
      await panelState(frame),
      { accountId: 'acc-protected', brand: '#12355b', records: null },
      'the frame kept its account and theme, and took no records',
    );
    assert.deepEqual(await hostState(popup), hostBefore, 'the host heard no event, resized nothing, asked no token');
    assert.equal(sites.calls.length, callsBefore, 'no request was made');

    // The next real request still carries the host's token, not the forged one.
    await popup.evaluate(() => window.__mounted.setAccount('acc-expiring'));
    await waitForText(frame, [(await names('acc-expiring')).account]);
    const later = sites.calls.slice(callsBefore);
    assert.ok(later.length > 0 && later.every((c) => c.token === sites.token), 'every later request carried the host’s token');
    const openerReceived = await opener.evaluate(() => JSON.stringify(window.__received));
    const siblingReceived = JSON.stringify(await reportOf(popup, siblingUrl, sites.origins.hostile));
    assert.ok(
      !openerReceived.includes(sites.token) && !siblingReceived.includes(sites.token),
      'no hostile window received the token',
    );
    await popup.close();
    await opener.close();
  });

  it('a sibling from the host’s own origin cannot drive the frame, nor one from the frame’s origin speak for it', async () => {
    const page = await browser.newPage();
    await instrument(page);
    const fromHost = `${sites.origins.host}/hostile.html`;
    const fromFrame = `${sites.origins.frame}/hostile.html`;
    await page.goto(sites.hostUrl('acc-protected', fromHost, fromFrame));
    const frame = await page.waitForFrame((f) => f.url() === `${sites.origins.frame}/index.html`, { timeout: TIMEOUT });
    await waitForText(frame, [(await names('acc-protected')).account]);
    await waitForFittedHeight(page, frame);
    await hostileReady(page, sites.origins.host);
    await hostileReady(page, sites.origins.frame);
    const hostBefore = await hostState(page);
    const callsBefore = sites.calls.length;
    // The real host and frame talk on these origins too: count from where they are now.
    const frameHeardFromHost = await countFrom(frame, '__seen', sites.origins.host);
    const hostHeardFromFrame = await countFrom(page, '__received', sites.origins.frame);

    await tell(page, fromHost, 'dealreg-test:attack');
    await tell(page, fromFrame, 'dealreg-test:attack');
    await waitForMore(frame, '__seen', sites.origins.host, frameHeardFromHost, FORGERIES);
    await waitForMore(page, '__received', sites.origins.frame, hostHeardFromFrame, FORGERIES);

    assert.deepEqual(
      await panelState(frame),
      { accountId: 'acc-protected', brand: '#12355b', records: null },
      'the frame kept its account and theme, and took no records',
    );
    assert.deepEqual(await hostState(page), hostBefore, 'the host heard no event, resized nothing, asked no token');
    assert.equal(sites.calls.length, callsBefore, 'no request was made');
    await page.close();
  });

  it('a page on an origin not in parentOrigins that frames the panel gets nothing from it and cannot drive it', async () => {
    const page = await browser.newPage();
    await instrument(page);
    await page.goto(`${sites.origins.hostile}/hostile.html`);
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      document.body.append(frame);
    }, `${sites.origins.frame}/index.html?any-ancestor`);
    const frame = await frameOf(page);
    // The frame has read its config.json and listens (the channel's listener is the page's only one).
    await frame.waitForFunction(() => window.__messageListeners >= 1, WAIT);
    const callsBefore = sites.calls.length;
    await page.evaluate(() => window.attack(window));
    await waitForMore(frame, '__seen', sites.origins.hostile, 0, FORGERIES);

    assert.equal(await frame.evaluate(() => document.querySelector('dealreg-panel')), null, 'no panel was mounted');
    assert.deepEqual(
      await page.evaluate(() => window.__received),
      [],
      'the frame sent it nothing (not even ready, no token request)',
    );
    assert.equal(sites.calls.length, callsBefore, 'no request was made');
    await page.close();
  });

  it('once its frame has navigated to another origin, the host gives that page no token and takes no event from it', async () => {
    const page = await browser.newPage();
    await instrument(page);
    await page.goto(sites.hostUrl('acc-protected'));
    const frame = await frameOf(page);
    await waitForText(frame, [(await names('acc-protected')).account]);
    await waitForFittedHeight(page, frame);
    const hostBefore = await hostState(page);

    await frame.evaluate((url) => {
      location.href = url;
    }, `${sites.origins.hostile}/hostile.html`);
    await hostileReady(page, sites.origins.hostile);
    const heard = await countFrom(page, '__received', sites.origins.hostile);
    await tell(page, null, 'dealreg-test:attack');
    await waitForMore(page, '__received', sites.origins.hostile, heard, FORGERIES);
    assert.deepEqual(await hostState(page), hostBefore, 'no token asked, no event heard, no resize');

    // The host still speaks only to the frame's origin: its set-account does not reach the intruder,
    // though a message posted right after it does (messages from one window arrive in order).
    await page.evaluate(() => window.__mounted.setAccount('acc-empty'));
    const received = await reportOf(page, null, sites.origins.hostile);
    assert.deepEqual(
      received.filter((m) => m.origin === sites.origins.host),
      [],
      'the intruder got nothing from the host',
    );
    await page.close();
  });
});
