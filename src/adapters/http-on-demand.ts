// createHttpAdapter for the default entry (`dealreg`): the same adapter, its code loaded on demand.
// Many hosts bring their own adapter (Salesforce Apex, a distributor's API client, the mock), so
// the REST client (fetch, retries, redirects, size caps, scrubbing: dist/adapters/http.js) is a
// chunk beside the entry, like the locales. The chunk is asked for when the adapter is created,
// which a host does while its page starts, so it is there by the time an element first calls.
import type { DealRegAdapter } from '../adapter.ts';
import { DealRegError } from '../errors.ts';
import type { HttpAdapterOptions } from './http-options.ts';
import { markValidating } from './validated.ts';

export { DEFAULT_MAX_RESPONSE_BYTES, type HttpAdapterOptions } from './http-options.ts';

export function createHttpAdapter(options: HttpAdapterOptions): DealRegAdapter {
  return adapterOnDemand(() => import('./http.ts').then((m) => m.createHttpAdapter(options)));
}

/**
 * An adapter whose every method waits for `load` (started now, shared by every call) and then
 * forwards. A load that fails rejects that call with a typed, retryable `network` error (offline,
 * or a host that did not deploy dist/ whole) and the next call loads again.
 */
export function adapterOnDemand(load: () => Promise<DealRegAdapter>): DealRegAdapter {
  let loading: Promise<DealRegAdapter> | undefined;
  const adapter = (): Promise<DealRegAdapter> =>
    (loading ??= load().catch((cause: unknown) => {
      loading = undefined;
      throw new DealRegError('network', { detail: 'the HTTP adapter could not be loaded', cause });
    }));
  adapter().catch(() => undefined); // start now; a failure is reported to the first call
  const forward =
    <M extends keyof DealRegAdapter>(method: M) =>
    async (...args: unknown[]): Promise<unknown> =>
      // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- each method keeps its own signature
      ((await adapter())[method] as Function)(...args);
  // Its answers are the HTTP adapter's, parsed already: the elements need not check them again.
  return markValidating({
    getAccountOverview: forward('getAccountOverview'),
    registerOpportunity: forward('registerOpportunity'),
    requestQuote: forward('requestQuote'),
    getQuote: forward('getQuote'),
    requestExtension: forward('requestExtension'),
    getOpportunities: forward('getOpportunities'),
    previewDeals: forward('previewDeals'),
    listRegistrations: forward('listRegistrations'),
  } as DealRegAdapter);
}
