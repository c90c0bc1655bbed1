// Promises of <dealreg-status> and of the panel's states: each opportunity's state in words,
// countdowns from the server's asOf, privacy of the other partner, errors with Retry, offline, empty,
// paging for 1,000 opportunities — and axe in each state.
import { expect, fixture, html } from '@open-wc/testing';
import '../../widgets/index.ts';
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { AccountOverview } from '../../src/domain/types.ts';
import { addDays } from '../../src/program/dates.ts';
import type { DealRegPanel, DealRegStatus } from '../../widgets/index.ts';
import type { DealRegErrorEvent } from '../../widgets/index.ts';
import {
  backend,
  buttonNamed,
  counting,
  countingCore,
  deepQuery,
  deepQueryAll,
  deepText,
  failingOverview,
  memoryAdapter,
  until,
} from './helpers.ts';

async function status(accountId: string, adapter: DealRegAdapter = memoryAdapter()): Promise<DealRegStatus> {
  const el = await fixture<DealRegStatus>(html`<dealreg-status account-id=${accountId} .adapter=${adapter}></dealreg-status>`);
  await until(() => deepQuery(el, '[part~="summary"]') || deepQuery(el, '[part~="error"]'), 'loaded');
  return el;
}

describe('<dealreg-status>', () => {
  it('shows an approved protection with the countdown computed from the server date, not the browser clock', async () => {
    const core = backend({ clock: '2017-02-14T09:00:00Z' });
    const el = await status('acc-protected', memoryAdapter(core));
    const row = deepQuery(el, '[part~="opportunity"]')!;
    expect(row.dataset.state).to.equal('approved');
    expect(deepText(row)).to.include('Approved');
    expect(deepText(row)).to.include('60 days left');
    // The date as Intl writes it, its spaces non-breaking (a date never breaks across lines).
    const until60 = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' })
      .format(new Date(`${addDays('2017-02-14', 60)}T00:00:00Z`))
      .replace(/ /g, '\u00a0');
    expect(deepText(row)).to.include(until60);
    expect(deepText(el)).to.include('1 opportunity');
    expect(deepQuery(el, '[part~="summary"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('1 opportunity: Approved');
    await expect(el).to.be.accessible();
  });

  it('warns that a protection is expiring soon, in words and not by colour alone', async () => {
    const el = await status('acc-expiring');
    const row = deepQuery(el, '[part~="opportunity"]')!;
    expect(row.dataset.state).to.equal('expiring-soon');
    const badge = deepQuery(row, '[part~="status-badge"]')!;
    expect(badge.textContent).to.include('Expiring soon');
    expect(badge.dataset.variant).to.equal('notice');
    expect(deepText(row)).to.include('5 days left');
    expect(buttonNamed(el, 'Extend protection')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('extends an expiring protection once, with one POST for a double click', async () => {
    const core = countingCore(backend());
    const el = await status('acc-expiring', memoryAdapter(core));
    const extend = buttonNamed(el, 'Extend protection')!;
    extend.click();
    extend.click();
    await until(() => !buttonNamed(el, 'Extend protection'), 'the extension is used up');
    expect(core.coreCalls.requestExtension).to.equal(1);
    expect(deepText(el)).to.include('35 days left');
  });

  it('acc-conflict: says "protected by another partner" and never who', async () => {
    const el = await status('acc-conflict');
    const row = deepQuery(el, '[part~="opportunity"]')!;
    expect(row.dataset.state).to.equal('protected-by-other');
    expect(deepText(el)).to.include('Protected by another partner');
    const text = deepText(el).toLowerCase();
    expect(text).not.to.include('beta');
    expect(text).not.to.include('intégration');
    await expect(el).to.be.accessible();
  });

  it('shows each opportunity not registered yet as such', async () => {
    const el = await status('acc-nextgen');
    expect(deepQuery(el, '[part~="opportunity"]')!.dataset.state).to.equal('not-registered');
    expect(deepText(el)).to.include('Not registered');
  });

  it('acc-large: renders the overview’s 25 rows, not 1,000, and its summary counts all 1,000 exactly (the server’s counts, not the rows)', async () => {
    // "Show more" fetching the next page (getOpportunities) is the paging UI's; the summary is exact already.
    const core = backend();
    for (let n = 601; n <= 620; n += 1) {
      const body = { accountId: 'acc-large', opportunityId: `opp-large-0${n}`, presalesActivities: ['sizing'] };
      await core.registerOpportunity('demo-beta', body, `status-large-${n}`);
    }
    const answer = await core.getAccountOverview('demo-alpha', 'acc-large');
    const held = (answer.ok ? (answer.body as AccountOverview) : undefined)!.opportunityCounts.byState['protected-by-other'];
    expect(held, 'more deals held by beta than a page holds').to.be.greaterThan(25);
    const el = await status('acc-large', memoryAdapter(core));
    expect(deepQueryAll(el, '[part~="opportunity"]')).to.have.length(25);
    const summary = deepQuery(el, '[part~="summary"]')!.textContent!;
    expect(summary).to.include('1,000 opportunities');
    expect(summary).to.include(`Protected by another partner (${held.toLocaleString('en')})`);
    await expect(el).to.be.accessible();
  });

  it('acc-broken: shows the typed error in words with a Retry, and Retry works once the backend is fixed', async () => {
    const core = backend();
    let fixed = false;
    // The "fix": the same account starts answering with a well-formed overview.
    const adapter = counting(
      memoryAdapter({
        ...core,
        getAccountOverview: (token, id) => core.getAccountOverview(token, fixed && id === 'acc-broken' ? 'acc-nextgen' : id),
        registerOpportunity: core.registerOpportunity.bind(core),
        requestQuote: core.requestQuote.bind(core),
        getQuote: core.getQuote.bind(core),
        requestExtension: core.requestExtension.bind(core),
      }),
    );
    const errors: DealRegErrorEvent[] = [];
    const el = await fixture<DealRegStatus>(
      html`<dealreg-status account-id="acc-broken" .adapter=${adapter} @dealreg-error=${(e: DealRegErrorEvent) => errors.push(e)}></dealreg-status>`,
    );
    await until(() => deepQuery(el, '[part~="error"]'), 'error shown');
    const error = deepQuery(el, '[part~="error"]')!;
    expect(error.dataset.code).to.equal('invalid-response');
    expect(deepText(error)).to.include('The service sent data we could not read');
    expect(errors).to.have.length(1);
    expect(errors[0]!.detail.error.code).to.equal('invalid-response');
    await expect(el).to.be.accessible();
    fixed = true;
    buttonNamed(el, 'Retry')!.click();
    await until(() => deepQuery(el, '[part~="opportunity"]'), 'loaded after retry');
    expect(deepQuery(el, '[part~="error"]')).to.equal(undefined);
    expect(adapter.calls.getAccountOverview).to.equal(2);
  });

  it('offline is said as offline, with a Retry', async () => {
    const { adapter, setFailing } = failingOverview('offline');
    const el = await status('acc-protected', adapter);
    expect(deepQuery(el, '[part~="error"]')!.dataset.code).to.equal('offline');
    expect(deepText(el)).to.include('You are offline');
    setFailing(false);
    buttonNamed(el, 'Retry')!.click();
    await until(() => deepQuery(el, '[part~="opportunity"]'), 'back online');
  });

  it('loading shows a skeleton that is accessible and marked busy', async () => {
    const adapter: DealRegAdapter = {
      ...memoryAdapter(),
      getAccountOverview: () => new Promise<AccountOverview>(() => undefined),
    };
    const el = await fixture<DealRegStatus>(
      html`<dealreg-status account-id="acc-protected" .adapter=${adapter}></dealreg-status>`,
    );
    expect(deepQuery(el, '[aria-busy="true"]')).to.exist;
    expect(deepText(el)).to.include('Loading');
    await expect(el).to.be.accessible();
  });
});

describe('<dealreg-panel> states', () => {
  it('loading reserves the loaded height (no layout shift beyond a small margin)', async () => {
    let answer: (() => void) | undefined;
    const real = memoryAdapter();
    const adapter: DealRegAdapter = {
      ...real,
      getAccountOverview: (id, o) => new Promise<void>((r) => (answer = r)).then(() => real.getAccountOverview(id, o)),
    };
    const el = await fixture<DealRegPanel>(
      html`<dealreg-panel style="width:360px" account-id="acc-protected" .adapter=${adapter}></dealreg-panel>`,
    );
    const loadingHeight = el.getBoundingClientRect().height;
    expect(loadingHeight).to.be.greaterThan(200);
    await expect(el).to.be.accessible();
    answer!();
    await until(() => buttonNamed(el, 'Request quote'), 'loaded');
    // The skeleton stands for a typical account (one deal with its actions): the page below moves by
    // at most a tenth of the panel's height when the data arrives.
    const loadedHeight = el.getBoundingClientRect().height;
    expect(
      Math.abs(loadedHeight - loadingHeight) / loadedHeight,
      `loading ${loadingHeight}px, loaded ${loadedHeight}px`,
    ).to.be.at.most(0.1);
    await expect(el).to.be.accessible();
  });

  it('acc-empty says how to get a deal here: create it in the CRM, then Refresh (no Register that cannot act, never "left")', async () => {
    const el = await fixture<DealRegPanel>(
      html`<dealreg-panel account-id="acc-empty" .adapter=${memoryAdapter()}></dealreg-panel>`,
    );
    await until(() => deepQuery(el, '[part~="empty"]') && deepQuery(el, '[part~="installed-base"]'), 'empty state');
    expect(deepText(deepQuery(el, '[part~="empty"]')!)).to.include('or create it in your CRM and refresh');
    expect(buttonNamed(el, 'Register opportunity'), 'no Register: there is nothing to register').to.equal(undefined);
    expect(buttonNamed(el, 'Refresh')).to.exist;
    expect(deepText(el)).not.to.include(' left ');
    await expect(el).to.be.accessible();
  });

  it('acc-broken shows one error with Retry, nothing crashes', async () => {
    const el = await fixture<DealRegPanel>(
      html`<dealreg-panel account-id="acc-broken" .adapter=${memoryAdapter()}></dealreg-panel>`,
    );
    await until(() => deepQuery(el, '[part~="error"]'), 'error');
    expect(deepQueryAll(el, '[part~="error"]')).to.have.length(1);
    expect(buttonNamed(el, 'Retry')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('acc-quoted shows the quote: net price, discount and the date to order by', async () => {
    const el = await fixture<DealRegPanel>(
      html`<dealreg-panel account-id="acc-quoted" .adapter=${memoryAdapter()}></dealreg-panel>`,
    );
    await until(() => deepQuery(el, '[part~="quote"] dl'), 'quote shown');
    const text = deepText(deepQuery(el, '[part~="quote"]')!);
    expect(text).to.include('Quoted');
    expect(text).to.include('Net price');
    expect(text).to.include('Protected discount');
    expect(text).to.include('Order by');
    expect(buttonNamed(el, 'Request quote')).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('acc-large stays fast: at most one page of rows in the DOM', async () => {
    const el = await fixture<DealRegPanel>(
      html`<dealreg-panel account-id="acc-large" .adapter=${memoryAdapter()}></dealreg-panel>`,
    );
    await until(() => deepQuery(el, '[part~="opportunity"]'), 'loaded');
    expect(deepQueryAll(el, '[part~="opportunity"]').length).to.be.at.most(25);
    expect(deepText(el)).to.include('1,000 opportunities');
  });
});
