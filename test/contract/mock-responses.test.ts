// The mock backend speaks the contract: every answer it gives through the REST handler, for every demo
// account, both partners and every operation, has a documented status, media type and body. Bodies are
// held to a closed copy of the schemas (no field the contract does not name), so an internal field that
// leaks (a partnerId, another partner's name) fails here.
import { expect } from '@open-wc/testing';
import {
  createMockBackend,
  createRestHandler,
  DEMO_ACCOUNT_IDS,
  DEMO_CUSTOMERS,
  demoCrmRecords,
  type MockBackend,
} from '../../mocks/index.ts';
import type { DealPreviews } from '../../src/domain/deal.ts';
import { sirenOf } from '../../src/program/customer-identifiers.ts';
import type { AccountOverview, OpportunityPage, QuoteRequest, Registration } from '../../src/domain/types.ts';
import type { BookPage } from '../../src/domain/book.ts';
import { BOOK_VIEWS } from '../../src/domain/status.ts';
import { MAX_REJECTED_PER_DAY } from '../../mocks/core/commands.ts';
import { contractChecker, loadContract, type ContractCheck, MINIMAL_DEAL } from './contract.ts';

const ORIGIN = 'http://contract.test';
const OVERVIEW = '/v1/accounts/{accountId}/overview';
const REGISTRATIONS = '/v1/registrations';
const QUOTE_REQUESTS = '/v1/registrations/{registrationId}/quote-requests';
const QUOTE = '/v1/quote-requests/{quoteId}';
const EXTENSION = '/v1/registrations/{registrationId}/extension';
const OPPORTUNITIES = '/v1/accounts/{accountId}/opportunities';
const PREVIEWS = '/v1/accounts/{accountId}/deal-previews';

const pagePath = (accountId: string, cursor: string | null, limit?: string) => {
  const query = new URLSearchParams();
  if (cursor !== null) query.set('cursor', cursor);
  if (limit !== undefined) query.set('limit', limit);
  return `/v1/accounts/${accountId}/opportunities?${query.toString()}`;
};

let check: ContractCheck;
let core: MockBackend;
let handle: (request: Request) => Promise<Response | undefined>;
let keys = 0;

before(async () => {
  check = contractChecker(await loadContract(), { closed: true });
});
beforeEach(() => {
  core = createMockBackend();
  handle = createRestHandler(core, { basePath: '/api' });
});

async function call(
  method: 'GET' | 'POST',
  path: string,
  o: { token?: string | null; body?: unknown; key?: string | null } = {},
): Promise<Response> {
  const headers = new Headers();
  const token = o.token === undefined ? 'demo-alpha' : o.token;
  if (token !== null) headers.set('Authorization', `Bearer ${token}`);
  const key = o.key === undefined ? (method === 'POST' ? `contract-${++keys}` : null) : o.key;
  if (key !== null) headers.set('Idempotency-Key', key);
  if (o.body !== undefined) headers.set('Content-Type', 'application/json');
  const init: RequestInit = { method, headers };
  if (o.body !== undefined) init.body = JSON.stringify(o.body);
  const response = await handle(new Request(`${ORIGIN}/api${path}`, init));
  expect(response, `${method} ${path} is answered`).to.exist;
  return response!;
}

async function overviewOf(accountId: string, token = 'demo-alpha'): Promise<AccountOverview> {
  return (await check.response(
    'GET',
    OVERVIEW,
    await call('GET', `/v1/accounts/${accountId}/overview`, { token }),
  )) as AccountOverview;
}

describe('the mock backend answers as the contract says', () => {
  for (const token of ['demo-alpha', 'demo-beta']) {
    for (const accountId of DEMO_ACCOUNT_IDS.filter((id) => id !== 'acc-broken')) {
      it(`GET overview of ${accountId} as ${token}: 200 AccountOverview with only contract fields`, async () => {
        const overview = await overviewOf(accountId, token);
        expect(overview.account.id).to.equal(accountId);
        // Each registration and quote it lists is also served alone as the contract says.
        for (const quote of overview.quotes.slice(0, 3)) {
          await check.response('GET', QUOTE, await call('GET', `/v1/quote-requests/${quote.id}`, { token }));
        }
      });
    }
  }

  for (const token of ['demo-alpha', 'demo-beta']) {
    it(`GET opportunities of acc-large as ${token}: every page to the end is a 200 OpportunityPage with only contract fields`, async () => {
      // Some registrations first, so the pages carry registrations and quotes too.
      for (const n of ['0010', '0200', '0300']) {
        await call('POST', REGISTRATIONS, {
          token,
          body: { accountId: 'acc-large', opportunityId: `opp-large-${n}`, presalesActivities: ['sizing'] },
        });
      }
      let cursor = (await overviewOf('acc-large', token)).nextCursor;
      let pages = 0;
      while (cursor !== null) {
        const page = (await check.response(
          'GET',
          OPPORTUNITIES,
          await call('GET', pagePath('acc-large', cursor, '100'), { token }),
        )) as OpportunityPage;
        cursor = page.nextCursor;
        pages += 1;
      }
      expect(pages).to.equal(10);
    });
  }

  it('GET opportunities: 400 invalid-cursor (tampered, another partner’s, another account’s), 400 invalid-request, 401, 404, 503', async () => {
    const cursor = (await overviewOf('acc-large')).nextCursor!;
    const expectProblem = async (response: Response, status: number, code: string) => {
      expect(response.status).to.equal(status);
      expect(((await check.response('GET', OPPORTUNITIES, response)) as { code: string }).code).to.equal(code);
    };
    const flipped = `${cursor.slice(0, 4)}${cursor[4] === 'A' ? 'B' : 'A'}${cursor.slice(5)}`;
    await expectProblem(await call('GET', pagePath('acc-large', flipped)), 400, 'invalid-cursor');
    await expectProblem(await call('GET', pagePath('acc-large', cursor), { token: 'demo-beta' }), 400, 'invalid-cursor');
    await expectProblem(await call('GET', pagePath('acc-nextgen', cursor)), 400, 'invalid-cursor');
    await expectProblem(await call('GET', pagePath('acc-large', null)), 400, 'invalid-request');
    for (const limit of ['0', '-3', '2.5', 'ten', ''])
      await expectProblem(await call('GET', pagePath('acc-large', cursor, limit)), 400, 'invalid-request');
    await expectProblem(await call('GET', pagePath('acc-large', cursor), { token: null }), 401, 'unauthorized');
    await expectProblem(await call('GET', pagePath('acc-nowhere', cursor)), 404, 'not-found');
    const many = (await check.response(
      'GET',
      OPPORTUNITIES,
      await call('GET', pagePath('acc-large', cursor, '1000')),
    )) as OpportunityPage;
    expect(many.opportunities, 'a limit past the maximum is served as the maximum').to.have.length(100);
    core.configure({ failureRate: 1 });
    const unavailable = await call('GET', pagePath('acc-large', cursor));
    expect(unavailable.headers.get('Retry-After')).to.match(/^\d+$/);
    await expectProblem(unavailable, 503, 'service-unavailable');
    expect((await call('POST', pagePath('acc-large', cursor))).status, 'GET only').to.equal(405);
  });

  it('acc-broken is served malformed on purpose: the contract rejects it (the check can fail)', async () => {
    const response = await call('GET', '/v1/accounts/acc-broken/overview');
    expect(response.status).to.equal(200);
    const body = (await response.json()) as unknown;
    expect(check.schemaErrors('AccountOverview', body)).not.to.deep.equal([]);
  });

  it('a leaked internal field would fail the closed schemas', async () => {
    const overview = await overviewOf('acc-protected');
    const leaked = structuredClone(overview) as unknown as { registrations: Array<Record<string, unknown>> };
    leaked.registrations[0]!['partnerId'] = 'alpha';
    expect(check.schemaErrors('AccountOverview', leaked).join()).to.contain('"additionalProperty":"partnerId"');
  });

  it('GET overview: 401 without a token or with an unknown one, 404 for an unknown account (problem+json)', async () => {
    await check.response('GET', OVERVIEW, await call('GET', '/v1/accounts/acc-nextgen/overview', { token: null }));
    const unknownToken = await call('GET', '/v1/accounts/acc-nextgen/overview', { token: 'nope' });
    expect(unknownToken.status).to.equal(401);
    await check.response('GET', OVERVIEW, unknownToken);
    const missing = await call('GET', '/v1/accounts/acc-nowhere/overview');
    expect(missing.status).to.equal(404);
    await check.response('GET', OVERVIEW, missing);
  });

  it('POST registrations: 201 approved, 201 rejected already-protected, 409 already-registered, 422 key reused, 400 without key', async () => {
    const nextgen = await overviewOf('acc-nextgen');
    const opp = nextgen.opportunities[0]!;
    const request = { accountId: 'acc-nextgen', opportunityId: opp.id, presalesActivities: ['workshop'] };
    const approved = await call('POST', REGISTRATIONS, { body: request, key: 'reg-key-1' });
    expect(approved.status).to.equal(201);
    expect(((await check.response('POST', REGISTRATIONS, approved)) as Registration).status).to.equal('approved');

    const again = await call('POST', REGISTRATIONS, { body: request });
    expect(again.status).to.equal(409);
    await check.response('POST', REGISTRATIONS, again);

    const reused = await call('POST', REGISTRATIONS, { body: { ...request, presalesActivities: ['demo'] }, key: 'reg-key-1' });
    expect(reused.status).to.equal(422);
    await check.response('POST', REGISTRATIONS, reused);

    const noKey = await call('POST', REGISTRATIONS, { body: request, key: null });
    expect(noKey.status).to.equal(400);
    await check.response('POST', REGISTRATIONS, noKey);

    const conflict = await overviewOf('acc-conflict');
    const held = conflict.opportunities.find((o) => o.protectedByAnotherPartner)!;
    const rejected = await call('POST', REGISTRATIONS, {
      body: { accountId: 'acc-conflict', opportunityId: held.id, presalesActivities: ['sizing'] },
    });
    expect(rejected.status).to.equal(201);
    expect(((await check.response('POST', REGISTRATIONS, rejected)) as Registration).reasons).to.deep.equal([
      'already-protected',
    ]);

    const badBody = await call('POST', REGISTRATIONS, { body: { accountId: 'acc-nextgen', opportunityId: 42 } });
    expect(badBody.status).to.equal(400);
    await check.response('POST', REGISTRATIONS, badBody);
  });

  it('POST registrations: 429 too-many-attempts with Retry-After once the day’s rejections of a deal are used up', async () => {
    const held = { accountId: 'acc-conflict', opportunityId: 'opp-conflict-flash', presalesActivities: ['sizing'] };
    for (let i = 0; i < MAX_REJECTED_PER_DAY; i += 1) {
      expect((await call('POST', REGISTRATIONS, { body: held })).status).to.equal(201);
    }
    const refused = await call('POST', REGISTRATIONS, { body: held });
    expect(refused.status).to.equal(429);
    expect(refused.headers.get('Retry-After')).to.match(/^\d+$/);
    expect(((await check.response('POST', REGISTRATIONS, refused)) as { code: string }).code).to.equal('too-many-attempts');
  });

  it('POST quote-requests: 201 submitted, 409 quote-already-open, 404 on another partner’s registration as on an unknown one; GET quote 200', async () => {
    core.configure({ quoteDecisionDelayMs: 0 });
    const held = (await overviewOf('acc-protected')).registrations.find((r) => r.status === 'approved')!;
    const created = await call('POST', `/v1/registrations/${held.id}/quote-requests`);
    expect(created.status).to.equal(201);
    const quote = (await check.response('POST', QUOTE_REQUESTS, created)) as QuoteRequest;
    const fetched = (await check.response('GET', QUOTE, await call('GET', `/v1/quote-requests/${quote.id}`))) as QuoteRequest;
    expect(fetched.status).to.equal('quoted');

    const open = await call('POST', `/v1/registrations/${held.id}/quote-requests`);
    expect(open.status).to.equal(409);
    await check.response('POST', QUOTE_REQUESTS, open);

    const betaHeld = (await overviewOf('acc-conflict', 'demo-beta')).registrations.find((r) => r.status === 'approved')!;
    const foreign = await call('POST', `/v1/registrations/${betaHeld.id}/quote-requests`);
    expect(foreign.status).to.equal(404);
    await check.response('POST', QUOTE_REQUESTS, foreign);

    const unknown = await call('POST', '/v1/registrations/reg-none/quote-requests');
    expect(unknown.status).to.equal(404);
    await check.response('POST', QUOTE_REQUESTS, unknown);
    const noQuote = await call('GET', '/v1/quote-requests/quo-none');
    expect(noQuote.status).to.equal(404);
    await check.response('GET', QUOTE, noQuote);
  });

  it('POST extension: 200 Registration once, then 409 extension-not-allowed', async () => {
    const held = (await overviewOf('acc-expiring')).registrations.find((r) => r.status === 'approved')!;
    const extended = await call('POST', `/v1/registrations/${held.id}/extension`);
    expect(extended.status).to.equal(200);
    await check.response('POST', EXTENSION, extended);
    const refused = await call('POST', `/v1/registrations/${held.id}/extension`);
    expect(refused.status).to.equal(409);
    expect(((await check.response('POST', EXTENSION, refused)) as { code: string }).code).to.equal('extension-not-allowed');
  });

  it('413 for a body past 64 KiB and 400 for JSON nested past 32 levels, as documented', async () => {
    const huge = await call('POST', REGISTRATIONS, { body: { accountId: 'acc-nextgen', note: 'x'.repeat(70 * 1024) } });
    expect(huge.status).to.equal(413);
    await check.response('POST', REGISTRATIONS, huge);
    let deep: unknown = {};
    for (let i = 0; i < 40; i += 1) deep = [deep];
    const nested = await call('POST', REGISTRATIONS, { body: deep });
    expect(nested.status).to.equal(400);
    await check.response('POST', REGISTRATIONS, nested);
  });

  it('415 for a body not declared application/json, on every POST, as documented', async () => {
    const held = (await overviewOf('acc-protected')).registrations[0]!;
    for (const [template, path] of [
      [REGISTRATIONS, REGISTRATIONS],
      [QUOTE_REQUESTS, `/v1/registrations/${held.id}/quote-requests`],
      [EXTENSION, `/v1/registrations/${held.id}/extension`],
    ] as const) {
      const headers = {
        Authorization: 'Bearer demo-alpha',
        'Idempotency-Key': `contract-${++keys}`,
        'Content-Type': 'text/plain',
      };
      const response = (await handle(new Request(`${ORIGIN}/api${path}`, { method: 'POST', headers, body: '{}' })))!;
      expect(response.status, path).to.equal(415);
      await check.response('POST', template, response);
    }
  });

  it('405 with Allow for a method a path does not serve, as components/responses/MethodNotAllowed says', async () => {
    const documented = (await loadContract()).components.responses['MethodNotAllowed']!;
    expect(Object.keys(documented['headers'] as object)).to.deep.equal(['Allow']);
    for (const [method, path, allow] of [
      ['PUT', '/v1/accounts/acc-nextgen/overview', 'GET, HEAD'],
      ['DELETE', '/v1/quote-requests/quo-none', 'GET, HEAD'],
      ['PUT', REGISTRATIONS, 'GET, HEAD, POST'],
      ['GET', QUOTE_REQUESTS.replace('{registrationId}', 'reg-none'), 'POST'],
    ] as const) {
      const response = (await handle(
        new Request(`${ORIGIN}/api${path}`, { method, headers: { Authorization: 'Bearer demo-alpha' } }),
      ))!;
      expect(response.status, `${method} ${path}`).to.equal(405);
      expect(response.headers.get('Allow')).to.equal(allow);
      expect(response.headers.get('Content-Type')).to.equal('application/problem+json');
      expect(check.schemaErrors('Problem', await response.json())).to.deep.equal([]);
    }
  });

  describe('the book', () => {
    const bookPath = (query: Record<string, string>) => `${REGISTRATIONS}?${new URLSearchParams(query).toString()}`;
    const bookOf = async (query: Record<string, string>, token = 'demo-alpha') =>
      (await check.response('GET', REGISTRATIONS, await call('GET', bookPath(query), { token }))) as BookPage;

    for (const token of ['demo-alpha', 'demo-beta']) {
      it(`GET registrations as ${token}: every page of the book, each view and a search are 200 BookPage with only contract fields`, async () => {
        let page = await bookOf({ limit: '100' }, token);
        expect(page.counts, 'the first page counts').to.exist;
        let rows = page.rows.length;
        while (page.nextCursor !== null) {
          page = await bookOf({ limit: '100', cursor: page.nextCursor }, token);
          expect(page.counts, 'a later page does not').to.equal(undefined);
          rows += page.rows.length;
        }
        expect(rows).to.be.greaterThan(50);
        for (const view of BOOK_VIEWS) expect((await bookOf({ view }, token)).rows.length, view).to.be.greaterThan(0);
        await bookOf({ q: 'guerin', sort: 'quote-validity', status: 'approved,expired', expiresAfter: '2017-01-01' }, token);
      });
    }

    it('GET registrations: 400 invalid-request naming the parameter, 400 invalid-cursor, 401, 503 with Retry-After, as documented', async () => {
      const expectProblem = async (response: Response, status: number, code: string) => {
        expect(response.status).to.equal(status);
        const problem = (await check.response('GET', REGISTRATIONS, response)) as { code: string; detail: string };
        expect(problem.code).to.equal(code);
        return problem;
      };
      for (const [query, named] of [
        ['view=later', 'view'],
        ['status=approved,pending', 'status'],
        ['status=', 'status'],
        ['expiresBefore=2017-02-30', 'expiresBefore'],
        ['expiresAfter=14/02/2017', 'expiresAfter'],
        [`q=${'a'.repeat(101)}`, 'q must'],
        ['sort=alphabetical', 'sort'],
        ['limit=0', 'limit'],
        ['limit=ten', 'limit'],
        ['cursor=', 'cursor'],
        ['view=active&view=rejected', 'view'],
        ['owner=beta', 'the book takes'],
      ] as const) {
        const { detail } = await expectProblem(await call('GET', `${REGISTRATIONS}?${query}`), 400, 'invalid-request');
        expect(detail, query).to.contain(named);
      }
      const cursor = (await bookOf({ view: 'active' })).nextCursor!;
      const flipped = `${cursor.slice(0, 4)}${cursor[4] === 'A' ? 'B' : 'A'}${cursor.slice(5)}`;
      for (const [query, token] of [
        [{ view: 'active', cursor: flipped }, 'demo-alpha'],
        [{ view: 'active', cursor }, 'demo-beta'],
        [{ view: 'rejected', cursor }, 'demo-alpha'],
        [{ cursor }, 'demo-alpha'],
      ] as const) {
        await expectProblem(await call('GET', bookPath(query), { token }), 400, 'invalid-cursor');
      }
      await expectProblem(await call('GET', REGISTRATIONS, { token: null }), 401, 'unauthorized');
      core.configure({ failureRate: 1 });
      const unavailable = await call('GET', REGISTRATIONS);
      expect(unavailable.headers.get('Retry-After')).to.match(/^\d+$/);
      await expectProblem(unavailable, 503, 'service-unavailable');
    });
  });

  it('503 when the backend fails: problem+json with Retry-After', async () => {
    core.configure({ failureRate: 1 });
    const response = await call('GET', '/v1/accounts/acc-nextgen/overview');
    expect(response.status).to.equal(503);
    expect(response.headers.get('Retry-After')).to.match(/^\d+$/);
    await check.response('GET', OVERVIEW, response);
  });

  describe('CRM deals', () => {
    const previewPath = (ref: string) => `/v1/accounts/${ref}/deal-previews`;

    for (const [token, partner] of [
      ['demo-alpha', 'alpha'],
      ['demo-beta', 'beta'],
    ] as const) {
      it(`POST deal-previews of every demo customer’s CRM deals as ${token}: 200 DealPreviews with only contract fields`, async () => {
        core.configure({ quoteDecisionDelayMs: 0 });
        for (const account of DEMO_ACCOUNT_IDS.filter((a) => a !== 'acc-broken' && a !== 'acc-empty')) {
          const records = demoCrmRecords(account, { partner });
          const siren = sirenOf(records.account);
          const ref = siren === null ? `duns:${records.account.duns!}` : `siren:${siren}`;
          const deals = records.opportunities.slice(0, 25).map(({ id, name, amount, closeDate, lines }) => ({
            partnerOpportunityId: id,
            name,
            amount,
            closeDate,
            lines,
          }));
          const response = await call('POST', previewPath(ref), { token, body: { deals }, key: null });
          expect(response.status, account).to.equal(200);
          const previews = (await check.response('POST', PREVIEWS, response)) as DealPreviews;
          expect(previews.previews, account).to.have.length(deals.length);
        }
      });
    }

    it('POST deal-previews: 400, 401, 404, 415 and 405 as documented; acc-broken is served malformed on purpose', async () => {
      const deal = MINIMAL_DEAL;
      const expectProblem = async (response: Response, status: number) => {
        expect(response.status).to.equal(status);
        await check.response('POST', PREVIEWS, response);
      };
      await expectProblem(await call('POST', previewPath('acc-nextgen'), { body: { deals: [] } }), 400);
      await expectProblem(await call('POST', previewPath('siren:412853674'), { body: { deals: [deal] } }), 400);
      await expectProblem(await call('POST', previewPath('acc-nextgen'), { body: { deals: [deal] }, token: null }), 401);
      await expectProblem(await call('POST', previewPath('acc-nowhere'), { body: { deals: [deal] } }), 404);
      const asText = await handle(
        new Request(`${ORIGIN}/api${previewPath('acc-nextgen')}`, {
          method: 'POST',
          headers: { Authorization: 'Bearer demo-alpha', 'Content-Type': 'text/plain' },
          body: JSON.stringify({ deals: [deal] }),
        }),
      );
      await expectProblem(asText!, 415);
      const get = (await handle(
        new Request(`${ORIGIN}/api${previewPath('acc-nextgen')}`, { headers: { Authorization: 'Bearer demo-alpha' } }),
      ))!;
      expect([get.status, get.headers.get('Allow')]).to.deep.equal([405, 'POST']);
      const broken = await call('POST', previewPath('acc-broken'), { body: { deals: [deal] } });
      expect(broken.status).to.equal(200);
      expect(check.schemaErrors('DealPreviews', await broken.json())).not.to.deep.equal([]);
    });

    it('GET overview by siren:/duns:, and of a customer the vendor has no record of: 200 AccountOverview; a malformed SIREN 400', async () => {
      for (const ref of [
        `siren:${DEMO_CUSTOMERS['acc-quoted'].siren}`,
        `duns:${DEMO_CUSTOMERS['acc-conflict'].duns}`,
        'siren:732829320',
      ]) {
        expect((await overviewOf(ref)).account.id).to.equal(
          ref === 'siren:732829320' ? ref : ref.startsWith('duns') ? 'acc-conflict' : 'acc-quoted',
        );
      }
      const malformed = await call('GET', '/v1/accounts/siren:412853674/overview');
      expect(malformed.status).to.equal(400);
      await check.response('GET', OVERVIEW, malformed);
    });

    it('POST registrations with a deal: 201 with its snapshot, 409 while it blocks, 400 for both bodies at once', async () => {
      const deal = {
        partnerOpportunityId: '006B',
        name: 'Synergy',
        amount: { value: 90000, currency: 'EUR' },
        closeDate: '2017-04-20',
        lines: [
          { sku: 'SY480-G10', family: 'composable', quantity: 2, description: 'Modules de calcul' },
          { sku: 'PS-1', quantity: 1 },
        ],
      };
      const request = { accountId: `siren:${DEMO_CUSTOMERS['acc-nextgen'].siren}`, deal, presalesActivities: ['demo'] };
      expect(check.schemaErrors('DealRegistrationRequest', request), 'the request as documented').to.deep.equal([]);
      const created = await call('POST', REGISTRATIONS, { body: request });
      expect(created.status).to.equal(201);
      const registration = (await check.response('POST', REGISTRATIONS, created)) as Registration;
      expect(registration.unknownSkus).to.deep.equal(['PS-1']);
      const again = await call('POST', REGISTRATIONS, { body: request });
      expect(again.status).to.equal(409);
      await check.response('POST', REGISTRATIONS, again);
      const both = await call('POST', REGISTRATIONS, { body: { ...request, opportunityId: 'opp-nextgen-synergy' } });
      expect(both.status).to.equal(400);
      await check.response('POST', REGISTRATIONS, both);
      // The overview lists it with its snapshot, as the contract says.
      expect((await overviewOf('acc-nextgen')).registrations.map((r) => r.partnerOpportunityId)).to.include('006B');
    });
  });
});
