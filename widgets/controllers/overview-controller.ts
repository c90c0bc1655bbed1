// Subscribes an element to one account's shared overview: pending / complete / error, re-subscribing
// (and so aborting the previous request) when the adapter or the account id changes. Only while the
// element is on the page: a removed element still updates (a property set, a late `finally`), and
// those updates must not subscribe, load or keep the element alive; reconnecting subscribes again.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { AccountOverview, QuoteRequest, Registration } from '../../src/domain/types.ts';
import type { DealRegError } from '../../src/errors.ts';
import { DealRegErrorEvent } from '../events/events.ts';
import { IDLE_OVERVIEW, overviewStoreFor } from '../state/overview-store.ts';
import type { OverviewSnapshot, OverviewStore } from '../state/overview-store.ts';

/** A dealreg element that shows one account: where the adapter and the account id come from. */
export interface OverviewHost extends ReactiveControllerHost, EventTarget {
  readonly effectiveAdapter: DealRegAdapter | undefined;
  readonly accountId?: string | undefined | null;
  /** Where Retry after a view that could not be shown reloads (DealRegElement). */
  addViewReload?(reload: () => unknown): void;
}

// The store hands the same error object to every element showing the account. The host page hears
// `dealreg-error` once per failed load, from the first element subscribed (the panel before the
// widgets inside it), not once per element: a toast or a telemetry count per failure, not four.
const reported = new WeakSet<DealRegError>();

const IDLE = IDLE_OVERVIEW;

export class OverviewController implements ReactiveController {
  snapshot: OverviewSnapshot = IDLE;
  #store: OverviewStore | undefined;
  #accountId: string | undefined;
  #unsubscribe: (() => void) | undefined;
  #connected = false;
  readonly #host: OverviewHost;

  readonly #accountOf: () => string | undefined | null;

  /** `accountOf`: the account to show, when it is not the host's `accountId` (a CRM account's reference). */
  constructor(host: OverviewHost, accountOf: () => string | undefined | null = () => host.accountId) {
    this.#host = host;
    this.#accountOf = accountOf;
    host.addController(this);
    host.addViewReload?.(() => this.refresh());
  }

  get status(): OverviewSnapshot['status'] {
    return this.snapshot.status;
  }

  get value(): AccountOverview | undefined {
    return this.snapshot.value;
  }

  get error(): DealRegError | undefined {
    return this.snapshot.error;
  }

  hostConnected(): void {
    this.#connected = true;
    // After a reconnect, the next update subscribes again.
    if (!this.#unsubscribe) this.#host.requestUpdate();
  }

  hostUpdate(): void {
    if (!this.#connected) return;
    const adapter = this.#host.effectiveAdapter;
    const accountId = this.#accountOf() || undefined;
    const store = adapter ? overviewStoreFor(adapter) : undefined;
    if (store === this.#store && accountId === this.#accountId && (this.#unsubscribe || !store || !accountId)) return;
    this.#release();
    this.#store = store;
    this.#accountId = accountId;
    if (!store || !accountId) {
      this.snapshot = IDLE;
      return;
    }
    this.#unsubscribe = store.subscribe(accountId, (snapshot) => {
      this.snapshot = snapshot;
      this.#host.requestUpdate();
      const { error } = snapshot;
      if (snapshot.status === 'error' && error && !reported.has(error)) {
        reported.add(error);
        this.#host.dispatchEvent(new DealRegErrorEvent({ operation: 'load-overview', error }));
      }
    });
    this.snapshot = store.snapshot(accountId);
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#release();
    this.#store = undefined;
    this.#accountId = undefined;
  }

  /** Reloads the account for every element that shows it (Retry, back online). */
  refresh(): Promise<void> {
    if (!this.#store || !this.#accountId) return Promise.resolve();
    return this.#store.refresh(this.#accountId);
  }

  /** The adapter can fetch the pages after the overview (its optional `getOpportunities`). */
  get canPage(): boolean {
    return this.#store?.canPage ?? false;
  }

  /** Fetches the next page for every element that shows the account (one request at a time). */
  loadMore(limit?: number): Promise<void> {
    if (!this.#store || !this.#accountId) return Promise.resolve();
    return this.#store.loadMore(this.#accountId, limit);
  }

  /** The partner's own registration or extension, patched in from the adapter's answer (no reload). */
  recordRegistration(registration: Registration): Promise<void> {
    if (!this.#store || !this.#accountId) return Promise.resolve();
    return this.#store.recordRegistration(this.#accountId, registration);
  }

  /** The partner's own quote request (or its newer status), patched in (no reload). */
  recordQuote(quote: QuoteRequest): Promise<void> {
    if (!this.#store || !this.#accountId) return Promise.resolve();
    return this.#store.recordQuote(this.#accountId, quote);
  }

  #release(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
