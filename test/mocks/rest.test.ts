// The REST contract (docs/rest-contract.md) through the fetch-style router that MSW and the Node server share.
import { expect } from '@open-wc/testing';
import { createMockBackend, createRestHandler, SAMPLE_PROGRAM } from '../../mocks/index.ts';
import { newKey } from './helpers.ts';
import { addDays } from '../../src/program/index.ts';

const ORIGIN = 'http://crm.example';
const OVERVIEW = `${ORIGIN}/api/v1/accounts/acc-nextgen/overview`;

function setup(options: Parameters<typeof createMockBackend>[0] = {}, basePath?: string) {
  const backend = createMockBackend(options);
  const handle = createRestHandler(backend, basePath === undefined ? {} : { basePath });
  const call = async (path: string, init: RequestInit = {}) => {
    const response = await handle(new Request(`${ORIGIN}${path}`, init));
    if (!response) throw new Error(`not routed: ${path}`);
    return response;
  };
  return { backend, handle, call };
}

const auth = (token = 'demo-alpha') => ({ Authorization: `Bearer ${token}` });
const post = (token: string, body: unknown, key: string | null = newKey()): RequestInit => ({
  method: 'POST',
  headers: { ...auth(token), 'Content-Type': 'application/json', ...(key === null ? {} : { 'Idempotency-Key': key }) },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('REST router', () => {
  it('no token: 401 application/problem+json with code unauthorized', async () => {
    const { handle } = setup();
    const response = (await handle(new Request(OVERVIEW)))!;
    expect(response.status).to.equal(401);
    expect(response.headers.get('content-type')).to.match(/^application\/problem\+json/);
    const problem = (await response.json()) as Record<string, unknown>;
    expect(problem).to.include({ status: 401, code: 'unauthorized' });
    expect(problem.type).to.be.a('string');
    expect(problem.title).to.be.a('string');
  });

  it('an unknown token or another scheme: 401 problem+json', async () => {
    const { handle } = setup();
    for (const header of ['Bearer demo-gamma', 'Basic ZGVtbzpkZW1v', 'Bearer']) {
      const response = (await handle(new Request(OVERVIEW, { headers: { Authorization: header } })))!;
      expect(response.status, header).to.equal(401);
      expect(response.headers.get('content-type')).to.match(/^application\/problem\+json/);
    }
  });

  it('a demo token: 200 application/json overview of the signed-in partner', async () => {
    const { call } = setup();
    const response = await call('/api/v1/accounts/acc-nextgen/overview', { headers: auth('demo-beta') });
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.match(/^application\/json/);
    expect(((await response.json()) as { partner: { name: string } }).partner.name).to.equal('Beta Intégration');
  });

  it('paths outside the base path are not ours (undefined), unknown routes under it are 404 problem+json', async () => {
    const { handle, call } = setup();
    expect(await handle(new Request(`${ORIGIN}/index.html`))).to.equal(undefined);
    expect(await handle(new Request(`${ORIGIN}/apix/v1/accounts/acc-nextgen/overview`))).to.equal(undefined);
    const unknown = await call('/api/v2/whatever', { headers: auth() });
    expect(unknown.status).to.equal(404);
    expect(unknown.headers.get('content-type')).to.match(/^application\/problem\+json/);
    expect((await call('/api/v1/accounts/acc-nowhere/overview', { headers: auth() })).status).to.equal(404);
  });

  it('the whole flow over REST: register 201, quote 201, read quote 200, extension 409 then 200 inside its window', async () => {
    const { call, backend } = setup();
    const registered = await call(
      '/api/v1/registrations',
      post('demo-alpha', { accountId: 'acc-expiring', opportunityId: 'opp-expiring-composable', presalesActivities: ['demo'] }),
    );
    // alpha already holds acc-expiring: 409 already-registered
    expect(registered.status).to.equal(409);
    expect(((await registered.json()) as { code: string }).code).to.equal('already-registered');

    const fresh = await call(
      '/api/v1/registrations',
      post('demo-alpha', { accountId: 'acc-nextgen', opportunityId: 'opp-nextgen-synergy', presalesActivities: ['demo'] }),
    );
    expect(fresh.status).to.equal(201);
    const reg = (await fresh.json()) as { id: string; status: string; protectedUntil: string };
    expect(reg.status).to.equal('approved');

    const quote = await call(`/api/v1/registrations/${reg.id}/quote-requests`, post('demo-alpha', undefined));
    expect(quote.status).to.equal(201);
    const quoteBody = (await quote.json()) as { id: string; status: string };
    expect(quoteBody.status).to.equal('submitted');
    const read = await call(`/api/v1/quote-requests/${quoteBody.id}`, { headers: auth() });
    expect(read.status).to.equal(200);
    expect(((await read.json()) as { id: string }).id).to.equal(quoteBody.id);

    // 90 days left: the extension window (the program's extensionWindowDays) is not open yet.
    const early = await call(`/api/v1/registrations/${reg.id}/extension`, post('demo-alpha', undefined));
    expect(early.status).to.equal(409);
    expect(((await early.json()) as { code: string }).code).to.equal('extension-not-allowed');
    backend.setClock(`${addDays(reg.protectedUntil, -SAMPLE_PROGRAM.protection.extensionWindowDays)}T09:00:00Z`);
    const extension = await call(`/api/v1/registrations/${reg.id}/extension`, post('demo-alpha', undefined));
    expect(extension.status).to.equal(200);
    expect(((await extension.json()) as { extensionsUsed: number }).extensionsUsed).to.equal(1);
  });

  it('a POST without Idempotency-Key is 400; invalid JSON is 400; a wrong method is 405', async () => {
    const { call } = setup();
    const body = { accountId: 'acc-nextgen', opportunityId: 'opp-nextgen-synergy', presalesActivities: ['demo'] };
    const noKey = await call('/api/v1/registrations', post('demo-alpha', body, null));
    expect(noKey.status).to.equal(400);
    expect(((await noKey.json()) as { code: string }).code).to.equal('invalid-request');
    expect((await call('/api/v1/registrations', post('demo-alpha', '{"accountId":'))).status).to.equal(400);
    // Authentication comes first: unreadable JSON from nobody is 401, not 400.
    const anonymous = await call('/api/v1/registrations', {
      method: 'POST',
      body: '{"accountId":',
      headers: { 'Idempotency-Key': newKey() },
    });
    expect(anonymous.status).to.equal(401);
    expect(anonymous.headers.get('content-type')).to.match(/^application\/problem\+json/);
    const wrongMethod = await call('/api/v1/registrations', { method: 'PUT', headers: auth() });
    expect(wrongMethod.status).to.equal(405);
    expect(wrongMethod.headers.get('allow')).to.equal('GET, HEAD, POST');
  });

  it('the same Idempotency-Key replays the first response over REST: same status, same body', async () => {
    const { call } = setup();
    const key = newKey();
    const body = { accountId: 'acc-dormant', opportunityId: 'opp-dormant-storage', presalesActivities: ['workshop'] };
    const first = await call('/api/v1/registrations', post('demo-alpha', body, key));
    const second = await call('/api/v1/registrations', post('demo-alpha', body, key));
    expect(second.status).to.equal(first.status);
    expect(await second.text()).to.equal(await first.text());
    const reused = await call('/api/v1/registrations', post('demo-alpha', { ...body, note: 'autre' }, key));
    expect(reused.status).to.equal(422);
  });

  it('a simulated outage is 503 problem+json with Retry-After: 1', async () => {
    const { call } = setup({ failureRate: 1 });
    const response = await call('/api/v1/accounts/acc-nextgen/overview', { headers: auth() });
    expect(response.status).to.equal(503);
    expect(response.headers.get('retry-after')).to.equal('1');
    expect(response.headers.get('content-type')).to.match(/^application\/problem\+json/);
    expect(((await response.json()) as { code: string }).code).to.equal('service-unavailable');
  });

  it('the base path is configurable', async () => {
    const { handle } = setup({}, '/vendor/api/');
    expect(await handle(new Request(OVERVIEW, { headers: auth() }))).to.equal(undefined);
    const response = (await handle(new Request(`${ORIGIN}/vendor/api/v1/accounts/acc-empty/overview`, { headers: auth() })))!;
    expect(response.status).to.equal(200);
  });

  it('latency is simulated: a fixed delay holds the answer back, behind one asked later without it', async () => {
    const slow = setup({ latencyMs: 60 });
    const fast = setup();
    const order: string[] = [];
    const asked = (name: string, call: typeof slow.call) =>
      call('/api/v1/accounts/acc-empty/overview', { headers: auth() }).then((response) => {
        order.push(name);
        return response.status;
      });
    expect(await Promise.all([asked('with latency', slow.call), asked('without', fast.call)])).to.deep.equal([200, 200]);
    expect(order).to.deep.equal(['without', 'with latency']);
  });
});
