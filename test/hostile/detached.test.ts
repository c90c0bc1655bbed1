// Hostile world: a host page that removes an element while one of its calls is in flight (a CRM
// navigating away, a framework unmounting a view). Removed means inert: no adapter call in the
// next second (nor the next minute), no timer, no subscription to the shared overview; putting the
// element back resumes it. Time is a virtual clock (configureDealReg({ sleep })): "the next
// second" is advanced, not waited, and every timer the elements use is on it.
import { expect } from '@open-wc/testing';
import { createMockBackend } from '../../mocks/index.ts';
import { createMemoryAdapter } from '../../mocks/core/memory-adapter.ts';
import type { DealRegAdapter } from '../../src/adapter.ts';
import '../../widgets/index.ts';
import { overviewStoreFor } from '../../widgets/index.ts';
import { configureDealReg, resetDealRegConfig } from '../../widgets/element/config.ts';
import type { AdapterMethod, CountingAdapter } from '../support/counting-adapter.ts';
import { VirtualClock, drain } from '../support/virtual-clock.ts';
import { counting, deepText, findButton, mount, settled, unmount, until, untilAborted, watchTrouble } from './helpers.ts';
import type { DealRegHost, Trouble } from './helpers.ts';

const TOKEN = 'demo-alpha';

/** The memory adapter on a fresh mock (quotes stay `submitted`), counted, with `hanging` never answering. */
function adapterWith(hanging?: AdapterMethod): CountingAdapter {
  const real = createMemoryAdapter(createMockBackend({ quoteDecisionDelayMs: 3_600_000 }), { token: TOKEN });
  const adapter: DealRegAdapter = hanging
    ? { ...real, [hanging]: (_: unknown, o?: { signal?: AbortSignal }) => untilAborted(o?.signal) }
    : real;
  return counting(adapter);
}

function total(adapter: CountingAdapter): number {
  return Object.values(adapter.calls).reduce((a, b) => a + b, 0);
}

describe('hostile world: a removed element is inert', function () {
  this.timeout(20_000);

  let clock: VirtualClock;
  let trouble: Trouble;
  beforeEach(() => {
    clock = new VirtualClock();
    configureDealReg({ sleep: clock.sleep });
    trouble = watchTrouble();
  });
  afterEach(() => {
    trouble.stop();
    resetDealRegConfig();
  });

  /**
   * Removes `el` (its box, or only the element), then: nothing called in the next second nor the
   * next minute, nothing held, the call in flight aborted.
   */
  async function removeInert(
    el: DealRegHost,
    adapter: CountingAdapter,
    {
      accountId,
      what,
      inFlight,
      keepBox = false,
    }: { accountId: string; what: string; inFlight?: AdapterMethod; keepBox?: boolean },
  ): Promise<void> {
    const before = total(adapter);
    if (keepBox) el.remove();
    else unmount(el);
    await clock.advance(1000);
    expect(total(adapter), `adapter calls in the second after removing ${what}`).to.equal(before);
    // What else could wake it: the store's reload when the browser is back online.
    window.dispatchEvent(new Event('online'));
    await clock.advance(60_000); // past the longest polling delay (10 s)
    expect(total(adapter), `adapter calls in the minute after removing ${what}`).to.equal(before);
    expect(clock.pending, 'timers still held (polling, call deadlines)').to.equal(0);
    expect(overviewStoreFor(adapter).snapshot(accountId).status, 'the shared overview still subscribed').to.equal('idle');
    if (inFlight) {
      const signals = adapter.signals[inFlight];
      expect(signals.length > 0 && signals.every((s) => s?.aborted), `the ${inFlight} in flight is aborted`).to.equal(true);
    }
    expect(trouble.all()).to.deep.equal([]);
  }

  async function panelOn(accountId: string, adapter: DealRegAdapter): Promise<DealRegHost> {
    const panel = mount('dealreg-panel', adapter, { 'account-id': accountId, locale: 'en' });
    await until(() => settled(panel) && deepText(panel).includes('Deal registration'), `the panel of ${accountId}`);
    return panel;
  }

  it('removed while the overview loads', async () => {
    const adapter = adapterWith('getAccountOverview');
    const panel = mount('dealreg-panel', adapter, { 'account-id': 'acc-nextgen', locale: 'en' });
    await until(() => adapter.calls.getAccountOverview === 1, 'the overview request');
    await removeInert(panel, adapter, { accountId: 'acc-nextgen', what: 'the loading panel', inFlight: 'getAccountOverview' });
  });

  it('removed while a registration is sent', async () => {
    const adapter = adapterWith('registerOpportunity');
    const form = mount('dealreg-register-form', adapter, { 'account-id': 'acc-nextgen', locale: 'en' }) as DealRegHost & {
      show(): Promise<void>;
    };
    await until(() => settled(form) && findButton(form, /register opportunity/i) !== undefined, 'the form');
    await form.show();
    const select = form.shadowRoot!.querySelector('select')!;
    await until(() => select.options.length > 1, 'the opportunities');
    select.value = select.options[1]!.value;
    select.dispatchEvent(new Event('change'));
    form.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    await drain();
    findButton(form, /submit registration/i)!.click();
    await until(() => adapter.calls.registerOpportunity === 1, 'the registration request');
    await removeInert(form, adapter, {
      accountId: 'acc-nextgen',
      what: 'the form mid-registration',
      inFlight: 'registerOpportunity',
    });
  });

  it('removed while a quote request is in flight (the reported case)', async () => {
    const adapter = adapterWith('requestQuote');
    const panel = await panelOn('acc-protected', adapter);
    await until(() => findButton(panel, /request quote/i) !== undefined, 'the "Request quote" button');
    findButton(panel, /request quote/i)!.click();
    await until(() => adapter.calls.requestQuote === 1, 'the quote request');
    await removeInert(panel, adapter, {
      accountId: 'acc-protected',
      what: 'the panel mid-quote-request',
      inFlight: 'requestQuote',
    });
  });

  it('removed while the quote is polled (a poll in flight)', async () => {
    const adapter = adapterWith('getQuote');
    const panel = await panelOn('acc-protected', adapter);
    await until(() => findButton(panel, /request quote/i) !== undefined, 'the "Request quote" button');
    findButton(panel, /request quote/i)!.click();
    await until(() => /quote requested/i.test(deepText(panel)), 'the submitted quote');
    await clock.advance(1000); // the first polling delay
    expect(adapter.calls.getQuote, 'a poll in flight').to.equal(1);
    await removeInert(panel, adapter, { accountId: 'acc-protected', what: 'the panel mid-poll', inFlight: 'getQuote' });
  });

  it('removed between two polls, then put back: polling resumes', async () => {
    const adapter = adapterWith();
    const panel = await panelOn('acc-protected', adapter);
    const box = panel.parentElement!;
    await until(() => findButton(panel, /request quote/i) !== undefined, 'the "Request quote" button');
    findButton(panel, /request quote/i)!.click();
    await until(() => /quote requested/i.test(deepText(panel)), 'the submitted quote');
    await clock.advance(1000);
    await until(() => adapter.calls.getQuote === 1, 'the first poll');
    await drain();
    expect(clock.pending, 'asleep between two polls').to.equal(1);
    await removeInert(panel, adapter, { accountId: 'acc-protected', what: 'the panel between polls', keepBox: true });

    const before = { overview: adapter.calls.getAccountOverview, polls: adapter.calls.getQuote };
    box.append(panel);
    await until(() => adapter.calls.getAccountOverview === before.overview + 1, 'the overview loaded again');
    await until(() => settled(panel) && /quote requested/i.test(deepText(panel)), 'the submitted quote shown again');
    await clock.advance(1000);
    await until(() => adapter.calls.getQuote > before.polls, 'polling again');
    await removeInert(panel, adapter, { accountId: 'acc-protected', what: 'the panel put back and removed again' });
  });

  it('removed while an extension is requested', async () => {
    const adapter = adapterWith('requestExtension');
    const panel = await panelOn('acc-expiring', adapter);
    await until(() => findButton(panel, /extend protection/i) !== undefined, 'the "Extend protection" button');
    findButton(panel, /extend protection/i)!.click();
    await until(() => adapter.calls.requestExtension === 1, 'the extension request');
    await removeInert(panel, adapter, {
      accountId: 'acc-expiring',
      what: 'the panel mid-extension',
      inFlight: 'requestExtension',
    });
  });

  it('removed while "Show more" fetches the next page', async () => {
    const real = createMemoryAdapter(createMockBackend({ quoteDecisionDelayMs: 3_600_000 }), { token: TOKEN });
    const adapter = counting({ ...real, getOpportunities: (_id, _cursor, o) => untilAborted(o?.signal) });
    const panel = await panelOn('acc-large', adapter);
    findButton(panel, /show 25 more/i)!.click();
    await until(() => adapter.calls.getOpportunities === 1, 'the page request');
    await removeInert(panel, adapter, { accountId: 'acc-large', what: 'the panel mid-page', inFlight: 'getOpportunities' });
  });

  it('account-id and adapter set on a removed panel start nothing; putting it back loads them', async () => {
    const first = adapterWith();
    const panel = await panelOn('acc-nextgen', first);
    const box = panel.parentElement!;
    await removeInert(panel, first, { accountId: 'acc-nextgen', what: 'the panel', keepBox: true });
    const firstCalls = total(first);

    const second = adapterWith();
    panel.setAttribute('account-id', 'acc-protected');
    panel.adapter = second;
    (panel as DealRegHost & { accountId: string }).accountId = 'acc-installed';
    await drain();
    await clock.advance(1000);
    expect(total(first), 'calls on the old adapter while removed').to.equal(firstCalls);
    expect(total(second), 'calls on the new adapter while removed').to.equal(0);
    expect(trouble.all()).to.deep.equal([]);

    box.append(panel);
    await until(() => settled(panel) && deepText(panel).includes('Deal registration'), 'the panel put back');
    expect(second.accounts, 'one load, of the account set while removed').to.deep.equal(['acc-installed']);
    await removeInert(panel, second, { accountId: 'acc-installed', what: 'the panel put back' });
  });
});
