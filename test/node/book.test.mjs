// The book's contract over real HTTP (issue 20): GET /v1/registrations on the Node mock server, its
// store inspected beside it. Alpha's first page within 32 kB and its whole book in 5 requests; the
// counts equal a brute-force count over every row; every row reached once, in order, at any page
// size; privacy both ways by every filter and every cursor; a cursor changed, replayed by the other
// partner or with other filters refused, always with the same answer.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMockBackend } from '../../mocks/index.ts';
import { startMockServer } from '../../mocks/server/serve.ts';
import { BOOK_SORTS, BOOK_VIEWS, REGISTRATION_STATUSES } from '../../src/domain/status.ts';
import { bookOrder, bookSortKey, bookViewsOf } from '../../src/program/book.ts';
import { latestRegistrationByOpportunity } from '../../src/program/opportunity-state.ts';

/** The budget for Alpha's first page (decimal, as every size budget of the project). */
const FIRST_PAGE_BUDGET_BYTES = 32_000;
const TOKENS = { alpha: 'demo-alpha', beta: 'demo-beta' };

describe('the book over real HTTP', { timeout: 120_000 }, () => {
  let server;
  let core;
  let requests = 0;

  before(async () => {
    core = createMockBackend();
    server = await startMockServer({ core, port: 0 });
  });
  after(() => server?.close());

  /** GET /v1/registrations as a partner: status, the bytes as sent, the parsed body. */
  async function get(partner, query = {}) {
    requests += 1;
    const search = new URLSearchParams(
      Object.entries(query).map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : String(value)]),
    );
    const response = await fetch(`${server.url}/api/v1/registrations?${search}`, {
      headers: { Authorization: `Bearer ${TOKENS[partner]}`, 'Accept-Encoding': 'identity' },
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      bytes,
      json: JSON.parse(bytes.toString('utf8')),
    };
  }

  /** The first page of `query` and every page after it: the rows, the first answer, the requests it took. */
  async function walk(partner, query = {}) {
    const before = requests;
    const first = await get(partner, query);
    assert.equal(first.status, 200, JSON.stringify(first.json));
    const rows = [...first.json.rows];
    const cursors = [];
    for (let cursor = first.json.nextCursor; cursor !== null;) {
      cursors.push(cursor);
      const page = await get(partner, { ...query, cursor });
      assert.equal(page.status, 200, JSON.stringify(page.json));
      assert.equal(page.json.counts, undefined, 'only the first page counts');
      rows.push(...page.json.rows);
      cursor = page.json.nextCursor;
      assert.ok(cursors.length < 1000, 'the cursor ends');
    }
    return { first: first.json, bytes: first.bytes, rows, cursors, requests: requests - before };
  }

  /** Brute force from the store: each partner's current registration of each deal (its latest). */
  function currentIds(partnerId) {
    const own = core
      .inspect()
      .registrations.filter((r) => r.partnerId === partnerId)
      .sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0));
    return new Set([...latestRegistrationByOpportunity(own).values()].map((r) => r.id));
  }
  const allIds = (partnerId) =>
    new Set(
      core
        .inspect()
        .registrations.filter((r) => r.partnerId === partnerId)
        .map((r) => r.id),
    );

  it("Alpha's first page is within 32 kB, and its whole book (a CSV export) takes 5 requests of 100", async (t) => {
    const first = await get('alpha');
    assert.equal(first.status, 200);
    assert.equal(first.type, 'application/json');
    assert.equal(first.json.rows.length, 25);
    t.diagnostic(`alpha's first page: ${first.bytes.length} B raw for ${first.json.counts.total} rows in the book`);
    assert.ok(first.bytes.length <= FIRST_PAGE_BUDGET_BYTES, `${first.bytes.length} bytes`);
    const { rows, requests: taken } = await walk('alpha', { limit: 100 });
    assert.ok(rows.length >= 400, `${rows.length} rows`);
    assert.ok(taken <= 5, `${taken} requests for ${rows.length} rows`);
  });

  it('each view’s count, and the total, equal a brute-force count over every row; the rows are the partner’s current registrations', async () => {
    for (const partner of ['alpha', 'beta']) {
      for (const filters of [{}, { q: 'guerin' }, { status: ['approved', 'rejected'] }, { expiresAfter: '2017-02-14' }]) {
        const label = `${partner} ${JSON.stringify(filters)}`;
        const { first, rows } = await walk(partner, { ...filters, limit: 100 });
        const counted = Object.fromEntries(BOOK_VIEWS.map((view) => [view, 0]));
        for (const row of rows) for (const view of bookViewsOf(row, first.asOf, first.protection)) counted[view] += 1;
        assert.deepEqual(first.counts.byView, counted, label);
        assert.equal(first.counts.total, rows.length, label);
        for (const view of BOOK_VIEWS) {
          const inView = await walk(partner, { ...filters, view, limit: 100 });
          assert.equal(inView.first.counts.total, counted[view], `${label} ${view}`);
          assert.deepEqual(inView.first.counts.byView, counted, `${label} ${view}: the other views counted alike`);
          const expected = rows.filter((row) => bookViewsOf(row, first.asOf, first.protection).includes(view));
          assert.deepEqual(new Set(inView.rows.map((r) => r.registration.id)), new Set(expected.map((r) => r.registration.id)));
        }
      }
      const whole = await walk(partner, { limit: 100 });
      assert.deepEqual(new Set(whole.rows.map((r) => r.registration.id)), currentIds(partner), `${partner}: one row per deal`);
      for (const view of BOOK_VIEWS) assert.ok(whole.first.counts.byView[view] > 0, `${partner}: ${view} has rows`);
    }
  });

  it('following the cursors reaches every row exactly once, in the sort’s order, whatever the page size', async () => {
    for (const sort of BOOK_SORTS) {
      const order = bookOrder(sort);
      let reference;
      for (const limit of [7, 25, 100]) {
        const { first, rows } = await walk('alpha', { sort, limit });
        const ids = rows.map((r) => r.registration.id);
        assert.equal(new Set(ids).size, ids.length, `${sort} by ${limit}: no row twice`);
        assert.equal(ids.length, first.counts.total, `${sort} by ${limit}: every row`);
        const keys = rows.map((row) => bookSortKey(sort, row, first.asOf, first.protection));
        for (let i = 1; i < keys.length; i += 1)
          assert.ok(order(keys[i - 1], keys[i]) < 0, `${sort}: ${ids[i - 1]} before ${ids[i]}`);
        reference ??= ids;
        assert.deepEqual(ids, reference, `${sort} by ${limit}: the same order as by 7`);
      }
    }
  });

  it('privacy both ways: by every filter and every cursor, one partner never gets the other’s registrations', async () => {
    const ids = { alpha: allIds('alpha'), beta: allIds('beta') };
    const customers = {};
    for (const partner of ['alpha', 'beta'])
      customers[partner] = [...new Set((await walk(partner, { limit: 100 })).rows.map((r) => r.customer.name))];
    for (const [partner, other] of [
      ['alpha', 'beta'],
      ['beta', 'alpha'],
    ]) {
      const queries = [
        {},
        ...BOOK_VIEWS.map((view) => ({ view })),
        ...REGISTRATION_STATUSES.map((status) => ({ status: [status] })),
        { expiresAfter: '2000-01-01' },
        { expiresBefore: '2100-01-01' },
        { sort: 'quote-validity' },
        ...customers[other].slice(0, 8).map((name) => ({ q: name.split(' (')[0] })),
      ];
      for (const query of queries) {
        const label = `${partner} ${JSON.stringify(query)}`;
        const { rows, cursors } = await walk(partner, { ...query, limit: 25 });
        for (const row of rows) {
          assert.ok(ids[partner].has(row.registration.id), `${label}: ${row.registration.id} is ${partner}'s`);
          assert.ok(!ids[other].has(row.registration.id), `${label}: ${row.registration.id} is not ${other}'s`);
        }
        const refused = (await get(partner, { ...query, cursor: `${'A'.repeat(20)}.${'B'.repeat(43)}` })).json;
        for (const cursor of cursors) {
          const stolen = await get(other, { ...query, cursor });
          assert.equal(stolen.status, 400, `${label}: ${other} with ${partner}'s cursor`);
          assert.deepEqual(stolen.json, refused, `${label}: answered exactly like a made-up cursor`);
          assert.ok(!('rows' in stolen.json));
        }
      }
    }
    const text = JSON.stringify((await walk('beta', { limit: 100 })).rows);
    assert.ok(!text.includes('Alpha') && !text.includes('"alpha"'), "beta's book names no alpha");
  });

  it('a cursor changed anywhere, or sent with another view, filter, search or sort, is 400 invalid-cursor, answered alike; a replay is the same page', async () => {
    const query = { view: 'active', limit: 25 };
    const { first } = await walk('alpha', query);
    const cursor = first.nextCursor;
    const next = await get('alpha', { ...query, cursor });
    assert.equal(next.status, 200);
    assert.deepEqual((await get('alpha', { ...query, cursor })).json, next.json, 'a replay with the same filters');
    assert.deepEqual(
      (await get('alpha', { ...query, limit: 100, cursor })).json.rows.slice(0, 25),
      next.json.rows,
      'the limit is not bound',
    );
    const flip = (i) => `${cursor.slice(0, i)}${cursor[i] === 'A' ? 'B' : 'A'}${cursor.slice(i + 1)}`;
    const refusals = [];
    for (let i = 0; i < cursor.length; i += 1) refusals.push([`character ${i}`, { ...query, cursor: flip(i) }]);
    refusals.push(
      ['no view', { limit: 25, cursor }],
      ['another view', { ...query, view: 'expiring-soon', cursor }],
      ['a status', { ...query, status: ['approved'], cursor }],
      ['a search', { ...query, q: 'durand', cursor }],
      ['a date', { ...query, expiresAfter: '2017-01-01', cursor }],
      ['another sort', { ...query, sort: 'quote-validity', cursor }],
    );
    const answers = [];
    for (const [what, refused] of refusals) {
      const answer = await get('alpha', refused);
      assert.equal(answer.status, 400, what);
      assert.equal(answer.type, 'application/problem+json', what);
      assert.equal(answer.json.code, 'invalid-cursor', what);
      answers.push(JSON.stringify(answer.json));
    }
    assert.equal(new Set(answers).size, 1, 'every refusal answered alike');
    // A backend started afresh has another secret: its cursors open nothing of the first one's.
    const other = await startMockServer({ core: createMockBackend(), port: 0 });
    try {
      const response = await fetch(
        `${other.url}/api/v1/registrations?view=active&limit=25&cursor=${encodeURIComponent(cursor)}`,
        {
          headers: { Authorization: `Bearer ${TOKENS.alpha}` },
        },
      );
      assert.equal(response.status, 400);
      assert.equal((await response.json()).code, 'invalid-cursor');
    } finally {
      await other.close();
    }
  });
});
