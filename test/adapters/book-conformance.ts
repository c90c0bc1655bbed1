// The conformance suite's part on the book (issue 20), run by runAdapterConformance on every adapter:
// listRegistrations gives each view exactly the rows its count says, in the engine's order, a page at a
// time; refuses a bad query or a foreign cursor with the same typed errors; and never shows another
// partner's registrations.
import { expect } from '@open-wc/testing';
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { BookPage, BookQuery, BookRow } from '../../src/domain/book.ts';
import { BOOK_SORTS, BOOK_VIEWS, type BookView } from '../../src/domain/status.ts';
import type { DealRegError, DealRegErrorCode } from '../../src/errors.ts';
import { bookOrder, bookSortKey, bookViewsOf, foldText } from '../../src/program/book.ts';
import type { MockBackend } from '../../mocks/index.ts';

type Expect = (promise: Promise<unknown>, code: DealRegErrorCode) => Promise<DealRegError>;

const ALPHA = 'demo-alpha';
const BETA = 'demo-beta';
/** Alpha's book in the demo store: its 400 generated deals and its 3 demo protections. */
const ALPHA_ROWS = 403;

let keys = 0;
const key = () => ({ idempotencyKey: `book-conformance-${Date.now()}-${++keys}` });

/** The first page of `query`, then every page its cursor leads to (the same filters each time). */
export async function walkBook(
  adapter: DealRegAdapter,
  query: BookQuery = {},
): Promise<{ first: BookPage; rows: BookRow[]; requests: number }> {
  expect(adapter.listRegistrations, 'the adapter lists the book').to.be.a('function');
  const first = await adapter.listRegistrations!(query);
  const rows = [...first.rows];
  let requests = 1;
  for (let cursor = first.nextCursor; cursor !== null; requests += 1) {
    const page = await adapter.listRegistrations!({ ...query, cursor });
    expect(page.counts, 'only the first page counts').to.equal(undefined);
    rows.push(...page.rows);
    cursor = page.nextCursor;
    if (requests > 1_000) throw new Error('the cursor never ends');
  }
  return { first, rows, requests };
}

export function bookConformance(
  as: (token: string) => Promise<DealRegAdapter>,
  core: () => MockBackend,
  expectError: Expect,
): void {
  describe('the book', function () {
    // Every view of Alpha's 403 rows, page by page, through MSW as in memory.
    this.timeout(30_000);

    it('lists every row of the partner’s book once, in the urgency order, with exact counts per view on the first page', async () => {
      const alpha = await as(ALPHA);
      const { first, rows, requests } = await walkBook(alpha, { limit: 100 });
      expect(rows).to.have.length(ALPHA_ROWS);
      expect(requests, 'Alpha’s whole book in 5 requests of 100').to.equal(5);
      expect(new Set(rows.map((r) => r.registration.id)).size).to.equal(ALPHA_ROWS);
      expect(first.counts!.total).to.equal(ALPHA_ROWS);
      const order = bookOrder('urgency');
      const keysOf = rows.map((row) => bookSortKey('urgency', row, first.asOf, first.protection));
      for (let i = 1; i < keysOf.length; i += 1) expect(order(keysOf[i - 1]!, keysOf[i]!), `row ${i}`).to.be.lessThan(0);
      const counted = Object.fromEntries(BOOK_VIEWS.map((v) => [v, 0])) as Record<BookView, number>;
      for (const row of rows) for (const view of bookViewsOf(row, first.asOf, first.protection)) counted[view] += 1;
      expect(first.counts!.byView).to.deep.equal(counted);
      for (const view of BOOK_VIEWS) expect(counted[view], `${view} has rows`).to.be.greaterThan(0);
    });

    it('each view holds exactly the rows its count says, each sort in its own order; 25 rows a page unless asked', async () => {
      const alpha = await as(ALPHA);
      const { byView } = (await alpha.listRegistrations!({})).counts!;
      for (const view of BOOK_VIEWS) {
        for (const sort of BOOK_SORTS) {
          const { first, rows } = await walkBook(alpha, { view, sort, limit: 100 });
          expect(rows.length, `${view} by ${sort}`).to.equal(byView[view]);
          expect(first.counts!.total).to.equal(byView[view]);
          for (const row of rows) expect(bookViewsOf(row, first.asOf, first.protection), row.registration.id).to.include(view);
          const keysOf = rows.map((row) => bookSortKey(sort, row, first.asOf, first.protection));
          for (let i = 1; i < keysOf.length; i += 1) expect(bookOrder(sort)(keysOf[i - 1]!, keysOf[i]!)).to.be.lessThan(0);
        }
      }
      expect((await alpha.listRegistrations!({ view: 'active' })).rows).to.have.length(25);
      expect((await alpha.listRegistrations!({ view: 'active', limit: 7 })).rows).to.have.length(7);
      expect((await alpha.listRegistrations!({ limit: 500 })).rows).to.have.length(100);
    });

    it('filters by statuses, protection end and words of the customer’s or the deal’s name, whatever their case and accents', async () => {
      const alpha = await as(ALPHA);
      const { first, rows } = await walkBook(alpha, {
        status: ['approved', 'expired'],
        expiresAfter: '2017-02-01',
        expiresBefore: '2017-03-01',
        limit: 100,
      });
      expect(rows.length).to.equal(first.counts!.total);
      expect(rows.length).to.be.greaterThan(0);
      for (const row of rows) {
        expect(['approved', 'expired']).to.include(row.status);
        expect(row.protectedUntil! >= '2017-02-01' && row.protectedUntil! <= '2017-03-01', row.protectedUntil!).to.equal(true);
      }
      const found = await walkBook(alpha, { q: 'GUERIN' });
      expect(found.rows.length).to.be.greaterThan(0);
      for (const row of found.rows) expect(foldText(`${row.customer.name} ${row.deal.name}`)).to.contain('guerin');
      expect((await walkBook(alpha, { q: 'Guérin' })).rows).to.deep.equal(found.rows);
      const twoWords = await walkBook(alpha, { q: 'guérin serveurs' });
      for (const row of twoWords.rows) expect(foldText(row.deal.name)).to.contain('serveurs');
      expect((await alpha.listRegistrations!({ q: 'zzz-nothing' })).counts!.total).to.equal(0);
    });

    it('never shows another partner’s registrations, by any view, search or page; another partner’s cursor is invalid-cursor', async () => {
      const alpha = await as(ALPHA);
      const beta = await as(BETA);
      const owned = (partnerId: string) =>
        new Set(
          core()
            .inspect()
            .registrations.filter((r) => r.partnerId === partnerId)
            .map((r) => r.id),
        );
      const [alphaIds, betaIds] = [owned('alpha'), owned('beta')];
      const alphaCustomers = new Set<string>();
      for (const [adapter, own, other] of [
        [alpha, alphaIds, betaIds],
        [beta, betaIds, alphaIds],
      ] as const) {
        for (const query of [{}, ...BOOK_VIEWS.map((view) => ({ view })), { q: 'guerin' }, { status: ['rejected' as const] }]) {
          for (const row of (await walkBook(adapter, { ...query, limit: 100 })).rows) {
            expect(own.has(row.registration.id), row.registration.id).to.equal(true);
            expect(other.has(row.registration.id), row.registration.id).to.equal(false);
            if (adapter === alpha) alphaCustomers.add(row.customer.name);
          }
        }
      }
      // Beta searching for Alpha's customers finds at most its own rows there (its rejected attempts).
      for (const name of [...alphaCustomers].slice(0, 10)) {
        for (const row of (await walkBook(beta, { q: name.split(' (')[0]! })).rows)
          expect(betaIds.has(row.registration.id)).to.equal(true);
      }
      const cursor = (await alpha.listRegistrations!({})).nextCursor!;
      expect((await expectError(beta.listRegistrations!({ cursor }), 'invalid-cursor')).status).to.equal(400);
    });

    it('a cursor opens only with the filters and sort it was given for, untouched; a replay with them gives the same page', async () => {
      const alpha = await as(ALPHA);
      const cursor = (await alpha.listRegistrations!({ view: 'active' })).nextCursor!;
      const again = await alpha.listRegistrations!({ view: 'active', cursor });
      expect(await alpha.listRegistrations!({ view: 'active', cursor })).to.deep.equal(again);
      const flipped = `${cursor.slice(0, 3)}${cursor[3] === 'A' ? 'B' : 'A'}${cursor.slice(4)}`;
      for (const query of [
        { view: 'active', cursor: flipped },
        { cursor },
        { view: 'expiring-soon', cursor },
        { view: 'active', sort: 'quote-validity', cursor },
        { view: 'active', q: 'a', cursor },
      ] as BookQuery[]) {
        const error = await expectError(alpha.listRegistrations!(query), 'invalid-cursor');
        expect([error.status, error.retryable], JSON.stringify(query)).to.deep.equal([400, false]);
      }
    });

    it('a bad query is invalid-request: an unknown view, status or sort, a date that does not exist, a long search, a bad limit, an empty cursor', async () => {
      const alpha = await as(ALPHA);
      for (const query of [
        { view: 'later' },
        { status: ['approved', 'pending'] },
        { status: [] },
        { expiresBefore: '2017-02-30' },
        { q: 'x'.repeat(101) },
        { sort: 'alphabetical' },
        { limit: 0 },
        { limit: 2.5 },
        { cursor: '' },
        { owner: 'beta' },
        null,
      ] as unknown as BookQuery[]) {
        const error = await expectError(alpha.listRegistrations!(query), 'invalid-request');
        expect(error.retryable, JSON.stringify(query)).to.equal(false);
      }
    });

    it('shows the partner’s own changes at once: a new registration, an extension', async () => {
      const alpha = await as(ALPHA);
      const before = (await alpha.listRegistrations!({})).counts!;
      const registration = await alpha.registerOpportunity(
        { accountId: 'acc-nextgen', opportunityId: 'opp-nextgen-synergy', presalesActivities: ['workshop'] },
        key(),
      );
      const after = await alpha.listRegistrations!({ view: 'active', sort: 'urgency', limit: 100 });
      expect(after.counts!.byView.active).to.equal(before.byView.active + 1);
      const expiring = await alpha.listRegistrations!({ view: 'expiring-soon', limit: 100 });
      const open = expiring.rows.find((r) => r.extension.state === 'open')!;
      await alpha.requestExtension(open.registration.id, key());
      const moved = (await walkBook(alpha, { view: 'active', limit: 100 })).rows;
      expect(moved.map((r) => r.registration.id)).to.include(registration.id);
      expect(moved.find((r) => r.registration.id === open.registration.id)!.extension.state).to.equal('used');
    });

    it('without a known token, unauthorized; an aborted call, aborted', async () => {
      await expectError((await as('nobody')).listRegistrations!({}), 'unauthorized');
      await expectError((await as(ALPHA)).listRegistrations!({}, { signal: AbortSignal.abort() }), 'aborted');
    });
  });
}
