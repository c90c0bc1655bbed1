// Hostile world: a backend that answers with broken payloads. Whatever the corruption, a
// dealreg adapter answers with a validated value or a typed `invalid-response` error, and the
// panel shows either the data or the error in words: never an uncaught exception, never a
// console error.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createMockBackend } from '../../mocks/index.ts';
import { createHttpAdapter } from '../../src/adapters/index.ts';
import { createMemoryAdapter } from '../../mocks/core/memory-adapter.ts';
import type { BackendCore, CoreResult } from '../../mocks/core/backend-core.ts';
import type { AccountOverview, QuoteRequest } from '../../src/domain/types.ts';
import { DealRegError } from '../../src/errors.ts';
import '../../widgets/index.ts';
import { corrupt, corruptionsArb, type Json } from './corrupt.ts';
import { deepText, findButton, mount, overviewAdapter, settled, unmount, until, watchTrouble } from './helpers.ts';

const TOKEN = 'demo-alpha';
const ACCOUNTS = ['acc-nextgen', 'acc-installed', 'acc-conflict', 'acc-protected', 'acc-expiring', 'acc-quoted', 'acc-empty'];
const SEED = 20170201;

/** A backend that answers every read with the given body (and nothing else). */
function answering(bodies: { overview?: Json; quote?: Json }): BackendCore {
  const body = (value: Json | undefined): Promise<CoreResult> =>
    Promise.resolve(
      value === undefined
        ? { ok: false, status: 404, problem: { type: 'about:blank', title: 'Not found', status: 404, code: 'not-found' } }
        : { ok: true, status: 200, body: value },
    );
  return {
    getAccountOverview: () => body(bodies.overview),
    getQuote: () => body(bodies.quote),
    registerOpportunity: () => body(undefined),
    requestQuote: () => body(undefined),
    requestExtension: () => body(undefined),
    getOpportunities: () => body(undefined),
    previewDeals: () => body(undefined),
  };
}

/** A fetch that answers every request with `body` as JSON (the wire of the HTTP adapter). */
function fetchAnswering(body: Json): typeof fetch {
  return () =>
    Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: DealRegError };

/** Runs `call`; anything but a value or a DealRegError fails the test. */
async function outcomeOf<T>(call: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    expect(error, 'an adapter throws only DealRegError').to.be.instanceOf(DealRegError);
    return { ok: false, error: error as DealRegError };
  }
}

function expectTyped<T>(outcome: Outcome<T>): void {
  if (!outcome.ok) expect(outcome.error.code, outcome.error.message).to.equal('invalid-response');
}

describe('hostile world: malformed payloads', function () {
  this.timeout(180_000);

  const validOverviews = new Map<string, Json>();
  let validQuote: Json;

  before(async () => {
    const core = createMockBackend();
    for (const account of ACCOUNTS) {
      const result = await core.getAccountOverview(TOKEN, account);
      if (!result.ok) throw new Error(`the mock does not serve ${account}`);
      validOverviews.set(account, JSON.parse(JSON.stringify(result.body)) as Json);
    }
    const quoted = validOverviews.get('acc-quoted') as unknown as AccountOverview;
    const quote = quoted.quotes[0];
    if (!quote) throw new Error('acc-quoted has no quote');
    const result = await core.getQuote(TOKEN, quote.id);
    if (!result.ok) throw new Error('the mock does not serve the quote of acc-quoted');
    validQuote = JSON.parse(JSON.stringify(result.body)) as Json;
  });

  it('the untouched payloads are valid (so every rejection below is the corruption’s doing)', async () => {
    for (const [account, body] of validOverviews) {
      const outcome = await outcomeOf(() =>
        createMemoryAdapter(answering({ overview: body }), { token: TOKEN }).getAccountOverview(account),
      );
      expect(outcome.ok, account).to.equal(true);
    }
    const quote = await outcomeOf(() => createMemoryAdapter(answering({ quote: validQuote }), { token: TOKEN }).getQuote('q'));
    expect(quote.ok).to.equal(true);
  });

  /**
   * A seeded sample of corrupted overviews through the memory adapter, up to `max` that still fit
   * the contract and `max` that did not. The rendering test draws its own (it does not rely on
   * another test having run first).
   */
  async function sampleOutcomes(max: number) {
    const passed: Array<{ account: string; overview: AccountOverview }> = [];
    const failed: Array<{ account: string; error: DealRegError }> = [];
    for (const [account, corruptions] of fc.sample(fc.tuple(fc.constantFrom(...ACCOUNTS), corruptionsArb), {
      numRuns: 300,
      seed: SEED,
    })) {
      const doc = structuredClone(validOverviews.get(account)!);
      for (const c of corruptions) corrupt(doc, c);
      const outcome = await outcomeOf(() =>
        createMemoryAdapter(answering({ overview: doc }), { token: TOKEN }).getAccountOverview(account),
      );
      if (outcome.ok && passed.length < max) passed.push({ account, overview: outcome.value });
      if (!outcome.ok && failed.length < max) failed.push({ account, error: outcome.error });
    }
    return { passed, failed };
  }

  it('500 corrupted overviews each end as a valid overview or a typed invalid-response, the same through the memory and HTTP adapters', async () => {
    const trouble = watchTrouble();
    let runs = 0;
    let caught = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...ACCOUNTS), corruptionsArb, async (account, corruptions) => {
          runs++;
          const doc = structuredClone(validOverviews.get(account)!);
          for (const c of corruptions) corrupt(doc, c);
          const memory = await outcomeOf(() =>
            createMemoryAdapter(answering({ overview: doc }), { token: TOKEN }).getAccountOverview(account),
          );
          const http = await outcomeOf(() =>
            createHttpAdapter({
              baseUrl: '/api',
              getToken: () => TOKEN,
              fetch: fetchAnswering(doc),
              retries: 0,
            }).getAccountOverview(account),
          );
          expectTyped(memory);
          expectTyped(http);
          expect(http.ok, 'both adapters validate alike').to.equal(memory.ok);
          if (!memory.ok) caught++;
        }),
        { numRuns: 500, seed: SEED },
      );
    } finally {
      trouble.stop();
    }
    expect(runs).to.be.at.least(500);
    expect(trouble.all()).to.deep.equal([]);
    expect(caught, 'some corruptions are caught').to.be.greaterThan(0);
  });

  it('200 corrupted quotes each end as a valid quote or a typed invalid-response', async () => {
    const trouble = watchTrouble();
    let valid = 0;
    let invalid = 0;
    try {
      await fc.assert(
        fc.asyncProperty(corruptionsArb, async (corruptions) => {
          const doc = structuredClone(validQuote);
          for (const c of corruptions) corrupt(doc, c);
          const outcome = await outcomeOf<QuoteRequest>(() =>
            createMemoryAdapter(answering({ quote: doc }), { token: TOKEN }).getQuote('quo-x'),
          );
          expectTyped(outcome);
          if (outcome.ok) valid++;
          else invalid++;
        }),
        { numRuns: 200, seed: SEED },
      );
    } finally {
      trouble.stop();
    }
    expect(trouble.all()).to.deep.equal([]);
    expect(invalid).to.be.greaterThan(0);
    expect(valid + invalid).to.equal(200);
  });

  it('the panel renders a sample of 50 outcomes (valid or not) without an uncaught error or a console error', async () => {
    const { passed, failed } = await sampleOutcomes(25);
    expect(passed.length, 'some corruptions still fit the contract').to.be.greaterThan(0);
    expect(failed.length, 'some do not').to.be.greaterThan(0);
    const trouble = watchTrouble();
    try {
      for (const { account, error } of failed) {
        const panel = mount('dealreg-panel', overviewAdapter(error), { 'account-id': account, locale: 'en' });
        await until(() => settled(panel) && findButton(panel, /retry/i) !== undefined, `the error state of ${account}`);
        expect(deepText(panel)).not.to.include('undefined');
        unmount(panel);
      }
      for (const { account, overview } of passed) {
        const panel = mount('dealreg-panel', overviewAdapter(overview), { 'account-id': account, locale: 'en' });
        await until(() => settled(panel) && deepText(panel).trim().length > 0, `the panel of a corrupted ${account}`);
        unmount(panel);
      }
    } finally {
      trouble.stop();
    }
    expect(trouble.all()).to.deep.equal([]);
  });
});
