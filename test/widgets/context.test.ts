// Promises: <dealreg-provider> and the elements speak the community context protocol
// (`context-request` / `context-provider` events, the exported Symbol keys), so a provider or a
// consumer written with any implementation of it (@lit/context, or by hand as here) works with them,
// and the nearest provider answers.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import '../../widgets/index.ts';
import { adapterContext, localeContext } from '../../widgets/index.ts';
import type { DealRegProvider, DealRegStatus } from '../../widgets/index.ts';
import { consume, provide, type Context } from '../../widgets/element/context.ts';
import type { DealRegAdapter } from '../../src/adapter.ts';
import { memoryAdapter } from './helpers.ts';

// The decorators in both orders around Lit's own: each order must give a property that reads back,
// renders, and reaches (or takes) the context.
const word = Symbol('test-word') as Context<string | undefined>;

class ProvidesAboveProperty extends LitElement {
  @provide(word)
  @property({ attribute: false })
  value: string | undefined;

  override render(): unknown {
    return html`<b>${this.value}</b><slot></slot>`;
  }
}

class ProvidesBelowProperty extends LitElement {
  @property({ attribute: false })
  @provide(word)
  value: string | undefined;

  override render(): unknown {
    return html`<b>${this.value}</b><slot></slot>`;
  }
}

class ConsumesAboveState extends LitElement {
  @consume(word)
  @state()
  value: string | undefined;

  override render(): unknown {
    return html`<b>${this.value}</b>`;
  }
}

class ConsumesBelowState extends LitElement {
  @state()
  @consume(word)
  value: string | undefined;

  override render(): unknown {
    return html`<b>${this.value}</b>`;
  }
}

customElements.define('test-provides-above', ProvidesAboveProperty);
customElements.define('test-provides-below', ProvidesBelowProperty);
customElements.define('test-consumes-above', ConsumesAboveState);
customElements.define('test-consumes-below', ConsumesBelowState);

const rendered = (el: LitElement): string | undefined => el.shadowRoot!.querySelector('b')!.textContent ?? undefined;

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

  describe('nested providers', () => {
    async function nested() {
      const outer = memoryAdapter();
      const inner = memoryAdapter();
      const el = await fixture<DealRegProvider>(html`<dealreg-provider .adapter=${outer} locale="fr">
        <dealreg-status id="outside" account-id="acc-expiring"></dealreg-status>
        <dealreg-provider .adapter=${inner}>
          <section><dealreg-status id="inside" account-id="acc-expiring"></dealreg-status></section>
        </dealreg-provider>
      </dealreg-provider>`);
      const innerProvider = el.querySelector<DealRegProvider>('dealreg-provider')!;
      const outside = el.querySelector<DealRegStatus>('#outside')!;
      const inside = el.querySelector<DealRegStatus>('#inside')!;
      return { el, innerProvider, outside, inside, outer, inner };
    }

    it('the nearest provider answers, and each hears only its own provider’s changes', async () => {
      const { el, innerProvider, outside, inside, outer, inner } = await nested();
      expect(outside.effectiveAdapter).to.equal(outer);
      expect(inside.effectiveAdapter).to.equal(inner);

      const nextOuter = memoryAdapter();
      el.adapter = nextOuter;
      expect(outside.effectiveAdapter).to.equal(nextOuter);
      expect(inside.effectiveAdapter).to.equal(inner);

      const nextInner = memoryAdapter();
      innerProvider.adapter = nextInner;
      expect(inside.effectiveAdapter).to.equal(nextInner);
      expect(outside.effectiveAdapter).to.equal(nextOuter);
    });

    it('an inner provider answers every key, set or not: its unset locale is not the outer one’s', async () => {
      const { innerProvider, outside, inside } = await nested();
      expect(outside.contextLocale).to.equal('fr');
      expect(inside.contextLocale).to.equal(undefined);
      innerProvider.locale = 'en';
      expect(inside.contextLocale).to.equal('en');
      innerProvider.adapter = undefined;
      expect(inside.effectiveAdapter).to.equal(undefined);
    });

    it('an element moved out of the inner provider takes the outer one’s values, and no longer the inner one’s', async () => {
      const { el, innerProvider, inside, outer } = await nested();
      el.append(inside);
      expect(inside.effectiveAdapter).to.equal(outer);
      expect(inside.contextLocale).to.equal('fr');
      innerProvider.adapter = memoryAdapter();
      expect(inside.effectiveAdapter).to.equal(outer);
    });
  });

  describe('decorator order', () => {
    for (const provider of ['test-provides-above', 'test-provides-below'])
      for (const consumer of ['test-consumes-above', 'test-consumes-below'])
        it(`${provider} with ${consumer}: the property reads back, renders, and reaches the consumer`, async () => {
          const el = await fixture<ProvidesAboveProperty>(`<${provider}><${consumer}></${consumer}></${provider}>`);
          const below = el.querySelector<ConsumesAboveState>(consumer)!;
          for (const value of ['one', 'two']) {
            el.value = value;
            expect(el.value).to.equal(value);
            expect(below.value).to.equal(value);
            await el.updateComplete;
            await below.updateComplete;
            expect([rendered(el), rendered(below)]).to.deep.equal([value, value]);
          }
          el.value = undefined;
          expect([el.value, below.value]).to.deep.equal([undefined, undefined]);
        });
  });
});
