// The demo page: a CRM account record page with <dealreg-panel> in the sidebar, and the CRM's home
// page with the partner's <dealreg-book>, on the mock backend served by MSW in a service worker. The
// controls and the URL hold the scenario; the host's own words come from demo/strings.ts in the
// chosen language. The host owns the CRM's records (its account and opportunities, from
// demoCrmRecords) and hands them to the panel; its related list shows each deal's registration
// status as the panel's events tell it. A deal of the book opens its account's record page.
import {
  catalogueOf,
  createMockBackend,
  DEMO_ACCOUNT_IDS,
  demoCrmRecords,
  isBookCustomer,
  NAMED_PRODUCTS,
  SAMPLE_PROGRAM,
  type DemoAccountId,
} from '../mocks/index.ts';
import { startMockWorker } from '../mocks/msw.ts';
import { createHttpAdapter } from '../src/index.ts';
import type { DealRegAdapter } from '../src/adapter.ts';
import type { CrmRecords } from '../src/domain/crm.ts';
import type { AccountOverview } from '../src/domain/types.ts';
import { accountRefOf } from '../src/program/crm-deal.ts';
import { readCrmRecords } from '../src/schemas/crm-records.ts';
import { SAMPLE_DEMO_CLOCK } from '../mocks/core/sample-program.ts';
import '../widgets/index.ts';
import { overviewStoreFor, type OverviewSnapshot, type OverviewStore } from '../widgets/state/overview-store.ts';
import {
  addOpportunity,
  defaultCloseDate,
  DRAFT_CURRENCIES,
  followPanel,
  readDraft,
  withInvalidRecords,
  type DealStatuses,
  type DemoProduct,
  type DraftField,
  type PanelNews,
} from './crm-records.ts';
import { accountPageTemplate, clockDateTime, readParams, RECORDS_MODES, writeParams, type DemoParams } from './params.ts';
import { DEMO_SCENARIOS, PARTNERS, type DemoPartner } from './scenarios.ts';
import { HOST_STRINGS, localizeStaticLabels, type HostStrings } from './strings.ts';

const BASE_URL = import.meta.env.BASE_URL;
/** The REST base the mock answers on, under Vite's `base` so a sub-path deployment works. */
const API_BASE = `${BASE_URL}api`;
const RELATED_ROWS = 10;

interface AdapterHost extends HTMLElement {
  adapter?: DealRegAdapter;
}

/** The panel as the host feeds it: the CRM's records (records-api.md), or none and an `account-id`. */
interface RecordsHost extends HTMLElement {
  records?: CrmRecords | undefined;
}

/** The demo catalogue the host's form offers: the mock's named products the program classifies. */
const CATALOGUE: readonly DemoProduct[] = NAMED_PRODUCTS.filter((p) => catalogueOf(SAMPLE_PROGRAM).lookup(p.sku) !== null);
const DRAFT_FIELDS: readonly DraftField[] = ['name', 'amount', 'currency', 'closeDate', 'lines'];

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`demo: #${id} is missing from index.html`);
  return el as T;
}

const ui = {
  provider: byId<AdapterHost>('provider'),
  panel: byId<RecordsHost>('panel'),
  homeProvider: byId<AdapterHost>('home-provider'),
  book: byId('book'),
  recordPage: byId('record-page'),
  homePage: byId('home-page'),
  navHome: byId<HTMLAnchorElement>('nav-home'),
  navAccounts: byId<HTMLAnchorElement>('nav-accounts'),
  account: byId<HTMLSelectElement>('ctl-account'),
  partner: byId<HTMLSelectElement>('ctl-partner'),
  clock: byId<HTMLInputElement>('ctl-clock'),
  latency: byId<HTMLInputElement>('ctl-latency'),
  fail: byId<HTMLInputElement>('ctl-fail'),
  failOut: byId<HTMLOutputElement>('ctl-fail-out'),
  lang: byId<HTMLSelectElement>('ctl-lang'),
  dark: byId<HTMLInputElement>('ctl-dark'),
  records: byId<HTMLSelectElement>('ctl-records'),
  reset: byId<HTMLButtonElement>('ctl-reset'),
  link: byId<HTMLAnchorElement>('ctl-link'),
  scenarios: byId<HTMLUListElement>('scenario-list'),
  oppsTable: byId<HTMLTableElement>('opps-table'),
  newOpp: byId<HTMLButtonElement>('new-opp-button'),
  dialog: byId<HTMLDialogElement>('new-opp'),
  form: byId<HTMLFormElement>('new-opp-form'),
  lines: byId<HTMLTableSectionElement>('f-lines'),
};

let params = readParams(location.search);
/**
 * The demo's default "today". The seeded records stay dated from it whatever the clock says; the
 * clock (control or URL) only moves "today", so a link or a reload shows what the control showed.
 */
const defaultClock = SAMPLE_DEMO_CLOCK;
const core = createMockBackend({ anchor: defaultClock, clock: params.clock ? clockDateTime(params.clock) : defaultClock });
let adapter: DealRegAdapter | null = null;
let recordStore: OverviewStore | null = null;
let recordKey = '';
let recordUnsubscribe: (() => void) | null = null;
/** The host CRM's records for the account on screen (null: no CRM, the panel reads the account by id). */
let crmRecords: CrmRecords | null = null;
/** Which account, partner and mode `crmRecords` were made for. */
let crmRecordsKey = '';
/** The related list's registration column, from the panel's events. */
let dealStatuses: DealStatuses = new Map();
/** The language the host's static labels and scenario list are in (null: not yet written). */
let labelsLang: DemoParams['lang'] | null = null;
/** The account's name once known, for the tab's title on its record page. */
let recordName: string | null = null;

/** The host's words in the current language. */
function words(): HostStrings {
  return HOST_STRINGS[params.lang];
}

// ---- scenario ------------------------------------------------------------------------------

function newAdapter(): DealRegAdapter {
  const token = PARTNERS[params.partner].token;
  return createHttpAdapter({ baseUrl: API_BASE, getToken: () => token });
}

/** Applies a scenario to the mock, the elements and the URL. */
function apply(next: DemoParams, { push = false, fresh = false } = {}): void {
  const previous = params;
  params = next;
  core.configure({ latencyMs: next.latency, failureRate: next.fail });
  const clockChanged = next.clock !== previous.clock;
  if (clockChanged) core.setClock(next.clock ? clockDateTime(next.clock) : defaultClock);
  // A new adapter means a fresh shared overview in the elements: the partner or "today" changed.
  if (fresh || !adapter || clockChanged || next.partner !== previous.partner) {
    adapter = newAdapter();
    ui.provider.adapter = adapter;
    dealStatuses = new Map(); // the panel tells each deal's standing again, at the new date or as the new partner
  }
  // The book gets the adapter once it is on screen (the account page asks nothing of it), then each new
  // one: it loads the new partner's registrations, or the new date's views.
  if (next.page === 'home') ui.homeProvider.adapter = adapter;
  ui.provider.setAttribute('locale', next.lang);
  ui.homeProvider.setAttribute('locale', next.lang);
  ui.book.setAttribute('record-href', accountPageTemplate(next));
  document.documentElement.lang = next.lang;
  localizeHost();
  showPage();
  document.body.classList.toggle('theme-dark', next.theme === 'dark');
  handOverRecords(fresh);

  const query = writeParams(next);
  if (query !== location.search) history[push ? 'pushState' : 'replaceState'](null, '', query);
  syncControls();
  loadRecord();
}

const isDemoAccount = (id: string): id is DemoAccountId => (DEMO_ACCOUNT_IDS as readonly string[]).includes(id);

/**
 * The CRM's records for the scenario: its partner's CRM, dated from the mock's anchor (as the seeded
 * deals are); a customer of the book (opened from Home) holds the deals the partner registered from it.
 */
function recordsFor(p: DemoParams): CrmRecords | null {
  if (p.records === 'portal' || !(isDemoAccount(p.account) || isBookCustomer(p.account))) return null;
  const records = demoCrmRecords(p.account, { anchor: defaultClock, partner: p.partner });
  return p.records === 'invalid' ? withInvalidRecords(records, defaultClock) : records;
}

/**
 * The records go to the panel when the account, the partner (each has its own CRM) or the mode
 * changes, or after a reset; otherwise the panel keeps the object it has, with the deals added since.
 */
function handOverRecords(fresh: boolean): void {
  const key = `${params.account}\u0000${params.partner}\u0000${params.records}`;
  if (fresh || key !== crmRecordsKey) {
    crmRecordsKey = key;
    crmRecords = recordsFor(params);
    dealStatuses = new Map();
    ui.panel.records = crmRecords ?? undefined;
  }
  // With records the panel needs no account id (the account is the records'); without, it reads it by id.
  if (crmRecords) ui.panel.removeAttribute('account-id');
  else if (ui.panel.getAttribute('account-id') !== params.account) ui.panel.setAttribute('account-id', params.account);
}

/** The host's labels, scenario list and title in the current language, when it changed. */
function localizeHost(): void {
  if (labelsLang === params.lang) return;
  labelsLang = params.lang;
  document.documentElement.lang = params.lang;
  localizeStaticLabels(document, words());
  renderScenarioList();
  renderProductRows();
  showTitle();
}

/** The CRM page the scenario asks for: the account's record page or the home page, its tab current. */
function showPage(): void {
  const home = params.page === 'home';
  ui.recordPage.hidden = home;
  ui.homePage.hidden = !home;
  for (const [link, current] of [
    [ui.navHome, home],
    [ui.navAccounts, !home],
  ] as const) {
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  showTitle();
}

function showTitle(): void {
  document.title = params.page === 'home' ? words().homeTitle : words().pageTitle(recordName);
}

/** Another CRM page, in the same scenario; a new entry in the history, the page's top in view. */
function go(next: Partial<DemoParams>): void {
  apply({ ...params, ...next }, { push: true });
  window.scrollTo(0, 0);
}

function syncControls(): void {
  if (![...ui.account.options].some((o) => o.value === params.account)) {
    ui.account.add(new Option(params.account, params.account));
  }
  ui.account.value = params.account;
  ui.partner.value = params.partner;
  ui.clock.value = (params.clock ?? defaultClock).slice(0, 10);
  ui.latency.value = String(params.latency);
  ui.fail.value = String(params.fail);
  ui.failOut.textContent = new Intl.NumberFormat(params.lang, { style: 'percent' }).format(params.fail);
  ui.lang.value = params.lang;
  ui.dark.checked = params.theme === 'dark';
  ui.records.value = params.records;
  ui.link.href = writeParams(params);
  ui.navHome.href = writeParams({ ...params, page: 'home' });
  ui.navAccounts.href = writeParams({ ...params, page: 'account' });
  byId('signed-in').textContent = PARTNERS[params.partner].label;
  for (const item of ui.scenarios.querySelectorAll('a')) {
    const current =
      item.dataset.page === params.page &&
      item.dataset.partner === params.partner &&
      (params.page === 'home' || (item.dataset.account === params.account && item.dataset.records === params.records));
    if (current) item.setAttribute('aria-current', 'true');
    else item.removeAttribute('aria-current');
  }
}

/** Where a row of the scenario list leads: an account's record page, or the home page (as a partner). */
type ScenarioTarget =
  | Pick<DemoParams, 'page' | 'account' | 'partner' | 'records'>
  | { page: 'home'; partner: DemoPartner; account?: never; records?: never };

/** One row of the scenario list: the account (or the home page) and partner, what is going on, what to expect. */
function scenarioLink(target: ScenarioTarget, situationText: string, expectText: string) {
  const w = words();
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.dataset.page = target.page;
  a.dataset.partner = target.partner;
  if (target.account !== undefined) {
    a.dataset.account = target.account;
    a.dataset.records = target.records;
  }
  a.href = writeParams({ ...params, ...target });
  const id = document.createElement('code');
  // An account id is data; the home page's name is a label.
  if (target.account !== undefined) id.dataset.value = '';
  id.textContent = target.account ?? w.home.page;
  if (target.partner !== 'alpha') {
    const as = document.createElement('span');
    as.className = 'as-partner';
    as.textContent = ` ${w.asPartner(PARTNERS[target.partner].label)}`;
    id.append(as);
  }
  const situation = document.createElement('span');
  situation.className = 'situation';
  situation.textContent = situationText;
  const expect = document.createElement('span');
  expect.className = 'expect';
  expect.textContent = `→ ${expectText}`;
  a.append(id, situation, expect);
  a.addEventListener('click', (event) => {
    event.preventDefault();
    go(target);
  });
  li.append(a);
  return li;
}

/**
 * The scenario list and the account picker, in the current language (rebuilt when it changes): the
 * home page with each partner's book, each demo account with the CRM's records, then the panel
 * without records and with invalid ones.
 */
function renderScenarioList(): void {
  const w = words();
  ui.scenarios.replaceChildren();
  for (const option of [...ui.account.options]) option.remove();
  for (const [key, partner] of [
    ['home', 'alpha'],
    ['home-as-beta', 'beta'],
  ] as const) {
    const { situation, expect } = w.home[key];
    ui.scenarios.append(scenarioLink({ page: 'home', partner }, situation, expect));
  }
  for (const s of DEMO_SCENARIOS) {
    const { situation, expect } = w.scenarios[s.key];
    ui.scenarios.append(
      scenarioLink({ page: 'account', account: s.accountId, partner: s.partner ?? 'alpha', records: 'crm' }, situation, expect),
    );
    if (![...ui.account.options].some((o) => o.value === s.accountId)) {
      ui.account.add(new Option(`${s.accountId}: ${situation}`, s.accountId));
    }
  }
  const modes = [
    { page: 'account', account: 'acc-protected', partner: 'alpha', records: 'portal' },
    { page: 'account', account: 'acc-nextgen', partner: 'alpha', records: 'invalid' },
  ] as const;
  for (const target of modes) {
    const { situation, expect } = w.recordsModes[target.records];
    ui.scenarios.append(scenarioLink(target, situation, expect));
  }
  syncControls();
}

/** A click the browser would open in another tab or window. */
const newTab = (event: MouseEvent): boolean => event.ctrlKey || event.metaKey || event.shiftKey || event.altKey;

function wireControls(): void {
  // Choosing an account shows its record page, from the home page too.
  ui.account.addEventListener('change', () => go({ account: ui.account.value, page: 'account' }));
  for (const [link, page] of [
    [ui.navHome, 'home'],
    [ui.navAccounts, 'account'],
  ] as const) {
    link.addEventListener('click', (event) => {
      if (newTab(event)) return;
      event.preventDefault();
      go({ page });
    });
  }
  // A deal of the book opens its account's record page here, the mock's data kept (a reload would
  // reset it); a click meant for a new tab follows the link (its href is the same page).
  let bookClickNewTab = false;
  ui.book.addEventListener('click', (event) => (bookClickNewTab = newTab(event)), { capture: true });
  ui.book.addEventListener('dealreg-open-record', (event) => {
    if (bookClickNewTab) return;
    event.preventDefault();
    go({ page: 'account', account: event.detail.accountId });
  });
  ui.partner.addEventListener('change', () =>
    apply({ ...params, partner: ui.partner.value === 'beta' ? 'beta' : 'alpha' }, { push: true }),
  );
  ui.clock.addEventListener('change', () => {
    const value = ui.clock.value;
    apply({ ...params, clock: value && value !== defaultClock.slice(0, 10) ? value : null });
  });
  ui.latency.addEventListener('change', () => apply({ ...params, latency: Math.max(0, Number(ui.latency.value) || 0) }));
  ui.fail.addEventListener('input', () => apply({ ...params, fail: Number(ui.fail.value) || 0 }));
  ui.lang.addEventListener('change', () => apply({ ...params, lang: ui.lang.value === 'fr' ? 'fr' : 'en' }));
  ui.dark.addEventListener('change', () => apply({ ...params, theme: ui.dark.checked ? 'dark' : 'light' }));
  ui.records.addEventListener('change', () =>
    apply({ ...params, records: RECORDS_MODES.find((m) => m === ui.records.value) ?? 'crm' }, { push: true }),
  );
  ui.reset.addEventListener('click', () => {
    core.reset(); // the seeded records again, from the anchor; the clock stays where it is
    apply(params, { fresh: true }); // and the CRM's own, without the deals added since
  });
  ui.newOpp.addEventListener('click', openNewOpportunity);
  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    saveNewOpportunity();
  });
  byId('f-cancel').addEventListener('click', () => ui.dialog.close());
  ui.dialog.addEventListener('close', () => {
    if (document.activeElement === document.body || !document.activeElement) ui.newOpp.focus();
  });
  window.addEventListener('popstate', () => apply(readParams(location.search)));
}

// ---- the record page: the CRM's records, and the vendor's facts the panel reads -------------------

function text(id: string, value: string): void {
  byId(id).textContent = value;
}

/** A date as the page writes it; one that does not exist in the calendar is shown as the CRM holds it. */
function formatDate(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso.slice(0, 10)) return iso;
  return new Intl.DateTimeFormat(params.lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

function formatCount(value: number): string {
  return new Intl.NumberFormat(params.lang).format(value);
}

function formatMoney(value: number, currency: string): string {
  return new Intl.NumberFormat(params.lang, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
}

/**
 * The account the record page reads the vendor's facts of (last orders, installed base, server
 * clock): the panel's own overview of it, shared through the adapter's store, so one request serves
 * both. With records that is the account's customer reference (siren:/duns:), as the panel sends it.
 */
function overviewKey(): string | null {
  if (!crmRecords) return params.account;
  const account = readCrmRecords(crmRecords).records?.account;
  return account ? accountRefOf(account) : null;
}

function loadRecord(): void {
  const accountKey = overviewKey();
  const store = adapter ? overviewStoreFor(adapter) : null;
  const key = `${accountKey}\u0000${params.lang}\u0000${crmRecordsKey}`;
  if (store === recordStore && key === recordKey) return;
  recordUnsubscribe?.();
  recordUnsubscribe = null;
  recordStore = store;
  recordKey = key;
  recordName = null;
  showTitle();
  byId('record-error').hidden = true;
  renderCrm();
  if (!store || accountKey === null) return;
  recordUnsubscribe = store.subscribe(accountKey, showRecord);
  showRecord(store.snapshot(accountKey));
}

/**
 * What the CRM itself holds, shown at once: the account (name, CRM id, country, identifiers) and its
 * opportunities with their registration status. Without records, the account id until the vendor answers.
 */
function renderCrm(): void {
  const w = words();
  ui.oppsTable.classList.toggle('portal', !crmRecords);
  ui.newOpp.hidden = !crmRecords;
  byId('dt-ids-row').hidden = !crmRecords;
  text('hl-partner', PARTNERS[params.partner].label);
  if (!crmRecords) {
    text('record-name', params.account);
    text('hl-id', params.account);
    return;
  }
  const { account, opportunities } = crmRecords;
  recordName = account.name;
  showTitle();
  text('record-name', account.name);
  text('hl-id', account.id);
  text('hl-country', account.country);
  text('hl-opps', formatCount(opportunities.length));
  text('dt-name', account.name);
  text('dt-country', account.country);
  text('dt-ids', w.identifiers(account));
  renderOpportunities(
    opportunities.slice(0, RELATED_ROWS).map((opp) => {
      const status = dealStatuses.get(opp.id);
      return {
        cells: [
          opp.name,
          formatMoney(opp.amount.value, opp.amount.currency),
          formatDate(opp.closeDate),
          opp.stage ?? '—',
          w.dealStatus(status, formatDate),
        ],
        invalid: status?.kind === 'invalid',
      };
    }),
    opportunities.length,
  );
}

/** The related list: the first rows (name, amount, close date; with records, stage and registration too). */
function renderOpportunities(rows: Array<{ cells: string[]; invalid?: boolean }>, total: number): void {
  text('opps-count', `(${formatCount(total)})`);
  const trs = rows.map(({ cells, invalid }) => {
    const tr = document.createElement('tr');
    cells.forEach((value, column) => {
      const td = document.createElement('td');
      td.textContent = value;
      if (column === 1) td.className = 'num';
      if (column === 4) td.classList.add('status', ...(invalid ? ['status-invalid'] : []));
      tr.append(td);
    });
    return tr;
  });
  byId('opps-body').replaceChildren(...trs);
  const more = byId('opps-more');
  more.hidden = total <= RELATED_ROWS;
  more.textContent = words().viewAll(formatCount(total));
}

/** The vendor's facts on the record, from the overview the panel reads too; its error in words. */
function showRecord(snapshot: OverviewSnapshot): void {
  const errorBox = byId('record-error');
  if (snapshot.value) {
    renderVendorFacts(snapshot.value);
    errorBox.hidden = true;
  } else if (snapshot.status === 'error') {
    // In words, never the machine code: the panel beside it says more, with a Retry.
    errorBox.textContent = words().loadFailed(snapshot.error?.code ?? 'unknown');
    errorBox.hidden = false;
    for (const id of ['dt-last-order', 'dt-last-order-you', 'dt-installed', 'dt-asof']) text(id, '—');
    // Without records the page had only the vendor's account to show; the CRM's own stays.
    if (!crmRecords) {
      for (const id of ['hl-country', 'hl-opps', 'dt-name', 'dt-country']) text(id, '—');
      byId('opps-body').replaceChildren();
      text('opps-count', '');
      byId('opps-more').hidden = true;
    }
  }
}

function renderVendorFacts(o: AccountOverview): void {
  const w = words();
  text('dt-last-order', formatDate(o.orders.lastInfraOrderAt));
  text('dt-last-order-you', formatDate(o.orders.lastInfraOrderByYouAt));
  text('dt-installed', w.installedBase(o.installedBase.totalAssets, o.installedBase.totalUnits, params.lang));
  text('dt-asof', formatDate(o.asOf));
  text('hl-partner', o.partner.name);
  if (crmRecords) return;
  // No CRM behind the page (a vendor portal): the account and its deals are the vendor's.
  recordName = o.account.name;
  showTitle();
  text('record-name', o.account.name);
  text('hl-id', o.account.id);
  text('hl-country', o.account.country);
  text('dt-name', o.account.name);
  text('dt-country', o.account.country);
  // Every opportunity of the account, not the overview's first page.
  const total = o.opportunityCounts.total;
  text('hl-opps', formatCount(total));
  renderOpportunities(
    o.opportunities
      .slice(0, RELATED_ROWS)
      .map((opp) => ({ cells: [opp.name, formatMoney(opp.amount.value, opp.amount.currency), formatDate(opp.closeDate)] })),
    total,
  );
}

// ---- "New opportunity": the host adds a deal to its own records ---------------------------------

const draftControl = (field: DraftField): HTMLElement | null =>
  field === 'lines'
    ? ui.lines.querySelector('input')
    : byId({ name: 'f-name', amount: 'f-amount', currency: 'f-currency', closeDate: 'f-close' }[field]);

/** The form's product rows (the catalogue, a quantity each), in the current language. */
function renderProductRows(): void {
  const w = words();
  const currency = byId<HTMLSelectElement>('f-currency');
  if (currency.options.length === 0) for (const code of DRAFT_CURRENCIES) currency.add(new Option(code, code));
  ui.lines.replaceChildren(
    ...CATALOGUE.map((product) => {
      const tr = document.createElement('tr');
      const name = document.createElement('td');
      name.textContent = `${product.description} (${product.sku})`;
      const cell = document.createElement('td');
      cell.className = 'num';
      const input = document.createElement('input');
      Object.assign(input, { type: 'number', min: '0', step: '1', inputMode: 'numeric' });
      input.dataset.sku = product.sku;
      input.setAttribute('aria-label', w.quantityOf(product.description));
      input.setAttribute('aria-describedby', 'f-lines-error');
      cell.append(input);
      tr.append(name, cell);
      return tr;
    }),
  );
}

function showDraftProblems(invalid: readonly DraftField[]): void {
  const w = words();
  for (const field of DRAFT_FIELDS) {
    const wrong = invalid.includes(field);
    const message = byId(`f-${field}-error`);
    message.hidden = !wrong;
    message.textContent = wrong ? w.draftProblems[field] : '';
    const controls = field === 'lines' ? [...ui.lines.querySelectorAll('input')] : [draftControl(field)];
    for (const control of controls) {
      if (wrong) control?.setAttribute('aria-invalid', 'true');
      else control?.removeAttribute('aria-invalid');
    }
  }
}

function openNewOpportunity(): void {
  if (!crmRecords) return;
  ui.form.reset();
  byId<HTMLSelectElement>('f-currency').value = 'EUR';
  byId<HTMLInputElement>('f-close').value = defaultCloseDate(params.clock ?? defaultClock);
  showDraftProblems([]);
  ui.dialog.showModal();
  byId('f-name').focus();
}

/** Adds the typed deal to the CRM's records: a new object to the panel, which shows its decision at once. */
function saveNewOpportunity(): void {
  if (!crmRecords) return;
  const value = (id: string) => byId<HTMLInputElement | HTMLSelectElement>(id).value;
  const reading = readDraft(
    {
      name: value('f-name'),
      amount: value('f-amount'),
      currency: value('f-currency'),
      closeDate: value('f-close'),
      quantities: Object.fromEntries([...ui.lines.querySelectorAll('input')].map((input) => [input.dataset.sku, input.value])),
    },
    CATALOGUE,
  );
  if (!reading.ok) {
    showDraftProblems(reading.invalid);
    draftControl(reading.invalid[0]!)?.focus();
    return;
  }
  crmRecords = addOpportunity(crmRecords, reading.opportunity).records;
  ui.panel.records = crmRecords;
  ui.dialog.close();
  ui.newOpp.focus();
  renderCrm();
  toast(words().opportunityCreated(reading.opportunity.name), 'success');
}

// ---- the host reacts to the elements' events ------------------------------------------------

function toast(message: string, variant: 'success' | 'error'): void {
  const el = document.createElement('div');
  el.className = `toast toast-${variant}`;
  el.setAttribute('role', 'status');
  el.textContent = message;
  document.body.append(el);
  setTimeout(() => el.remove(), 4000);
}

/** The registration column follows what the panel says of each deal. */
function followPanelNews(news: PanelNews): void {
  if (!crmRecords) return;
  const next = followPanel(dealStatuses, news, crmRecords);
  if (next === dealStatuses) return;
  dealStatuses = next;
  renderCrm();
}

document.addEventListener('dealreg-deal-states', (event) => followPanelNews({ type: 'deal-states', detail: event.detail }));
document.addEventListener('dealreg-registered', (event) => {
  const { registration } = event.detail;
  const { status, reasons } = registration;
  const w = words();
  if (status === 'rejected') toast(w.rejected(reasons), 'error');
  else toast(w.registration[status], 'success');
  followPanelNews({ type: 'registered', registration });
});
document.addEventListener('dealreg-quote-requested', () => toast(words().quoteRequested, 'success'));
document.addEventListener('dealreg-extended', (event) => {
  const { registration } = event.detail;
  const until = registration.protectedUntil;
  toast(words().extended(until ? formatDate(until) : null), 'success');
  followPanelNews({ type: 'extended', registration });
});
// Invalid records: one event naming each (records-api.md); the list marks them as not sent.
document.addEventListener('dealreg-error', (event) => {
  const { operation, problems } = event.detail;
  if (operation === 'read-records' && problems) followPanelNews({ type: 'invalid-records', problems });
});

// ---- start ----------------------------------------------------------------------------------

wireControls();
localizeHost();
await startMockWorker(core, { basePath: API_BASE, serviceWorkerUrl: `${BASE_URL}mockServiceWorker.js` });
apply(params, { fresh: true });
