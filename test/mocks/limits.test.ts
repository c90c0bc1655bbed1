// The mock stands up to hostile bodies through the shared REST router (MSW and the Node server both
// use it): a body past 64 KiB is refused 413 as soon as the limit is passed, a stranger's body is never
// read, and JSON nested thousands deep is a 400 or a 401, never a 500. A browser cannot declare a
// Content-Length on a Request, so the bodies here are streamed; test/node/mock-server.test.mjs sends
// declared lengths over real HTTP.
import { expect } from '@open-wc/testing';
import { createMockBackend, createRestHandler } from '../../mocks/index.ts';
import { MAX_BODY_BYTES } from '../../mocks/rest.ts';
import { ALPHA, newKey, problemCode } from './helpers.ts';

const URL_REGISTRATIONS = 'http://mock.test/api/v1/registrations';
const MB = 1024 * 1024;

/** A 1 MB body streamed in 16 KiB chunks, counting what the reader pulled. */
function countedBody(size = MB): { body: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const chunk = new Uint8Array(16 * 1024).fill(0x20);
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled >= size) {
          controller.close();
          return;
        }
        pulled += chunk.byteLength;
        controller.enqueue(chunk.slice());
      },
    },
    { highWaterMark: 0 },
  );
  return { body, pulled: () => pulled };
}

function post(body: BodyInit, token: string | null): Request {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Idempotency-Key': newKey() };
  if (token !== null) headers['Authorization'] = `Bearer ${token}`;
  return new Request(URL_REGISTRATIONS, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
}

/** JSON arrays nested `depth` deep around a registration-looking object. */
const deepJson = (depth: number) => `${'['.repeat(depth)}{"accountId":"acc-nextgen"}${']'.repeat(depth)}`;

describe('the REST router under hostile bodies', () => {
  it('a 1 MB body with a token is refused 413 problem+json as soon as 64 KiB are passed', async () => {
    const handle = createRestHandler(createMockBackend());
    const { body, pulled } = countedBody();
    const response = (await handle(post(body, ALPHA)))!;
    expect(response.status).to.equal(413);
    expect(response.headers.get('Content-Type')).to.equal('application/problem+json');
    expect(await response.json()).to.include({ status: 413, code: 'invalid-request' });
    expect(pulled(), 'bytes pulled').to.be.at.most(MAX_BODY_BYTES + 2 * 16 * 1024);
  });

  it('a stranger’s body is never read: 401 before the first byte', async () => {
    const handle = createRestHandler(createMockBackend());
    for (const token of [null, 'not-a-partner']) {
      const { body, pulled } = countedBody();
      const response = (await handle(post(body, token)))!;
      expect(response.status, String(token)).to.equal(401);
      expect(((await response.json()) as { code: string }).code).to.equal('unauthorized');
      expect(pulled(), `bytes pulled for ${token}`).to.equal(0);
    }
  });

  it('a body just under the limit is read and decided as usual', async () => {
    const handle = createRestHandler(createMockBackend());
    const note = 'x'.repeat(MAX_BODY_BYTES - 200);
    const json = JSON.stringify({
      accountId: 'acc-nextgen',
      opportunityId: 'opp-nextgen-synergy',
      presalesActivities: ['demo'],
      note,
    });
    expect(json.length).to.be.below(MAX_BODY_BYTES);
    const response = (await handle(post(json, ALPHA)))!;
    expect(response.status).to.equal(400); // the note is longer than 2,000 characters: the core's own rule
    expect(((await response.json()) as { detail: string }).detail).to.match(/note/);
  });

  it('JSON nested 4,000 deep: 401 without a token, 400 invalid-request with one, never 500', async () => {
    const handle = createRestHandler(createMockBackend());
    const anonymous = (await handle(post(deepJson(4000), null)))!;
    expect(anonymous.status).to.equal(401);
    const signedIn = (await handle(post(deepJson(4000), ALPHA)))!;
    expect(signedIn.status).to.equal(400);
    expect(await signedIn.json()).to.include({ code: 'invalid-request', detail: 'the body nests deeper than 32 levels' });
  });

  it('the core refuses a body nested 100,000 deep, or cyclic, with 400 instead of overflowing the stack', async () => {
    const backend = createMockBackend();
    let deep: unknown = { accountId: 'acc-nextgen' };
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    const cyclic: Record<string, unknown> = { accountId: 'acc-nextgen' };
    cyclic['self'] = cyclic;
    for (const body of [deep, cyclic]) {
      const answer = await backend.registerOpportunity(ALPHA, body, newKey());
      expect(answer.status).to.equal(400);
      expect(problemCode(answer)).to.equal('invalid-request');
    }
    // 32 levels are still a body the core decides on (here: not an object, 400 for its shape)
    const answer = await backend.registerOpportunity(ALPHA, JSON.parse(deepJson(31)), newKey());
    expect(answer.ok ? null : answer.problem.detail).to.equal('the body must be a JSON object');
  });
});
