// Strict on the wire, through the REST router that MSW and the Node server share: a method a route
// does not serve is 405 problem+json with Allow, HEAD answers wherever GET does (same status and
// headers, no body), and a body not declared application/json is 415 before it is read or parsed.
// A browser cannot build a TRACE request; test/node/mock-server.test.mjs sends one over real HTTP.
import { expect } from '@open-wc/testing';
import { createMockBackend, createRestHandler, type MockBackend } from '../../mocks/index.ts';
import { ALPHA, newKey } from './helpers.ts';

const ORIGIN = 'http://mock.test';
const DEAL = { accountId: 'acc-nextgen', opportunityId: 'opp-nextgen-synergy', presalesActivities: ['demo'] };

function setup() {
  const backend = createMockBackend();
  const handle = createRestHandler(backend);
  const call = async (path: string, init: RequestInit = {}) => (await handle(new Request(`${ORIGIN}/api${path}`, init)))!;
  return { backend, call };
}

const signedIn = (headers: Record<string, string> = {}) => ({ Authorization: `Bearer ${ALPHA}`, ...headers });
const writeHeaders = (headers: Record<string, string> = {}) => signedIn({ 'Idempotency-Key': newKey(), ...headers });
const alphaRegistrations = (backend: MockBackend) =>
  backend.inspect().registrations.filter((r) => r.partnerId === 'alpha' && r.opportunityId === DEAL.opportunityId);

async function protectedRegistrationId(call: ReturnType<typeof setup>['call']): Promise<string> {
  const overview = (await (await call('/v1/accounts/acc-protected/overview', { headers: signedIn() })).json()) as {
    registrations: Array<{ id: string }>;
  };
  return overview.registrations[0]!.id;
}

/** A body with no declared type (a Blob without one), streamed so the test sees whether it was read. */
function untypedBody(text: string): { body: ReadableStream<Uint8Array>; pulled: () => boolean } {
  let pulled = false;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        pulled = true;
        controller.enqueue(new TextEncoder().encode(text));
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  return { body, pulled: () => pulled };
}

async function expectProblem(response: Response, status: number): Promise<Record<string, unknown>> {
  expect(response.status).to.equal(status);
  expect(response.headers.get('content-type')).to.equal('application/problem+json');
  const problem = (await response.json()) as Record<string, unknown>;
  expect(problem).to.include({ status, code: 'invalid-request' });
  return problem;
}

describe('every method a route does not serve is 405 problem+json with Allow', () => {
  const GET_ROUTES = [
    '/v1/accounts/acc-nextgen/overview',
    '/v1/accounts/acc-large/opportunities?cursor=x',
    '/v1/quote-requests/q',
  ];
  const POST_ROUTES = ['/v1/registrations/r/quote-requests', '/v1/registrations/r/extension'];

  it('on a GET route: PUT, PATCH, DELETE, POST and OPTIONS; Allow names GET and HEAD', async () => {
    const { call } = setup();
    for (const path of GET_ROUTES) {
      for (const method of ['PUT', 'PATCH', 'DELETE', 'POST', 'OPTIONS', 'PROPFIND']) {
        const response = await call(path, { method, headers: writeHeaders() });
        await expectProblem(response, 405);
        expect(response.headers.get('Allow'), `${method} ${path}`).to.equal('GET, HEAD');
      }
    }
  });

  it('on a POST route: GET, HEAD, PUT, DELETE and OPTIONS; Allow names POST; nothing is written', async () => {
    const { call, backend } = setup();
    const before = backend.inspect();
    for (const path of POST_ROUTES) {
      for (const method of ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']) {
        const response = await call(path, { method, headers: writeHeaders() });
        expect(response.status, `${method} ${path}`).to.equal(405);
        expect(response.headers.get('Allow'), `${method} ${path}`).to.equal('POST');
        if (method === 'HEAD') expect(response.body === null, 'HEAD has no body').to.equal(true);
        else await expectProblem(response, 405);
      }
    }
    expect(backend.inspect()).to.deep.equal(before);
  });

  it('on /v1/registrations (GET the book, POST a registration): PUT, PATCH, DELETE and OPTIONS; Allow names all three', async () => {
    const { call, backend } = setup();
    const before = backend.inspect();
    for (const method of ['PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      const response = await call('/v1/registrations', { method, headers: writeHeaders() });
      await expectProblem(response, 405);
      expect(response.headers.get('Allow'), method).to.equal('GET, HEAD, POST');
    }
    expect(backend.inspect()).to.deep.equal(before);
  });
});

describe('HEAD answers wherever GET does', () => {
  it('the same status and headers as GET, its length declared, and no body: 200, 401 and 404 alike', async () => {
    const { call } = setup();
    const cases: Array<[string, Record<string, string>]> = [
      ['/v1/accounts/acc-nextgen/overview', signedIn()],
      ['/v1/accounts/acc-nextgen/overview', {}],
      ['/v1/accounts/acc-nowhere/overview', signedIn()],
      ['/v1/accounts/acc-large/opportunities', signedIn()],
      ['/v1/quote-requests/quo-none', signedIn()],
      ['/v1/registrations?view=expiring-soon', signedIn()],
      ['/v1/registrations?view=someday', signedIn()],
    ];
    for (const [path, headers] of cases) {
      const get = await call(path, { headers });
      const head = await call(path, { method: 'HEAD', headers });
      const label = `HEAD ${path} ${headers.Authorization ? 'signed in' : 'anonymous'}`;
      expect(head.status, label).to.equal(get.status);
      const body = await get.arrayBuffer();
      expect(head.headers.get('Content-Length'), label).to.equal(String(body.byteLength));
      head.headers.delete('Content-Length');
      expect([...head.headers], label).to.deep.equal([...get.headers]);
      expect(head.body === null, `${label}: no body`).to.equal(true);
    }
  });
});

describe('a body that is not application/json is 415, before it is read', () => {
  it('POST registrations with text/plain, or with no type at all, is 415 problem+json; nothing is read or stored', async () => {
    const { call, backend } = setup();
    const plain = await call('/v1/registrations', {
      method: 'POST',
      headers: writeHeaders({ 'Content-Type': 'text/plain' }),
      body: JSON.stringify(DEAL),
    });
    expect(((await expectProblem(plain, 415)) as { detail: string }).detail).to.match(/application\/json/);
    const untyped = untypedBody(JSON.stringify(DEAL));
    const unread = await call('/v1/registrations', {
      method: 'POST',
      headers: writeHeaders(),
      body: untyped.body,
      duplex: 'half',
    } as RequestInit);
    await expectProblem(unread, 415);
    expect(untyped.pulled(), 'the body was read').to.equal(false);
    expect(alphaRegistrations(backend)).to.deep.equal([]);
  });

  it('application/json with a charset, in any case, is accepted', async () => {
    const { call } = setup();
    const response = await call('/v1/registrations', {
      method: 'POST',
      headers: writeHeaders({ 'Content-Type': 'Application/JSON; charset=UTF-8' }),
      body: JSON.stringify(DEAL),
    });
    expect(response.status).to.equal(201);
  });

  it('a stranger’s text/plain POST is 401: the token is checked first, as for every POST', async () => {
    const { call } = setup();
    const response = await call('/v1/registrations', {
      method: 'POST',
      headers: { 'Idempotency-Key': newKey(), 'Content-Type': 'text/plain' },
      body: JSON.stringify(DEAL),
    });
    expect(response.status).to.equal(401);
  });

  it('a quote request or an extension (optional body): 415 for text/plain or an untyped body, accepted with none', async () => {
    const { call, backend } = setup();
    const id = await protectedRegistrationId(call);
    for (const action of ['quote-requests', 'extension']) {
      const path = `/v1/registrations/${id}/${action}`;
      const plain = await call(path, { method: 'POST', headers: writeHeaders({ 'Content-Type': 'text/plain' }), body: '{}' });
      await expectProblem(plain, 415);
      const untyped = untypedBody('{}');
      const sent = { method: 'POST', headers: writeHeaders(), body: untyped.body, duplex: 'half' } as RequestInit;
      await expectProblem(await call(path, sent), 415);
    }
    expect(backend.inspect().quotes.filter((q) => q.registrationId === id)).to.deep.equal([]);
    const none = await call(`/v1/registrations/${id}/quote-requests`, { method: 'POST', headers: writeHeaders() });
    expect(none.status).to.equal(201);
    const json = await call(`/v1/registrations/${id}/extension`, {
      method: 'POST',
      headers: writeHeaders({ 'Content-Type': 'application/json' }),
      body: '{}',
    });
    expect(json.status, 'the extension window is not open yet: decided, not refused on the wire').to.equal(409);
  });
});
