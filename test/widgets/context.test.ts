// Promises: <dealreg-provider> and the elements speak the community context protocol
// (`context-request` / `context-provider` events, the exported Symbol keys), so a provider or a
// consumer written with any implementation of it (@lit/context, or by hand as here) works with them,
// and the nearest provider answers.
import { expect, fixture, html } from '@open-wc/testing';
import '../../widgets/index.ts';
import { adapterContext, localeContext } from '../../widgets/index.ts';
import type { DealRegProvider, DealRegStatus } from '../../widgets/index.ts';
import type { DealRegAdapter } from '../../src/adapter.ts';
import { memoryAdapter } from './helpers.ts';

/** A hand-written request, as the protocol defines it (no library). */
function request(
  target: Element,
  context: symbol,
  callback: (value: unknown, unsubscribe?: () => void) => void,
  subscribe: boolean,
): void {
  const event = Object.assign(new Event('context-request', { bubbles: true, composed: true }), {
    context,
    contextTarget: target,
    callback,
    subscribe,
  });
  target.dispatchEvent(event);
}

describe('context protocol', () => {
  it('answers a foreign consumer once, or on every change while it is subscribed', async () => {
    const adapter = memoryAdapter();
    const el = await fixture<DealRegProvider>(html`<dealreg-provider .adapter=${adapter} locale="fr"
      ><div></div
    ></dealreg-provider>`);
    const inside = el.querySelector('div')!;
    const once: unknown[] = [];
    request(inside, localeContext, (value) => once.push(value), false);
    expect(once).to.deep.equal(['fr']);

    const seen: unknown[] = [];
    let unsubscribe: (() => void) | undefined;
    request(
      inside,
      adapterContext,
      (value, dispose) => {
        seen.push(value);
        unsubscribe = dispose;
      },
      true,
    );
    expect(seen).to.deep.equal([adapter]);
    const next = memoryAdapter();
    el.adapter = next;
    expect(seen).to.deep.equal([adapter, next]);
    unsubscribe!();
    el.adapter = adapter;
    expect(seen).to.have.length(2);
  });

  it('an element takes the adapter from a foreign provider of the exported key', async () => {
    const adapter = memoryAdapter();
    // An element as the fixture's root: a plain one would wait for an animation frame, which a
    // page in the background may not get.
    const status = await fixture<DealRegStatus>(html`<dealreg-status account-id="acc-expiring"></dealreg-status>`);
    const host = status.parentElement!;
    // The element asked when it connected, before this provider existed: it asks again on reconnect.
    host.addEventListener('context-request', (event) => {
      const { context, callback } = event as Event & { context: symbol; callback: (value: DealRegAdapter) => void };
      if (context !== adapterContext) return;
      event.stopPropagation();
      callback(adapter);
    });
    host.append(status);
    expect(status.effectiveAdapter).to.equal(adapter);
  });

  it('the nearest provider answers, also one connected after the elements below it subscribed', async () => {
    const outer = memoryAdapter();
    const inner = memoryAdapter();
    const el = await fixture<DealRegProvider>(html`<dealreg-provider .adapter=${outer}>
      <section><dealreg-status account-id="acc-expiring"></dealreg-status></section>
    </dealreg-provider>`);
    const status = el.querySelector<DealRegStatus>('dealreg-status')!;
    expect(status.effectiveAdapter).to.equal(outer);

    // A provider appears above the element without moving it (a foreign one, as a late-upgraded
    // element would): it announces itself, the outer one hands its subscriber below over, and the
    // outer one's changes no longer reach it.
    const section = el.querySelector('section')!;
    section.addEventListener('context-request', (event) => {
      const { context, callback } = event as Event & {
        context: symbol;
        callback: (value: DealRegAdapter, unsubscribe?: () => void) => void;
      };
      if (context !== adapterContext) return;
      event.stopPropagation();
      callback(inner, () => undefined);
    });
    section.dispatchEvent(
      Object.assign(new Event('context-provider', { bubbles: true, composed: true }), {
        context: adapterContext,
        contextTarget: section,
      }),
    );
    expect(status.effectiveAdapter).to.equal(inner);
    el.adapter = memoryAdapter();
    expect(status.effectiveAdapter).to.equal(inner);
  });

  it('an element removed from its provider stops hearing it', async () => {
    const el = await fixture<DealRegProvider>(html`<dealreg-provider .adapter=${memoryAdapter()}>
      <dealreg-status account-id="acc-expiring"></dealreg-status>
    </dealreg-provider>`);
    const status = el.querySelector<DealRegStatus>('dealreg-status')!;
    const first = status.effectiveAdapter;
    status.remove();
    el.adapter = memoryAdapter();
    expect(status.effectiveAdapter).to.equal(first);
  });
});
