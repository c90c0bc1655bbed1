// Offline and back: an account that failed to load because the network was gone reloads by itself
// when the browser fires `online`; nobody listens once no element shows an account.
import { expect, fixture, html } from '@open-wc/testing';
import '../../widgets/index.ts';
import type { DealRegStatus } from '../../widgets/index.ts';
import { DealRegError } from '../../src/errors.ts';
import { counting, deepQuery, deepText, failingOverview, memoryAdapter, onlineWitness, until } from './helpers.ts';

/** The memory adapter behind a network switch: while off, every overview rejects `offline`. */
function switchable(): { adapter: ReturnType<typeof counting>; setOnline: (on: boolean) => void } {
  const { adapter, setFailing } = failingOverview('offline');
  return { adapter: counting(adapter), setOnline: (on) => setFailing(!on) };
}

describe('offline and back', () => {
  it('says offline, then reloads by itself when the browser is back online', async () => {
    const { adapter, setOnline } = switchable();
    const el = await fixture<DealRegStatus>(
      html`<dealreg-status account-id="acc-protected" .adapter=${adapter}></dealreg-status>`,
    );
    await until(() => deepQuery(el, '[part~="error"]'), 'the error');
    expect(deepText(el)).to.match(/offline/i);
    await expect(el).to.be.accessible();
    const before = adapter.calls.getAccountOverview;
    setOnline(true);
    window.dispatchEvent(new Event('online'));
    await until(() => deepQuery(el, '[part~="opportunity"]'), 'the opportunities');
    expect(adapter.calls.getAccountOverview).to.equal(before + 1);
    expect(deepText(el)).not.to.match(/offline/i);
  });

  it('an error that a retry cannot fix (not found) is not reloaded on `online`', async () => {
    const real = memoryAdapter();
    const adapter = counting({ ...real, getAccountOverview: () => Promise.reject(new DealRegError('not-found')) });
    const el = await fixture<DealRegStatus>(html`<dealreg-status account-id="acc-x" .adapter=${adapter}></dealreg-status>`);
    await until(() => deepQuery(el, '[part~="error"]'), 'the error');
    const witness = await onlineWitness();
    window.dispatchEvent(new Event('online'));
    await witness.reloaded();
    expect(adapter.calls.getAccountOverview).to.equal(1);
  });

  it('stops listening once no element shows the account', async () => {
    const { adapter, setOnline } = switchable();
    const el = await fixture<DealRegStatus>(
      html`<dealreg-status account-id="acc-protected" .adapter=${adapter}></dealreg-status>`,
    );
    await until(() => deepQuery(el, '[part~="error"]'), 'the error');
    el.remove();
    setOnline(true);
    const witness = await onlineWitness();
    window.dispatchEvent(new Event('online'));
    await witness.reloaded();
    expect(adapter.calls.getAccountOverview).to.equal(1);
  });
});
