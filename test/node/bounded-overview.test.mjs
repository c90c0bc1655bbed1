// Issue 11 over real HTTP, against the real entry point (`npm run mock-server`, its own process):
// acc-large's overview is at most 64 kB for alpha and for beta, carries the exact total and counts
// per state, and following its cursor reaches each of the 1,000 opportunities exactly once, in
// urgency order; a tampered cursor and another partner's cursor are 400 problem+json.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import {
  compareUrgency,
  emptyStateCounts,
  latestRegistrationByOpportunity,
  standingOf,
  urgencyKey,
} from '../../src/program/opportunity-state.ts';
import { ROOT } from './browser.mjs';

/** The budget of the issue: 64 kB (decimal, as every size budget of the project). */
const OVERVIEW_BUDGET_BYTES = 64_000;
const TOKENS = { alpha: 'demo-alpha', beta: 'demo-beta' };
const LARGE = 1000;
let keys = 0;

describe('acc-large over real HTTP: a bounded overview and its cursor', { timeout: 120_000 }, () => {
  let child;
  let base;

  before(async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'mocks/server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', MOCK_LATENCY: '', MOCK_FAIL: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    base = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const match = /(http:\/\/127\.0\.0\.1:\d+\/api)/.exec(out);
        if (match) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`mock server exited (${code}) before listening: ${out}`)));
    });
  });
  after(() => child?.kill());

  /** GET as a partner: status, media type, the raw bytes and the parsed body. */
  async function get(path, token) {
    const response = await fetch(`${base}${path}`, {
      headers: { Authorization: `Bearer ${token}`, 'Accept-Encoding': 'identity' },
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.equal(response.headers.get('content-encoding'), null, 'the bytes counted are the bytes sent');
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      bytes,
      json: JSON.parse(bytes.toString('utf8')),
    };
  }

  const overview = (token) => get('/v1/accounts/acc-large/overview', token);
  const page = (token, cursor, accountId = 'acc-large', limit = 100) =>
    get(`/v1/accounts/${accountId}/opportunities?cursor=${encodeURIComponent(cursor)}&limit=${limit}`, token);

  async function register(token, opportunityId) {
    const response = await fetch(`${base}/v1/registrations`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': `bounded-${process.pid}-${++keys}`,
      },
      body: JSON.stringify({ accountId: 'acc-large', opportunityId, presalesActivities: ['sizing'] }),
    });
    assert.equal(response.status, 201);
  }

  /** The overview, then every page its cursor leads to. */
  async function everything(token) {
    const first = await overview(token);
    assert.equal(first.status, 200);
    const pages = [];
    for (let cursor = first.json.nextCursor; cursor !== null; cursor = pages.at(-1).nextCursor) {
      const next = await page(token, cursor);
      assert.equal(next.status, 200);
      pages.push(next.json);
      assert.ok(pages.length <= LARGE, 'the cursor ends');
    }
    return { first, pages };
  }

  /** Each row's state and urgency key, recomputed by the engine from what the answers carried. */
  function fromAnswers(first, pages) {
    const all = [first.json, ...pages];
    const latest = latestRegistrationByOpportunity(all.flatMap((p) => p.registrations));
    const counts = emptyStateCounts();
    const rows = all
      .flatMap((p) => p.opportunities)
      .map((o) => {
        const standing = standingOf(o, latest.get(o.id), first.json.asOf, first.json.program.protection);
        counts[standing.state] += 1;
        return { id: o.id, key: urgencyKey(o, standing, first.json.asOf) };
      });
    return { rows, counts };
  }

  function checkAll(first, pages) {
    const { rows, counts } = fromAnswers(first, pages);
    const ids = rows.map((r) => r.id);
    assert.equal(ids.length, LARGE, 'as many rows as opportunities');
    assert.equal(new Set(ids).size, LARGE, 'each exactly once');
    for (let i = 1; i < rows.length; i += 1)
      assert.ok(compareUrgency(rows[i - 1].key, rows[i].key) < 0, `${rows[i - 1].id} before ${rows[i].id}`);
    assert.equal(first.json.opportunityCounts.total, LARGE);
    assert.deepEqual(first.json.opportunityCounts.byState, counts, 'the overview counts every state exactly');
    return counts;
  }

  it('the overview is at most 64 kB for alpha and for beta, and carries the exact total', async (t) => {
    for (const [partner, token] of Object.entries(TOKENS)) {
      const answer = await overview(token);
      assert.equal(answer.status, 200);
      assert.equal(answer.json.opportunities.length, 25);
      assert.equal(answer.json.opportunityCounts.total, LARGE);
      const raw = answer.bytes.length;
      t.diagnostic(`${partner}: acc-large overview ${raw} B raw, ${gzipSync(answer.bytes).length} B gzip`);
      assert.ok(raw <= OVERVIEW_BUDGET_BYTES, `${partner}: ${raw} bytes`);
    }
  });

  it('with deals held by both partners, every opportunity is reached once, in urgency order, and the counts are exact', async (t) => {
    // Beta first (by rule 1 its protections cover many of the account's deals), then alpha.
    for (let n = 601; n <= 620; n += 1) await register(TOKENS.beta, `opp-large-0${n}`);
    for (let n = 401; n <= 420; n += 1) await register(TOKENS.alpha, `opp-large-0${n}`);
    for (const [partner, token] of Object.entries(TOKENS)) {
      const { first, pages } = await everything(token);
      const counts = checkAll(first, pages);
      assert.ok(
        Object.values(counts).filter((n) => n > 0).length >= 3,
        `${partner} sees several states: ${JSON.stringify(counts)}`,
      );
      assert.ok(first.bytes.length <= OVERVIEW_BUDGET_BYTES, `${partner}: ${first.bytes.length} bytes once busy`);
      t.diagnostic(
        `${partner} (busy): overview ${first.bytes.length} B raw, ${gzipSync(first.bytes).length} B gzip; ${pages.length} pages of 100`,
      );
    }
  });

  it('a tampered cursor, another partner’s cursor and another account’s are 400 problem+json invalid-cursor', async () => {
    const cursor = (await overview(TOKENS.alpha)).json.nextCursor;
    assert.equal((await page(TOKENS.alpha, cursor)).status, 200);
    const flip = (i) => `${cursor.slice(0, i)}${cursor[i] === 'A' ? 'B' : 'A'}${cursor.slice(i + 1)}`;
    const refused = [
      ['payload tampered', await page(TOKENS.alpha, flip(2))],
      ['signature tampered', await page(TOKENS.alpha, flip(cursor.length - 3))],
      ['beta with alpha’s cursor', await page(TOKENS.beta, cursor)],
      ['alpha’s cursor on acc-nextgen', await page(TOKENS.alpha, cursor, 'acc-nextgen')],
    ];
    for (const [what, answer] of refused) {
      assert.equal(answer.status, 400, what);
      assert.equal(answer.type, 'application/problem+json', what);
      assert.equal(answer.json.code, 'invalid-cursor', what);
      assert.deepEqual(answer.json, refused[0][1].json, `${what}: answered exactly like a tampered cursor`);
      assert.ok(!('opportunities' in answer.json), what);
    }
  });
});
