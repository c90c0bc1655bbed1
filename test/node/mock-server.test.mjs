// The Node mock server under hostile bodies, over real HTTP: 1 MB bodies are refused 413 with a token
// and without (declared length: before the token is even looked at), a chunked one as soon as 64 KiB
// are passed, deep JSON is 400/401 never 500, the keep-alive connection survives all of it, and the
// server process's RSS stays flat over 200 authenticated 1 MB POSTs.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { createMockBackend, createRestHandler, DEMO_CUSTOMERS, demoCrmRecords } from '../../mocks/index.ts';
import { MAX_REJECTED_PER_DAY } from '../../mocks/core/commands.ts';
import { startMockServer } from '../../mocks/server/serve.ts';
import { ROOT } from './browser.mjs';

const MB = 1024 * 1024;
let keys = 0;
const key = () => `node-${process.pid}-${++keys}`;

/** A valid registration request padded to `size` bytes with a long note (the core would refuse the note; the limit comes first). */
function registrationBody(size = MB) {
  const head = { accountId: 'acc-nextgen', opportunityId: 'opp-nextgen-synergy', presalesActivities: ['sizing'] };
  const base = JSON.stringify({ ...head, note: '' });
  return Buffer.from(JSON.stringify({ ...head, note: 'x'.repeat(size - base.length) }));
}

const deepJson = (depth) => `${'['.repeat(depth)}{"accountId":"acc-nextgen"}${']'.repeat(depth)}`;

/**
 * POST over node:http through `agent`. `chunked: true` sends the body in 64 KiB chunks without a
 * Content-Length (Transfer-Encoding: chunked); otherwise the length is declared.
 */
function post(url, { body, token = null, chunked = false, agent }) {
  return new Promise((resolve, reject) => {
    const headers = { 'Content-Type': 'application/json', 'Idempotency-Key': key() };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (!chunked) headers['Content-Length'] = String(body.length);
    const request = http.request(url, { method: 'POST', headers, agent }, (response) => {
      const chunks = [];
      response.on('data', (c) => chunks.push(c));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: response.statusCode,
          type: response.headers['content-type'],
          retryAfter: response.headers['retry-after'],
          json: text ? JSON.parse(text) : null,
        });
      });
    });
    request.on('error', reject);
    if (!chunked) {
      request.end(body);
      return;
    }
    for (let offset = 0; offset < body.length; offset += 64 * 1024) request.write(body.subarray(offset, offset + 64 * 1024));
    request.end();
  });
}

describe('the Node mock server under hostile bodies', { timeout: 120_000 }, () => {
  let server;
  let url;
  // One socket for every request: a connection the server broke would fail the next one.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  before(async () => {
    server = await startMockServer({ core: createMockBackend(), port: 0 });
    url = `${server.url}/api/v1/registrations`;
  });
  after(async () => {
    agent.destroy();
    await server?.close();
  });

  it('a 1 MB body with a declared length gets 413 problem+json, without a token and with one', async () => {
    for (const token of [null, 'demo-alpha']) {
      const answer = await post(url, { body: registrationBody(), token, agent });
      assert.equal(answer.status, 413, `token ${token}`);
      assert.equal(answer.type, 'application/problem+json');
      assert.equal(answer.json.code, 'invalid-request');
    }
  });

  it('a chunked 1 MB body gets 413 with a token (reading stopped at the limit) and 401 without (never read)', async () => {
    assert.equal((await post(url, { body: registrationBody(), token: 'demo-alpha', chunked: true, agent })).status, 413);
    const anonymous = await post(url, { body: registrationBody(), chunked: true, agent });
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.json.code, 'unauthorized');
  });

  it('JSON nested 4,000 deep gets 401 without a token and 400 with one, never 500', async () => {
    const body = Buffer.from(deepJson(4000));
    assert.equal((await post(url, { body, agent })).status, 401);
    const signedIn = await post(url, { body, token: 'demo-alpha', agent });
    assert.equal(signedIn.status, 400);
    assert.equal(signedIn.json.code, 'invalid-request');
  });

  it('after all of that the same connection still registers a deal', async () => {
    const body = Buffer.from(
      JSON.stringify({ accountId: 'acc-nextgen', opportunityId: 'opp-nextgen-synergy', presalesActivities: ['sizing'] }),
    );
    const answer = await post(url, { body, token: 'demo-alpha', agent });
    assert.equal(answer.status, 201);
    assert.equal(answer.json.status, 'approved');
  });
});

/** Any request over node:http through `agent`: status, headers and the raw body text. */
function send(url, { method, headers = {}, body, agent }) {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers, agent }, (response) => {
      const chunks = [];
      response.on('data', (c) => chunks.push(c));
      response.on('end', () =>
        resolve({ status: response.statusCode, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe('the Node mock server strict on the wire', { timeout: 60_000 }, () => {
  let server;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const auth = { Authorization: 'Bearer demo-alpha' };

  before(async () => {
    server = await startMockServer({ core: createMockBackend(), port: 0 });
  });
  after(async () => {
    agent.destroy();
    await server?.close();
  });

  it('TRACE, PUT, PATCH and DELETE get 405 problem+json with Allow (OPTIONS included: the server answers it everywhere)', async () => {
    const routes = [
      ['/api/v1/accounts/acc-nextgen/overview', 'GET, HEAD, OPTIONS'],
      ['/api/v1/quote-requests/quo-none', 'GET, HEAD, OPTIONS'],
      ['/api/v1/registrations', 'GET, HEAD, POST, OPTIONS'],
      ['/api/v1/registrations/reg-none/extension', 'POST, OPTIONS'],
    ];
    for (const [path, allow] of routes) {
      for (const method of ['TRACE', 'PUT', 'PATCH', 'DELETE']) {
        const answer = await send(`${server.url}${path}`, { method, headers: auth, agent });
        assert.equal(answer.status, 405, `${method} ${path}`);
        assert.equal(answer.headers['content-type'], 'application/problem+json');
        assert.equal(answer.headers.allow, allow, `${method} ${path}`);
        assert.equal(JSON.parse(answer.text).status, 405);
      }
    }
  });

  it('HEAD answers as GET does, with no body: the same status and headers, its length declared', async () => {
    for (const [path, headers] of [
      ['/api/v1/accounts/acc-nextgen/overview', auth],
      ['/api/v1/accounts/acc-nextgen/overview', {}],
      ['/api/v1/quote-requests/quo-none', auth],
    ]) {
      const get = await send(`${server.url}${path}`, { method: 'GET', headers, agent });
      const head = await send(`${server.url}${path}`, { method: 'HEAD', headers, agent });
      assert.equal(head.status, get.status, path);
      assert.equal(head.text, '');
      assert.equal(Number(head.headers['content-length']), Buffer.byteLength(get.text), path);
      const same = (h) => Object.entries(h).filter(([name]) => !['date', 'content-length', 'transfer-encoding'].includes(name));
      assert.deepEqual(same(head.headers), same(get.headers), path);
    }
  });

  it('a JSON body sent as text/plain, or with no type, gets 415 problem+json; as application/json, 201', async () => {
    const body = JSON.stringify({
      accountId: 'acc-nextgen',
      opportunityId: 'opp-nextgen-synergy',
      presalesActivities: ['sizing'],
    });
    const url = `${server.url}/api/v1/registrations`;
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', null]) {
      const headers = { ...auth, 'Idempotency-Key': key(), ...(type === null ? {} : { 'Content-Type': type }) };
      const answer = await send(url, { method: 'POST', headers, body, agent });
      assert.equal(answer.status, 415, String(type));
      assert.equal(answer.headers['content-type'], 'application/problem+json');
    }
    const headers = { ...auth, 'Idempotency-Key': key(), 'Content-Type': 'application/json' };
    assert.equal((await send(url, { method: 'POST', headers, body, agent })).status, 201, 'and the connection still serves');
  });
});

describe('the Node mock server and CRM deals, over real HTTP', { timeout: 60_000 }, () => {
  let server;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const nextgen = `siren:${DEMO_CUSTOMERS['acc-nextgen'].siren}`;
  // Alpha's CRM deal at acc-nextgen, as demoCrmRecords has it.
  const [crm] = demoCrmRecords('acc-nextgen').opportunities;
  const deal = { partnerOpportunityId: crm.id, name: crm.name, amount: crm.amount, closeDate: crm.closeDate, lines: crm.lines };

  /** A JSON call as `token`; POSTs to registrations carry a fresh Idempotency-Key. */
  async function call(method, path, token, body) {
    const headers = { Authorization: `Bearer ${token}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (path === '/api/v1/registrations') headers['Idempotency-Key'] = key();
    const answer = await send(`${server.url}${path}`, { method, headers, body: body && JSON.stringify(body), agent });
    return { status: answer.status, type: answer.headers['content-type'], text: answer.text, json: JSON.parse(answer.text) };
  }

  before(async () => {
    server = await startMockServer({ core: createMockBackend(), port: 0 });
  });
  after(async () => {
    agent.destroy();
    await server?.close();
  });

  it('previews alpha’s CRM deal by the customer’s SIREN: eligible, its unknown SKU named, no registration, nothing of anyone else', async () => {
    const answer = await call('POST', `/api/v1/accounts/${nextgen}/deal-previews`, 'demo-alpha', { deals: [deal] });
    assert.equal(answer.status, 200);
    assert.equal(answer.type, 'application/json');
    const [preview] = answer.json.previews;
    assert.equal(preview.partnerOpportunityId, crm.id);
    assert.deepEqual(preview.eligibility.basis, ['latest-generation']);
    assert.deepEqual(preview.unknownSkus, ['PS-DEPLOY-SYN']);
    assert.deepEqual([preview.protectedByAnotherPartner, preview.registration, preview.quote], [false, null, null]);
  });

  it('registers it (201, its snapshot), then privacy both ways: beta’s overview never lists it, beta’s preview says only protectedByAnotherPartner', async () => {
    const created = await call('POST', '/api/v1/registrations', 'demo-alpha', {
      accountId: nextgen,
      deal,
      presalesActivities: ['workshop'],
    });
    assert.equal(created.status, 201);
    const registration = created.json;
    assert.equal(registration.status, 'approved');
    assert.equal(registration.partnerOpportunityId, crm.id);
    assert.equal(registration.deal.name, crm.name);
    const again = await call('POST', '/api/v1/registrations', 'demo-alpha', {
      accountId: nextgen,
      deal,
      presalesActivities: ['demo'],
    });
    assert.deepEqual([again.status, again.json.code], [409, 'already-registered']);

    const alphaOverview = await call('GET', '/api/v1/accounts/acc-nextgen/overview', 'demo-alpha');
    assert.ok(alphaOverview.json.opportunities.some((o) => o.id === registration.opportunityId));
    const alphaPreview = await call('POST', `/api/v1/accounts/${nextgen}/deal-previews`, 'demo-alpha', { deals: [deal] });
    assert.equal(alphaPreview.json.previews[0].registration.id, registration.id);

    const betaOverview = await call('GET', `/api/v1/accounts/${nextgen}/overview`, 'demo-beta');
    assert.equal(betaOverview.status, 200);
    const betaPreview = await call('POST', `/api/v1/accounts/${nextgen}/deal-previews`, 'demo-beta', { deals: [deal] });
    const [seen] = betaPreview.json.previews;
    assert.deepEqual([seen.protectedByAnotherPartner, seen.registration, seen.quote], [true, null, null]);
    for (const secret of [registration.id, registration.opportunityId, crm.id, 'Alpha', 'alpha']) {
      assert.ok(!betaOverview.text.includes(secret), `beta's overview names ${secret}`);
      assert.ok(!JSON.stringify(seen).replace(crm.id, '').includes(secret), `beta's preview names ${secret}`);
    }
  });

  it('refuses what the contract refuses: 400 for 26 deals or a malformed SIREN, 404 for an unknown account, 405 for GET, 415 as text', async () => {
    const many = Array.from({ length: 26 }, (_, i) => ({ ...deal, partnerOpportunityId: `006-${i}` }));
    assert.equal((await call('POST', `/api/v1/accounts/${nextgen}/deal-previews`, 'demo-alpha', { deals: many })).status, 400);
    assert.equal(
      (await call('POST', '/api/v1/accounts/siren:412853674/deal-previews', 'demo-alpha', { deals: [deal] })).status,
      400,
    );
    assert.equal((await call('POST', '/api/v1/accounts/acc-nowhere/deal-previews', 'demo-alpha', { deals: [deal] })).status, 404);
    const get = await send(`${server.url}/api/v1/accounts/${nextgen}/deal-previews`, { method: 'GET', headers: {}, agent });
    assert.deepEqual([get.status, get.headers.allow], [405, 'POST, OPTIONS']);
    const asText = await send(`${server.url}/api/v1/accounts/${nextgen}/deal-previews`, {
      method: 'POST',
      headers: { Authorization: 'Bearer demo-alpha', 'Content-Type': 'text/plain' },
      body: JSON.stringify({ deals: [deal] }),
      agent,
    });
    assert.equal(asText.status, 415);
  });
});

describe('the Node mock server under one partner’s repeated attempts on a deal it cannot have', { timeout: 120_000 }, () => {
  let server;
  let core;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 10 });

  before(async () => {
    core = createMockBackend();
    server = await startMockServer({ core, port: 0 });
  });
  after(async () => {
    agent.destroy();
    await server?.close();
  });

  it('3,000 registrations, each with a new key: 5 stored and answered 201 rejected, the rest 429 with Retry-After; the overview stays under 64 kB', async () => {
    // beta holds acc-conflict's deal: every attempt of alpha's is rejected already-protected.
    const body = Buffer.from(
      JSON.stringify({ accountId: 'acc-conflict', opportunityId: 'opp-conflict-flash', presalesActivities: ['sizing'] }),
    );
    const url = `${server.url}/api/v1/registrations`;
    const statuses = {};
    for (let i = 0; i < 3000; i += 10) {
      const batch = await Promise.all(Array.from({ length: 10 }, () => post(url, { body, token: 'demo-alpha', agent })));
      for (const answer of batch) {
        statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
        if (answer.status !== 429) continue;
        assert.equal(answer.type, 'application/problem+json');
        assert.equal(answer.json.code, 'too-many-attempts');
        assert.match(answer.retryAfter ?? '', /^[1-9]\d*$/);
      }
    }
    assert.deepEqual(statuses, { 201: MAX_REJECTED_PER_DAY, 429: 3000 - MAX_REJECTED_PER_DAY });
    const stored = core
      .inspect()
      .registrations.filter((r) => r.opportunityId === 'opp-conflict-flash' && r.partnerId === 'alpha');
    assert.equal(stored.length, MAX_REJECTED_PER_DAY);

    const response = await fetch(`${server.url}/api/v1/accounts/acc-conflict/overview`, {
      headers: { Authorization: 'Bearer demo-alpha', 'Accept-Encoding': 'identity' },
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.ok(bytes.length < 64_000, `the overview is ${bytes.length} bytes`);
    assert.equal(JSON.parse(bytes.toString('utf8')).registrations.length, 1, 'the deal’s current registration only');
  });
});

describe('the REST router in Node, with a declared Content-Length', () => {
  it('a 1 MB body gets 413 without a token and with one', async () => {
    const handle = createRestHandler(createMockBackend());
    const body = registrationBody();
    for (const token of [null, 'demo-alpha']) {
      const headers = { 'Content-Length': String(body.length), 'Idempotency-Key': key() };
      if (token) headers.Authorization = `Bearer ${token}`;
      const response = await handle(new Request('http://mock.test/api/v1/registrations', { method: 'POST', headers, body }));
      assert.equal(response.status, 413, `token ${token}`);
      assert.equal((await response.json()).code, 'invalid-request');
    }
  });
});

/** Resident set size of a process, in bytes (Linux /proc; `ps` elsewhere). */
function rssOf(pid) {
  const status = `/proc/${pid}/status`;
  if (existsSync(status)) {
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(status, 'utf8'));
    if (kb) return Number(kb[1]) * 1024;
  }
  return new Promise((resolve, reject) => {
    const ps = spawn('ps', ['-o', 'rss=', '-p', String(pid)]);
    let out = '';
    ps.stdout.on('data', (d) => (out += d));
    ps.on('error', reject);
    ps.on('close', () => resolve(Number(out.trim()) * 1024));
  });
}

describe('the mock server process under 200 × 1 MB POSTs', { timeout: 180_000 }, () => {
  let child;
  let url;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 10 });

  before(async () => {
    // The real entry point (npm run mock-server) in its own process, so its RSS is its own.
    child = spawn(process.execPath, ['--import', 'tsx', 'mocks/server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const base = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const match = /(http:\/\/127\.0\.0\.1:\d+\/api)/.exec(out);
        if (match) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`mock server exited (${code}) before listening: ${out}`)));
    });
    url = `${base}/v1/registrations`;
  });
  after(() => {
    agent.destroy();
    child?.kill();
  });

  /** `count` authenticated 1 MB registrations, 10 at a time, half declared and half chunked, each with its own key. */
  async function flood(count) {
    const body = registrationBody();
    for (let i = 0; i < count; i += 10) {
      const batch = Array.from({ length: 10 }, (_, j) =>
        post(url, { body, token: 'demo-alpha', chunked: (i + j) % 2 === 1, agent }),
      );
      for (const answer of await Promise.all(batch)) assert.equal(answer.status, 413);
    }
  }

  it('RSS grows by less than 32 MB (the unbounded server kept every body: 200 MB and more)', async (t) => {
    // Warm-up first: code paths compiled, sockets and the allocator's pools in place.
    await flood(40);
    const baseline = await rssOf(child.pid);
    await flood(200);
    const growth = (await rssOf(child.pid)) - baseline;
    t.diagnostic(`RSS ${(baseline / MB).toFixed(1)} MB after warm-up, growth ${(growth / MB).toFixed(1)} MB over 200 POSTs`);
    assert.ok(growth < 32 * MB, `RSS grew by ${(growth / MB).toFixed(1)} MB`);
  });
});
