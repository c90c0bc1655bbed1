// Hostile world: a host page that removes the panel while it waits for the backend (a CRM
// navigating away, a tab closed). Its requests are aborted and nothing is logged.
import { expect } from '@open-wc/testing';
import { createMockBackend } from '../../mocks/index.ts';
import { createMemoryAdapter } from '../../mocks/core/memory-adapter.ts';
import type { DealRegAdapter } from '../../src/adapter.ts';
import '../../widgets/index.ts';
import type { ReactiveElement } from 'lit';
import {
  counting,
  deepElements,
  deepText,
  findButton,
  mount,
  settled,
  unmount,
  until,
  untilAborted,
  watchTrouble,
} from './helpers.ts';

const TOKEN = 'demo-alpha';

describe('hostile world: the panel removed mid-request', function () {
  this.timeout(20_000);

  it('removing the panel while its overview loads aborts that request and logs nothing', async () => {
    const trouble = watchTrouble();
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    const slow: DealRegAdapter = {
      ...createMemoryAdapter(createMockBackend(), { token: TOKEN }),
      getAccountOverview: (_id, o) => untilAborted(o?.signal),
    };
    const adapter = counting(slow);
    const panel = mount('dealreg-panel', adapter, { 'account-id': 'acc-nextgen', locale: 'en' });
    try {
      await until(() => adapter.calls.getAccountOverview === 1, 'the overview request');
      const signals = Object.values(adapter.signals).flat();
      expect(signals[0], 'the adapter received a signal').to.exist;
      expect(signals[0]!.aborted).to.equal(false);
      unmount(panel);
      await until(() => signals.every((s) => s?.aborted), 'every signal the adapter received aborted');
      await trouble.reported();
    } finally {
      console.warn = warn;
      trouble.stop();
    }
    expect(trouble.all()).to.deep.equal([]);
    expect(warnings).to.deep.equal([]);
  });

  it('removing the panel while a quote request is in flight aborts it and logs nothing', async () => {
    const trouble = watchTrouble();
    const inner = createMemoryAdapter(createMockBackend(), { token: TOKEN });
    const slow: DealRegAdapter = { ...inner, requestQuote: (_id, o) => untilAborted(o.signal) };
    const adapter = counting(slow);
    const panel = mount('dealreg-panel', adapter, { 'account-id': 'acc-protected', locale: 'en' });
    try {
      await until(() => settled(panel) && findButton(panel, /request quote/i) !== undefined, 'the "Request quote" button');
      findButton(panel, /request quote/i)!.click();
      await until(() => adapter.calls.requestQuote === 1, 'the quote request');
      const quoteSignal = adapter.signals.requestQuote[0];
      expect(quoteSignal, 'the quote request carries a signal').to.exist;
      unmount(panel);
      await until(() => quoteSignal!.aborted, 'the quote request aborted');
      await trouble.reported();
    } finally {
      trouble.stop();
    }
    expect(trouble.all()).to.deep.equal([]);
  });

  it('a request that answers after the panel is gone changes nothing and logs nothing', async () => {
    const trouble = watchTrouble();
    let answer: (() => void) | undefined;
    let delivered = false;
    const inner = createMemoryAdapter(createMockBackend(), { token: TOKEN });
    // Ignores the signal on purpose: an adapter that answers late anyway.
    const late: DealRegAdapter = {
      ...inner,
      getAccountOverview: (id) =>
        new Promise((resolve, reject) => {
          answer = () =>
            void inner.getAccountOverview(id).then((value) => {
              resolve(value);
              delivered = true;
            }, reject);
        }),
    };
    const panel = mount('dealreg-panel', late, { 'account-id': 'acc-nextgen', locale: 'en' });
    const events: Event[] = [];
    for (const type of ['dealreg-error', 'dealreg-registered', 'dealreg-quote-requested', 'dealreg-extended']) {
      panel.addEventListener(type, (e) => events.push(e));
    }
    try {
      await until(() => answer !== undefined, 'the overview request');
      unmount(panel);
      const before = panel.shadowRoot?.innerHTML;
      answer!();
      await until(() => delivered, 'the late answer');
      // What the answer would set off: a render of the panel or of an element inside it, an event, a rejection.
      await Promise.all([panel, ...deepElements(panel)].map((el) => (el as Partial<ReactiveElement>).updateComplete));
      await trouble.reported();
      expect(panel.shadowRoot?.innerHTML, 'the removed panel did not render the late answer').to.equal(before);
      expect(deepText(panel)).not.to.include('Laboratoires Vernier');
      expect(events, 'no event from a removed panel').to.deep.equal([]);
    } finally {
      trouble.stop();
    }
    expect(trouble.all()).to.deep.equal([]);
  });
});
