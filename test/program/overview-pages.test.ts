// The pure steps behind the paged status list (src/program/overview-pages.ts), on acc-large's real
// overview and pages: a row met again on a later page is not shown twice, a reload keeps the pages
// and the place reached, and a registration moves its row between the exact counts.
import { expect } from '@open-wc/testing';
import type { AccountOverview, OpportunityPage } from '../../src/domain/types.ts';
import { appendPage, reloadOver, withQuote, withRegistration } from '../../src/program/overview-pages.ts';
import { createMockBackend } from '../../mocks/index.ts';

const TOKEN = 'demo-alpha';

async function start(): Promise<{
  overview: AccountOverview;
  page: OpportunityPage;
  core: ReturnType<typeof createMockBackend>;
}> {
  const core = createMockBackend({ quoteDecisionDelayMs: 0 });
  const a = await core.getAccountOverview(TOKEN, 'acc-large');
  const overview = (a.ok ? (a.body as AccountOverview) : undefined)!;
  const p = await core.getOpportunities(TOKEN, 'acc-large', overview.nextCursor!, null);
  return { overview, page: (p.ok ? (p.body as OpportunityPage) : undefined)!, core };
}

describe('paging steps (overview-pages.ts)', () => {
  it('appendPage: the next rows after the shown ones, an opportunity met again not repeated, its registration the page’s', async () => {
    const { overview, page } = await start();
    const merged = appendPage(overview, page);
    expect(merged.opportunities.map((o) => o.id)).to.deep.equal(
      [...overview.opportunities, ...page.opportunities].map((o) => o.id),
    );
    expect(merged.nextCursor).to.equal(page.nextCursor);
    expect(merged.opportunityCounts, 'the counts stay the overview’s').to.equal(overview.opportunityCounts);

    // A row the partner's own action moved across the cursor comes again on a later page.
    const again = overview.opportunities[0]!;
    const registration = { ...overview.registrations[0]!, opportunityId: again.id, note: 'fresher' };
    const moved = appendPage(merged, {
      ...page,
      opportunities: [again, ...page.opportunities.slice(0, 1)],
      registrations: [registration],
    });
    const ids = moved.opportunities.map((o) => o.id);
    expect(ids.length, 'nothing added twice').to.equal(new Set(ids).size);
    expect(ids.indexOf(again.id), 'the row keeps its place').to.equal(0);
    expect(moved.registrations.filter((r) => r.id === registration.id)).to.deep.equal([registration]);
  });

  it('reloadOver: a fresh overview keeps the later pages shown and the cursor reached', async () => {
    const { overview, page } = await start();
    const shown = appendPage(overview, page);
    const fresh = { ...overview, opportunities: overview.opportunities.slice(1) };
    const reloaded = reloadOver(shown, fresh, true);
    expect(reloaded.opportunities).to.have.length(50);
    expect(new Set(reloaded.opportunities.map((o) => o.id)).size).to.equal(50);
    expect(reloaded.nextCursor).to.equal(page.nextCursor);
    expect(reloadOver(shown, fresh, false), 'no page loaded: the fresh overview as is').to.equal(fresh);
  });

  it('withRegistration: the row moves from its old state to its new one in the exact counts; a row not loaded is not patched', async () => {
    const { overview, page, core } = await start();
    const shown = appendPage(overview, page);
    const target = page.opportunities.find(
      (o) => !shown.registrations.some((r) => r.opportunityId === o.id) && !o.protectedByAnotherPartner,
    )!;
    const answer = await core.registerOpportunity(
      TOKEN,
      { accountId: 'acc-large', opportunityId: target.id, presalesActivities: ['workshop'] },
      'merge-1',
    );
    const registration = (answer.ok ? (answer.body as AccountOverview['registrations'][number]) : undefined)!;
    const patched = withRegistration(shown, registration)!;
    const fresh = await core.getAccountOverview(TOKEN, 'acc-large');
    expect(patched.opportunityCounts).to.deep.equal((fresh.ok ? (fresh.body as AccountOverview) : undefined)!.opportunityCounts);
    expect(withRegistration(overview, registration) === undefined, 'a row of an unloaded page: reload instead').to.equal(true);
    const quote = {
      id: 'q-1',
      registrationId: registration.id,
      status: 'submitted' as const,
      requestedAt: registration.submittedAt,
    };
    expect(withQuote(patched, quote)!.quotes).to.deep.include(quote);
    expect(withQuote(overview, quote) === undefined).to.equal(true);
  });
});
