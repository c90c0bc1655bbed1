// What <dealreg-provider> hands down to every dealreg element inside it (the adapter and the
// locale), over the Web Components Community Group's context protocol: a consumer dispatches a
// `context-request` event that bubbles across shadow roots until a provider of that key answers,
// and a subscriber is called again with each new value. In-house rather than @lit/context, which
// weighed about three times this module in dist/dealreg.js for two values (docs/benchmark.md): the
// same events, fields and Symbol keys, so a provider or consumer written with @lit/context or any other implementation of
// the protocol works with these keys and elements.
import type { ReactiveController, ReactiveElement } from 'lit';
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { CrmRecords } from '../../src/domain/crm.ts';

/** A context key: a symbol branded with its value's type (the shape of @lit/context's `Context<symbol, T>`). */
export type Context<T> = symbol & { __context__: T };

export const adapterContext = Symbol('dealreg-adapter') as Context<DealRegAdapter | undefined>;

/** The locale requested on the provider (`en`, `fr`, or any BCP 47 tag); undefined = resolve from `lang`. */
export const localeContext = Symbol('dealreg-locale') as Context<string | undefined>;

/** The host CRM's records, for every panel inside a provider (a panel's own `records` win). */
export const recordsContext = Symbol('dealreg-records') as Context<CrmRecords | undefined>;

/** The protocol's callback; a subscriber also gets how to unsubscribe. */
export type ContextCallback<T> = (value: T, unsubscribe?: () => void) => void;

/** The protocol's request, dispatched by a consumer: the nearest provider of `context` answers it. */
export class ContextRequestEvent<T> extends Event {
  constructor(
    readonly context: Context<T>,
    readonly contextTarget: Element,
    readonly callback: ContextCallback<T>,
    readonly subscribe = false,
  ) {
    super('context-request', { bubbles: true, composed: true });
  }
}

/** Dispatched by a provider when it connects: a provider above it hands its subscribers below over. */
export class ContextProviderEvent<T> extends Event {
  constructor(
    readonly context: Context<T>,
    readonly contextTarget: Element,
  ) {
    super('context-provider', { bubbles: true, composed: true });
  }
}

class ContextProvider<T> implements ReactiveController {
  // Nothing provided yet reads as undefined, as with @lit/context (both our values allow it).
  private value = undefined as T;
  /** The subscribers, by callback: the protocol's identity of a subscription. */
  private readonly subscribers = new Map<ContextCallback<T>, { consumer: EventTarget; unsubscribe: () => void }>();

  constructor(
    private readonly host: ReactiveElement,
    private readonly context: Context<T>,
  ) {
    host.addEventListener('context-request', this.onRequest);
    host.addEventListener('context-provider', this.onProvider);
    host.addController(this);
  }

  set(value: T): void {
    if (Object.is(value, this.value)) return;
    this.value = value;
    for (const [callback, { unsubscribe }] of this.subscribers) callback(value, unsubscribe);
  }

  hostConnected(): void {
    this.host.dispatchEvent(new ContextProviderEvent(this.context, this.host));
  }

  private readonly onRequest = (event: Event): void => {
    const { context, contextTarget, callback, subscribe } = event as ContextRequestEvent<T>;
    const consumer = contextTarget ?? event.composedPath()[0];
    if (context !== this.context || consumer === this.host) return;
    event.stopPropagation();
    if (!subscribe) return callback(this.value);
    let subscriber = this.subscribers.get(callback);
    if (!subscriber) {
      subscriber = { consumer, unsubscribe: () => this.subscribers.delete(callback) };
      this.subscribers.set(callback, subscriber);
    }
    callback(this.value, subscriber.unsubscribe);
  };

  /** A provider of the same key connected below: the subscribers ask again, so the nearest one answers. */
  private readonly onProvider = (event: Event): void => {
    const { context, contextTarget } = event as ContextProviderEvent<T>;
    if (context !== this.context || (contextTarget ?? event.composedPath()[0]) === this.host) return;
    event.stopPropagation();
    for (const [callback, { consumer }] of [...this.subscribers])
      consumer.dispatchEvent(new ContextRequestEvent(context, consumer as Element, callback, true));
  };
}

/**
 * `@provide(context)` on a reactive property (above or below its `@property()`): the element answers
 * requests for `context` from inside it with the property's value, and calls the subscribers again
 * on each change.
 */
export function provide<T>(context: Context<T>) {
  return (proto: ReactiveElement, name: string): void => {
    const providers = new WeakMap<ReactiveElement, ContextProvider<T>>();
    (proto.constructor as typeof ReactiveElement).addInitializer((host) => {
      providers.set(host, new ContextProvider(host, context));
    });
    // Wraps the accessor @property() defined (it ran first), or defines a whole one for it to wrap
    // (it runs next), so a new value reaches the subscribers at once and the property reads back.
    const values = new WeakMap<ReactiveElement, T>();
    const {
      get = function (this: ReactiveElement) {
        return values.get(this);
      },
      set = function (this: ReactiveElement, value: T) {
        values.set(this, value);
      },
    } = Object.getOwnPropertyDescriptor(proto, name) ?? {};
    Object.defineProperty(proto, name, {
      configurable: true,
      enumerable: true,
      get,
      set(this: ReactiveElement, value: T) {
        providers.get(this)?.set(value);
        set.call(this, value);
      },
    });
  };
}

/**
 * `@consume(context)`: the property takes the value of the nearest provider of `context` above the
 * element, and each new one, while the element is connected.
 */
export function consume<T>(context: Context<T>) {
  return (proto: ReactiveElement, name: string): void => {
    (proto.constructor as typeof ReactiveElement).addInitializer((host) => {
      let unsubscribe: (() => void) | undefined;
      const callback: ContextCallback<T> = (value, next) => {
        // Answered by another provider (a nearer one connected since): leave the previous one.
        if (unsubscribe !== next) unsubscribe?.();
        unsubscribe = next;
        (host as unknown as Record<string, T>)[name] = value;
        // Even when unchanged, as @lit/context does: a reconnected element re-resolves what it
        // inherits from where it now is (the nearest `lang`).
        host.requestUpdate();
      };
      host.addController({
        hostConnected: () => host.dispatchEvent(new ContextRequestEvent(context, host, callback, true)),
        hostDisconnected: () => {
          unsubscribe?.();
          unsubscribe = undefined;
        },
      });
    });
  };
}
