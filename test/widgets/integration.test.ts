// Promises to integrators: nothing leaks in from the host page's CSS, closed shadow roots on request,
// a second copy of the bundle does not throw, events are typed, bubble and cross shadow roots.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import '../../widgets/index.ts';
import type { DealRegQuoteButton } from '../../widgets/index.ts';
import {
  DealRegErrorEvent,
  DealRegRegisteredEvent,
  DealRegStatus,
  configureDealReg,
  defineElement,
  overviewStoreFor,
} from '../../widgets/index.ts';
import type { DealRegAdapter } from '../../src/adapter.ts';
import { DealRegError } from '../../src/errors.ts';
import { buttonNamed, deepQuery, failingOverview, memoryAdapter, until } from './helpers.ts';

describe('integration with a host page', () => {
  it('host page rules such as `* { all: unset }` and `button { display: none }` do not reach inside', async () => {
    const style = document.createElement('style');
    style.textContent = '* { all: unset } button { display: none !important } dealreg-quote-button { color: red }';
    document.head.append(style);
    try {
      const el = await fixture<DealRegQuoteButton>(
        html`<dealreg-quote-button registration-id="reg-x" .adapter=${memoryAdapter()}></dealreg-quote-button>`,
      );
      const button = buttonNamed(el, 'Request quote')!;
      expect(getComputedStyle(button).display).not.to.equal('none');
      expect(button.getBoundingClientRect().height).to.be.greaterThan(20);
    } finally {
      style.remove();
    }
  });

  it('theme custom properties reach inside (brand colour on the primary button)', async () => {
    const el = await fixture<DealRegQuoteButton>(
      html`<dealreg-quote-button style="--dealreg-color-brand: rgb(1, 2, 3)" registration-id="r" .adapter=${memoryAdapter()}></dealreg-quote-button>`,
    );
    expect(getComputedStyle(buttonNamed(el, 'Request quote')!).backgroundColor).to.equal('rgb(1, 2, 3)');
  });

  it('defining the tags again (a second copy of the bundle) does not throw', () => {
    class Copy extends LitElement {}
    expect(() => defineElement('dealreg-status', Copy)).not.to.throw();
    expect(customElements.get('dealreg-status')).to.equal(DealRegStatus);
  });

  it('configureDealReg({ shadowRootMode: "closed" }) gives closed shadow roots', async () => {
    configureDealReg({ shadowRootMode: 'closed' });
    try {
      const el = await fixture<DealRegQuoteButton>(
        html`<dealreg-quote-button registration-id="r" .adapter=${memoryAdapter()}></dealreg-quote-button>`,
      );
      expect(el.shadowRoot).to.equal(null);
      expect(el.renderRoot.querySelector('button')?.textContent?.trim()).to.equal('Request quote');
    } finally {
      configureDealReg({ shadowRootMode: 'open' });
    }
  });

  it("dealreg-error is a typed event that bubbles out of the panel's shadow roots to the document", async () => {
    const adapter: DealRegAdapter = {
      ...memoryAdapter(),
      getAccountOverview: () => Promise.reject(new DealRegError('service-unavailable')),
    };
    const heard: Event[] = [];
    const listener = (e: Event): void => void heard.push(e);
    document.addEventListener('dealreg-error', listener);
    try {
      const el = await fixture(html`<dealreg-panel account-id="acc-protected" .adapter=${adapter}></dealreg-panel>`);
      await until(() => deepQuery(el, '[part~="error"]'), 'error');
      expect(heard.length).to.equal(1);
      expect(heard[0]).to.be.instanceOf(DealRegErrorEvent);
      expect((heard[0] as DealRegErrorEvent).detail.error.code).to.equal('service-unavailable');
      expect((heard[0] as DealRegErrorEvent).detail.operation).to.equal('load-overview');
    } finally {
      document.removeEventListener('dealreg-error', listener);
    }
  });

  it('one failed load is one dealreg-error for the host page, however many elements show the account', async () => {
    const { adapter, setFailing } = failingOverview('service-unavailable');
    setFailing(false);
    const heard: DealRegErrorEvent[] = [];
    const listener = (e: Event): void => void heard.push(e as DealRegErrorEvent);
    document.addEventListener('dealreg-error', listener);
    try {
      // A panel (with a status list and eligibility hints inside) and a second status list, one account.
      // Two fixtures, not one <div>: a plain element's fixture waits for an animation frame, which a
      // background page (concurrent test files) never gets.
      const panel = await fixture(html`<dealreg-panel account-id="acc-protected" .adapter=${adapter}></dealreg-panel>`);
      await fixture(html`<dealreg-status account-id="acc-protected" .adapter=${adapter}></dealreg-status>`);
      await until(() => deepQuery(panel, 'dealreg-quote-button'), 'the loaded panel');
      setFailing(true);
      // The store notifies every element before the refresh settles: whatever was dispatched is here.
      await overviewStoreFor(adapter).refresh('acc-protected');
      expect(heard.map((e) => e.detail.operation)).to.deep.equal(['load-overview']);
      expect(heard[0]!.detail.error.code).to.equal('service-unavailable');
      expect(heard[0]!.target).to.equal(panel);
    } finally {
      document.removeEventListener('dealreg-error', listener);
    }
  });

  it('event classes bubble and are composed', () => {
    const e = new DealRegRegisteredEvent({ accountId: 'a', registration: {} as never });
    expect(e.type).to.equal('dealreg-registered');
    expect(e.bubbles).to.equal(true);
    expect(e.composed).to.equal(true);
  });

  it('every element also takes the adapter from <dealreg-provider> and exposes documented parts', async () => {
    const el = await fixture(html`<dealreg-provider .adapter=${memoryAdapter()}>
      <dealreg-status account-id="acc-expiring"></dealreg-status>
    </dealreg-provider>`);
    const status = el.querySelector('dealreg-status')!;
    await until(() => deepQuery(status, '[part~="opportunity"]'), 'loaded via context');
    for (const part of ['base', 'summary', 'opportunity', 'status-badge', 'button']) {
      expect(deepQuery(status, `[part~="${part}"]`), part).to.exist;
    }
  });
});
