// The element boundary: the one place where the elements meet an adapter, whoever wrote it. Every
// answer is checked against the REST contract's schemas (the ones the HTTP adapter uses) before an
// element reads it; every failure is a DealRegError; a call whose signal has aborted starts nothing,
// and settles (`aborted`) at once when it aborts later, even if the adapter never answers.
import type { DealRegAdapter, ReadOptions } from '../../src/adapter.ts';
import { validatesItself } from '../../src/adapters/validated.ts';
import { abortedError } from '../../src/adapters/abort.ts';
import { DealRegError, isErrorCode, toDealRegError } from '../../src/errors.ts';
import { dealRegConfig } from '../element/config.ts';
import type * as ParseAnswers from '../../src/schemas/parse-answers.ts';

type Method = keyof DealRegAdapter;
type Answer<M extends Method> = Awaited<ReturnType<NonNullable<DealRegAdapter[M]>>>;

type Parsers = typeof ParseAnswers;
let parsers: Promise<Parsers> | undefined;

/**
 * The contract's parsers (adapters/parse-answers.js beside the entry), asked for once, when the
 * first guard is made: they arrive while the first request is in flight. A failed load is asked for
 * again by the next answer to check.
 */
function loadParsers(): Promise<Parsers> {
  return (parsers ??= import('../../src/schemas/parse-answers.ts').catch(() => {
    parsers = undefined;
    throw new DealRegError('network', { detail: "the answers' checks could not be loaded" });
  }));
}

/**
 * What each adapter method must resolve with, by its parser's name. The mapped type makes it
 * exhaustive: a method added to `DealRegAdapter` does not compile until its parser is listed here.
 */
const CONTRACT: {
  readonly [M in Method]-?: { [P in keyof Parsers]: Parsers[P] extends (json: unknown) => Answer<M> ? P : never }[keyof Parsers];
} = {
  getAccountOverview: 'parseOverview',
  registerOpportunity: 'parseRegistration',
  requestQuote: 'parseQuoteRequest',
  getQuote: 'parseQuoteRequest',
  requestExtension: 'parseRegistration',
  getOpportunities: 'parseOpportunityPage',
  previewDeals: 'parseDealPreviews',
  listRegistrations: 'parseBookPage',
};
const METHODS = Object.keys(CONTRACT) as Method[];

/** Optional methods: the guard offers them only when the adapter has them (elements test for them). */
const OPTIONAL: ReadonlySet<Method> = new Set<Method>(['getOpportunities', 'previewDeals', 'listRegistrations']);

/** Where each method takes its options (with the `signal`): second argument; third after a paging cursor or the deals. */
const OPTIONS_AT: { readonly [M in Method]-?: number } = {
  getAccountOverview: 1,
  registerOpportunity: 1,
  requestQuote: 1,
  getQuote: 1,
  requestExtension: 1,
  getOpportunities: 2,
  previewDeals: 2,
  listRegistrations: 1,
};

/** What a method's name reads as in an error detail. */
function named(method: Method): string {
  return `the adapter's ${method}()`;
}

/**
 * Anything an adapter throws, as a DealRegError. A foreign error's message is not copied: it may
 * echo a credential (the adapter guide's rule for the shipped adapters), so only its kind is named.
 */
function typed(error: unknown, method: Method): DealRegError {
  if (error instanceof DealRegError) {
    return isErrorCode(error.code)
      ? error
      : new DealRegError('unknown', { detail: `${named(method)} failed with an unknown code` });
  }
  if (error instanceof DOMException && (error.name === 'AbortError' || error.name === 'TimeoutError'))
    return toDealRegError(error);
  if (isForeignDealRegError(error)) {
    return new DealRegError(error.code, {
      ...(typeof error.status === 'number' ? { status: error.status } : {}),
      ...(typeof error.detail === 'string' ? { detail: error.detail } : {}),
      ...(typeof error.retryable === 'boolean' ? { retryable: error.retryable } : {}),
    });
  }
  const kind = error instanceof Error ? error.name : error === null ? 'null' : typeof error;
  return new DealRegError('unknown', { detail: `${named(method)} failed with ${kind}, not a DealRegError` });
}

interface ForeignDealRegError {
  name: 'DealRegError';
  code: DealRegError['code'];
  status?: unknown;
  detail?: unknown;
  retryable?: unknown;
}

/** A DealRegError from another copy of the library (an adapter package that bundles its own). */
function isForeignDealRegError(error: unknown): error is ForeignDealRegError {
  if (!(error instanceof Error) || error.name !== 'DealRegError') return false;
  return isErrorCode((error as Partial<ForeignDealRegError>).code);
}

/** The answer as the contract's type, or `invalid-response` (a parser that trips over a getter too). */
async function validate<M extends Method>(method: M, answer: unknown): Promise<Answer<M>> {
  const parse = (await loadParsers())[CONTRACT[method]] as (json: unknown) => Answer<M>;
  try {
    return parse(answer);
  } catch (error) {
    if (error instanceof DealRegError) throw error;
    throw new DealRegError('invalid-response', { detail: `${named(method)} answered a value that could not be read` });
  }
}

/**
 * Settles like `answer`, unless the signal aborts (`aborted`) or the deadline passes (`timeout`)
 * first. Once settled, the callbacks left on `answer` reach nothing of the caller: an adapter that
 * keeps a never-settling promise does not keep the element that asked.
 */
function settle<T>(answer: Promise<T>, signal: AbortSignal | undefined, method: Method): Promise<T> {
  const { callDeadlineMs, sleep } = dealRegConfig();
  return new Promise<T>((resolve, reject) => {
    let pending: { resolve: (value: T) => void; reject: (error: unknown) => void } | undefined = { resolve, reject };
    const deadline = new AbortController();
    const finish = (outcome: (p: NonNullable<typeof pending>) => void): void => {
      const p = pending;
      if (!p) return;
      pending = undefined;
      deadline.abort();
      signal?.removeEventListener('abort', onAbort);
      outcome(p);
    };
    const onAbort = (): void => finish((p) => p.reject(abortedError()));
    signal?.addEventListener('abort', onAbort, { once: true });
    if (callDeadlineMs > 0 && Number.isFinite(callDeadlineMs)) {
      sleep(callDeadlineMs, deadline.signal).then(
        () =>
          finish((p) =>
            p.reject(new DealRegError('timeout', { detail: `${named(method)} did not answer within ${callDeadlineMs} ms` })),
          ),
        () => undefined,
      );
    }
    answer.then(
      (value) => finish((p) => p.resolve(value)),
      (error: unknown) => finish((p) => p.reject(error)),
    );
  });
}

function call<M extends Method>(adapter: DealRegAdapter, method: M, args: unknown[]): Promise<Answer<M>> {
  const signal = (args[OPTIONS_AT[method]] as ReadOptions | undefined)?.signal;
  if (signal?.aborted) return Promise.reject(abortedError());
  let answer: Promise<unknown>;
  let trusted = false;
  try {
    const fn: unknown = adapter[method];
    if (typeof fn !== 'function') throw new DealRegError('unknown', { detail: `${named(method)} is missing` });
    trusted = validatesItself(fn);
    // Promise.resolve: a plain value or a thenable is read like the promise it should have been.
    answer = Promise.resolve(Reflect.apply(fn as (...a: unknown[]) => unknown, adapter, args));
  } catch (error) {
    return Promise.reject(typed(error, method));
  }
  return settle(answer, signal, method).then(
    (value) => (trusted ? (value as Answer<M>) : validate(method, value)),
    (error: unknown) => {
      throw typed(error, method);
    },
  );
}

const guards = new WeakMap<object, DealRegAdapter>();
const isGuard = new WeakSet<object>();
/** Stands for whatever was set as `adapter` that is not an object: every call fails, typed. */
const NOT_AN_ADAPTER = Object.freeze({}) as DealRegAdapter;

/**
 * The adapter as the elements call it: one guard per adapter instance (so the overview store and
 * every mutation share it), made on first use.
 */
export function guardedAdapter(adapter: DealRegAdapter): DealRegAdapter {
  const target: object =
    (typeof adapter === 'object' && adapter !== null) || typeof adapter === 'function' ? adapter : NOT_AN_ADAPTER;
  if (isGuard.has(target)) return target as DealRegAdapter;
  let guard = guards.get(target);
  if (!guard) {
    const inner = target as DealRegAdapter;
    // The checks this adapter's answers will need, asked for now, beside its first request.
    if (!METHODS.every((m) => validatesItself((inner as Partial<DealRegAdapter>)[m]))) void loadParsers().catch(() => undefined);
    const offered = METHODS.filter((m) => !OPTIONAL.has(m) || typeof (inner as Partial<DealRegAdapter>)[m] === 'function');
    guard = Object.fromEntries(
      offered.map((m) => [m, (...args: unknown[]) => call(inner, m, args)]),
    ) as unknown as DealRegAdapter;
    guards.set(target, guard);
    isGuard.add(guard);
  }
  return guard;
}
