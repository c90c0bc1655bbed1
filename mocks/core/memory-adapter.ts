// The adapter interface in-process: calls a BackendCore directly (demo pages without a service worker, tests).
// Same validation and the same problem mapping as the HTTP adapter.
import type { DealRegAdapter, PageOptions, ReadOptions, WriteOptions } from '../../src/adapter.ts';
import { queryParamsOf, type BackendCore, type CoreResult } from './backend-core.ts';
import type { BookQuery } from '../../src/domain/book.ts';
import { DealRegError } from '../../src/errors.ts';
import { parseOpportunityPage, parseOverview, parseQuoteRequest, parseRegistration } from '../../src/schemas/parse.ts';
import { parseDealPreviews } from '../../src/schemas/parse-previews.ts';
import { parseBookPage } from '../../src/schemas/book.ts';
import { bookParams } from '../../src/adapters/book-query.ts';
import { problemToError, tryParseProblem } from '../../src/schemas/problem.ts';
import { markValidating } from '../../src/adapters/validated.ts';
import { abortableSleep } from '../../src/adapters/abort.ts';
import { raceAbort, throwIfAborted } from '../../src/adapters/abort-request.ts';
import { checkCursor, checkId, checkLimit } from '../../src/adapters/ids.ts';
import { scrubError } from '../../src/adapters/scrub.ts';

export interface MemoryAdapterOptions {
  /** The bearer token the core sees (null: signed out). */
  token: string | null;
  /** Extra in-adapter latency per call, to make pending states visible in demos. */
  latencyMs?: number;
}

export function createMemoryAdapter(core: BackendCore, options: MemoryAdapterOptions): DealRegAdapter {
  const { token, latencyMs = 0 } = options;

  async function call<T>(
    signal: AbortSignal | undefined,
    run: () => Promise<CoreResult>,
    parse: (json: unknown) => T,
  ): Promise<T> {
    throwIfAborted(signal);
    try {
      if (latencyMs > 0) await abortableSleep(latencyMs, signal);
      const result = await raceAbort(run(), signal);
      if (!result.ok) throw problemToError(tryParseProblem(result.problem), result.status);
      return parse(wireCopy(result.body));
    } catch (error) {
      // Scrubbed like the HTTP adapter's errors: a core's problem text could quote the token too.
      if (error instanceof DealRegError) throw scrubError(error, token ? [token] : []);
      // What the core threw is not passed on: like a transport error, it could carry the token.
      throw new DealRegError('unknown', { detail: 'the in-process backend failed' });
    }
  }

  const list = core.listRegistrations?.bind(core);
  // Ids are checked first, as the HTTP adapter does (async methods: a refused id is a rejection).
  return markValidating({
    async getAccountOverview(accountId: string, o: ReadOptions = {}) {
      const id = checkId(accountId, 'account id');
      return call(o.signal, () => core.getAccountOverview(token, id), parseOverview);
    },
    async registerOpportunity(request, o: WriteOptions) {
      return call(o.signal, () => core.registerOpportunity(token, wireCopy(request), o.idempotencyKey), parseRegistration);
    },
    async requestQuote(registrationId, o: WriteOptions) {
      const id = checkId(registrationId, 'registration id');
      return call(o.signal, () => core.requestQuote(token, id, o.idempotencyKey), parseQuoteRequest);
    },
    async getQuote(quoteId, o: ReadOptions = {}) {
      const id = checkId(quoteId, 'quote id');
      return call(o.signal, () => core.getQuote(token, id), parseQuoteRequest);
    },
    async getOpportunities(accountId: string, cursor: string, o: PageOptions = {}) {
      const id = checkId(accountId, 'account id');
      const after = checkCursor(cursor);
      const limit = checkLimit(o.limit) ?? null;
      return call(o.signal, () => core.getOpportunities(token, id, after, limit), parseOpportunityPage);
    },
    async previewDeals(accountRef: string, deals, o: ReadOptions = {}) {
      const id = checkId(accountRef, 'account id');
      return call(o.signal, () => core.previewDeals(token, id, wireCopy({ deals })), parseDealPreviews);
    },
    async requestExtension(registrationId, o: WriteOptions) {
      const id = checkId(registrationId, 'registration id');
      return call(o.signal, () => core.requestExtension(token, id, o.idempotencyKey), parseRegistration);
    },
    // The query goes through the same query string as over HTTP, so the core reads the same parameters.
    ...(list && {
      async listRegistrations(query: BookQuery, o: ReadOptions = {}) {
        const params = queryParamsOf(bookParams(query));
        return call(o.signal, () => list(token, params), parseBookPage);
      },
    }),
  });
}

/** A JSON round trip, as the wire would do: nothing is shared by reference between caller and core. */
function wireCopy(value: unknown): unknown {
  try {
    return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
  } catch {
    throw new DealRegError('invalid-response', { detail: 'the body is not JSON-serialisable' });
  }
}
