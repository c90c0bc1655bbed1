// An element that leaves the page (the CRM navigates away) aborts the POST it was waiting for, and
// says nothing about it: no error state, no `dealreg-error` event, no console output.
import { expect, fixture, html } from '@open-wc/testing';
import '../../widgets/index.ts';
import type { DealRegAdapter } from '../../src/adapter.ts';
import { DealRegError } from '../../src/errors.ts';
import { backend, buttonNamed, deepQuery, memoryAdapter, until } from './helpers.ts';

/** The real memory adapter, except that `method` waits until its signal aborts (recording it). */
function hanging(method: 'requestQuote' | 'registerOpportunity' | 'requestExtension'): {
  adapter: DealRegAdapter;
  seen: Array<AbortSignal | undefined>;
} {
  const seen: Array<AbortSignal | undefined> = [];
  const wait = (signal: AbortSignal | undefined): Promise<never> => {
    seen.push(signal);
    return new Promise((_, reject) =>
      signal?.addEventListener('abort', () => reject(new DealRegError('aborted')), { once: true }),
    );
  };
  const adapter = {
    ...memoryAdapter(backend()),
    [method]: (_: unknown, o: { signal?: AbortSignal }) => wait(o.signal),
  } as DealRegAdapter;
  return { adapter, seen };
}

/** Removes `el` while `seen` has a call in flight; checks that it was aborted and nothing was said. */
async function removeMidRequest(el: HTMLElement, seen: Array<AbortSignal | undefined>): Promise<void> {
  const errors: Event[] = [];
  const logged: unknown[] = [];
  const { error, warn } = console;
  console.error = (...a: unknown[]) => logged.push(a);
  console.warn = (...a: unknown[]) => logged.push(a);
  el.addEventListener('dealreg-error', (e) => errors.push(e));
  try {
    await until(() => seen.length === 1, 'the request');
    expect(seen[0], 'the adapter received a signal').to.be.instanceOf(AbortSignal);
    expect(seen[0]!.aborted).to.equal(false);
    el.remove();
    await until(() => seen[0]!.aborted, 'removing the element aborts the request');
    // Whatever the aborted request's rejection would set off (an error state, an event, a log) is done by its render.
    await (el as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
  } finally {
    console.error = error;
    console.warn = warn;
  }
  expect(errors, 'no dealreg-error event').to.deep.equal([]);
  expect(logged, 'no console output').to.deep.equal([]);
  expect(deepQuery(el, '[part~="error"]'), 'no error state').to.equal(undefined);
}

describe('elements abort their requests when they leave the page', () => {
  it('<dealreg-quote-button>: the quote request', async () => {
    const { adapter, seen } = hanging('requestQuote');
    const id = (await adapter.getAccountOverview('acc-protected')).registrations[0]!.id;
    const el = await fixture<HTMLElementTagNameMap['dealreg-quote-button']>(
      html`<dealreg-quote-button registration-id=${id} .adapter=${adapter}></dealreg-quote-button>`,
    );
    buttonNamed(el, 'Request quote')!.click();
    await removeMidRequest(el, seen);
  });

  it('<dealreg-status>: the extension', async () => {
    const { adapter, seen } = hanging('requestExtension');
    const el = await fixture<HTMLElementTagNameMap['dealreg-status']>(
      html`<dealreg-status account-id="acc-expiring" .adapter=${adapter}></dealreg-status>`,
    );
    await until(() => buttonNamed(el, 'Extend protection'), 'the extend button');
    buttonNamed(el, 'Extend protection')!.click();
    await removeMidRequest(el, seen);
  });

  it('<dealreg-register-form>: the registration', async () => {
    const { adapter, seen } = hanging('registerOpportunity');
    const el = await fixture<HTMLElementTagNameMap['dealreg-register-form']>(
      html`<dealreg-register-form account-id="acc-nextgen" .adapter=${adapter}></dealreg-register-form>`,
    );
    await el.show();
    await until(() => (deepQuery<HTMLSelectElement>(el, 'select')?.options.length ?? 0) > 1, 'the opportunities');
    const select = deepQuery<HTMLSelectElement>(el, 'select')!;
    select.value = select.options[1]!.value;
    select.dispatchEvent(new Event('change'));
    deepQuery<HTMLInputElement>(el, 'input[type="checkbox"]')!.click();
    await el.updateComplete;
    buttonNamed(el, 'Submit registration')!.click();
    await removeMidRequest(el, seen);
  });

  it('a re-attached quote button requests again with a fresh, live signal', async () => {
    const { adapter, seen } = hanging('requestQuote');
    const id = (await adapter.getAccountOverview('acc-protected')).registrations[0]!.id;
    const el = await fixture<HTMLElementTagNameMap['dealreg-quote-button']>(
      html`<dealreg-quote-button registration-id=${id} .adapter=${adapter}></dealreg-quote-button>`,
    );
    buttonNamed(el, 'Request quote')!.click();
    await until(() => seen.length === 1, 'the request');
    const box = el.parentElement!;
    el.remove();
    box.append(el);
    // The aborted request unwinds in a few microtasks; the button is enabled again once it has.
    await until(() => buttonNamed(el, 'Request quote')?.disabled === false, 'the button enabled again');
    buttonNamed(el, 'Request quote')!.click();
    await until(() => seen.length === 2, 'the second request');
    expect(seen[0]!.aborted).to.equal(true);
    expect(seen[1]!.aborted).to.equal(false);
    el.remove();
  });
});
