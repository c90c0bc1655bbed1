// One account overview per (adapter, account), shared by every element on the page: in-flight loads
// are deduplicated, subscribers are ref-counted (the request is aborted only when nobody still
// wants it), and `refresh()` after a mutation notifies every subscriber. It calls the adapter
// through the element boundary (guarded-adapter.ts), so what it holds is validated.
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { AccountOverview } from '../../src/domain/types.ts';
import { toDealRegError } from '../../src/errors.ts';
import type { DealRegError } from '../../src/errors.ts';
import { guardedAdapter } from './guarded-adapter.ts';
import { abortLater } from './abort-later.ts';

export const OVERVIEW_STATUSES = ['idle', 'pending', 'complete', 'error'] as const;
export type OverviewStatus = (typeof OVERVIEW_STATUSES)[number];

export interface OverviewSnapshot {
  status: OverviewStatus;
  /** The last overview received (kept while refreshing, and after a failed refresh). */
  value: AccountOverview | undefined;
  error: DealRegError | undefined;
  /** A reload is in flight while a value is shown. */
  refreshing: boolean;
}

export type OverviewListener = (snapshot: OverviewSnapshot) => void;

const IDLE: OverviewSnapshot = Object.freeze({ status: 'idle', value: undefined, error: undefined, refreshing: false });

interface Entry {
  snapshot: OverviewSnapshot;
  listeners: Set<OverviewListener>;
  controller: AbortController | undefined;
  generation: number;
  settled: Promise<void>;
}

export class OverviewStore {
  private readonly entries = new Map<string, Entry>();
  private readonly adapter: DealRegAdapter;

  constructor(adapter: DealRegAdapter) {
    this.adapter = adapter;
  }

  snapshot(accountId: string): OverviewSnapshot {
    return this.entries.get(accountId)?.snapshot ?? IDLE;
  }

  /** Subscribes and loads when nobody has yet. The listener is called on later changes only. */
  subscribe(accountId: string, listener: OverviewListener): () => void {
    let entry = this.entries.get(accountId);
    if (!entry) {
      if (this.entries.size === 0) globalThis.addEventListener?.('online', this.onOnline);
      entry = { snapshot: IDLE, listeners: new Set(), controller: undefined, generation: 0, settled: Promise.resolve() };
      this.entries.set(accountId, entry);
    }
    entry.listeners.add(listener);
    if (entry.snapshot.status === 'idle') this.load(accountId, entry, false);
    const subscribed = entry;
    return () => {
      subscribed.listeners.delete(listener);
      if (subscribed.listeners.size === 0 && this.entries.get(accountId) === subscribed) {
        subscribed.generation++;
        abortLater(subscribed.controller);
        this.entries.delete(accountId);
        if (this.entries.size === 0) globalThis.removeEventListener?.('online', this.onOnline);
      }
    };
  }

  /** Reloads an account somebody is showing (after a mutation, or Retry); resolves when settled. */
  refresh(accountId: string): Promise<void> {
    const entry = this.entries.get(accountId);
    if (!entry) return Promise.resolve();
    return this.load(accountId, entry, true);
  }

  /** Resolves when the current load of the account settles. */
  whenSettled(accountId: string): Promise<void> {
    return this.entries.get(accountId)?.settled ?? Promise.resolve();
  }

  /** Back online: reload every account whose load failed for a reason worth retrying. */
  private readonly onOnline = (): void => {
    for (const [accountId, entry] of this.entries) {
      if (entry.snapshot.status === 'error' && entry.snapshot.error?.retryable) void this.load(accountId, entry, true);
    }
  };

  private load(accountId: string, entry: Entry, notify: boolean): Promise<void> {
    entry.controller?.abort();
    const controller = new AbortController();
    entry.controller = controller;
    const generation = ++entry.generation;
    const previous = entry.snapshot.value;
    entry.snapshot = previous
      ? { status: 'complete', value: previous, error: undefined, refreshing: true }
      : { status: 'pending', value: undefined, error: undefined, refreshing: false };
    if (notify) this.notify(entry);
    const current = (): boolean => entry.generation === generation && this.entries.get(accountId) === entry;
    entry.settled = this.adapter.getAccountOverview(accountId, { signal: controller.signal }).then(
      (value) => {
        if (!current()) return;
        entry.controller = undefined;
        entry.snapshot = { status: 'complete', value, error: undefined, refreshing: false };
        this.notify(entry);
      },
      (error: unknown) => {
        if (!current()) return;
        entry.controller = undefined;
        entry.snapshot = { status: 'error', value: previous, error: toDealRegError(error), refreshing: false };
        this.notify(entry);
      },
    );
    return entry.settled;
  }

  private notify(entry: Entry): void {
    for (const listener of [...entry.listeners]) listener(entry.snapshot);
  }
}

const stores = new WeakMap<DealRegAdapter, OverviewStore>();

/** The one store of an adapter instance; it loads through the adapter's guard. */
export function overviewStoreFor(adapter: DealRegAdapter): OverviewStore {
  const guarded = guardedAdapter(adapter);
  let store = stores.get(guarded);
  if (!store) {
    store = new OverviewStore(guarded);
    stores.set(guarded, store);
  }
  return store;
}
