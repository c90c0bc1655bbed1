// Each demo account of docs/program.md §6 behaves as its row says (partner alpha unless said). The
// expectations are the table's, in literals worked out by hand from the seeding (dates counted from
// the default clock, 2017-02-14): nothing here is recomputed by the engine or read from the mock.
import { expect } from '@open-wc/testing';
import { createMockBackend, generateLargeAccount, DEFAULT_SEED, DEMO_ACCOUNT_IDS, DEMO_PARTNERS } from '../../mocks/index.ts';
import type { AccountOverview, InstalledBaseSummary } from '../../src/domain/types.ts';
import { evaluateEligibility } from '../../src/program/index.ts';
import { ALPHA, BETA, allOpportunities, newKey, overviewOf, problemCode, quoteOf, registrationOf } from './helpers.ts';

type Backend = ReturnType<typeof createMockBackend>;

async function view(backend: Backend, account: string, token = ALPHA) {
  return overviewOf(await backend.getAccountOverview(token, account));
}

const NO_INSTALLED_BASE: InstalledBaseSummary = {
  families: [],
  totalAssets: 0,
  totalUnits: 0,
  refreshCandidates: [],
  refreshCandidatesTotal: 0,
};

/** The states the overview counts, without the zeros. */
function countsOf(overview: AccountOverview): { total: number; byState: Record<string, number> } {
  const byState = Object.fromEntries(Object.entries(overview.opportunityCounts.byState).filter(([, n]) => n > 0));
  return { total: overview.opportunityCounts.total, byState };
}

/** The first deal's eligibility at the server's date, as the widgets ask for it: the verdict, its bases and its hints' codes. */
function verdictOf(overview: AccountOverview) {
  const opportunity = overview.opportunities[0]!;
  const decision = evaluateEligibility({ program: overview.program, at: overview.asOf, opportunity, orders: overview.orders });
  return { eligible: decision.eligible, basis: decision.basis, hints: decision.hints.map((h) => h.code) };
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

  // What alpha sees on each account (docs/program.md §6, third column) on 2017-02-14. An eligible
  // deal is told what qualifies it, not what it lacks besides.
  const SEEN: Record<string, { total: number; byState: Record<string, number>; verdict?: ReturnType<typeof verdictOf> }> = {
    'acc-nextgen': {
      total: 1,
      byState: { 'not-registered': 1 },
      verdict: {
        eligible: true,
        basis: ['latest-generation'],
        hints: ['qualifies-latest-generation'],
      },
    },
    'acc-dormant': {
      total: 1,
      byState: { 'not-registered': 1 },
      verdict: {
        eligible: true,
        basis: ['dormant-account'],
        hints: ['qualifies-dormant-account'],
      },
    },
    'acc-installed': {
      total: 1,
      byState: { 'not-registered': 1 },
      verdict: {
        eligible: true,
        basis: ['installed-base'],
        hints: ['qualifies-installed-base'],
      },
    },
    'acc-other-installed': {
      total: 1,
      byState: { 'not-registered': 1 },
      verdict: { eligible: false, basis: [], hints: ['add-latest-generation-line', 'account-not-dormant', 'not-installed-base'] },
    },
    'acc-conflict': { total: 1, byState: { 'protected-by-other': 1 } },
    'acc-protected': { total: 1, byState: { approved: 1 } },
    'acc-expiring': { total: 1, byState: { 'expiring-soon': 1 } },
    'acc-quoted': { total: 1, byState: { approved: 1 } },
    'acc-empty': { total: 0, byState: {} },
    'acc-large': { total: 1000, byState: { 'not-registered': 1000 } },
  };

  for (const [accountId, seen] of Object.entries(SEEN)) {
    const states = Object.entries(seen.byState).map(([state, n]) => `${n} ${state}`);
    const verdict = seen.verdict && (seen.verdict.eligible ? `eligible (${seen.verdict.basis.join(', ')})` : 'not eligible');
    it(`${accountId}: ${[states.join(', ') || 'no deal', verdict].filter(Boolean).join('; ')}`, async () => {
      const alpha = await view(createMockBackend(), accountId);
      expect(countsOf(alpha)).to.deep.equal({ total: seen.total, byState: seen.byState });
      if (seen.verdict) expect(verdictOf(alpha)).to.deep.equal(seen.verdict);
    });
  }

  it('acc-installed on 2017-01-15: not eligible under the launch rules, and the hint names the coming rule set', async () => {
    const alpha = await view(createMockBackend({ clock: '2017-01-15T10:00:00Z' }), 'acc-installed');
    expect(verdictOf(alpha)).to.deep.equal({
      eligible: false,
      basis: [],
      hints: ['add-latest-generation-line', 'account-not-dormant', 'eligible-from-rule-set'],
    });
    const { opportunities, program, asOf, orders } = alpha;
    const coming = evaluateEligibility({ program, at: asOf, opportunity: opportunities[0]!, orders }).hints.at(-1);
    expect(coming).to.deep.equal({
      code: 'eligible-from-rule-set',
      ruleSetId: 'installed-base-extension',
      effectiveFrom: '2017-02-01',
      basis: ['installed-base'],
    });
  });

  it('acc-nextgen: a deal with a composable line is approved for alpha on latest-generation grounds; beta sees its own installed base', async () => {
    const backend = createMockBackend();
    const alpha = await view(backend, 'acc-nextgen');
    expect(alpha.installedBase).to.deep.equal(NO_INSTALLED_BASE);
    // Beta's last sale, 8 months before 2017-02-14: not alpha's.
    expect(alpha.orders).to.deep.equal({ lastInfraOrderAt: '2016-06-14', lastInfraOrderByYouAt: null });
    expect(alpha.opportunities[0]!.lines.map((l) => l.family)).to.deep.equal(['composable', 'networking']);
    const beta = await view(backend, 'acc-nextgen', BETA);
    expect(beta.orders).to.deep.equal({ lastInfraOrderAt: '2016-06-14', lastInfraOrderByYouAt: '2016-06-14' });
    expect(beta.installedBase.totalAssets).to.equal(3);
    const reg = registrationOf(await registerFirstDeal(backend, 'acc-nextgen'));
    expect(reg.status).to.equal('approved');
    expect(reg.ruleSetId).to.equal('installed-base-extension');
    expect(reg.protectedUntil, '90 days from 2017-02-14').to.equal('2017-05-15');
  });

  it('acc-dormant: the last order was 30 months ago, so a classic deal is approved as a dormant account', async () => {
    const backend = createMockBackend();
    const alpha = await view(backend, 'acc-dormant');
    expect(alpha.orders.lastInfraOrderAt, '30 months before 2017-02-14').to.equal('2014-08-14');
    expect(
      alpha.opportunities[0]!.lines.map((l) => l.family),
      'classic only',
    ).to.deep.equal(['disk-storage']);
    expect(registrationOf(await registerFirstDeal(backend, 'acc-dormant')).status).to.equal('approved');
  });

  it('acc-installed on 2017-01-15: rejected not-eligible under the launch rules', async () => {
    const backend = createMockBackend({ clock: '2017-01-15T10:00:00Z' });
    const alpha = await view(backend, 'acc-installed');
    expect(alpha.orders.lastInfraOrderByYouAt, '5 months before 2017-01-15').to.equal('2016-08-15');
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
    expect((await view(created, 'acc-protected')).registrations[0]!.protectedUntil).to.equal('2017-04-15');
    moved.reset();
    expect((await view(moved, 'acc-protected')).registrations[0]!.protectedUntil).to.equal('2017-04-15');
    // Without an anchor the seeds follow the clock the backend is created with (the records' own "today").
    expect(
      (await view(createMockBackend({ clock: '2017-04-10T09:00:00Z' }), 'acc-protected')).registrations[0]!.protectedUntil,
    ).to.equal('2017-06-09');
  });

  it("acc-installed: alpha's installed base is listed with its own sales only", async () => {
    const backend = createMockBackend();
    const alpha = await view(backend, 'acc-installed');
    expect(alpha.installedBase.totalAssets).to.equal(4);
    expect((await view(backend, 'acc-installed', BETA)).installedBase).to.deep.equal(NO_INSTALLED_BASE);
  });

  it("acc-other-installed: beta's regular customer is not alpha's: alpha is rejected not-eligible, beta is approved", async () => {
    const backend = createMockBackend();
    const alpha = await view(backend, 'acc-other-installed');
    expect(alpha.installedBase).to.deep.equal(NO_INSTALLED_BASE);
    expect(alpha.orders).to.deep.equal({ lastInfraOrderAt: '2016-08-14', lastInfraOrderByYouAt: null });
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
    expect(reg.protectedUntil).to.equal('2017-04-15');
    const deal = alpha.opportunities.find((o) => o.id === reg.opportunityId)!;

    const submitted = quoteOf(await backend.requestQuote(ALPHA, reg.id, newKey()));
    expect(submitted.status).to.equal('submitted');
    realMs += 1499;
    expect(quoteOf(await backend.getQuote(ALPHA, submitted.id)).status).to.equal('submitted');
    realMs += 1;
    const quoted = quoteOf(await backend.getQuote(ALPHA, submitted.id));
    expect(quoted.status).to.equal('quoted');
    expect(deal.amount).to.deep.equal({ value: 160_000, currency: 'EUR' });
    expect(quoted.listPrice).to.equal(160_000);
    expect(quoted.currency).to.equal('EUR');
    expect(quoted.discountPercent).to.be.within(12, 22);
    expect(quoted.netPrice).to.be.closeTo(160_000 * (1 - quoted.discountPercent! / 100), 0.01);
    expect(quoted.validUntil, '30 days from 2017-02-14').to.equal('2017-03-16');
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
    backend.setClock('2017-04-15T18:00:00Z');
    expect((await view(backend, 'acc-protected')).registrations[0]!.status, 'through its last day').to.equal('approved');
    backend.setClock('2017-04-16T08:00:00Z');
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
    expect(reg.protectedUntil).to.equal('2017-02-19');
    expect(reg.extensionsUsed).to.equal(0);
    const extended = registrationOf(await backend.requestExtension(ALPHA, reg.id, newKey()));
    expect(extended.protectedUntil, '30 days more').to.equal('2017-03-21');
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
    expect(quote).to.include({ status: 'quoted', listPrice: 320_000, currency: 'EUR' });
    expect(quote.discountPercent).to.be.within(12, 22);
    expect(quote.netPrice).to.be.closeTo(320_000 * (1 - quote.discountPercent! / 100), 0.01);
    expect(quote.validUntil, 'quoted 3 days before 2017-02-14, valid 30 days').to.equal('2017-03-13');
    // while it is valid, another request is refused; once expired, a new one is accepted
    expect(problemCode(await backend.requestQuote(ALPHA, quote.registrationId, newKey()))).to.equal('quote-already-open');
    backend.setClock('2017-03-13T18:00:00Z');
    expect((await view(backend, 'acc-quoted')).quotes[0]!.status, 'through its last day').to.equal('quoted');
    backend.setClock('2017-03-14T09:00:00Z');
    expect((await view(backend, 'acc-quoted')).quotes[0]!.status).to.equal('expired');
    expect((await backend.requestQuote(ALPHA, quote.registrationId, newKey())).status).to.equal(201);
  });

  it('acc-empty: a new logo with no orders, no deals and no installed base', async () => {
    const alpha = await view(createMockBackend(), 'acc-empty');
    expect(alpha.opportunities).to.deep.equal([]);
    expect(alpha.opportunityCounts.total).to.equal(0);
    expect(alpha.nextCursor).to.equal(null);
    expect(alpha.installedBase).to.deep.equal(NO_INSTALLED_BASE);
    expect(alpha.orders).to.deep.equal({ lastInfraOrderAt: null, lastInfraOrderByYouAt: null });
  });

  it('acc-large: 1,000 opportunities (25 in the overview, the rest a cursor away) and 10,000 alpha assets; beta sees none of them', async () => {
    const backend = createMockBackend();
    const alpha = await view(backend, 'acc-large');
    expect(alpha.opportunities).to.have.length(25);
    expect(alpha.opportunityCounts.total).to.equal(1000);
    expect(alpha.installedBase.totalAssets).to.equal(10_000);
    expect(alpha.installedBase.refreshCandidates.length).to.be.at.most(10);
    const every = await allOpportunities(backend, ALPHA, 'acc-large');
    expect(every).to.have.length(1000);
    expect(new Set(every.map((o) => o.id)).size, 'each once').to.equal(1000);
    expect((await view(backend, 'acc-large', BETA)).installedBase).to.deep.equal(NO_INSTALLED_BASE);
  });

  // Each partner's own sales at each account (scenarios.ts), support running 60 months from purchase;
  // refresh candidates end support within 12 months of the server's date.
  const RACK_2012 = {
    family: 'rack-servers',
    generation: 'classic',
    quantity: 6,
    purchasedAt: '2012-08-14',
    endOfSupportAt: '2017-08-14',
  };
  const RACK_2016 = {
    family: 'rack-servers',
    generation: 'classic',
    quantity: 8,
    purchasedAt: '2016-03-14',
    endOfSupportAt: '2021-03-14',
  };
  const INSTALLED: Record<string, InstalledBaseSummary | Omit<InstalledBaseSummary, 'refreshCandidates'>> = {
    'alpha@acc-installed': {
      families: [
        { family: 'rack-servers', generation: 'classic', assets: 3, units: 18, earliestEndOfSupportAt: '2017-08-14' },
        { family: 'networking', generation: 'classic', assets: 1, units: 2, earliestEndOfSupportAt: '2021-09-14' },
      ],
      totalAssets: 4,
      totalUnits: 20,
      refreshCandidatesTotal: 1,
    },
    'beta@acc-nextgen': {
      families: [
        { family: 'rack-servers', generation: 'classic', assets: 1, units: 12, earliestEndOfSupportAt: '2020-12-14' },
        { family: 'networking', generation: 'classic', assets: 1, units: 4, earliestEndOfSupportAt: '2020-12-14' },
        { family: 'disk-storage', generation: 'classic', assets: 1, units: 2, earliestEndOfSupportAt: '2021-06-14' },
      ],
      totalAssets: 3,
      totalUnits: 18,
      refreshCandidates: [],
      refreshCandidatesTotal: 0,
    },
    'beta@acc-dormant': {
      families: [{ family: 'disk-storage', generation: 'classic', assets: 1, units: 1, earliestEndOfSupportAt: '2019-08-14' }],
      totalAssets: 1,
      totalUnits: 1,
      refreshCandidates: [],
      refreshCandidatesTotal: 0,
    },
    'beta@acc-other-installed': {
      families: [{ family: 'tower-servers', generation: 'classic', assets: 1, units: 6, earliestEndOfSupportAt: '2021-08-14' }],
      totalAssets: 1,
      totalUnits: 6,
      refreshCandidates: [],
      refreshCandidatesTotal: 0,
    },
  };

  /** The summary with the candidates' ids left out (they are minted from the seed, not chosen). */
  function withoutIds(summary: InstalledBaseSummary) {
    return { ...summary, refreshCandidates: summary.refreshCandidates.map(({ id: _id, ...rest }) => rest) };
  }

  it("each partner's installed base at each account is its own sales there, and nobody else's", async () => {
    const backend = createMockBackend();
    for (const partner of DEMO_PARTNERS) {
      for (const accountId of DEMO_ACCOUNT_IDS.filter((id) => id !== 'acc-broken' && id !== 'acc-large')) {
        const key = `${partner.id}@${accountId}`;
        const summary = (await view(backend, accountId, partner.token)).installedBase;
        if (key === 'alpha@acc-installed') {
          expect(withoutIds(summary), key).to.deep.equal({ ...INSTALLED[key], refreshCandidates: [RACK_2012] });
        } else expect(summary, key).to.deep.equal(INSTALLED[key] ?? NO_INSTALLED_BASE);
      }
    }
  });

  it('the refresh candidates follow the clock: on 2020-06-01, the servers sold in 2016 (the 2012 ones are out of support)', async () => {
    const backend = createMockBackend();
    backend.setClock('2020-06-01T09:00:00Z');
    const summary = (await view(backend, 'acc-installed')).installedBase;
    expect(withoutIds(summary)).to.deep.equal({ ...INSTALLED['alpha@acc-installed'], refreshCandidates: [RACK_2016] });
  });

  it('acc-large is generated identically from the same seed (deep-equal), and differently from another seed', async () => {
    const { program } = await view(createMockBackend(), 'acc-empty');
    const first = generateLargeAccount(DEFAULT_SEED, '2017-02-14', program);
    const second = generateLargeAccount(DEFAULT_SEED, '2017-02-14', program);
    expect(second).to.deep.equal(first);
    expect(generateLargeAccount(DEFAULT_SEED + 1, '2017-02-14', program)).not.to.deep.equal(first);
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
