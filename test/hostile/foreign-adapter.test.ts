// Hostile world: a third-party adapter (the point of "pluggable") that breaks its promises: wrong
// types, nulls in arrays, missing fields, errors that are not DealRegErrors, no promise, no answer
// at all, hostile strings. The elements check every answer at their boundary: an error panel with
// Retry and exactly one `dealreg-error` (or a correct render when the value still fits the
// contract), never an uncaught exception, never anything rendered from the bad value.
import { expect } from '@open-wc/testing';
import { createMockBackend } from '../../mocks/index.ts';
import { createMemoryAdapter } from '../../mocks/core/memory-adapter.ts';
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { AccountOverview } from '../../src/domain/types.ts';
import { DealRegError } from '../../src/errors.ts';
import '../../widgets/index.ts';
import type { DealRegErrorEvent } from '../../widgets/index.ts';
import { configureDealReg, resetDealRegConfig } from '../../widgets/element/config.ts';
import { deepQuery } from '../support/deep-dom.ts';
import type { AdapterMethod } from '../support/counting-adapter.ts';
import { VirtualClock, drain } from '../support/virtual-clock.ts';
import type { Json } from './corrupt.ts';
import { deepElements, deepText, findButton, mount, settled, unmount, until, watchTrouble } from './helpers.ts';
import type { DealRegHost } from './helpers.ts';

declare global {
  interface Window {
    __pwned?: string[];
  }
}

const TOKEN = 'demo-alpha';
/** Put in the bad values: if it ever shows on screen, something was rendered from them. */
const MARKER = 'MARKER-should-never-show';

type Fn = (...args: unknown[]) => unknown;

/** A third-party adapter: the real one for what is not overridden, `overrides` for the rest. */
function foreign(
  overrides: Partial<Record<AdapterMethod, Fn>>,
  core = createMockBackend({ quoteDecisionDelayMs: 3_600_000 }),
): DealRegAdapter {
  return { ...createMemoryAdapter(core, { token: TOKEN }), ...overrides } as DealRegAdapter;
}

async function validOverview(accountId: string): Promise<Json> {
  const result = await createMockBackend().getAccountOverview(TOKEN, accountId);
  if (!result.ok) throw new Error(`the mock does not serve ${accountId}`);
  return JSON.parse(JSON.stringify(result.body)) as Json;
}

/** A valid overview of `accountId`, changed by `edit` (which gets a fresh copy). */
async function overviewWith(accountId: string, edit: (doc: Record<string, unknown>) => void): Promise<unknown> {
  const doc = (await validOverview(accountId)) as Record<string, unknown>;
  (doc['account'] as Record<string, unknown>)['name'] = MARKER;
  edit(doc);
  return doc;
}

interface Watched {
  el: DealRegHost;
  events: DealRegErrorEvent[];
}

function mountWatched(tag: string, adapter: DealRegAdapter, attributes: Record<string, string>): Watched {
  const el = mount(tag, adapter, { locale: 'en', ...attributes });
  const events: DealRegErrorEvent[] = [];
  el.addEventListener('dealreg-error', (e) => events.push(e));
  return { el, events };
}

/** The panel shows the error in words with Retry, and the host heard it once. */
async function expectErrorPanel({ el, events }: Watched, code: string, operation = 'load-overview'): Promise<void> {
  await until(() => settled(el) && deepQuery(el, '[part~="error"]') !== undefined, `the error state (${code})`);
  await drain();
  expect(deepQuery(el, '[part~="error"]')!.dataset['code'], 'the error code shown').to.equal(code);
  expect(findButton(el, /retry/i), 'a Retry button').to.exist;
  expect(
    events.map((e) => [e.detail.operation, e.detail.error.code]),
    'exactly one dealreg-error',
  ).to.deep.equal([[operation, code]]);
  expect(events[0]!.detail.error).to.be.instanceOf(DealRegError);
  expect(deepText(el), 'nothing rendered from the bad value').not.to.include(MARKER);
  await expect(el).to.be.accessible();
}

describe('hostile world: a foreign adapter that breaks its promises', function () {
  this.timeout(30_000);

  afterEach(() => resetDealRegConfig());

  it('the reported case: { account: 7, opportunities: "none", registrations: [null] } is an error panel with Retry; Retry recovers once the adapter is fixed', async () => {
    const trouble = watchTrouble();
    let fixed = false;
    const good = await validOverview('acc-protected');
    const adapter = foreign({
      getAccountOverview: () =>
        Promise.resolve(fixed ? structuredClone(good) : { account: 7, opportunities: 'none', registrations: [null] }),
    });
    const watched = mountWatched('dealreg-panel', adapter, { 'account-id': 'acc-protected' });
    try {
      await expectErrorPanel(watched, 'invalid-response');
      expect(watched.events[0]!.detail.error.detail).to.match(/account overview/);
      fixed = true;
      findButton(watched.el, /retry/i)!.click();
      const name = (good as unknown as AccountOverview).account.name;
      await until(() => settled(watched.el) && deepText(watched.el).includes(name), 'the account after Retry');
      expect(deepQuery(watched.el, '[part~="error"]'), 'the error is gone').to.equal(undefined);
      expect(watched.events, 'no further dealreg-error').to.have.length(1);
    } finally {
      unmount(watched.el);
      trouble.stop();
    }
    expect(trouble.all()).to.deep.equal([]);
  });

  it('an overview that fits the contract but not the calendar (a dormancy of 1e302 months): the part that cannot compute it says so, with Retry, once', async () => {
    const trouble = watchTrouble();
    let fixed = false;
    const good = await validOverview('acc-nextgen');
    const absurd = structuredClone(good) as unknown as AccountOverview;
    for (const ruleSet of absurd.program.ruleSets) ruleSet.dormancyMonths = 1e302;
    const adapter = foreign({ getAccountOverview: () => Promise.resolve(structuredClone(fixed ? good : absurd)) });
    const { el, events } = mountWatched('dealreg-panel', adapter, { 'account-id': 'acc-nextgen' });
    try {
      await until(() => settled(el) && deepQuery(el, '[part~="error"]') !== undefined, 'the error state');
      await drain();
      const eligibility = deepQuery(el, 'dealreg-eligibility')!;
      expect(deepQuery(eligibility, '[part~="error"]')!.dataset['code'], 'the eligibility section says it').to.equal(
        'invalid-response',
      );
      expect(findButton(eligibility, /retry/i), 'with Retry').to.exist;
      expect(
        events.map((e) => [e.detail.operation, e.detail.error.code]),
        'exactly one dealreg-error',
      ).to.deep.equal([['load-overview', 'invalid-response']]);
      await expect(el).to.be.accessible();
      fixed = true;
      findButton(eligibility, /retry/i)!.click();
      await until(
        () => settled(el) && deepQuery(el, '[part~="error"]') === undefined && /qualif/i.test(deepText(eligibility)),
        'eligibility after Retry',
      );
      expect(events, 'no further dealreg-error').to.have.length(1);
    } finally {
      unmount(el);
      trouble.stop();
    }
    expect(trouble.all()).to.deep.equal([]);
  });

  describe('overviews that do not fit the contract', () => {
    const cases: Array<[string, () => Promise<unknown>]> = [
      ['null', () => Promise.resolve(null)],
      ['undefined', () => Promise.resolve(undefined)],
      ['a string', () => Promise.resolve(MARKER)],
      ['a number', () => Promise.resolve(42)],
      ['an array', () => Promise.resolve([MARKER])],
      ['an empty object', () => Promise.resolve({})],
      ['opportunities: [null]', () => overviewWith('acc-protected', (d) => (d['opportunities'] = [null]))],
      [
        'registrations: [null] among real ones',
        () => overviewWith('acc-protected', (d) => (d['registrations'] as unknown[]).push(null)),
      ],
      ['installedBase: [undefined]', () => overviewWith('acc-installed', (d) => (d['installedBase'] = [undefined]))],
      ['quotes: "none"', () => overviewWith('acc-quoted', (d) => (d['quotes'] = 'none'))],
      ['no asOf', () => overviewWith('acc-protected', (d) => delete d['asOf'])],
      ['no program', () => overviewWith('acc-protected', (d) => delete d['program'])],
      [
        'an amount of Infinity',
        () =>
          overviewWith(
            'acc-protected',
            (d) => ((d['opportunities'] as Array<{ amount: { value: number } }>)[0]!.amount.value = Infinity),
          ),
      ],
      [
        'a registration status nobody knows',
        () =>
          overviewWith(
            'acc-protected',
            (d) => ((d['registrations'] as Array<Record<string, unknown>>)[0]!['status'] = `<b>${MARKER}</b>`),
          ),
      ],
      [
        'an opportunity id that is an object',
        () =>
          overviewWith(
            'acc-nextgen',
            (d) => ((d['opportunities'] as Array<Record<string, unknown>>)[0]!['id'] = { toString: () => MARKER }),
          ),
      ],
      [
        'a getter that throws',
        () =>
          overviewWith('acc-protected', (d) =>
            Object.defineProperty(d, 'asOf', {
              get() {
                throw new Error(`secret ${MARKER}`);
              },
            }),
          ),
      ],
      [
        'a Proxy that throws on every read (but `then`)',
        () =>
          Promise.resolve(
            new Proxy(
              {},
              {
                get(_, key) {
                  if (key === 'then') return undefined;
                  throw new TypeError(`secret ${MARKER}`);
                },
              },
            ),
          ),
      ],
    ];
    for (const [name, answer] of cases) {
      it(`${name}: error panel with Retry, one dealreg-error, nothing rendered`, async () => {
        const trouble = watchTrouble();
        const watched = mountWatched('dealreg-panel', foreign({ getAccountOverview: answer }), { 'account-id': 'acc-protected' });
        try {
          await expectErrorPanel(watched, 'invalid-response');
          expect(watched.events[0]!.detail.error.message, 'no secret from a getter').not.to.include('secret');
        } finally {
          unmount(watched.el);
          trouble.stop();
        }
        expect(trouble.all()).to.deep.equal([]);
      });
    }
  });

  describe('adapters that break the calling convention', () => {
    const secret = 'Bearer sk-live-secret-token';
    const cases: Array<[string, DealRegAdapter | (() => Promise<DealRegAdapter>), string]> = [
      [
        'throws synchronously (its message carries a secret)',
        foreign({
          getAccountOverview: () => {
            throw new TypeError(`Cannot read properties of null, ${secret}`);
          },
        }),
        'unknown',
      ],
      ['rejects with a string', foreign({ getAccountOverview: () => Promise.reject(secret) }), 'unknown'],
      [
        'rejects with a plain object',
        foreign({ getAccountOverview: () => Promise.reject({ code: 'not-found', secret }) }),
        'unknown',
      ],
      [
        'resolves a plain value, not a promise, that is junk',
        foreign({ getAccountOverview: () => ({ account: MARKER }) }),
        'invalid-response',
      ],
      ['returns nothing', foreign({ getAccountOverview: () => undefined }), 'invalid-response'],
      ['has no getAccountOverview', foreign({ getAccountOverview: undefined as unknown as Fn }), 'unknown'],
      ['is not an object at all (42)', 42 as unknown as DealRegAdapter, 'unknown'],
      [
        "rejects with another library copy's DealRegError",
        foreign({
          getAccountOverview: () => {
            class DealRegError extends Error {
              readonly code = 'not-found';
              readonly retryable = false;
              constructor() {
                super('not-found');
                this.name = 'DealRegError';
              }
            }
            return Promise.reject(new DealRegError());
          },
        }),
        'not-found',
      ],
    ];
    for (const [name, adapter, code] of cases) {
      it(`${name}: a typed ${code} error panel with Retry, one dealreg-error, no secret`, async () => {
        const trouble = watchTrouble();
        const watched = mountWatched('dealreg-panel', typeof adapter === 'function' ? await adapter() : adapter, {
          'account-id': 'acc-protected',
        });
        try {
          await expectErrorPanel(watched, code);
          const error = watched.events[0]!.detail.error;
          expect(
            `${error.message} ${error.detail ?? ''} ${String(error.cause ?? '')}`,
            'the foreign message is not passed on',
          ).not.to.include('secret');
        } finally {
          unmount(watched.el);
          trouble.stop();
        }
        expect(trouble.all()).to.deep.equal([]);
      });
    }

    it('a plain value (not a promise) that fits the contract, and a thenable, render like a promise would', async () => {
      const trouble = watchTrouble();
      const good = await validOverview('acc-protected');
      const name = (good as unknown as AccountOverview).account.name;
      const plain = mountWatched('dealreg-panel', foreign({ getAccountOverview: () => structuredClone(good) }), {
        'account-id': 'acc-protected',
      });
      const thenable = mountWatched(
        'dealreg-panel',
        foreign({ getAccountOverview: () => ({ then: (resolve: (v: unknown) => void) => resolve(structuredClone(good)) }) }),
        { 'account-id': 'acc-protected' },
      );
      try {
        for (const { el, events } of [plain, thenable]) {
          await until(() => settled(el) && deepText(el).includes(name), 'the account');
          expect(events).to.deep.equal([]);
        }
      } finally {
        unmount(plain.el);
        unmount(thenable.el);
        trouble.stop();
      }
      expect(trouble.all()).to.deep.equal([]);
    });

    it('never settles (and ignores its signal): the call deadline turns it into a timeout with Retry; removing the panel stays silent', async () => {
      const trouble = watchTrouble();
      const clock = new VirtualClock();
      configureDealReg({ sleep: clock.sleep, callDeadlineMs: 30_000 });
      const never = foreign({ getAccountOverview: () => new Promise(() => undefined) });
      const watched = mountWatched('dealreg-panel', never, { 'account-id': 'acc-protected' });
      const second = mountWatched('dealreg-panel', foreign({ getAccountOverview: () => new Promise(() => undefined) }), {
        'account-id': 'acc-protected',
      });
      try {
        await until(() => clock.pending === 2, 'both loads waiting');
        unmount(second.el);
        await clock.advance(29_999);
        expect(deepQuery(watched.el, '[part~="error"]'), 'still waiting before the deadline').to.equal(undefined);
        await clock.advance(1);
        await expectErrorPanel(watched, 'timeout');
        expect(second.events, 'the removed panel says nothing').to.deep.equal([]);
        expect(clock.pending, 'no deadline left running').to.equal(0);
      } finally {
        unmount(watched.el);
        trouble.stop();
      }
      expect(trouble.all()).to.deep.equal([]);
    });
  });

  describe('mutations answered with junk', () => {
    it('a quote request answered { id: null }: the quote button shows the error with Retry, one dealreg-error', async () => {
      const trouble = watchTrouble();
      const adapter = foreign({ requestQuote: () => Promise.resolve({ id: null, status: MARKER }) });
      const watched = mountWatched('dealreg-panel', adapter, { 'account-id': 'acc-protected' });
      try {
        await until(
          () => settled(watched.el) && findButton(watched.el, /request quote/i) !== undefined,
          'the "Request quote" button',
        );
        findButton(watched.el, /request quote/i)!.click();
        await expectErrorPanel(watched, 'invalid-response', 'request-quote');
        expect(deepText(watched.el)).not.to.match(/quote requested/i);
      } finally {
        unmount(watched.el);
        trouble.stop();
      }
      expect(trouble.all()).to.deep.equal([]);
    });

    it('a poll answered with an array: the quote button stops following, says so with Retry, one dealreg-error', async () => {
      const trouble = watchTrouble();
      const clock = new VirtualClock();
      configureDealReg({ sleep: clock.sleep });
      const adapter = foreign({ getQuote: () => Promise.resolve([MARKER]) });
      const watched = mountWatched('dealreg-panel', adapter, { 'account-id': 'acc-protected' });
      try {
        await until(
          () => settled(watched.el) && findButton(watched.el, /request quote/i) !== undefined,
          'the "Request quote" button',
        );
        findButton(watched.el, /request quote/i)!.click();
        await until(() => /quote requested/i.test(deepText(watched.el)), 'the submitted quote');
        await clock.advance(1000);
        await expectErrorPanel(watched, 'invalid-response', 'follow-quote');
      } finally {
        unmount(watched.el);
        trouble.stop();
      }
      expect(trouble.all()).to.deep.equal([]);
    });

    it('a registration answered without an id: the form says so, one dealreg-error, no outcome shown', async () => {
      const trouble = watchTrouble();
      const adapter = foreign({ registerOpportunity: () => Promise.resolve({ status: 'approved', opportunityId: MARKER }) });
      const watched = mountWatched('dealreg-register-form', adapter, { 'account-id': 'acc-nextgen' });
      const form = watched.el as DealRegHost & { show(): Promise<void> };
      try {
        await until(() => settled(form) && findButton(form, /register opportunity/i) !== undefined, 'the form');
        await form.show();
        const select = form.shadowRoot!.querySelector('select')!;
        await until(() => select.options.length > 1, 'the opportunities');
        select.value = select.options[1]!.value;
        select.dispatchEvent(new Event('change'));
        form.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
        await drain();
        findButton(form, /submit registration/i)!.click();
        await until(() => watched.events.length > 0 && settled(form), 'the failure');
        await drain();
        expect(watched.events.map((e) => [e.detail.operation, e.detail.error.code])).to.deep.equal([
          ['register', 'invalid-response'],
        ]);
        expect(deepQuery(form, '[part~="error"]')!.dataset['code']).to.equal('invalid-response');
        expect(deepText(form)).not.to.include(MARKER);
        expect(deepText(deepQuery(form, '[part~="outcome"]')!).trim(), 'no outcome').to.equal('');
      } finally {
        unmount(form);
        trouble.stop();
      }
      expect(trouble.all()).to.deep.equal([]);
    });

    it('an extension answered with a string: the row says so, one dealreg-error', async () => {
      const trouble = watchTrouble();
      const adapter = foreign({ requestExtension: () => Promise.resolve(MARKER) });
      const watched = mountWatched('dealreg-panel', adapter, { 'account-id': 'acc-expiring' });
      try {
        await until(
          () => settled(watched.el) && findButton(watched.el, /extend protection/i) !== undefined,
          'the "Extend protection" button',
        );
        findButton(watched.el, /extend protection/i)!.click();
        await until(() => watched.events.length > 0 && settled(watched.el), 'the failure');
        await drain();
        expect(watched.events.map((e) => [e.detail.operation, e.detail.error.code])).to.deep.equal([
          ['extend', 'invalid-response'],
        ]);
        expect(deepText(watched.el)).to.match(/could not read/i);
        expect(deepText(watched.el)).not.to.include(MARKER);
      } finally {
        unmount(watched.el);
        trouble.stop();
      }
      expect(trouble.all()).to.deep.equal([]);
    });
  });

  describe('hostile strings that still fit the contract are shown as text', () => {
    const ATTACKS = [
      `<img src=x onerror="(window.__pwned=window.__pwned||[]).push('img')">`,
      `"><script>(window.__pwned=window.__pwned||[]).push('script')</script>`,
      `<svg onload="(window.__pwned=window.__pwned||[]).push('svg')"></svg>`,
      `\u202Egnp.exe\u202C \u200B\u200D\uFEFF zero-width and right-to-left \u05E9\u05DC\u05D5\u05DD`,
    ];

    it('script and HTML injection, right-to-left overrides and zero-width characters, and a 1 MB name', async function () {
      this.timeout(90_000); // a 1 MB line is laid out in several places; slow on a loaded machine
      window.__pwned = [];
      const trouble = watchTrouble();
      // 1 MB of markup-looking text. (Emoji are kept to 200: headless Chromium here needs minutes to
      // lay out 100,000 of them on one line, whoever renders them.)
      const huge = `HUGE-${'<b>&amp;</b>'.repeat(100_000)}${'\u{1F4A5}'.repeat(200)}`;
      const doc = (await validOverview('acc-protected')) as unknown as AccountOverview;
      doc.account.name = ATTACKS[0]!;
      doc.opportunities.forEach((o, i) => (o.name = i === 0 ? huge : ATTACKS[(i + 1) % ATTACKS.length]!));
      const watched = mountWatched(
        'dealreg-panel',
        foreign({ getAccountOverview: () => Promise.resolve(structuredClone(doc)) }),
        {
          'account-id': 'acc-protected',
        },
      );
      try {
        await until(() => settled(watched.el) && deepText(watched.el).includes('HUGE-'), 'the hostile account', 60_000);
        findButton(watched.el, /register opportunity/i)?.click();
        await until(() => settled(watched.el), 'the register form', 60_000);
        // No wait for an injected handler to fire: below, no element that could carry one exists at all
        // (no img, script, iframe, foreign svg or on* attribute), so none can fire later either.
        const text = deepText(watched.el);
        expect(text).to.include(ATTACKS[0]!.replace(/[ \t\n\r]+/g, ' '));
        expect(text).to.include(huge);
        for (const attack of ATTACKS.slice(1)) {
          if (doc.opportunities.some((o) => o.name === attack)) expect(text).to.include(attack.replace(/[ \t\n\r]+/g, ' '));
        }
        // The only svg allowed is the elements' own decorative icon (an .icon > svg.glyph, see icons.ts).
        const ownIcon = (el: Element): boolean => el.matches('.icon > svg.glyph[aria-hidden="true"]');
        const dangerous = deepElements(watched.el).filter(
          (el) =>
            ['img', 'script', 'iframe'].includes(el.localName) ||
            (el.localName === 'svg' && !ownIcon(el)) ||
            Array.from(el.attributes).some((a) => a.name.startsWith('on')),
        );
        expect(dangerous.map((el) => el.outerHTML.slice(0, 80))).to.deep.equal([]);
        expect(window.__pwned).to.deep.equal([]);
        expect(watched.events).to.deep.equal([]);
      } finally {
        unmount(watched.el);
        trouble.stop();
      }
      expect(trouble.all()).to.deep.equal([]);
    });
  });
});
