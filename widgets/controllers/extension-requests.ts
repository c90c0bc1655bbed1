// "Extend protection" on a row, for the status list and the CRM deals alike: one request per click
// (one idempotency key per intent, a second click while it runs sends nothing), its state per
// registration while it runs or after it failed, and the host told of the outcome.
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { Registration } from '../../src/domain/types.ts';
import { toDealRegError, type DealRegError } from '../../src/errors.ts';
import { DealRegErrorEvent, DealRegExtendedEvent } from '../events/events.ts';
import { IntentKeys } from './idempotency.ts';

export interface ExtensionHost {
  dispatchEvent(event: Event): boolean;
  requestUpdate(): void;
  /** The adapter to call, while the element is on the page. */
  adapter(): DealRegAdapter | undefined;
  signal(): AbortSignal;
  /** The vendor extended it: patch it in, announce it. */
  extended(registration: Registration): Promise<void>;
}

export class ExtensionRequests {
  readonly #intents = new IntentKeys();
  readonly #host: ExtensionHost;
  /** Per registration: its extension request in flight, or how the last one failed. */
  readonly states = new Map<string, 'sending' | DealRegError>();

  constructor(host: ExtensionHost) {
    this.#host = host;
  }

  async extend(registration: Pick<Registration, 'id'>): Promise<void> {
    const adapter = this.#host.adapter();
    const intent = `extend:${registration.id}`;
    if (!adapter || this.#intents.isRunning(intent)) return;
    this.#set(registration.id, 'sending');
    const signal = this.#host.signal();
    let failure: DealRegError | undefined;
    try {
      const extended = await this.#intents.run(intent, (idempotencyKey) =>
        adapter.requestExtension(registration.id, { idempotencyKey, signal }),
      );
      this.#host.dispatchEvent(new DealRegExtendedEvent({ registration: extended }));
      await this.#host.extended(extended);
    } catch (e) {
      if (!signal.aborted) failure = toDealRegError(e);
    }
    this.#set(registration.id, failure);
    if (failure) this.#host.dispatchEvent(new DealRegErrorEvent({ operation: 'extend', error: failure }));
  }

  #set(id: string, value: 'sending' | DealRegError | undefined): void {
    if (value) this.states.set(id, value);
    else this.states.delete(id);
    this.#host.requestUpdate();
  }
}
