// Promises of paging a big account (issue 11): the status list shows the overview's first page and
// the exact counts, "Show more" fetches the next page with one request (never two for a double
// click), focus goes to the first new row, a failed page stays in place with Retry, every one of
// acc-large's 1,000 opportunities is reachable exactly once, and a registration or a quote on a row
// of page 3 patches that row and the exact counts without reloading anything.
// (Absence is asserted as a boolean: a failing `expect(element).to.equal(undefined)` makes the runner
// serialise the element, which hangs the browser.)
import { expect, fixture, html } from '@open-wc/testing';
import '../../widgets/index.ts';
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { AccountOverview } from '../../src/domain/types.ts';
import type { DealRegErrorEvent, DealRegPanel, DealRegStatus } from '../../widgets/index.ts';
import { overviewStoreFor } from '../../widgets/index.ts';
import {
  backend,
  buttonNamed,
  counting,
  deepQuery,
  deepQueryAll,
  deepText,
  failingPages,
  memoryAdapter,
  onlineWitness,
  until,
} from './helpers.ts';
import type { CountingAdapter } from './helpers.ts';
import { untilAborted } from '../support/wait.ts';

const ACCOUNT = 'acc-large';

function rows(root: Element): HTMLElement[] {
  return deepQueryAll(root, '[part~="opportunity"]');
}

function moreButton(root: Element): HTMLButtonElement | undefined {
  return deepQuery<HTMLButtonElement>(root, '[part~="more-button"]');
}

function requests(adapter: CountingAdapter): number {
  return Object.values(adapter.calls).reduce((a, b) => a + b, 0);
}

/** The element focused inside `el`'s shadow root (or a nested one). */
function focusedIn(el: Element): Element | null {
  let active = el.shadowRoot?.activeElement ?? null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function statusOn(adapter: DealRegAdapter, pageSize?: number): Promise<DealRegStatus> {
  const el = await fixture<DealRegStatus>(
    pageSize === undefined
      ? html`<dealreg-status account-id=${ACCOUNT} .adapter=${adapter}></dealreg-status>`
      : html`<dealreg-status account-id=${ACCOUNT} page-size=${pageSize} .adapter=${adapter}></dealreg-status>`,
  );
  await until(() => rows(el).length > 0, 'the first page');
  return el;
}

/** Presses "Show more" and waits until the rows grew. */
async function showMore(el: Element): Promise<void> {
  const before = rows(el).length;
  moreButton(el)!.click();
  await until(() => rows(el).length > before, 'the next page shown');
}

describe('paging a big account (acc-large)', function () {
  this.timeout(60_000);

  it('mounts with one request: the first 25 rows, the exact 1,000 in the summary, "Show 25 more"', async () => {
    const adapter = counting(memoryAdapter());
    const el = await statusOn(adapter);
    expect(requests(adapter), 'adapter requests on mount').to.equal(1);
    expect(adapter.calls.getAccountOverview).to.equal(1);
    expect(rows(el)).to.have.length(25);
    expect(deepQuery(el, '[part~="summary"]')!.textContent).to.include('1,000 opportunities');
    expect(moreButton(el)!.textContent!.trim()).to.equal('Show 25 more (975 not shown)');
    await expect(el).to.be.accessible();
  });

  it('"Show more" makes one request (a double click too), adds the next 25 rows and moves focus to the first of them', async () => {
    const adapter = counting(memoryAdapter());
    const el = await statusOn(adapter);
    const first = rows(el).map((r) => r.dataset.opportunityId);
    const button = moreButton(el)!;
    button.focus();
    button.click();
    button.click(); // while the page is pending: nothing more is asked
    await until(() => rows(el).length === 50, 'the second page');
    expect(adapter.calls.getOpportunities, 'page requests for a double click').to.equal(1);
    expect(requests(adapter)).to.equal(2);
    const now = rows(el);
    expect(
      now.slice(0, 25).map((r) => r.dataset.opportunityId),
      'the first page stays in place',
    ).to.deep.equal(first);
    await until(() => focusedIn(el) === now[25], 'focus on the first new row');
    expect(now[25]!.getAttribute('tabindex')).to.equal('-1');
    expect(moreButton(el)!.textContent!.trim()).to.equal('Show 25 more (950 not shown)');
    expect(deepQuery(el, '[part~="summary"]')!.textContent, 'the summary stays exact').to.include('1,000 opportunities');
    await expect(el).to.be.accessible();

    await showMore(el);
    expect(adapter.calls.getOpportunities, 'one request per click').to.equal(2);
    expect(rows(el)).to.have.length(75);
    await until(() => focusedIn(el) === rows(el)[50], 'focus on the first row of page 3');
  });

  it('every one of the 1,000 opportunities is reachable by clicking, each exactly once, one request per click', async () => {
    const adapter = counting(memoryAdapter());
    const el = await statusOn(adapter, 100);
    let clicks = 0;
    while (moreButton(el)) {
      await showMore(el);
      clicks += 1;
      expect(adapter.calls.getOpportunities, `requests after ${clicks} clicks`).to.equal(clicks);
    }
    const ids = rows(el).map((r) => r.dataset.opportunityId);
    expect(ids).to.have.length(1000);
    expect(new Set(ids).size, 'no opportunity twice').to.equal(1000);
    expect(clicks, '975 rows after the first page, 100 per click').to.equal(10);
    expect(adapter.calls.getAccountOverview).to.equal(1);
    expect(deepQuery(el, '[part~="more-note"]') === undefined, 'no "not shown" line').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('a registration and a quote on a row of page 3 patch that row and the exact counts, with no reload', async () => {
    const core = backend();
    const adapter = counting(memoryAdapter(core));
    const panel = await fixture<DealRegPanel>(html`<dealreg-panel account-id=${ACCOUNT} .adapter=${adapter}></dealreg-panel>`);
    await until(() => rows(panel).length === 25, 'the first page');
    await showMore(panel);
    await showMore(panel);
    const page3 = rows(panel).slice(50, 75);
    const row = page3.find((r) => r.dataset.state === 'not-registered');
    expect(row, 'a row of page 3 not registered yet').to.exist;
    const opportunityId = row!.dataset.opportunityId!;
    const reads = { overview: adapter.calls.getAccountOverview, pages: adapter.calls.getOpportunities };

    const form = deepQuery<HTMLElement & { show(): Promise<void> }>(panel, 'dealreg-register-form')!;
    await form.show();
    const select = deepQuery<HTMLSelectElement>(form, 'select')!;
    expect(
      [...select.options].map((o) => o.value),
      'page 3 rows can be registered',
    ).to.include(opportunityId);
    select.value = opportunityId;
    select.dispatchEvent(new Event('change'));
    deepQuery<HTMLInputElement>(form, 'input[value="workshop"]')!.click();
    await (form as unknown as DealRegStatus).updateComplete;
    buttonNamed(form, 'Submit registration')!.click();
    const rowOf = (): HTMLElement => rows(panel).find((r) => r.dataset.opportunityId === opportunityId)!;
    await until(() => rowOf().dataset.state !== 'not-registered', 'the row patched');
    expect(adapter.calls.registerOpportunity).to.equal(1);

    const answer = await core.getAccountOverview('demo-alpha', ACCOUNT);
    const server = (answer.ok ? (answer.body as AccountOverview) : undefined)!.opportunityCounts;
    const shown = overviewStoreFor(adapter).snapshot(ACCOUNT).value!;
    expect(shown.opportunityCounts, 'the counts equal the server’s after the registration').to.deep.equal(server);
    expect(rowOf().dataset.state).to.equal('approved');
    const summary = deepQuery(panel, '[part~="summary"]')!.textContent!;
    expect(summary).to.include(`Approved (${server.byState.approved.toLocaleString('en')})`);
    expect(summary).to.include(`Not registered (${server.byState['not-registered'].toLocaleString('en')})`);
    expect(rows(panel), 'the pages stay loaded').to.have.length(75);

    // The quote on the same row: requested, then followed to its decision, patched in each time.
    await until(() => buttonNamed(rowOf(), 'Request quote'), 'the quote action on the page-3 row');
    buttonNamed(rowOf(), 'Request quote')!.click();
    await until(() => /quoted|valid until/i.test(deepText(rowOf())), 'the decided quote on the row', 15_000);
    expect(adapter.calls.requestQuote).to.equal(1);
    expect(shown.quotes.length, 'the quote was not in the store before').to.be.lessThan(
      overviewStoreFor(adapter).snapshot(ACCOUNT).value!.quotes.length,
    );
    expect(adapter.calls.getAccountOverview, 'overview GETs after the mutations').to.equal(reads.overview);
    expect(adapter.calls.getOpportunities, 'page GETs after the mutations').to.equal(reads.pages);
    await expect(panel).to.be.accessible();
  });

  it('removed while "Show more" is pending: the page request is aborted and nothing is asked after', async () => {
    const real = memoryAdapter();
    const adapter = counting({ ...real, getOpportunities: (_id, _cursor, o) => untilAborted(o?.signal) });
    const el = await statusOn(adapter);
    moreButton(el)!.click();
    await until(() => adapter.calls.getOpportunities === 1, 'the page request');
    expect(moreButton(el)!.getAttribute('aria-disabled'), 'pending is said').to.equal('true');
    const before = requests(adapter);
    el.remove();
    await until(() => adapter.signals.getOpportunities[0]?.aborted, 'the page request aborted');
    const witness = await onlineWitness();
    window.dispatchEvent(new Event('online'));
    await witness.reloaded();
    expect(requests(adapter), 'requests after removal').to.equal(before);
    expect(overviewStoreFor(adapter).snapshot(ACCOUNT).status, 'the store let go of the account').to.equal('idle');
  });

  it('a failed page says why in place of "Show more", keeps the rows, and Retry loads it', async () => {
    const real = memoryAdapter();
    const { adapter, heal } = failingPages(real);
    const errors: DealRegErrorEvent[] = [];
    const el = await fixture<DealRegStatus>(
      html`<dealreg-status account-id=${ACCOUNT} .adapter=${adapter} @dealreg-error=${(e: DealRegErrorEvent) => errors.push(e)}></dealreg-status>`,
    );
    await until(() => rows(el).length === 25, 'the first page');
    moreButton(el)!.focus();
    moreButton(el)!.click();
    await until(() => deepQuery(el, '.more-area [part~="error"]'), 'the error in place');
    expect(rows(el), 'the rows shown stay').to.have.length(25);
    expect(moreButton(el) === undefined, 'Retry in place of "Show more"').to.equal(true);
    const retry = deepQuery<HTMLButtonElement>(el, '.more-area [part~="retry-button"]')!;
    await until(() => focusedIn(el) === retry, 'focus on Retry');
    expect(errors.map((e) => [e.detail.operation, e.detail.error.code])).to.deep.equal([['load-more', 'service-unavailable']]);
    expect(deepText(el)).to.include('1,000 opportunities');
    await expect(el).to.be.accessible();

    heal();
    retry.click();
    await until(() => rows(el).length === 50, 'the page after Retry');
    expect(deepQuery(el, '[part~="error"]') === undefined, 'the error gone').to.equal(true);
    expect(adapter.calls.getOpportunities).to.equal(2);
    await until(() => focusedIn(el) === rows(el)[25], 'focus on the first new row');
    await expect(el).to.be.accessible();
  });

  it('an adapter without getOpportunities: the first page, the exact total, "975 more opportunities not shown" and no button', async () => {
    const { getOpportunities: _unused, ...withoutPaging } = memoryAdapter();
    const adapter = counting(withoutPaging as DealRegAdapter);
    const el = await statusOn(adapter);
    expect(rows(el)).to.have.length(25);
    expect(deepQuery(el, '[part~="summary"]')!.textContent).to.include('1,000 opportunities');
    expect(moreButton(el) === undefined, 'no "Show more" without getOpportunities').to.equal(true);
    expect(deepQuery(el, '[part~="more-note"]')!.textContent!.trim()).to.equal('975 more opportunities not shown');
    expect(requests(adapter)).to.equal(1);
    await expect(el).to.be.accessible();
  });
});
