// docs/program.md §3 and §6, read in the panel: a deal's decision is on its row (its lines and the
// account's order facts at the overview's asOf); the eligibility section tells what a NEW deal needs.
import { expect, fixture, html } from '@open-wc/testing';
import '../../widgets/index.ts';
import type { DealRegEligibility, DealRegPanel } from '../../widgets/index.ts';
import {
  backend,
  buttonNamed,
  counting,
  deepQuery,
  deepQueryAll,
  deepText,
  failingPages,
  memoryAdapter,
  until,
} from './helpers.ts';
import { createMockBackend, type MockBackend } from '../../mocks/index.ts';
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { AccountOverview, Opportunity } from '../../src/domain/types.ts';
import type { DealRegErrorEvent } from '../../widgets/index.ts';

async function panel(accountId: string, clock?: string): Promise<{ el: DealRegPanel; row: string; section: string }> {
  const core = backend(clock ? { clock } : {});
  const el = await fixture<DealRegPanel>(
    html`<dealreg-panel account-id=${accountId} .adapter=${memoryAdapter(core)}></dealreg-panel>`,
  );
  await until(() => deepQuery(el, '[part~="installed-base"]'), 'the eligibility section');
  await until(() => accountId === 'acc-empty' || deepQuery(el, 'li[part~="opportunity"]'), 'the rows');
  const row = deepQuery(el, 'li[part~="opportunity"]');
  return { el, row: row ? deepText(row) : '', section: deepText(deepQuery(el, 'dealreg-eligibility')!) };
}

describe('eligibility per deal, on its row; what a new deal needs, in the section', () => {
  it('acc-nextgen: the deal with a Synergy line qualifies for its latest-generation technology', async () => {
    const { el, row, section } = await panel('acc-nextgen');
    // One verdict line: what qualifies the deal, said once.
    expect(row).to.include('Eligible · latest-generation technology: Composable infrastructure (Synergy)');
    expect(row).not.to.include('Qualifies');
    expect(deepText(el)).not.to.match(/Not eligible|does not qualify/i);
    expect(section).to.include('A new deal here qualifies with latest-generation technology');
    await expect(el).to.be.accessible();
  });

  it('acc-dormant: the deal qualifies as a dormant account, and so would any new deal', async () => {
    const { row, section } = await panel('acc-dormant');
    expect(row).to.include('Eligible · dormant account');
    expect(section).to.match(/Dormant since .+ so any new deal here qualifies/);
  });

  it('acc-installed on 2017-02-14: the deal qualifies through the partner’s installed base', async () => {
    const { row, section } = await panel('acc-installed', '2017-02-14T09:00:00Z');
    expect(row).to.include('Eligible · your installed base');
    // The last day is the engine's (the hint's `until`): the words only format it.
    expect(section).to.include(
      'Your installed base since your sale on Sep\u00a014,\u00a02016: any new deal here qualifies until Sep\u00a014,\u00a02018.',
    );
  });

  it('acc-installed on 2017-01-15: the deal does not qualify yet; row and section name the coming rule set and its date', async () => {
    const { row, section } = await panel('acc-installed', '2017-01-15T09:00:00Z');
    expect(row).to.include('Not eligible · add a ');
    expect(row).to.include('Eligible from Feb\u00a01,\u00a02017 under the');
    expect(section).to.include('Coming rule change: from Feb\u00a01,\u00a02017');
  });

  it('acc-other-installed: the deal does not qualify; add latest-generation technology', async () => {
    const { row } = await panel('acc-other-installed');
    // The fix first, on the verdict's line.
    expect(row).to.match(/Not eligible · add a .+ line to qualify/);
  });

  it('acc-empty: what a new deal there would qualify for (a new account)', async () => {
    const { section } = await panel('acc-empty');
    // Said once, by the hint that says why.
    expect(section).to.include('New account: no vendor infrastructure order on record, so any new deal here qualifies.');
    expect(section).not.to.include('Any new deal here qualifies for protection');
  });
});

describe('<dealreg-eligibility> installed base', () => {
  it('acc-large: the families table and the first refresh candidates come from the server’s summary, with "and N more" from its exact total', async () => {
    const core = createMockBackend();
    const answer = await core.getAccountOverview('demo-alpha', 'acc-large');
    const summary = (answer.ok ? (answer.body as AccountOverview) : undefined)!.installedBase;
    const el = await fixture<DealRegEligibility>(
      html`<dealreg-eligibility account-id="acc-large" .adapter=${memoryAdapter(core)}></dealreg-eligibility>`,
    );
    await until(() => deepQuery(el, '[part~="installed-base"] table'), 'the installed base');
    const section = deepQuery(el, '[part~="installed-base"]')!;
    const rows = deepQueryAll(section, 'tbody tr');
    expect(rows).to.have.length(summary.families.length);
    expect(deepText(rows[0]!)).to.include(summary.families[0]!.units.toLocaleString('en'));
    const items = deepQueryAll(section, 'ul.refresh li');
    // The first five candidates, each end-of-support date once (review.test.ts), then the rest in one line.
    const dates = new Set(summary.refreshCandidates.slice(0, 5).map((a) => a.endOfSupportAt));
    expect(items).to.have.length(dates.size + 1);
    expect(deepText(items.at(-1)!)).to.include(`and ${(summary.refreshCandidatesTotal - 5).toLocaleString('en')} more`);
    await expect(el).to.be.accessible();
  });
});

describe('<dealreg-eligibility> without opportunity-id', () => {
  it('tells what a new deal needs in one block, whatever the number of deals (acc-large)', async () => {
    const el = await fixture<DealRegEligibility>(
      html`<dealreg-eligibility account-id="acc-large" no-installed-base .adapter=${memoryAdapter(createMockBackend())}></dealreg-eligibility>`,
    );
    await until(() => deepQuery(el, '[part~="decision"]'), 'the new-deal block');
    expect(deepQueryAll(el, '[part~="decision"]')).to.have.length(1);
    expect(deepQueryAll(el, 'button')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('speaks of new deals, never as a verdict beside held ones (acc-protected)', async () => {
    const el = await fixture<DealRegEligibility>(
      html`<dealreg-eligibility account-id="acc-protected" .adapter=${memoryAdapter()}></dealreg-eligibility>`,
    );
    await until(() => deepQuery(el, '[part~="decision"]'), 'loaded');
    expect(deepText(el)).to.include('new deal here');
    expect(deepQuery(el, '[part~="status-badge"]')).to.equal(undefined);
  });
});

describe('<dealreg-eligibility opportunity-id> tells that deal’s story', () => {
  async function one(accountId: string, opportunityId: string, token = 'demo-alpha'): Promise<string> {
    const el = await fixture<DealRegEligibility>(
      html`<dealreg-eligibility account-id=${accountId} opportunity-id=${opportunityId} no-installed-base .adapter=${memoryAdapter(backend(), token)}></dealreg-eligibility>`,
    );
    await until(() => deepQuery(el, '[part~="summary"]'), 'loaded');
    await expect(el).to.be.accessible();
    return deepText(el);
  }

  it('a registrable deal: its decision today', async () => {
    expect(await one('acc-other-installed', 'opp-other-towers')).to.match(/Not eligible Add a .+ line to qualify/s);
  });

  it('a held deal: registered, under the rules then in force, never "not eligible"', async () => {
    const text = await one('acc-protected', 'opp-protected-hci');
    expect(text).to.match(/Registered on .+ latest-generation technology/);
    expect(text).not.to.match(/not eligible|does not qualify/i);
  });

  it('a deal another partner holds: that, and what is left to do, nothing else', async () => {
    const text = await one('acc-conflict', 'opp-conflict-flash');
    expect(text).to.include('Protected by another partner You can still sell it without the restricted quote');
    expect(text).not.to.match(/qualif|eligible/i);
  });
});

describe('<dealreg-eligibility opportunity-id> for a deal beyond the first page (acc-large)', function () {
  this.timeout(30_000);

  /** acc-large's deals in the server's order: the overview's 25, then every page's. */
  async function largeDeals(core: MockBackend): Promise<Opportunity[]> {
    const adapter = memoryAdapter(core);
    const overview = await adapter.getAccountOverview('acc-large');
    const deals = [...overview.opportunities];
    for (let cursor = overview.nextCursor; cursor !== null;) {
      const page = await adapter.getOpportunities!('acc-large', cursor, { limit: 100 });
      deals.push(...page.opportunities);
      cursor = page.nextCursor;
    }
    expect(deals).to.have.length(1000);
    return deals;
  }

  async function eligibilityOf(adapter: DealRegAdapter, opportunityId: string): Promise<DealRegEligibility> {
    const el = await fixture<DealRegEligibility>(
      html`<dealreg-eligibility account-id="acc-large" opportunity-id=${opportunityId} no-installed-base .adapter=${adapter}></dealreg-eligibility>`,
    );
    await until(
      () => deepQuery(el, '[part~="decision"]') || deepQuery(el, '[part~="error"]') || deepQuery(el, 'p.weak'),
      'an answer',
    );
    return el;
  }

  // Alpha sold infrastructure at acc-large within the installed-base window: every deal there qualifies.
  for (const [label, position, pages] of [
    ['the first deal after the overview’s 25', 25, 1],
    ['the last of the 1,000', 999, 10],
  ] as const) {
    it(`${label}: its decision, after fetching the ${pages === 1 ? 'one page' : `${pages} pages`} it needs and no more`, async () => {
      const core = backend();
      const deal = (await largeDeals(core))[position]!;
      const adapter = counting(memoryAdapter(core));
      const el = await eligibilityOf(adapter, deal.id);
      expect(deepText(el)).not.to.include('not part of the account');
      expect(deepQuery(el, '[part~="decision"]')!.dataset.opportunityId).to.equal(deal.id);
      expect(deepText(deepQuery(el, '[part~="summary"]')!)).to.match(/^ ?Eligible your installed base/);
      expect(deepText(el)).to.include('your installed base');
      expect(adapter.calls.getOpportunities, 'pages fetched').to.equal(pages);
      await expect(el).to.be.accessible();
    });
  }

  it('a deal that is on no page: "not part of the account", once every page was fetched', async () => {
    const adapter = counting(memoryAdapter(backend()));
    const el = await eligibilityOf(adapter, 'opp-large-9999');
    expect(deepText(el)).to.include('This opportunity is not part of the account.');
    expect(adapter.calls.getOpportunities, 'pages fetched').to.equal(10);
  });

  it('a page that fails: the error with Retry, not "not found"; Retry goes on and finds the deal', async () => {
    const core = backend();
    const deal = (await largeDeals(core))[500]!;
    const real = memoryAdapter(core);
    const { adapter, heal } = failingPages(real);
    const errors: DealRegErrorEvent[] = [];
    const el = await fixture<DealRegEligibility>(
      html`<dealreg-eligibility account-id="acc-large" opportunity-id=${deal.id} no-installed-base .adapter=${adapter} @dealreg-error=${(e: DealRegErrorEvent) => errors.push(e)}></dealreg-eligibility>`,
    );
    await until(() => deepQuery(el, '[part~="error"]'), 'the error');
    expect(deepText(el)).not.to.include('not part of the account');
    expect(errors.map((e) => [e.detail.operation, e.detail.error.code])).to.deep.equal([['load-more', 'service-unavailable']]);
    await expect(el).to.be.accessible();
    heal();
    deepQuery<HTMLButtonElement>(el, '[part~="retry-button"]')!.click();
    await until(() => deepQuery(el, '[part~="decision"]'), 'the decision after Retry');
    expect(deepQuery(el, '[part~="decision"]')!.dataset.opportunityId).to.equal(deal.id);
    expect(deepText(deepQuery(el, '[part~="summary"]')!)).to.match(/^ ?Eligible your installed base/);
  });
});

describe('the register form shows the chosen opportunity’s eligibility before sending', () => {
  async function choose(accountId: string, opportunityId: string): Promise<HTMLElement> {
    const el = await fixture<HTMLElementTagNameMap['dealreg-register-form']>(
      html`<dealreg-register-form account-id=${accountId} .adapter=${memoryAdapter()}></dealreg-register-form>`,
    );
    await until(() => buttonNamed(el, 'Register opportunity'), 'button');
    await el.show();
    await until(() => (deepQuery<HTMLSelectElement>(el, 'select')?.options.length ?? 0) > 1, 'the opportunities');
    const select = deepQuery<HTMLSelectElement>(el, 'select')!;
    select.value = opportunityId;
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    return el;
  }

  it('acc-other-installed: the deal is listed but cannot be chosen, and the register button says why', async () => {
    const el = await fixture<HTMLElementTagNameMap['dealreg-register-form']>(
      html`<dealreg-register-form account-id="acc-other-installed" .adapter=${memoryAdapter()}></dealreg-register-form>`,
    );
    await until(() => deepQuery(el, '#nothing-to-register'), 'the explanation');
    const open = buttonNamed(el, 'Register opportunity')!;
    expect(open.getAttribute('aria-disabled')).to.equal('true');
    expect(deepText(deepQuery(el, '#nothing-to-register')!)).to.include('No deal here qualifies for protection today');
    await expect(el).to.be.accessible();
    await el.show(); // opened anyway (e.g. by code): the deal cannot be chosen
    await until(() => deepQuery(el, 'select'), 'the form');
    const option = deepQueryAll<HTMLOptionElement>(el, 'option').find((o) => o.value === 'opp-other-towers')!;
    expect(option.disabled).to.equal(true);
    expect(option.textContent).to.include('does not qualify today');
    await expect(el).to.be.accessible();
  });

  it('acc-nextgen: eligible, latest-generation technology', async () => {
    const el = await choose('acc-nextgen', 'opp-nextgen-synergy');
    expect(deepText(deepQuery(el, '[part~="hint"]')!)).to.match(/Eligible.*latest-generation technology/);
  });
});
