// One conformance suite for every DealRegAdapter (Lion style: the suite takes the implementation as a
// parameter). Each test gets a fresh mock backend with the seeded demo scenarios of docs/program.md §6,
// so the promises below hold for the in-process adapter and the HTTP adapter alike.
import { expect } from '@open-wc/testing';
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { BackendCore } from '../../mocks/core/backend-core.ts';
import type { AccountOverview, OpportunityPage } from '../../src/domain/types.ts';
import type { DealRegErrorCode } from '../../src/errors.ts';
import { DealRegError } from '../../src/errors.ts';
import {
  compareUrgency,
  emptyStateCounts,
  latestRegistrationByOpportunity,
  standingOf,
  urgencyKey,
} from '../../src/program/opportunity-state.ts';
import { createMockBackend, DEMO_ACCOUNT_IDS, LARGE_OPPORTUNITIES, type MockBackend } from '../../mocks/index.ts';
import { until } from '../support/wait.ts';
import { crmDealConformance } from './crm-conformance.ts';
import { bookConformance } from './book-conformance.ts';

export type AdapterFactory = (core: BackendCore, token: string) => DealRegAdapter | Promise<DealRegAdapter>;

const ALPHA = 'demo-alpha';
const BETA = 'demo-beta';

export async function expectDealRegError(promise: Promise<unknown>, code: DealRegErrorCode): Promise<DealRegError> {
  let outcome: unknown;
  try {
    outcome = await promise;
  } catch (error) {
    expect(error, 'rejects with a DealRegError').to.be.instanceOf(DealRegError);
    expect((error as DealRegError).code, (error as DealRegError).message).to.equal(code);
    return error as DealRegError;
  }
  throw new Error(`expected ${code}, but it resolved with ${JSON.stringify(outcome).slice(0, 200)}`);
}

/** Follows the cursor from the overview to the end of the list, one page after another. */
export async function everyPage(
  adapter: DealRegAdapter,
  accountId: string,
  limit?: number,
): Promise<{ overview: AccountOverview; pages: OpportunityPage[] }> {
  expect(adapter.getOpportunities, 'the adapter pages').to.be.a('function');
  const overview = await adapter.getAccountOverview(accountId);
  const pages: OpportunityPage[] = [];
  for (let cursor = overview.nextCursor; cursor !== null; cursor = pages.at(-1)!.nextCursor) {
    pages.push(await adapter.getOpportunities!(accountId, cursor, limit === undefined ? {} : { limit }));
    if (pages.length > LARGE_OPPORTUNITIES) throw new Error('the cursor never ends');
  }
  return { overview, pages };
}

/** The state of every row and the urgency order, recomputed by the engine from what the pages carried. */
export function fromPages(overview: AccountOverview, pages: OpportunityPage[]) {
  const all = [overview, ...pages];
  const latest = latestRegistrationByOpportunity(all.flatMap((p) => p.registrations));
  const counts = emptyStateCounts();
  const rows = all
    .flatMap((p) => p.opportunities)
    .map((opportunity) => {
      const standing = standingOf(opportunity, latest.get(opportunity.id), overview.asOf, overview.program.protection);
      counts[standing.state] += 1;
      return { id: opportunity.id, key: urgencyKey(opportunity, standing, overview.asOf) };
    });
  return { rows, counts };
}

/** The same cursor with one character changed (at `at`, counted from the start). */
export function tampered(cursor: string, at: number): string {
  const i = Math.min(at, cursor.length - 1);
  const swap = cursor[i] === 'A' ? 'B' : 'A';
  return `${cursor.slice(0, i)}${swap}${cursor.slice(i + 1)}`;
}

const largeIds = (): string[] =>
  Array.from({ length: LARGE_OPPORTUNITIES }, (_, i) => `opp-large-${String(i + 1).padStart(4, '0')}`);

let keyCounter = 0;
const freshKey = (): { idempotencyKey: string } => ({ idempotencyKey: `conformance-${Date.now()}-${++keyCounter}` });

export function runAdapterConformance(name: string, makeAdapter: AdapterFactory): void {
  describe(`${name} adapter conformance`, () => {
    let core: MockBackend;
    const as = (token: string) => Promise.resolve(makeAdapter(core, token));

    beforeEach(() => {
      core = createMockBackend();
    });

    async function firstOpenOpportunity(adapter: DealRegAdapter, accountId: string) {
      const overview = await adapter.getAccountOverview(accountId);
      const opportunity = overview.opportunities.find((o) => !overview.registrations.some((r) => r.opportunityId === o.id));
      expect(opportunity, `${accountId} has an opportunity alpha has not registered`).to.exist;
      return { overview, opportunity: opportunity! };
    }

    describe('reading an account', () => {
      for (const accountId of DEMO_ACCOUNT_IDS.filter((id) => id !== 'acc-broken')) {
        it(`the overview of ${accountId} is valid and about that account, for the signed-in partner`, async () => {
          const alpha = await as(ALPHA);
          const overview = await alpha.getAccountOverview(accountId);
          expect(overview.account.id).to.equal(accountId);
          expect(overview.partner.name).to.equal('Alpha Systèmes');
          expect(Number.isNaN(Date.parse(overview.asOf))).to.equal(false);
          expect(overview.program.ruleSets.length).to.be.greaterThan(0);
        });
      }

      it('beta signed in sees its own installed base on acc-nextgen; alpha sees none of it', async () => {
        const beta = await (await as(BETA)).getAccountOverview('acc-nextgen');
        const alpha = await (await as(ALPHA)).getAccountOverview('acc-nextgen');
        expect(beta.partner.name).to.equal('Beta Intégration');
        expect(beta.installedBase.totalAssets).to.be.greaterThan(0);
        expect(beta.installedBase.families.length).to.be.greaterThan(0);
        expect(alpha.installedBase).to.deep.equal({
          families: [],
          totalAssets: 0,
          totalUnits: 0,
          refreshCandidates: [],
          refreshCandidatesTotal: 0,
        });
        const betaAssetIds = core
          .inspect()
          .assets.filter((a) => a.partnerId === 'beta')
          .map((a) => a.id);
        expect(betaAssetIds.length).to.be.greaterThan(0);
        const alphaJson = JSON.stringify(alpha);
        for (const id of betaAssetIds) expect(alphaJson).not.to.contain(id);
      });

      it('acc-large: the overview is bounded: the first 25 opportunities, exact counts over all 1,000, a summarised installed base and a cursor', async () => {
        const overview = await (await as(ALPHA)).getAccountOverview('acc-large');
        expect(overview.opportunities).to.have.length(25);
        expect(overview.opportunityCounts.total).to.equal(LARGE_OPPORTUNITIES);
        expect(overview.opportunityCounts.byState['not-registered']).to.equal(LARGE_OPPORTUNITIES);
        expect(overview.installedBase.totalAssets).to.equal(10_000);
        expect(overview.installedBase.refreshCandidates.length).to.be.at.most(10);
        expect(overview.installedBase.refreshCandidatesTotal).to.be.at.least(overview.installedBase.refreshCandidates.length);
        expect(overview.nextCursor).to.be.a('string');
      });

      it('acc-conflict: alpha sees "protected by another partner" and nothing of who (beta sees its own protection)', async () => {
        const alpha = await (await as(ALPHA)).getAccountOverview('acc-conflict');
        const beta = await (await as(BETA)).getAccountOverview('acc-conflict');
        const held = beta.registrations.find((r) => r.status === 'approved');
        expect(held, 'beta holds an approved protection').to.exist;
        const marked = alpha.opportunities.find((o) => o.id === held!.opportunityId);
        expect(marked?.protectedByAnotherPartner).to.equal(true);
        const alphaJson = JSON.stringify(alpha);
        expect(alphaJson).not.to.contain(held!.id);
        expect(alphaJson).not.to.contain('Beta Intégration');
        expect(alphaJson).not.to.contain('"beta"');
        expect(alpha.registrations).to.deep.equal([]);
      });

      it('an unknown account is not-found (404)', async () => {
        const error = await expectDealRegError((await as(ALPHA)).getAccountOverview('acc-does-not-exist'), 'not-found');
        expect(error.status).to.equal(404);
      });

      it('without a token, or with an unknown one, every call is unauthorized (401)', async () => {
        for (const token of ['', 'demo-gamma']) {
          const stranger = await as(token);
          const error = await expectDealRegError(stranger.getAccountOverview('acc-nextgen'), 'unauthorized');
          expect(error.status).to.equal(401);
          await expectDealRegError(
            stranger.registerOpportunity(
              { accountId: 'acc-nextgen', opportunityId: 'x', presalesActivities: ['workshop'] },
              freshKey(),
            ),
            'unauthorized',
          );
        }
      });

      it('acc-broken: a malformed overview is invalid-response with the path of the problem, not a crash', async () => {
        const error = await expectDealRegError((await as(ALPHA)).getAccountOverview('acc-broken'), 'invalid-response');
        expect(error.path).to.be.a('string').and.not.equal('');
        expect(error.retryable).to.equal(false);
      });
    });

    describe('paging through a big account', function () {
      // 50 registrations, then 11 pages of acc-large, through MSW: a few seconds alone, more on a loaded machine.
      this.timeout(30_000);
      /** Beta holds some of acc-large's deals (and by rule 1 many more), alpha a few: the pages mix every urgency group. */
      async function busyLarge(): Promise<void> {
        const ids = largeIds();
        const register = async (token: string, opportunityId: string) =>
          (await as(token)).registerOpportunity(
            { accountId: 'acc-large', opportunityId, presalesActivities: ['sizing'] },
            freshKey(),
          );
        for (const id of ids.slice(600, 620)) await register(BETA, id);
        for (const id of ids.slice(400, 420)) await register(ALPHA, id);
        core.setClock('2017-05-05T09:00:00Z'); // alpha's first protections now end within days; some deals have closed
        for (const id of ids.slice(700, 710)) await register(ALPHA, id);
      }

      it('following the cursor from the overview reaches every one of acc-large’s 1,000 opportunities exactly once, in urgency order', async () => {
        await busyLarge();
        const { overview, pages } = await everyPage(await as(ALPHA), 'acc-large', 100);
        const { rows, counts } = fromPages(overview, pages);
        expect(rows.map((r) => r.id).sort()).to.deep.equal(largeIds());
        for (let i = 1; i < rows.length; i += 1) {
          expect(compareUrgency(rows[i - 1]!.key, rows[i]!.key), `${rows[i - 1]!.id} before ${rows[i]!.id}`).to.be.lessThan(0);
        }
        expect(pages).to.have.length(Math.ceil((LARGE_OPPORTUNITIES - 25) / 100));
        expect(new Set(rows.map((r) => r.key[0])).size, 'every urgency group is there').to.equal(4);
        // The overview's counts are exact: the same as counting every row of every page.
        expect(overview.opportunityCounts.byState).to.deep.equal(counts);
        expect(counts['protected-by-other']).to.be.greaterThan(0);
        expect(counts['expiring-soon']).to.be.greaterThan(0);
      });

      it('each page carries the registrations of its own opportunities (history included) and the quotes on them, nothing else', async () => {
        await busyLarge();
        const { overview, pages } = await everyPage(await as(ALPHA), 'acc-large', 100);
        let registrations = 0;
        for (const page of [overview, ...pages]) {
          const onPage = new Set(page.opportunities.map((o) => o.id));
          for (const reg of page.registrations) expect(onPage.has(reg.opportunityId), reg.id).to.equal(true);
          const regIds = new Set(page.registrations.map((r) => r.id));
          for (const quote of page.quotes) expect(regIds.has(quote.registrationId), quote.id).to.equal(true);
          registrations += page.registrations.length;
        }
        expect(registrations).to.equal(
          core.inspect().registrations.filter((r) => r.partnerId === 'alpha' && r.accountId === 'acc-large').length,
        );
      });

      it('a page holds `limit` opportunities: 7 when asked, 25 by default, at most 100', async () => {
        const alpha = await as(ALPHA);
        const { nextCursor } = await alpha.getAccountOverview('acc-large');
        expect((await alpha.getOpportunities!('acc-large', nextCursor!, { limit: 7 })).opportunities).to.have.length(7);
        expect((await alpha.getOpportunities!('acc-large', nextCursor!)).opportunities).to.have.length(25);
        expect((await alpha.getOpportunities!('acc-large', nextCursor!, { limit: 500 })).opportunities).to.have.length(100);
        for (const limit of [0, -1, 2.5, Number.NaN])
          await expectDealRegError(alpha.getOpportunities!('acc-large', nextCursor!, { limit }), 'invalid-request');
      });

      it('the last page says so (nextCursor null), and a small account fits in its overview', async () => {
        const alpha = await as(ALPHA);
        expect((await alpha.getAccountOverview('acc-nextgen')).nextCursor).to.equal(null);
        const { pages } = await everyPage(alpha, 'acc-large', 100);
        expect(pages.at(-1)!.nextCursor).to.equal(null);
        expect(pages.at(-1)!.opportunities).to.have.length((LARGE_OPPORTUNITIES - 25) % 100 || 100);
      });

      it('a tampered cursor, beta presenting alpha’s cursor, and alpha’s cursor on another account are invalid-cursor (400), never data', async () => {
        const alpha = await as(ALPHA);
        const beta = await as(BETA);
        const cursor = (await alpha.getAccountOverview('acc-large')).nextCursor!;
        expect((await alpha.getOpportunities!('acc-large', cursor)).opportunities).to.have.length(25); // the cursor itself is good
        const refused: Array<[string, Promise<unknown>]> = [
          ['payload changed', alpha.getOpportunities!('acc-large', tampered(cursor, 3))],
          ['signature changed', alpha.getOpportunities!('acc-large', tampered(cursor, cursor.length - 2))],
          ['not a cursor', alpha.getOpportunities!('acc-large', 'eyJub3QiOiJhIGN1cnNvciJ9')],
          ['beta with alpha’s cursor', beta.getOpportunities!('acc-large', cursor)],
          ['alpha’s cursor on acc-nextgen', alpha.getOpportunities!('acc-nextgen', cursor)],
        ];
        for (const [what, promise] of refused) {
          const error = await expectDealRegError(promise, 'invalid-cursor');
          expect(error.status, what).to.equal(400);
          expect(error.retryable, what).to.equal(false);
        }
      });

      it('paging an unknown account is not-found (404); without a token, unauthorized (401)', async () => {
        const cursor = (await (await as(ALPHA)).getAccountOverview('acc-large')).nextCursor!;
        expect(
          (await expectDealRegError((await as(ALPHA)).getOpportunities!('acc-does-not-exist', cursor), 'not-found')).status,
        ).to.equal(404);
        expect((await expectDealRegError((await as('')).getOpportunities!('acc-large', cursor), 'unauthorized')).status).to.equal(
          401,
        );
      });
    });

    describe('registering', () => {
      it('acc-nextgen: a latest-generation deal is approved with a protection end date and a history', async () => {
        const alpha = await as(ALPHA);
        const { overview, opportunity } = await firstOpenOpportunity(alpha, 'acc-nextgen');
        const registration = await alpha.registerOpportunity(
          { accountId: 'acc-nextgen', opportunityId: opportunity.id, presalesActivities: ['workshop', 'sizing'] },
          freshKey(),
        );
        expect(registration.status).to.equal('approved');
        expect(registration.opportunityId).to.equal(opportunity.id);
        expect(registration.protectedUntil).to.match(/^\d{4}-\d{2}-\d{2}$/);
        expect(registration.history.map((h) => h.to)).to.include('approved');
        expect(registration.reasons).to.deep.equal([]);
        const after = await alpha.getAccountOverview('acc-nextgen');
        expect(after.registrations.map((r) => r.id)).to.include(registration.id);
        expect(after.registrations.length).to.equal(overview.registrations.length + 1);
      });

      it('acc-conflict: registering the deal beta protects is a 201 rejected already-protected', async () => {
        const alpha = await as(ALPHA);
        const overview = await alpha.getAccountOverview('acc-conflict');
        const protectedDeal = overview.opportunities.find((o) => o.protectedByAnotherPartner)!;
        const registration = await alpha.registerOpportunity(
          { accountId: 'acc-conflict', opportunityId: protectedDeal.id, presalesActivities: ['proof-of-concept'] },
          freshKey(),
        );
        expect(registration.status).to.equal('rejected');
        expect(registration.reasons).to.deep.equal(['already-protected']);
        expect(JSON.stringify(registration)).not.to.contain('Beta');
      });

      it('registering the same deal a second time (new intent, new key) is already-registered (409)', async () => {
        const alpha = await as(ALPHA);
        const { opportunity } = await firstOpenOpportunity(alpha, 'acc-nextgen');
        const request = { accountId: 'acc-nextgen', opportunityId: opportunity.id, presalesActivities: ['workshop'] };
        await alpha.registerOpportunity(request, freshKey());
        const error = await expectDealRegError(alpha.registerOpportunity(request, freshKey()), 'already-registered');
        expect(error.status).to.equal(409);
      });

      it('a replay with the same idempotency key returns an equal registration and creates nothing new', async () => {
        const alpha = await as(ALPHA);
        const { opportunity } = await firstOpenOpportunity(alpha, 'acc-dormant');
        const request = { accountId: 'acc-dormant', opportunityId: opportunity.id, presalesActivities: ['workshop'] };
        const key = freshKey();
        const first = await alpha.registerOpportunity(request, key);
        const replay = await alpha.registerOpportunity(request, key);
        expect(replay).to.deep.equal(first);
        expect(core.inspect().registrations.filter((r) => r.opportunityId === opportunity.id)).to.have.length(1);
      });

      it('the same idempotency key with another body is idempotency-key-reused (422)', async () => {
        const alpha = await as(ALPHA);
        const { opportunity } = await firstOpenOpportunity(alpha, 'acc-dormant');
        const key = freshKey();
        await alpha.registerOpportunity(
          { accountId: 'acc-dormant', opportunityId: opportunity.id, presalesActivities: ['workshop'] },
          key,
        );
        const error = await expectDealRegError(
          alpha.registerOpportunity(
            { accountId: 'acc-dormant', opportunityId: opportunity.id, presalesActivities: ['demo'] },
            key,
          ),
          'idempotency-key-reused',
        );
        expect(error.status).to.equal(422);
      });

      it('acc-other-installed: a classic deal at another partner’s customer is rejected not-eligible', async () => {
        const alpha = await as(ALPHA);
        const { opportunity } = await firstOpenOpportunity(alpha, 'acc-other-installed');
        const registration = await alpha.registerOpportunity(
          { accountId: 'acc-other-installed', opportunityId: opportunity.id, presalesActivities: ['sizing'] },
          freshKey(),
        );
        expect(registration.status).to.equal('rejected');
        expect(registration.reasons).to.include('not-eligible');
      });
    });

    describe('restricted quote', () => {
      it('acc-protected: one click gives a submitted quote request, and getQuote later shows the vendor’s price', async () => {
        // The vendor's decision shows 80 ms after the request, on the mock's injected real-time clock.
        let now = 1_000_000;
        core.configure({ quoteDecisionDelayMs: 80, realTime: () => now });
        const alpha = await as(ALPHA);
        const overview = await alpha.getAccountOverview('acc-protected');
        const held = overview.registrations.find((r) => r.status === 'approved')!;
        const quote = await alpha.requestQuote(held.id, freshKey());
        expect(quote.status).to.equal('submitted');
        expect(quote.registrationId).to.equal(held.id);
        expect((await alpha.getQuote(quote.id)).status, 'not decided before 80 ms').to.equal('submitted');
        now += 80;
        const decided = await alpha.getQuote(quote.id);
        expect(decided.status).to.equal('quoted');
        expect(decided.currency).to.match(/^[A-Z]{3}$/);
        expect(decided.validUntil).to.match(/^\d{4}-\d{2}-\d{2}$/);
        expect(decided.netPrice).to.be.closeTo(decided.listPrice! * (1 - decided.discountPercent! / 100), 1);
      });

      it('a second quote request while one is open is quote-already-open (409)', async () => {
        const alpha = await as(ALPHA);
        const held = (await alpha.getAccountOverview('acc-protected')).registrations.find((r) => r.status === 'approved')!;
        await alpha.requestQuote(held.id, freshKey());
        const error = await expectDealRegError(alpha.requestQuote(held.id, freshKey()), 'quote-already-open');
        expect(error.status).to.equal(409);
      });

      it('a quote request replayed with its key returns the same quote request', async () => {
        const alpha = await as(ALPHA);
        const held = (await alpha.getAccountOverview('acc-protected')).registrations.find((r) => r.status === 'approved')!;
        const key = freshKey();
        const first = await alpha.requestQuote(held.id, key);
        expect(await alpha.requestQuote(held.id, key)).to.deep.equal(first);
        expect(core.inspect().quotes.filter((q) => q.registrationId === held.id && q.status === 'submitted')).to.have.length(1);
      });

      it('a quote on another partner’s registration is not-found (404), exactly like an unknown id', async () => {
        const beta = await as(BETA);
        const betaHeld = (await beta.getAccountOverview('acc-conflict')).registrations.find((r) => r.status === 'approved')!;
        const alpha = await as(ALPHA);
        const error = await expectDealRegError(alpha.requestQuote(betaHeld.id, freshKey()), 'not-found');
        expect(error.status).to.equal(404);
        const unknown = await expectDealRegError(alpha.requestQuote('reg-that-never-was', freshKey()), 'not-found');
        expect(error.message).to.equal(unknown.message);
        await expectDealRegError(alpha.getQuote('quote-that-never-was'), 'not-found');
      });

      it('acc-quoted: the quoted request shows net price, discount and validity', async () => {
        const alpha = await as(ALPHA);
        const overview = await alpha.getAccountOverview('acc-quoted');
        const quoted = overview.quotes.find((q) => q.status === 'quoted')!;
        expect(quoted, 'alpha has a quoted request').to.exist;
        const fetched = await alpha.getQuote(quoted.id);
        expect(fetched).to.deep.equal(quoted);
        expect([typeof fetched.netPrice, typeof fetched.discountPercent, typeof fetched.validUntil]).to.deep.equal([
          'number',
          'number',
          'string',
        ]);
      });
    });

    describe('extension', () => {
      it('acc-expiring: the protection is extended once by the program’s extension days, then extension-not-allowed', async () => {
        const alpha = await as(ALPHA);
        const overview = await alpha.getAccountOverview('acc-expiring');
        const held = overview.registrations.find((r) => r.status === 'approved')!;
        const extended = await alpha.requestExtension(held.id, freshKey());
        expect(extended.extensionsUsed).to.equal(held.extensionsUsed + 1);
        const days = (Date.parse(extended.protectedUntil!) - Date.parse(held.protectedUntil!)) / 86_400_000;
        expect(days).to.equal(overview.program.protection.extensionDays);
        const error = await expectDealRegError(alpha.requestExtension(held.id, freshKey()), 'extension-not-allowed');
        expect(error.status).to.equal(409);
      });
    });

    crmDealConformance(as, () => core, expectDealRegError);
    bookConformance(as, () => core, expectDealRegError);

    describe('failures and cancellation', () => {
      it('ids that are empty, ".", "..", or hold "/", "\\" or a control character are invalid-request, and reach no backend', async () => {
        let reached = 0;
        const counted = new Proxy(core, {
          get: (target, name, receiver) => {
            const value: unknown = Reflect.get(target, name, receiver);
            if (typeof value !== 'function') return value;
            return (...args: unknown[]) => {
              reached += 1;
              return (value as (...a: unknown[]) => unknown).apply(target, args);
            };
          },
        });
        const alpha = await makeAdapter(counted, ALPHA);
        for (const bad of ['', '.', '..', 'acc-nextgen/..', '..\\acc-nextgen', 'acc\u0000nextgen']) {
          const label = JSON.stringify(bad);
          expect((await expectDealRegError(alpha.getAccountOverview(bad), 'invalid-request')).retryable, label).to.equal(false);
          await expectDealRegError(alpha.requestQuote(bad, freshKey()), 'invalid-request');
          await expectDealRegError(alpha.getQuote(bad), 'invalid-request');
          await expectDealRegError(alpha.requestExtension(bad, freshKey()), 'invalid-request');
          await expectDealRegError(alpha.getOpportunities!(bad, 'a-cursor'), 'invalid-request');
        }
        await expectDealRegError(alpha.getOpportunities!('acc-large', ''), 'invalid-request');
        expect(reached, 'backend calls').to.equal(0);
      });

      it('aborting a call the backend holds rejects with aborted, without waiting for the answer', async () => {
        // The backend answers only when the test lets it: the test would time out if the abort waited for it.
        let release = (): void => undefined;
        let reached = false;
        const holding: MockBackend = Object.create(core) as MockBackend;
        holding.getAccountOverview = (token, accountId) => {
          reached = true;
          return new Promise((resolve) => (release = () => resolve(core.getAccountOverview(token, accountId))));
        };
        const alpha = await makeAdapter(holding, ALPHA);
        const controller = new AbortController();
        const pending = alpha.getAccountOverview('acc-nextgen', { signal: controller.signal });
        try {
          await until(() => reached, 'the backend holding the request');
          controller.abort();
          await expectDealRegError(pending, 'aborted');
        } finally {
          release();
        }
      });

      it('an already-aborted signal rejects with aborted and registers nothing', async () => {
        const alpha = await as(ALPHA);
        const { opportunity } = await firstOpenOpportunity(alpha, 'acc-nextgen');
        await expectDealRegError(
          alpha.registerOpportunity(
            { accountId: 'acc-nextgen', opportunityId: opportunity.id, presalesActivities: ['workshop'] },
            { ...freshKey(), signal: AbortSignal.abort() },
          ),
          'aborted',
        );
        expect(core.inspect().registrations.filter((r) => r.opportunityId === opportunity.id)).to.have.length(0);
      });

      it('a backend that answers 503 gives service-unavailable, marked retryable', async () => {
        core.configure({ failureRate: 1 });
        const error = await expectDealRegError((await as(ALPHA)).getAccountOverview('acc-nextgen'), 'service-unavailable');
        expect(error.retryable).to.equal(true);
        expect(error.status).to.equal(503);
      });
    });
  });
}
