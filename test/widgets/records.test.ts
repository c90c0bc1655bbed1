// The panel with the host's records (issue 19 §1, §3): the CRM's deals are the rows, each joined to
// this partner's registration by the CRM id, the vendor's verdict before any click, one click to
// register (presales only, remembered), invalid records named and reported once.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../widgets/index.ts';
import type { DealRegPanel } from '../../widgets/index.ts';
import { demoCrmRecords } from '../../mocks/core/demo-crm.ts';
import { SAMPLE_DEMO_CLOCK } from '../../mocks/core/sample-program.ts';
import type { CrmRecords } from '../../src/domain/crm.ts';
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { DealRegDealStatesEvent, DealRegErrorEvent, DealRegRegisteredEvent } from '../../widgets/events/events.ts';
import { accountRefOf, dealRegistrationRequest } from '../../src/program/crm-deal.ts';
import { overviewStoreFor } from '../../widgets/state/overview-store.ts';
import { backend, buttonNamed, counting, deepQuery, deepQueryAll, deepText, memoryAdapter, until } from './helpers.ts';

type Locale = 'en' | 'fr';

function deals(el: Element): Element {
  const found = deepQuery(el, 'dealreg-crm-deals');
  if (!found) throw new Error('no CRM deals list');
  return found;
}

function rows(el: Element): HTMLElement[] {
  return deepQueryAll<HTMLElement>(deals(el), 'li[part~="opportunity"]');
}

function row(el: Element, crmId: string): HTMLElement {
  const found = deepQueryAll<HTMLElement>(el, `li[data-crm-id="${crmId}"]`)[0];
  if (!found) throw new Error(`no row for ${crmId}`);
  return found;
}

/** Every shown row has its verdict (nothing is still being checked) and the header is there. */
function settled(el: Element): boolean {
  const list = deepQuery(el, 'dealreg-crm-deals');
  return !!list && !!deepQuery(list, '[part~="summary"]') && !deepQuery(el, '.checking, [aria-busy="true"], .skeleton');
}

async function recordsPanel(
  records: unknown,
  { locale = 'en', adapter = memoryAdapter(backend()) }: { locale?: Locale; adapter?: DealRegAdapter } = {},
): Promise<DealRegPanel> {
  const el = await fixture<DealRegPanel>(
    html`<dealreg-panel style="width:640px" locale=${locale} .records=${records as CrmRecords} .adapter=${adapter}></dealreg-panel>`,
  );
  await until(() => settled(el), 'records panel settled');
  return el;
}

function withOpportunities(records: CrmRecords, opportunities: unknown[]): unknown {
  return { account: records.account, opportunities };
}

function button(root: Element, name: string): HTMLButtonElement {
  const found = buttonNamed(root, name);
  if (!found) throw new Error(`no button "${name}" in: ${deepText(root)}`);
  return found;
}

/** The row's buttons with the brand style, by visible name (the quote button's included). */
function brandButtons(root: Element): string[] {
  return deepQueryAll<HTMLButtonElement>(root, 'button')
    .filter((b) => getComputedStyle(b).backgroundColor === 'rgb(1, 118, 211)')
    .map((b) => b.textContent?.trim() ?? '');
}

for (const locale of ['en', 'fr'] as const) {
  describe(`<dealreg-panel> with the host CRM records (${locale})`, () => {
    it('shows one row per CRM opportunity, named by the CRM, under the CRM account', async () => {
      const records = demoCrmRecords('acc-dormant');
      const el = await recordsPanel(records, { locale });
      expect(deepText(deepQuery(el, '[part~="header"] h2')!)).to.include(records.account.name);
      expect(rows(el).map((r) => r.dataset.crmId)).to.have.members(records.opportunities.map((o) => o.id));
      for (const o of records.opportunities) expect(deepText(row(el, o.id).querySelector('.name')!).trim()).to.equal(o.name);
      await expect(el).to.be.accessible();
    });

    it("joins this partner's registration by the CRM id: expiring, Extend is the one brand button", async () => {
      const records = demoCrmRecords('acc-expiring');
      const el = await recordsPanel(records, { locale });
      const expiring = row(el, records.opportunities[0]!.id);
      expect(expiring.dataset.state).to.equal('expiring-soon');
      await until(() => !!deepQuery(expiring, '[part~="request-button"]'), 'the quote button');
      expect(brandButtons(expiring)).to.have.length(1);
      expect(deepQuery(expiring, '[part~="extend-button"]')!.classList.contains('primary')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it("a deal matching another partner's protection says so, and what the rep can still do, without Register", async () => {
      const records = demoCrmRecords('acc-conflict');
      const el = await recordsPanel(records, { locale });
      const conflict = row(el, records.opportunities[0]!.id);
      expect(conflict.dataset.state).to.equal('protected-by-other');
      expect(deepQuery(conflict, '[part~="register-button"]')).to.equal(undefined);
      expect(deepQuery(conflict, '.verdict')).to.not.equal(undefined);
      await expect(el).to.be.accessible();
    });

    it('shows a deal closed in the CRM, never offered for registration', async () => {
      const records = demoCrmRecords('acc-installed');
      const el = await recordsPanel(records, { locale });
      const won = records.opportunities.find((o) => o.closed === 'won')!;
      const closedRow = row(el, won.id);
      expect(deepQuery(closedRow, '[part~="register-button"]')).to.equal(undefined);
      expect(rows(el).at(-1)).to.equal(closedRow);
      await expect(el).to.be.accessible();
    });
  });
}

describe('<dealreg-panel> registering a CRM deal', () => {
  beforeEach(() => localStorage.removeItem('dealreg.presales-activities'));

  it('asks only for the presales activities, sends the CRM deal in exactly one POST, and remembers the choice', async () => {
    const adapter = counting(memoryAdapter(backend()));
    const records = demoCrmRecords('acc-nextgen');
    const opportunity = records.opportunities[0]!;
    const el = await recordsPanel(records, { adapter });
    const registered: DealRegRegisteredEvent[] = [];
    el.addEventListener('dealreg-registered', (e) => registered.push(e));
    const states: DealRegDealStatesEvent[] = [];
    el.addEventListener('dealreg-deal-states', (e) => states.push(e));
    const target = row(el, opportunity.id);
    expect(brandButtons(target)).to.deep.equal(['Register']);
    button(target, 'Register').click();
    await until(() => !!deepQuery(target, 'form[part~="form"]'), 'the presales form');
    const form = deepQuery<HTMLFormElement>(target, 'form')!;
    expect(deepQueryAll(form, 'input, select, textarea').every((f) => (f as HTMLInputElement).type === 'checkbox')).to.equal(
      true,
    );
    await expect(el).to.be.accessible();
    // Nothing ticked: refused on the spot, nothing sent.
    button(form, 'Submit registration').click();
    await until(() => !!deepQuery(form, '[role="alert"]'), 'the missing-activity message');
    expect(adapter.calls.registerOpportunity).to.equal(0);
    deepQuery<HTMLInputElement>(form, 'input[value="workshop"]')!.click();
    const submit = button(form, 'Submit registration');
    submit.click();
    submit.click();
    await until(() => row(el, opportunity.id).dataset.state === 'approved', 'approved');
    expect(adapter.calls.registerOpportunity).to.equal(1);
    expect(registered).to.have.length(1);
    expect(registered[0]!.detail.registration.partnerOpportunityId).to.equal(opportunity.id);
    expect(registered[0]!.detail.accountId).to.equal(records.account.id);
    await until(() => states.some((e) => e.detail.deals.some((d) => d.state === 'approved')), 'the new state told');
    expect(states.at(-1)!.detail.deals).to.deep.include({
      partnerOpportunityId: opportunity.id,
      state: 'approved',
      registrationId: registered[0]!.detail.registration.id,
      protectedUntil: registered[0]!.detail.registration.protectedUntil,
    });
    expect(deepQuery(row(el, opportunity.id), '[part~="register-button"]')).to.equal(undefined);
    await expect(el).to.be.accessible();
    // The next registration starts from the last choice.
    const other = await recordsPanel(demoCrmRecords('acc-dormant'));
    const open = rows(other).find((r) => deepQuery(r, '[part~="register-button"]'))!;
    button(open, 'Register').click();
    await until(() => !!deepQuery(open, 'form'), 'the second form');
    const ticked = deepQueryAll<HTMLInputElement>(open, 'input:checked').map((i) => i.value);
    expect(ticked).to.deep.equal(['workshop']);
  });
});

it('a deal another partner registered after the verdict was shown: the one POST is answered rejected, and the row says why', async () => {
  const core = backend();
  const adapter = counting(memoryAdapter(core));
  const records = demoCrmRecords('acc-nextgen');
  const opportunity = records.opportunities[0]!;
  const el = await recordsPanel(records, { adapter });
  const target = row(el, opportunity.id);
  expect(target.dataset.state, 'previewed as open to registration').to.not.equal('rejected');
  expect(brandButtons(target)).to.deep.equal(['Register']);
  // Beta registers the same deal from its own CRM while the verdict is on Alpha's screen.
  const beta = await memoryAdapter(core, 'demo-beta').registerOpportunity(
    dealRegistrationRequest(records.account, { ...opportunity, id: '006BETASAMEDEAL1' }, ['workshop']),
    { idempotencyKey: 'beta-first' },
  );
  expect(beta.status, "Beta's registration, first").to.equal('approved');
  const registered: DealRegRegisteredEvent[] = [];
  el.addEventListener('dealreg-registered', (e) => registered.push(e));
  button(target, 'Register').click();
  await until(() => !!deepQuery(target, 'form[part~="form"]'), 'the presales form');
  const form = deepQuery<HTMLFormElement>(target, 'form')!;
  deepQuery<HTMLInputElement>(form, 'input[value="workshop"]')!.click();
  button(form, 'Submit registration').click();
  await until(() => registered.length === 1, 'the answer');
  expect(adapter.calls.registerOpportunity, 'one POST').to.equal(1);
  expect(registered[0]!.detail.registration.status, 'rules 1 and 2: the first registrant holds it').to.equal('rejected');
  await until(() => row(el, opportunity.id).dataset.state === 'rejected', 'the row rejected');
  const text = deepText(row(el, opportunity.id));
  expect(text, 'the reason in words').to.match(/another partner/i);
  expect(!!deepQuery(row(el, opportunity.id), '[part~="register-button"]'), 'Register offered again').to.equal(false);
  await expect(el).to.be.accessible();
});

describe('<dealreg-panel> records whose account is already loaded', () => {
  it('shows every row when the store holds the overview before the list subscribes (the host page read it first)', async () => {
    const adapter = memoryAdapter(backend());
    const records = demoCrmRecords('acc-dormant');
    const ref = accountRefOf(records.account)!;
    const store = overviewStoreFor(adapter);
    const unsubscribe = store.subscribe(ref, () => {});
    try {
      await until(() => store.snapshot(ref).status === 'complete', 'the overview loaded first');
      const el = await recordsPanel(records, { adapter });
      expect(rows(el).map((r) => r.dataset.crmId)).to.have.members(records.opportunities.map((o) => o.id));
    } finally {
      unsubscribe();
    }
  });
});

describe('<dealreg-panel> records the host changes', () => {
  it('a new adapter (another date) asks for the verdicts again: none is kept from the one before', async () => {
    const records = demoCrmRecords('acc-installed');
    const open = records.opportunities.find((o) => !o.closed)!;
    const verdict = (el: Element) => deepQuery(row(el, open.id), '.verdict[data-eligible]')?.dataset.eligible;
    const el = await recordsPanel(records);
    expect(verdict(el)).to.equal('true'); // under the installed-base extension, in force on the demo date
    // The demo's records at an earlier "today", as the demo's Clock control moves it.
    el.adapter = memoryAdapter(backend({ anchor: SAMPLE_DEMO_CLOCK, clock: '2017-01-20T09:00:00Z' }));
    await until(() => verdict(el) === 'false', 'the verdict before the extension is in force');
  });

  it('says what the CRM changed since the registration, and sends nothing for it', async () => {
    const records = demoCrmRecords('acc-protected');
    const el = await recordsPanel(records);
    const o = records.opportunities[0]!;
    expect(deepQuery(row(el, o.id), '[data-changes]')).to.equal(undefined);
    const adapter = el.adapter as DealRegAdapter;
    const counted = counting(adapter);
    el.adapter = counted;
    el.records = { ...records, opportunities: [{ ...o, amount: { ...o.amount, value: o.amount.value + 50000 } }] };
    await until(() => !!deepQuery(row(el, o.id), '[data-changes]'), 'the change said');
    expect(deepText(deepQuery(row(el, o.id), '[data-changes]')!)).to.match(/amount/);
    expect(counted.calls.registerOpportunity + counted.calls.previewDeals).to.equal(0);
  });

  it('one opportunity added to the records sends at most one request, and shows its verdict', async () => {
    const adapter = counting(memoryAdapter(backend()));
    const records = demoCrmRecords('acc-nextgen');
    const el = await recordsPanel(records, { adapter });
    const before = Object.values(adapter.calls).reduce((a, b) => a + b, 0);
    const added = { ...records.opportunities[0]!, id: '006NEWDEAL0001', name: 'Nouvelle baie flash' };
    el.records = { ...records, opportunities: [...records.opportunities, added] };
    await until(() => !!deepQuery(el, 'li[data-crm-id="006NEWDEAL0001"] .verdict[data-eligible]'), 'its verdict');
    const after = Object.values(adapter.calls).reduce((a, b) => a + b, 0);
    expect(after - before).to.be.at.most(1);
    expect(records.opportunities).to.have.length(1); // the host's object is never changed
  });
});

describe('<dealreg-panel> invalid records', () => {
  it('names each bad record and field, renders the valid ones, and reports once with invalid-records', async () => {
    const records = demoCrmRecords('acc-dormant');
    const good = records.opportunities[0]!;
    const errors: DealRegErrorEvent[] = [];
    const host = document.createElement('div');
    host.addEventListener('dealreg-error', (e) => errors.push(e as DealRegErrorEvent));
    document.body.append(host);
    const broken = withOpportunities(records, [
      good,
      { ...good, id: 'dup' },
      { ...good, id: 'dup' },
      { ...good, id: '006BADAMOUNT', amount: { value: -5, currency: 'EUR' } },
      { ...good, id: '006BADCURRENCY', amount: { value: 5, currency: 'EURO' } },
      { ...good, id: '006BADDATE', closeDate: '2017-02-30' },
      { ...good, id: '' },
    ]);
    const el = await fixture<DealRegPanel>(
      html`<dealreg-panel .records=${broken as CrmRecords} .adapter=${memoryAdapter(backend())}></dealreg-panel>`,
      { parentNode: host },
    );
    await until(() => settled(el), 'settled');
    expect(rows(el).map((r) => r.dataset.crmId)).to.deep.equal([good.id]);
    // Each named by record and field (in words for the rep: records-review.test.ts; as data for a host's test).
    const named = deepQueryAll<HTMLElement>(el, '[data-code="invalid-records"] li');
    const badRecords = named.map((li) => li.dataset.record);
    for (const bad of ['dup', '006BADAMOUNT', '006BADCURRENCY', '006BADDATE', 'opportunities.6'])
      expect(badRecords).to.include(bad);
    const fields = named.map((li) => li.dataset.field);
    for (const field of ['amount.value', 'amount.currency', 'closeDate']) expect(fields).to.include(field);
    expect(errors.filter((e) => e.detail.error.code === 'invalid-records')).to.have.length(1);
    expect(errors[0]!.detail.problems).to.have.length(5);
    await expect(el).to.be.accessible();
    fixtureCleanup();
    host.remove();
  });

  it('a SIREN whose check digit is wrong is named and never sent; the account without one cannot be checked', async () => {
    const records = demoCrmRecords('acc-nextgen');
    const adapter = counting(memoryAdapter(backend()));
    const el = await fixture<DealRegPanel>(
      html`<dealreg-panel
        .records=${{ ...records, account: { id: '001X', name: 'Sans identifiant', country: 'FR', siren: '412853674' } }}
        .adapter=${adapter}
      ></dealreg-panel>`,
    );
    await until(() => !!deepQuery(el, '[data-code="invalid-records"]') && !!deepQuery(el, '.notice'), 'named');
    expect(deepQuery<HTMLElement>(el, '[data-code="invalid-records"] li')!.dataset.field).to.equal('siren');
    expect(adapter.calls.getAccountOverview + adapter.calls.previewDeals).to.equal(0);
    await expect(el).to.be.accessible();
  });
});

describe('<dealreg-panel> records from the provider', () => {
  it('takes the records of the nearest provider; its own win', async () => {
    const nextgen = demoCrmRecords('acc-nextgen');
    const dormant = demoCrmRecords('acc-dormant');
    const wrapper = await fixture(
      html`<dealreg-provider .adapter=${memoryAdapter(backend())} .records=${nextgen}>
        <dealreg-panel id="a"></dealreg-panel>
        <dealreg-panel id="b" .records=${dormant}></dealreg-panel>
      </dealreg-provider>`,
    );
    const [a, b] = [wrapper.querySelector('#a')!, wrapper.querySelector('#b')!];
    await until(() => settled(a) && settled(b), 'both settled');
    expect(rows(a).map((r) => r.dataset.crmId)).to.deep.equal(nextgen.opportunities.map((o) => o.id));
    expect(rows(b).map((r) => r.dataset.crmId)).to.have.members(dormant.opportunities.map((o) => o.id));
  });
});

describe('<dealreg-panel> a large CRM account', () => {
  it('mounts 1,000 opportunities with at most 3 requests, 25 rows shown, and Show more previews the next 25 in one', async () => {
    const adapter = counting(memoryAdapter(backend()));
    const el = await recordsPanel(demoCrmRecords('acc-large'), { adapter });
    const total = Object.values(adapter.calls).reduce((a, b) => a + b, 0);
    expect(total).to.be.at.most(3);
    expect(rows(el)).to.have.length(25);
    const previews = adapter.calls.previewDeals;
    deepQuery<HTMLButtonElement>(el, '[part~="more-button"]')!.click();
    await until(() => rows(el).length === 50 && settled(el), 'the next rows');
    expect(adapter.calls.previewDeals - previews).to.be.at.most(1);
  });
});
