// Each demo account of docs/program.md §6 behaves as its row says (partner alpha unless said).
import { expect } from '@open-wc/testing';
import {
  createMockBackend,
  generateLargeAccount,
  DEFAULT_SEED,
  DEMO_ACCOUNT_IDS,
  DEMO_PARTNERS,
  LARGE_ASSETS,
  LARGE_OPPORTUNITIES,
  SAMPLE_PROGRAM,
} from '../../mocks/index.ts';
import { addDays, addMonths, emptyInstalledBase, summarizeInstalledBase } from '../../src/program/index.ts';
import { ALPHA, BETA, allOpportunities, newKey, overviewOf, problemCode, quoteOf, registrationOf } from './helpers.ts';

type Backend = ReturnType<typeof createMockBackend>;

async function view(backend: Backend, account: string, token = ALPHA) {
  return overviewOf(await backend.getAccountOverview(token, account));
}

async function registerFirstDeal(backend: Backend, account: string, token = ALPHA, presalesActivities = ['workshop']) {
  const deal = (await view(backend, account, token)).opportunities[0]!;
  return backend.registerOpportunity(token, { accountId: account, opportunityId: deal.id, presalesActivities }, newKey());
}

describe('demo scenarios', () => {
  it('the default clock is 2017-02-14 and the overview carries it as asOf', async () => {
    const backend = createMockBackend();
    expect(backend.now().slice(0, 10)).to.equal('2017-02-14');
    expect((await view(backend, 'acc-empty')).asOf).to.equal(backend.now());
  });

  it('acc-nextgen: a deal with a composable line is approved for alpha on latest-generation grounds; beta sees its own installed base', async () => {
    const backend = createMockBackend();
    const alpha = await view(backend, 'acc-nextgen');
    expect(alpha.installedBase).to.deep.equal(emptyInstalledBase());
    expect(alpha.orders.lastInfraOrderByYouAt).to.equal(null);
    expect(alpha.orders.lastInfraOrderAt).not.to.equal(null);
    expect(alpha.opportunities[0]!.lines.map((l) => l.family)).to.include('composable');
    const beta = await view(backend, 'acc-nextgen', BETA);
    expect(beta.installedBase.totalAssets).to.be.greaterThan(0);
    expect(beta.orders.lastInfraOrderByYouAt).to.equal(beta.orders.lastInfraOrderAt);
    const reg = registrationOf(await registerFirstDeal(backend, 'acc-nextgen'));
    expect(reg.status).to.equal('approved');
    expect(reg.ruleSetId).to.equal('installed-base-extension');
    expect(reg.protectedUntil).to.equal(addDays(backend.now(), SAMPLE_PROGRAM.protection.periodDays));
  });

  it('acc-dormant: the last order was 30 months ago, so a classic deal is approved as a dormant account', async () => {
    const backend = createMockBackend();
    const alpha = await view(backend, 'acc-dormant');
    expect(alpha.orders.lastInfraOrderAt).to.equal(addMonths(backend.now(), -30));
    expect(
      alpha.opportunities[0]!.lines.every(
        (l) => SAMPLE_PROGRAM.families.find((f) => f.id === l.family)!.generation === 'classic',
      ),
    ).to.equal(true);
    expect(registrationOf(await registerFirstDeal(backend, 'acc-dormant')).status).to.equal('approved');
  });

  it('acc-installed on 2017-01-15: rejected not-eligible under the launch rules', async () => {
    const backend = createMockBackend({ clock: '2017-01-15T10:00:00Z' });
    const alpha = await view(backend, 'acc-installed');
    expect(alpha.orders.lastInfraOrderByYouAt).to.equal(addMonths(backend.now(), -5));
    const reg = registrationOf(await registerFirstDeal(backend, 'acc-installed'));
    expect(reg.status).to.equal('rejected');
    expect(reg.reasons).to.deep.equal(['not-eligible']);
    expect(reg.ruleSetId).to.equal('launch');
    expect(reg.history.at(-1)).to.include({ from: 'submitted', to: 'rejected', reason: 'not-eligible' });
  });

  it('acc-installed on 2017-02-14: approved under the installed-base extension', async () => {
    const backend = createMockBackend({ clock: '2017-02-14T10:00:00Z' });
    const reg = registrationOf(await registerFirstDeal(backend, 'acc-installed'));
    expect(reg.status).to.equal('approved');
    expect(reg.ruleSetId).to.equal('installed-base-extension');
  });

  it('acc-installed: moving the clock back across 2017-02-01 changes the answer (the rule set in force decides)', async () => {
    const backend = createMockBackend();
    backend.setClock('2017-01-31T17:00:00Z');
    expect(registrationOf(await registerFirstDeal(backend, 'acc-installed')).status).to.equal('rejected');
    backend.setClock('2017-02-01T08:00:00Z');
    expect(registrationOf(await registerFirstDeal(backend, 'acc-installed')).status).to.equal('approved');
  });

  it('an anchor keeps the seeded records fixed: a backend created at a date equals one moved there with setClock, and reset() keeps the anchor', async () => {
    const anchor = '2017-02-14T09:00:00Z';
    const created = createMockBackend({ anchor, clock: '2017-04-10T09:00:00Z' });
    const moved = createMockBackend({ anchor });
    moved.setClock('2017-04-10T09:00:00Z');
    for (const accountId of ['acc-protected', 'acc-expiring', 'acc-quoted', 'acc-installed']) {
      const a = await view(created, accountId);
      const b = await view(moved, accountId);
      expect({ ...a, nextCursor: null }, accountId).to.deep.equal({ ...b, nextCursor: null });
    }
    // 60 days left on the anchor date: 5 on 2017-04-10, in both.
    expect((await view(created, 'acc-protected')).registrations[0]!.protectedUntil).to.equal(addDays('2017-02-14', 60));
    moved.reset();
    expect((await view(moved, 'acc-protected')).registrations[0]!.protectedUntil).to.equal(addDays('2017-02-14', 60));
    // Without an anchor the seeds follow the clock the backend is created with (the records' own "today").
    expect(
      (await view(createMockBackend({ clock: '2017-04-10T09:00:00Z' }), 'acc-protected')).registrations[0]!.protectedUntil,
    ).to.equal(addDays('2017-04-10', 60));
  });

  it("acc-installed: alpha's installed base is listed with its own sales only", async () => {
    const backend = createMockBackend();
    const alpha = await view(backend, 'acc-installed');
    expect(alpha.installedBase.totalAssets).to.be.greaterThan(1);
    expect((await view(backend, 'acc-installed', BETA)).installedBase).to.deep.equal(emptyInstalledBase());
  });

  it("acc-other-installed: beta's regular customer is not alpha's: alpha is rejected not-eligible, beta is approved", async () => {
    const backend = createMockBackend();
    const alpha = await view(backend, 'acc-other-installed');
    expect(alpha.installedBase).to.deep.equal(emptyInstalledBase());
    expect(alpha.orders.lastInfraOrderByYouAt).to.equal(null);
    expect(alpha.orders.lastInfraOrderAt).to.equal(addMonths(backend.now(), -6));
    const rejected = registrationOf(await registerFirstDeal(backend, 'acc-other-installed'));
    expect(rejected.status).to.equal('rejected');
    expect(rejected.reasons).to.deep.equal(['not-eligible']);
    expect(registrationOf(await registerFirstDeal(backend, 'acc-other-installed', BETA)).status).to.equal('approved');
  });

  it('acc-conflict: alpha sees only "protected by another partner" and registering is rejected already-protected; beta sees its approved protection', async () => {
    const backend = createMockBackend();
    const alpha = await view(backend, 'acc-conflict');
    expect(alpha.opportunities[0]!.protectedByAnotherPartner).to.equal(true);
    expect(alpha.registrations).to.deep.equal([]);
    const reg = registrationOf(await registerFirstDeal(backend, 'acc-conflict'));
    expect(reg.status).to.equal('rejected');
    expect(reg.reasons).to.deep.equal(['already-protected']);
    const beta = await view(backend, 'acc-conflict', BETA);
    expect(beta.opportunities[0]!.protectedByAnotherPartner).to.equal(false);
    expect(beta.registrations).to.have.length(1);
    expect(beta.registrations[0]!.status).to.equal('approved');
  });

  it('acc-protected: 60 days left; a quote request is submitted, then quoted after the decision delay', async () => {
    let realMs = 1_000;
    const backend = createMockBackend({ quoteDecisionDelayMs: 1500, realTime: () => realMs });
    const alpha = await view(backend, 'acc-protected');
    const reg = alpha.registrations[0]!;
    expect(reg.status).to.equal('approved');
    expect(reg.protectedUntil).to.equal(addDays(backend.now(), 60));
    const deal = alpha.opportunities.find((o) => o.id === reg.opportunityId)!;

    const submitted = quoteOf(await backend.requestQuote(ALPHA, reg.id, newKey()));
    expect(submitted.status).to.equal('submitted');
    realMs += 1499;
    expect(quoteOf(await backend.getQuote(ALPHA, submitted.id)).status).to.equal('submitted');
    realMs += 1;
    const quoted = quoteOf(await backend.getQuote(ALPHA, submitted.id));
    expect(quoted.status).to.equal('quoted');
    expect(quoted.listPrice).to.equal(deal.amount.value);
    expect(quoted.currency).to.equal(deal.amount.currency);
    expect(quoted.discountPercent).to.be.within(12, 22);
    expect(quoted.netPrice).to.be.closeTo(deal.amount.value * (1 - quoted.discountPercent! / 100), 0.01);
    expect(quoted.validUntil).to.equal(addDays(backend.now(), SAMPLE_PROGRAM.quote.validityDays));
    expect(quoted.history!.map((h) => h.to)).to.deep.equal(['submitted', 'quoted']);
    // the overview shows the same decision
    expect((await view(backend, 'acc-protected')).quotes[0]).to.deep.equal(quoted);
  });

  it('acc-protected: at most one open quote request per registration (409 quote-already-open)', async () => {
    const backend = createMockBackend();
    const reg = (await view(backend, 'acc-protected')).registrations[0]!;
    expect((await backend.requestQuote(ALPHA, reg.id, newKey())).status).to.equal(201);
    const again = await backend.requestQuote(ALPHA, reg.id, newKey());
    expect(again.status).to.equal(409);
    expect(problemCode(again)).to.equal('quote-already-open');
  });

  it("quote and extension requests on another partner's registration answer exactly like an unknown id (404 not-found)", async () => {
    const backend = createMockBackend();
    const reg = (await view(backend, 'acc-protected')).registrations[0]!;
    const foreign = await backend.requestQuote(BETA, reg.id, newKey());
    expect(foreign.status).to.equal(404);
    expect(problemCode(foreign)).to.equal('not-found');
    const unknown = await backend.requestQuote(BETA, 'reg-does-not-exist', newKey());
    expect(foreign).to.deep.equal(unknown);
    expect(await backend.requestExtension(BETA, reg.id, newKey())).to.deep.equal(
      await backend.requestExtension(BETA, 'reg-does-not-exist', newKey()),
    );
  });

  it('acc-protected after the protection ends: the registration shows expired and a quote is refused protection-not-active', async () => {
    const backend = createMockBackend();
    const reg = (await view(backend, 'acc-protected')).registrations[0]!;
    backend.setClock(`${reg.protectedUntil!}T18:00:00Z`);
    expect((await view(backend, 'acc-protected')).registrations[0]!.status).to.equal('approved');
    backend.setClock(`${addDays(reg.protectedUntil!, 1)}T08:00:00Z`);
    const later = (await view(backend, 'acc-protected')).registrations[0]!;
    expect(later.status).to.equal('expired');
    expect(later.history.at(-1)).to.include({ from: 'approved', to: 'expired', by: 'system' });
    const refused = await backend.requestQuote(ALPHA, reg.id, newKey());
    expect(refused.status).to.equal(409);
    expect(problemCode(refused)).to.equal('protection-not-active');
  });

  it('acc-expiring: 5 days left; the extension works once (+30 days), then 409 extension-not-allowed', async () => {
    const backend = createMockBackend();
    const reg = (await view(backend, 'acc-expiring')).registrations[0]!;
    expect(reg.protectedUntil).to.equal(addDays(backend.now(), 5));
    expect(reg.extensionsUsed).to.equal(0);
    const extended = registrationOf(await backend.requestExtension(ALPHA, reg.id, newKey()));
    expect(extended.protectedUntil).to.equal(addDays(backend.now(), 5 + SAMPLE_PROGRAM.protection.extensionDays));
    expect(extended.extensionsUsed).to.equal(1);
    expect(extended.status).to.equal('approved');
    expect(extended.history.at(-1)).to.include({ from: 'approved', to: 'approved', reason: 'extension' });
    const again = await backend.requestExtension(ALPHA, reg.id, newKey());
    expect(again.status).to.equal(409);
    expect(problemCode(again)).to.equal('extension-not-allowed');
  });

  it('acc-quoted: the quote shows net price, discount and validity, and expires after its validity date', async () => {
    const backend = createMockBackend();
    const alpha = await view(backend, 'acc-quoted');
    const quote = alpha.quotes[0]!;
    expect(quote.status).to.equal('quoted');
    expect(quote.netPrice).to.be.a('number');
    expect(quote.discountPercent).to.be.within(12, 22);
    expect(quote.validUntil! >= backend.now().slice(0, 10)).to.equal(true);
    // while it is valid, another request is refused; once expired, a new one is accepted
    expect(problemCode(await backend.requestQuote(ALPHA, quote.registrationId, newKey()))).to.equal('quote-already-open');
    backend.setClock(`${addDays(quote.validUntil!, 1)}T09:00:00Z`);
    expect((await view(backend, 'acc-quoted')).quotes[0]!.status).to.equal('expired');
    expect((await backend.requestQuote(ALPHA, quote.registrationId, newKey())).status).to.equal(201);
  });

  it('acc-empty: a new logo with no orders, no deals and no installed base', async () => {
    const alpha = await view(createMockBackend(), 'acc-empty');
    expect(alpha.opportunities).to.deep.equal([]);
    expect(alpha.opportunityCounts.total).to.equal(0);
    expect(alpha.nextCursor).to.equal(null);
    expect(alpha.installedBase).to.deep.equal(emptyInstalledBase());
    expect(alpha.orders).to.deep.equal({ lastInfraOrderAt: null, lastInfraOrderByYouAt: null });
  });

  it('acc-large: 1,000 opportunities (25 in the overview, the rest a cursor away) and 10,000 alpha assets; beta sees none of them', async () => {
    const backend = createMockBackend();
    const alpha = await view(backend, 'acc-large');
    expect(alpha.opportunities).to.have.length(25);
    expect(alpha.opportunityCounts.total).to.equal(LARGE_OPPORTUNITIES);
    expect(alpha.installedBase.totalAssets).to.equal(LARGE_ASSETS);
    expect(alpha.installedBase.refreshCandidates.length).to.be.at.most(10);
    expect(await allOpportunities(backend, ALPHA, 'acc-large')).to.have.length(LARGE_OPPORTUNITIES);
    expect((await view(backend, 'acc-large', BETA)).installedBase).to.deep.equal(emptyInstalledBase());
  });

  it("every overview's installed base is the engine's summary of that partner's own assets at that account", async () => {
    const backend = createMockBackend();
    const assets = backend.inspect().assets;
    for (const partner of DEMO_PARTNERS) {
      for (const accountId of DEMO_ACCOUNT_IDS.filter((id) => id !== 'acc-broken')) {
        const own = assets.filter((a) => a.accountId === accountId && a.partnerId === partner.id);
        const expected = summarizeInstalledBase(own, backend.now(), SAMPLE_PROGRAM);
        expect((await view(backend, accountId, partner.token)).installedBase, `${partner.id} at ${accountId}`).to.deep.equal(
          expected,
        );
      }
    }
    // And it follows the clock: a later date, other refresh candidates.
    backend.setClock('2019-06-01T09:00:00Z');
    const own = assets.filter((a) => a.accountId === 'acc-installed' && a.partnerId === 'alpha');
    expect((await view(backend, 'acc-installed')).installedBase).to.deep.equal(
      summarizeInstalledBase(own, backend.now(), SAMPLE_PROGRAM),
    );
  });

  it('acc-large is generated identically from the same seed (deep-equal), and differently from another seed', async () => {
    const first = generateLargeAccount(DEFAULT_SEED, '2017-02-14', SAMPLE_PROGRAM);
    const second = generateLargeAccount(DEFAULT_SEED, '2017-02-14', SAMPLE_PROGRAM);
    expect(second).to.deep.equal(first);
    expect(generateLargeAccount(DEFAULT_SEED + 1, '2017-02-14', SAMPLE_PROGRAM)).not.to.deep.equal(first);
    const a = overviewOf(await createMockBackend({ seed: 7 }).getAccountOverview(ALPHA, 'acc-large'));
    const b = overviewOf(await createMockBackend({ seed: 7 }).getAccountOverview(ALPHA, 'acc-large'));
    // Everything but the cursor: each backend signs with its own random secret, so no backend honours another's cursors.
    expect({ ...b, nextCursor: null }).to.deep.equal({ ...a, nextCursor: null });
    expect(b.nextCursor).not.to.equal(a.nextCursor);
  });

  it('acc-broken: the overview is answered 200 with a malformed payload', async () => {
    const answer = await createMockBackend().getAccountOverview(ALPHA, 'acc-broken');
    expect(answer.status).to.equal(200);
    const payload = (answer.ok ? answer.body : null) as { opportunities: unknown; account: { name?: unknown } };
    expect(Array.isArray(payload.opportunities)).to.equal(false);
    expect(payload.account.name).to.equal(undefined);
  });

  it('an unknown account is 404 not-found', async () => {
    const answer = await createMockBackend().getAccountOverview(ALPHA, 'acc-nowhere');
    expect(answer.status).to.equal(404);
    expect(problemCode(answer)).to.equal('not-found');
  });

  it('the same partner registering a deal it already holds is refused 409 already-registered', async () => {
    const backend = createMockBackend();
    expect(registrationOf(await registerFirstDeal(backend, 'acc-nextgen')).status).to.equal('approved');
    const again = await registerFirstDeal(backend, 'acc-nextgen');
    expect(again.status).to.equal(409);
    expect(problemCode(again)).to.equal('already-registered');
  });

  it('after a rejection the partner may register again (the rejected one is not live)', async () => {
    const backend = createMockBackend();
    expect(registrationOf(await registerFirstDeal(backend, 'acc-nextgen', ALPHA, [])).reasons).to.deep.equal([
      'missing-presales-activity',
    ]);
    expect(registrationOf(await registerFirstDeal(backend, 'acc-nextgen')).status).to.equal('approved');
  });

  it('malformed registrations are 400 invalid-request: unknown opportunity, wrong types, unknown presales activity', async () => {
    const backend = createMockBackend();
    const base = { accountId: 'acc-nextgen', opportunityId: 'opp-nextgen-synergy', presalesActivities: ['workshop'] };
    for (const bad of [
      { ...base, opportunityId: 'opp-unknown' },
      { ...base, accountId: 'acc-dormant' },
      { ...base, presalesActivities: 'workshop' },
      { ...base, presalesActivities: ['karaoke'] },
      { ...base, accountId: 42 },
      { ...base, note: 7 },
      'not an object',
      null,
    ]) {
      const answer = await backend.registerOpportunity(ALPHA, bad, newKey());
      expect(answer.status, JSON.stringify(bad)).to.equal(400);
      expect(problemCode(answer)).to.equal('invalid-request');
    }
    expect(
      backend.inspect().registrations.filter((r) => r.partnerId === 'alpha' && r.opportunityId === base.opportunityId),
    ).to.have.length(0);
  });

  it('reset() returns to the seeded scenarios', async () => {
    const backend = createMockBackend();
    const before = await backend.getAccountOverview(ALPHA, 'acc-nextgen');
    await registerFirstDeal(backend, 'acc-nextgen');
    backend.reset();
    expect(await backend.getAccountOverview(ALPHA, 'acc-nextgen')).to.deep.equal(before);
  });
});
