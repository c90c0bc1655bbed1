// An adapter wrapper that counts calls and keeps the signals it was given, so a test can prove
// "one request for two widgets", "one POST per click" and "aborted when the element leaves".
import type { DealRegAdapter } from '../../src/adapter.ts';

export type AdapterMethod = keyof DealRegAdapter;

export interface CountingAdapter extends DealRegAdapter {
  calls: Record<AdapterMethod, number>;
  /** Every AbortSignal the adapter was given, by method, in call order. */
  signals: Record<AdapterMethod, Array<AbortSignal | undefined>>;
  /** Account ids asked for, in order. */
  accounts: string[];
}

/**
 * Wraps an adapter and counts each method's calls (the widgets must not notice). The optional
 * `getOpportunities`, `previewDeals` and `listRegistrations` are offered only when the inner adapter
 * has them (the elements test for them).
 */
export function counting(inner: DealRegAdapter): CountingAdapter {
  const methods: AdapterMethod[] = [
    'getAccountOverview',
    'registerOpportunity',
    'requestQuote',
    'getQuote',
    'requestExtension',
    'getOpportunities',
    'previewDeals',
    'listRegistrations',
  ];
  const calls = Object.fromEntries(methods.map((m) => [m, 0])) as Record<AdapterMethod, number>;
  const signals = Object.fromEntries(methods.map((m) => [m, []])) as unknown as Record<
    AdapterMethod,
    Array<AbortSignal | undefined>
  >;
  const accounts: string[] = [];
  const wrap =
    (m: AdapterMethod) =>
    (...args: unknown[]): Promise<unknown> => {
      calls[m]++;
      // getOpportunities(accountId, cursor, options), previewDeals(accountRef, deals, options).
      const options = args[m === 'getOpportunities' || m === 'previewDeals' ? 2 : 1] as { signal?: AbortSignal } | undefined;
      signals[m].push(options?.signal);
      if (m === 'getAccountOverview') accounts.push(args[0] as string);
      return (inner[m] as (...a: unknown[]) => Promise<unknown>)(...args);
    };
  return {
    calls,
    signals,
    accounts,
    getAccountOverview: wrap('getAccountOverview') as DealRegAdapter['getAccountOverview'],
    registerOpportunity: wrap('registerOpportunity') as DealRegAdapter['registerOpportunity'],
    requestQuote: wrap('requestQuote') as DealRegAdapter['requestQuote'],
    getQuote: wrap('getQuote') as DealRegAdapter['getQuote'],
    requestExtension: wrap('requestExtension') as DealRegAdapter['requestExtension'],
    ...(typeof inner.getOpportunities === 'function'
      ? { getOpportunities: wrap('getOpportunities') as DealRegAdapter['getOpportunities'] }
      : {}),
    ...(typeof inner.previewDeals === 'function' ? { previewDeals: wrap('previewDeals') as DealRegAdapter['previewDeals'] } : {}),
    ...(typeof inner.listRegistrations === 'function'
      ? { listRegistrations: wrap('listRegistrations') as DealRegAdapter['listRegistrations'] }
      : {}),
  };
}
