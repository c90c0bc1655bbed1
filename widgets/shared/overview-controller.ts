// Subscribes an element to one account's shared overview: pending / complete / error, re-subscribing
// (and so aborting the previous request) when the adapter or the account id changes.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { AccountOverview } from '../../src/domain/types.ts';
import type { DealRegError } from '../../src/errors.ts';
import { overviewStoreFor } from './overview-store.ts';
import type { OverviewSnapshot, OverviewStore } from './overview-store.ts';

export interface OverviewControllerOptions {
  adapter: () => DealRegAdapter | undefined;
  accountId: () => string | undefined | null;
  /** Called when a load fails (once per failure), e.g. to dispatch `dealreg-error`. */
  onError?: (error: DealRegError) => void;
}

const IDLE: OverviewSnapshot = { status: 'idle', value: undefined, error: undefined, refreshing: false };

export class OverviewController implements ReactiveController {
  snapshot: OverviewSnapshot = IDLE;
  private store: OverviewStore | undefined;
  private accountId: string | undefined;
  private unsubscribe: (() => void) | undefined;
  private readonly host: ReactiveControllerHost;
  private readonly options: OverviewControllerOptions;

  constructor(host: ReactiveControllerHost, options: OverviewControllerOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
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
    // After a reconnect, the next update subscribes again.
    if (!this.unsubscribe) this.host.requestUpdate();
  }

  hostUpdate(): void {
    const adapter = this.options.adapter();
    const accountId = this.options.accountId() || undefined;
    const store = adapter ? overviewStoreFor(adapter) : undefined;
    if (store === this.store && accountId === this.accountId && (this.unsubscribe || !store || !accountId)) return;
    this.release();
    this.store = store;
    this.accountId = accountId;
    if (!store || !accountId) {
      this.snapshot = IDLE;
      return;
    }
    this.unsubscribe = store.subscribe(accountId, (snapshot) => {
      const failed = snapshot.status === 'error' && snapshot.error !== this.snapshot.error;
      this.snapshot = snapshot;
      this.host.requestUpdate();
      if (failed && snapshot.error) this.options.onError?.(snapshot.error);
    });
    this.snapshot = store.snapshot(accountId);
  }

  hostDisconnected(): void {
    this.release();
    this.store = undefined;
    this.accountId = undefined;
  }

  /** Reloads the account for every element that shows it (Retry, or after a mutation). */
  refresh(): Promise<void> {
    if (!this.store || !this.accountId) return Promise.resolve();
    return this.store.refresh(this.accountId);
  }

  private release(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
