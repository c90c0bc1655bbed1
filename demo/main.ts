// The demo page: a CRM account record page with <dealreg-panel> in the sidebar, on the mock
// backend served by MSW in a service worker. The controls and the URL hold the scenario; the host's
// own words come from demo/strings.ts in the chosen language.
import { createMockBackend } from '../mocks/index.ts';
import { startMockWorker } from '../mocks/msw.ts';
import { createHttpAdapter } from '../src/index.ts';
import type { DealRegAdapter } from '../src/adapter.ts';
import type { AccountOverview } from '../src/domain/types.ts';
import { SAMPLE_DEMO_CLOCK } from '../mocks/core/sample-program.ts';
import '../widgets/index.ts';
import { overviewStoreFor, type OverviewSnapshot, type OverviewStore } from '../widgets/state/overview-store.ts';
import { clockDateTime, readParams, writeParams, type DemoParams } from './params.ts';
import { DEMO_SCENARIOS, PARTNERS } from './scenarios.ts';
import { HOST_STRINGS, localizeStaticLabels, type HostStrings } from './strings.ts';

const BASE_URL = import.meta.env.BASE_URL;
/** The REST base the mock answers on, under Vite's `base` so a sub-path deployment works. */
const API_BASE = `${BASE_URL}api`;
const RELATED_ROWS = 10;

interface AdapterHost extends HTMLElement {
  adapter?: DealRegAdapter;
}

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`demo: #${id} is missing from index.html`);
  return el as T;
}

const ui = {
  provider: byId<AdapterHost>('provider'),
  panel: byId('panel'),
  account: byId<HTMLSelectElement>('ctl-account'),
  partner: byId<HTMLSelectElement>('ctl-partner'),
  clock: byId<HTMLInputElement>('ctl-clock'),
  latency: byId<HTMLInputElement>('ctl-latency'),
  fail: byId<HTMLInputElement>('ctl-fail'),
  failOut: byId<HTMLOutputElement>('ctl-fail-out'),
  lang: byId<HTMLSelectElement>('ctl-lang'),
  dark: byId<HTMLInputElement>('ctl-dark'),
  reset: byId<HTMLButtonElement>('ctl-reset'),
  link: byId<HTMLAnchorElement>('ctl-link'),
  scenarios: byId<HTMLUListElement>('scenario-list'),
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
/** The language the host's static labels and scenario list are in (null: not yet written). */
let labelsLang: DemoParams['lang'] | null = null;

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
  }
  ui.provider.setAttribute('locale', next.lang);
  document.documentElement.lang = next.lang;
  localizeHost();
  document.body.classList.toggle('theme-dark', next.theme === 'dark');
  if (ui.panel.getAttribute('account-id') !== next.account) ui.panel.setAttribute('account-id', next.account);

  const query = writeParams(next);
  if (query !== location.search) history[push ? 'pushState' : 'replaceState'](null, '', query);
  syncControls();
  loadRecord();
}

/** The host's labels, scenario list and title in the current language, when it changed. */
function localizeHost(): void {
  if (labelsLang === params.lang) return;
  labelsLang = params.lang;
  document.documentElement.lang = params.lang;
  localizeStaticLabels(document, words());
  renderScenarioList();
  document.title = words().pageTitle(null); // the record's name comes back with its next render
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
  ui.link.href = writeParams(params);
  byId('signed-in').textContent = PARTNERS[params.partner].label;
  for (const item of ui.scenarios.querySelectorAll('a')) {
    const current = item.dataset.account === params.account && item.dataset.partner === params.partner;
    if (current) item.setAttribute('aria-current', 'true');
    else item.removeAttribute('aria-current');
  }
}

/** The scenario list and the account picker, in the current language (rebuilt when it changes). */
function renderScenarioList(): void {
  const w = words();
  ui.scenarios.replaceChildren();
  for (const option of [...ui.account.options]) option.remove();
  for (const s of DEMO_SCENARIOS) {
    const { situation: situationText, expect: expectText } = w.scenarios[s.key];
    const partner = s.partner ?? 'alpha';
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.dataset.account = s.accountId;
    a.dataset.partner = partner;
    a.href = writeParams({ ...params, account: s.accountId, partner });
    const id = document.createElement('code');
    id.dataset.value = '';
    id.textContent = s.accountId;
    if (partner !== 'alpha') {
      const as = document.createElement('span');
      as.className = 'as-partner';
      as.textContent = ` ${w.asPartner(PARTNERS[partner].label)}`;
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
      apply({ ...params, account: s.accountId, partner }, { push: true });
    });
    li.append(a);
    ui.scenarios.append(li);
    if (![...ui.account.options].some((o) => o.value === s.accountId)) {
      ui.account.add(new Option(`${s.accountId}: ${situationText}`, s.accountId));
    }
  }
  syncControls();
}

function wireControls(): void {
  ui.account.addEventListener('change', () => apply({ ...params, account: ui.account.value }, { push: true }));
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
  ui.reset.addEventListener('click', () => {
    core.reset(); // the seeded records again, from the anchor; the clock stays where it is
    apply(params, { fresh: true });
  });
  window.addEventListener('popstate', () => apply(readParams(location.search)));
}

// ---- the record page (reads the account through the same adapter as the panel) -------------

function text(id: string, value: string): void {
  byId(id).textContent = value;
}

function formatDate(iso: string | null): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(params.lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));
}

function formatCount(value: number): string {
  return new Intl.NumberFormat(params.lang).format(value);
}

function formatMoney(value: number, currency: string): string {
  return new Intl.NumberFormat(params.lang, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
}

/**
 * The record header and details follow the same shared overview as the panel (one request for
 * both, refreshed together after a registration, a quote or an extension).
 */
function loadRecord(): void {
  const accountId = params.account;
  const store = adapter ? overviewStoreFor(adapter) : null;
  const key = `${accountId}\u0000${params.lang}`;
  if (store === recordStore && key === recordKey) return;
  recordUnsubscribe?.();
  recordUnsubscribe = null;
  recordStore = store;
  recordKey = key;
  text('record-name', accountId);
  text('hl-id', accountId);
  text('hl-partner', PARTNERS[params.partner].label);
  if (!store) return;
  recordUnsubscribe = store.subscribe(accountId, showRecord);
  showRecord(store.snapshot(accountId));
}

function showRecord(snapshot: OverviewSnapshot): void {
  const errorBox = byId('record-error');
  if (snapshot.value) {
    renderRecord(snapshot.value);
    errorBox.hidden = true;
  } else if (snapshot.status === 'error') {
    // In words, never the machine code: the panel beside it says more, with a Retry.
    errorBox.textContent = words().loadFailed(snapshot.error?.code ?? 'unknown');
    errorBox.hidden = false;
    for (const id of [
      'hl-country',
      'hl-opps',
      'dt-name',
      'dt-country',
      'dt-last-order',
      'dt-last-order-you',
      'dt-installed',
      'dt-asof',
    ]) {
      text(id, '—');
    }
    byId('opps-body').replaceChildren();
    text('opps-count', '');
    byId('opps-more').hidden = true;
  }
}

function renderRecord(o: AccountOverview): void {
  const w = words();
  document.title = w.pageTitle(o.account.name);
  text('record-name', o.account.name);
  text('hl-id', o.account.id);
  text('hl-country', o.account.country);
  // The CRM's own count: every opportunity of the account, not the overview's first page.
  const total = o.opportunityCounts.total;
  text('hl-opps', formatCount(total));
  text('hl-partner', o.partner.name);
  text('dt-name', o.account.name);
  text('dt-country', o.account.country);
  text('dt-last-order', formatDate(o.orders.lastInfraOrderAt));
  text('dt-last-order-you', formatDate(o.orders.lastInfraOrderByYouAt));
  text('dt-installed', w.installedBase(o.installedBase.totalAssets, o.installedBase.totalUnits, params.lang));
  text('dt-asof', formatDate(o.asOf));
  text('opps-count', `(${formatCount(total)})`);
  const rows = o.opportunities.slice(0, RELATED_ROWS).map((opp) => {
    const tr = document.createElement('tr');
    for (const value of [opp.name, formatMoney(opp.amount.value, opp.amount.currency), formatDate(opp.closeDate)]) {
      const td = document.createElement('td');
      td.textContent = value;
      tr.append(td);
    }
    return tr;
  });
  byId('opps-body').replaceChildren(...rows);
  const more = byId('opps-more');
  more.hidden = total <= RELATED_ROWS;
  more.textContent = w.viewAll(formatCount(total));
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

document.addEventListener('dealreg-registered', (event) => {
  const { status, reasons } = event.detail.registration;
  const w = words();
  if (status === 'rejected') toast(w.rejected(reasons), 'error');
  else toast(w.registration[status], 'success');
});
document.addEventListener('dealreg-quote-requested', () => toast(words().quoteRequested, 'success'));
document.addEventListener('dealreg-extended', (event) => {
  const until = event.detail.registration.protectedUntil;
  toast(words().extended(until ? formatDate(until) : null), 'success');
});

// ---- start ----------------------------------------------------------------------------------

wireControls();
localizeHost();
await startMockWorker(core, { basePath: API_BASE, serviceWorkerUrl: `${BASE_URL}mockServiceWorker.js` });
apply(params, { fresh: true });
