// docs/program.md §6, eligibility rows, read in the panel: the decision is per opportunity (its lines and
// the account's order facts at the overview's asOf), not the account's alone.
import { expect, fixture, html } from '@open-wc/testing';
import '../../widgets/index.ts';
import type { DealRegEligibility, DealRegPanel } from '../../widgets/index.ts';
import { backend, buttonNamed, deepQuery, deepQueryAll, deepText, memoryAdapter, until } from './helpers.ts';
import { createMockBackend } from '../../mocks/index.ts';
import type { AccountOverview } from '../../src/domain/types.ts';

async function panel(accountId: string, clock?: string): Promise<{ el: DealRegPanel; eligibility: string }> {
  const core = backend(clock ? { clock } : {});
  const el = await fixture<DealRegPanel>(html`<dealreg-panel account-id=${accountId} .adapter=${memoryAdapter(core)}></dealreg-panel>`);
  await until(() => deepQuery(el, '[part~="installed-base"]'), 'the eligibility section');
  return { el, eligibility: deepText(deepQuery(el, 'dealreg-eligibility')!) };
}

describe('eligibility per opportunity, in the panel', () => {
  it('acc-nextgen: the deal with a Synergy line is eligible for its latest-generation technology', async () => {
    const { el, eligibility } = await panel('acc-nextgen');
    expect(eligibility).to.include('Plateforme composable du site de Gerland');
    expect(eligibility).to.match(/Eligible.*latest-generation technology/);
    expect(eligibility).not.to.include('Not eligible');
    expect(eligibility).to.include('Qualifies: the deal includes latest-generation technology');
    await expect(el).to.be.accessible();
  });

  it('acc-dormant: eligible as a dormant account', async () => {
    const { eligibility } = await panel('acc-dormant');
    expect(eligibility).to.match(/Eligible.*new or dormant account/);
    expect(eligibility).to.include('Qualifies: dormant account');
  });

  it('acc-installed on 2017-02-14: eligible through the partner’s installed base', async () => {
    const { eligibility } = await panel('acc-installed', '2017-02-14T09:00:00Z');
    expect(eligibility).to.match(/Eligible.*your installed base/);
    expect(eligibility).to.include('Qualifies: your installed base');
  });

  it('acc-installed on 2017-01-15: not eligible yet, the hint names the coming rule set and its date', async () => {
    const { eligibility } = await panel('acc-installed', '2017-01-15T09:00:00Z');
    expect(eligibility).to.include('Not eligible');
    expect(eligibility).to.include('Eligible from Feb 1, 2017 under the');
  });

  it('acc-other-installed: not eligible; add latest-generation technology', async () => {
    const { eligibility } = await panel('acc-other-installed');
    expect(eligibility).to.include('Not eligible');
    expect(eligibility).to.match(/Add a .+ line to qualify/);
  });

  it('an account with no open opportunity says what a new deal there would qualify for (acc-empty: new account)', async () => {
    const { eligibility } = await panel('acc-empty');
    expect(eligibility).to.include('Qualifies: new account');
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
    expect(items).to.have.length(6); // five candidates, then the rest in one line
    expect(deepText(items[5]!)).to.include(`and ${(summary.refreshCandidatesTotal - 5).toLocaleString('en')} more`);
    await expect(el).to.be.accessible();
  });
});

describe('<dealreg-eligibility> without opportunity-id', () => {
  it('explains each open opportunity, a few at first, with "Show more" for a large account', async () => {
    const el = await fixture<DealRegEligibility>(
      html`<dealreg-eligibility account-id="acc-large" no-installed-base .adapter=${memoryAdapter(createMockBackend())}></dealreg-eligibility>`,
    );
    await until(() => deepQuery(el, '[part~="decision"]'), 'decisions');
    const first = deepQueryAll(el, '[part~="decision"]').length;
    expect(first).to.be.within(1, 10);
    const more = deepQueryAll<HTMLButtonElement>(el, 'button').find((b) => /^Show \d+ more/.test(b.textContent!.trim()))!;
    expect(more).to.exist;
    more.click();
    await el.updateComplete;
    expect(deepQueryAll(el, '[part~="decision"]').length).to.be.greaterThan(first);
    await expect(el).to.be.accessible();
  });

  it('skips registered opportunities (acc-protected has none open: the account alone is explained)', async () => {
    const el = await fixture<DealRegEligibility>(
      html`<dealreg-eligibility account-id="acc-protected" .adapter=${memoryAdapter()}></dealreg-eligibility>`,
    );
    await until(() => deepQuery(el, '[part~="summary"]'), 'loaded');
    expect(deepQueryAll(el, '[part~="decision"]')).to.have.length(0);
    expect(deepText(el)).to.include('This account');
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

  it('acc-other-installed: not eligible, with what to add', async () => {
    const el = await choose('acc-other-installed', 'opp-other-towers');
    const hint = deepQuery(el, '[part~="hint"]')!;
    expect(deepText(hint)).to.include('Not eligible');
    expect(deepText(hint)).to.match(/Add a .+ line to qualify/);
    expect(deepQuery(el, 'select')!.getAttribute('aria-describedby')).to.include(hint.id);
    await expect(el).to.be.accessible();
  });

  it('acc-nextgen: eligible, latest-generation technology', async () => {
    const el = await choose('acc-nextgen', 'opp-nextgen-synergy');
    expect(deepText(deepQuery(el, '[part~="hint"]')!)).to.match(/Eligible.*latest-generation technology/);
  });
});
