// One account overview per (adapter, account), shared by every element on the page: in-flight loads
// are deduplicated, subscribers are ref-counted (the request is aborted only when nobody still
// wants it). It holds the overview with the pages loaded after it (`loadMore()`, one request at a
// time), and patches in the partner's own mutations from their answers (`recordRegistration()`,
// `recordQuote()`): a registration on a row of page 3 does not reload anything. It calls the
// adapter through the element boundary (guarded-adapter.ts), so what it holds is validated.
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { AccountOverview, QuoteRequest, Registration } from '../../src/domain/types.ts';
import { toDealRegError } from '../../src/errors.ts';
import type { DealRegError } from '../../src/errors.ts';
import { guardedAdapter } from './guarded-adapter.ts';
import { abortLater } from '../controllers/abort-later.ts';
import { appendPage, reloadOver, withQuote, withRegistration } from '../../src/program/overview-pages.ts';

export const OVERVIEW_STATUSES = ['idle', 'pending', 'complete', 'error'] as const;
export type OverviewStatus = (typeof OVERVIEW_STATUSES)[number];

export interface OverviewSnapshot {
  status: OverviewStatus;
  /**
   * The last overview received (kept while refreshing, and after a failed refresh), with the pages
   * loaded since merged in (`opportunities`, `registrations`, `quotes`; `nextCursor` is the next
   * page's) and the partner's own mutations patched in (rows and exact counts).
   */
  value: AccountOverview | undefined;
  error: DealRegError | undefined;
  /** A reload is in flight while a value is shown. */
  refreshing: boolean;
  /** A next page is being fetched (`loadMore()`). */
  loadingMore: boolean;
  /** Why the last `loadMore()` failed (the rows already shown stay); cleared by the next one. */
  moreError: DealRegError | undefined;
}

/** The most opportunities a page request asks for (the REST contract's maximum). */
export const PAGE_LIMIT_MAX = 100;

export type OverviewListener = (snapshot: OverviewSnapshot) => void;

export const IDLE_OVERVIEW: OverviewSnapshot = Object.freeze({
  status: 'idle',
  value: undefined,
  error: undefined,
  refreshing: false,
  loadingMore: false,
  moreError: undefined,
});
const IDLE = IDLE_OVERVIEW;

interface Entry {
  snapshot: OverviewSnapshot;
  listeners: Set<OverviewListener>;
  controller: AbortController | undefined;
  generation: number;
  settled: Promise<void>;
  /** The page request in flight (one at a time), and the settling of the last one. */
  more: AbortController | undefined;
  moreSettled: Promise<void>;
  /** Pages were appended to the overview: a reload keeps them (src/program/overview-pages.ts `reloadOver`). */
  pagesLoaded: boolean;
}

export class OverviewStore {
  readonly #entries = new Map<string, Entry>();
  readonly #adapter: DealRegAdapter;

  constructor(adapter: DealRegAdapter) {
    this.#adapter = adapter;
  }

  snapshot(accountId: string): OverviewSnapshot {
    return this.#entries.get(accountId)?.snapshot ?? IDLE;
  }

  /** Subscribes and loads when nobody has yet. The listener is called on later changes only. */
  subscribe(accountId: string, listener: OverviewListener): () => void {
    let entry = this.#entries.get(accountId);
    if (!entry) {
      if (this.#entries.size === 0) globalThis.addEventListener?.('online', this.#onOnline);
      entry = {
        snapshot: IDLE,
        listeners: new Set(),
        controller: undefined,
        generation: 0,
        settled: Promise.resolve(),
        more: undefined,
        moreSettled: Promise.resolve(),
        pagesLoaded: false,
      };
      this.#entries.set(accountId, entry);
    }
    entry.listeners.add(listener);
    if (entry.snapshot.status === 'idle') this.#load(accountId, entry, false);
    const subscribed = entry;
    return () => {
      subscribed.listeners.delete(listener);
      if (subscribed.listeners.size === 0 && this.#entries.get(accountId) === subscribed) {
        subscribed.generation++;
        abortLater(subscribed.controller);
        abortLater(subscribed.more);
        this.#entries.delete(accountId);
        if (this.#entries.size === 0) globalThis.removeEventListener?.('online', this.#onOnline);
      }
    };
  }

  /** Reloads an account somebody is showing (Retry, back online); resolves when settled. */
  refresh(accountId: string): Promise<void> {
    const entry = this.#entries.get(accountId);
    if (!entry) return Promise.resolve();
    return this.#load(accountId, entry, true);
  }

  /** Resolves when the current load of the account settles. */
  whenSettled(accountId: string): Promise<void> {
    return this.#entries.get(accountId)?.settled ?? Promise.resolve();
  }

  /** True when the adapter can fetch the pages after the overview (`getOpportunities` is optional). */
  get canPage(): boolean {
    return typeof this.#adapter.getOpportunities === 'function';
  }

  /**
   * Fetches the page after the shown rows and merges it in: one request, however many calls while
   * it is pending (a double click), none at the end of the list or without `getOpportunities`. A
   * failure is kept as `moreError` next to the rows already shown; calling again retries.
   */
  loadMore(accountId: string, limit?: number): Promise<void> {
    const entry = this.#entries.get(accountId);
    const cursor = entry?.snapshot.value?.nextCursor;
    const getOpportunities = this.#adapter.getOpportunities;
    if (!entry || entry.more || !cursor || !getOpportunities) return entry?.moreSettled ?? Promise.resolve();
    const controller = new AbortController();
    entry.more = controller;
    entry.snapshot = { ...entry.snapshot, loadingMore: true, moreError: undefined };
    this.#notify(entry);
    const current = (): boolean => entry.more === controller && this.#entries.get(accountId) === entry;
    entry.moreSettled = getOpportunities
      .call(this.#adapter, accountId, cursor, {
        signal: controller.signal,
        ...(limit === undefined ? {} : { limit }),
      })
      .then(
        (page) => {
          if (!current()) return;
          entry.more = undefined;
          const value = entry.snapshot.value;
          // A reload that reached the same cursor meanwhile would take the page twice; a reload
          // always keeps the cursor reached, so a page is appended only where it was asked.
          const merged = value && value.nextCursor === cursor ? appendPage(value, page) : value;
          entry.pagesLoaded ||= merged !== value;
          entry.snapshot = { ...entry.snapshot, value: merged, loadingMore: false, moreError: undefined };
          this.#notify(entry);
        },
        (error: unknown) => {
          if (!current()) return;
          entry.more = undefined;
          entry.snapshot = { ...entry.snapshot, loadingMore: false, moreError: toDealRegError(error) };
          this.#notify(entry);
        },
      );
    return entry.moreSettled;
  }

  /**
   * A registration the partner made or extended (the adapter's answer), patched into its row and
   * the exact counts, for every element showing the account: no reload. A row not loaded (another
   * element's account page) falls back to a reload, so the counts stay exact.
   */
  recordRegistration(accountId: string, registration: Registration): Promise<void> {
    return this.#patch(accountId, (value) => withRegistration(value, registration));
  }

  /** A quote request (or its newer status) patched in, as `recordRegistration`. */
  recordQuote(accountId: string, quote: QuoteRequest): Promise<void> {
    return this.#patch(accountId, (value) => withQuote(value, quote));
  }

  #patch(accountId: string, step: (value: AccountOverview) => AccountOverview | undefined): Promise<void> {
    const entry = this.#entries.get(accountId);
    if (!entry) return Promise.resolve();
    const value = entry.snapshot.value;
    const patched = value && step(value);
    if (!patched) return this.#load(accountId, entry, true);
    entry.snapshot = { ...entry.snapshot, value: patched };
    this.#notify(entry);
    return Promise.resolve();
  }

  /** Back online: reload every account whose load failed for a reason worth retrying. */
  readonly #onOnline = (): void => {
    for (const [accountId, entry] of this.#entries) {
      if (entry.snapshot.status === 'error' && entry.snapshot.error?.retryable) void this.#load(accountId, entry, true);
    }
  };

  #load(accountId: string, entry: Entry, notify: boolean): Promise<void> {
    entry.controller?.abort();
    const controller = new AbortController();
    entry.controller = controller;
    const generation = ++entry.generation;
    // A value already shown stays, refreshing; otherwise the account is pending.
    const shown = entry.snapshot.value !== undefined;
    entry.snapshot = { ...entry.snapshot, status: shown ? 'complete' : 'pending', error: undefined, refreshing: shown };
    if (notify) this.#notify(entry);
    const current = (): boolean => entry.generation === generation && this.#entries.get(accountId) === entry;
    entry.settled = this.#adapter.getAccountOverview(accountId, { signal: controller.signal }).then(
      (fresh) => {
        if (!current()) return;
        entry.controller = undefined;
        // Over what is shown now (a page may have arrived, a mutation been patched in meanwhile).
        const value = reloadOver(entry.snapshot.value, fresh, entry.pagesLoaded);
        entry.snapshot = { ...entry.snapshot, status: 'complete', value, error: undefined, refreshing: false };
        this.#notify(entry);
      },
      (error: unknown) => {
        if (!current()) return;
        entry.controller = undefined;
        entry.snapshot = { ...entry.snapshot, status: 'error', error: toDealRegError(error), refreshing: false };
        this.#notify(entry);
      },
    );
    return entry.settled;
  }

  #notify(entry: Entry): void {
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
