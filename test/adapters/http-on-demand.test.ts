// The default entry's createHttpAdapter: the HTTP adapter's code loaded on demand
// (src/adapters/http-on-demand.ts). Same answers and errors as the adapter itself, one load shared
// by every call, and a load that fails is a typed, retryable error that the next call recovers from.
import { expect } from '@open-wc/testing';
import type { DealRegAdapter } from '../../src/adapter.ts';
import { adapterOnDemand } from '../../src/adapters/http-on-demand.ts';
import { validatesItself } from '../../src/adapters/validated.ts';
import { DealRegError } from '../../src/errors.ts';
import { createHttpAdapter } from '../../lib/dealreg.ts';
import { anOverview, aQuote } from './fixtures.ts';

function json(body: unknown, status = 200): Response {
  const type = status < 300 ? 'application/json' : 'application/problem+json';
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

describe('createHttpAdapter from the default entry (its code loaded on demand)', () => {
  it('answers like the HTTP adapter: the parsed overview, with the bearer token sent', async () => {
    const seen: string[] = [];
    const adapter = createHttpAdapter({
      baseUrl: '/api',
      getToken: () => 'tok',
      fetch: async (input, init) => {
        seen.push(`${String(input)} ${new Headers(init?.headers).get('authorization')}`);
        return json(anOverview());
      },
    });
    const overview = await adapter.getAccountOverview('acc-1');
    expect(overview.account.id).to.equal(anOverview().account.id);
    expect(seen).to.deep.equal(['/api/v1/accounts/acc-1/overview Bearer tok']);
  });

  it('maps a problem+json to the same typed error, and marks its methods as validating', async () => {
    const adapter = createHttpAdapter({
      baseUrl: '/api',
      getToken: () => 'tok',
      retries: 0,
      fetch: async () => json({ type: 'about:blank', title: 'Not found', status: 404, code: 'not-found' }, 404),
    });
    const error = await adapter.getQuote('q-1').catch((e: unknown) => e);
    expect(error).to.be.instanceOf(DealRegError);
    expect((error as DealRegError).code).to.equal('not-found');
    for (const method of Object.values(adapter)) expect(validatesItself(method)).to.equal(true);
  });

  it('loads once, when created, whatever the number of calls', async () => {
    let loads = 0;
    const quote = aQuote();
    const adapter = adapterOnDemand(async () => {
      loads += 1;
      return { getQuote: async () => quote } as unknown as DealRegAdapter;
    });
    expect(loads, 'asked for at creation').to.equal(1);
    const answers = await Promise.all([adapter.getQuote('a'), adapter.getQuote('b'), adapter.getQuote('c')]);
    expect(answers).to.deep.equal([quote, quote, quote]);
    expect(loads).to.equal(1);
  });

  it('a load that fails rejects with a retryable network error, and the next call loads again', async () => {
    let loads = 0;
    const quote = aQuote();
    const adapter = adapterOnDemand(async () => {
      loads += 1;
      if (loads === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return { getQuote: async () => quote } as unknown as DealRegAdapter;
    });
    const error = await adapter.getQuote('q-1').catch((e: unknown) => e);
    expect(error).to.be.instanceOf(DealRegError);
    expect((error as DealRegError).code).to.equal('network');
    expect((error as DealRegError).retryable).to.equal(true);
    expect(await adapter.getQuote('q-1')).to.equal(quote);
    expect(loads).to.equal(2);
  });
});
