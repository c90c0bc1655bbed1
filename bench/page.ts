// The bench page: the mock backend in memory, the memory adapter and the real elements, with
// the measurements exposed as `window.__bench` for bench/run.mjs to call through puppeteer.
// Everything is measured in the page with performance.now() (the page is cross-origin isolated,
// so its resolution is 5 µs, not 100 µs).
import { createMockBackend } from '../mocks/index.ts';
import { createMemoryAdapter } from '../mocks/core/memory-adapter.ts';
import { markValidating } from '../src/adapters/validated.ts';
import { evaluateEligibility } from '../src/program/index.ts';
import type { DealRegAdapter } from '../src/adapter.ts';
import type { AccountOverview } from '../src/domain/types.ts';
import type { CrmOpportunity, CrmRecords } from '../src/domain/crm.ts';
import type { DealSubmission } from '../src/domain/deal.ts';
import { demoCrmRecords } from '../mocks/core/demo-crm.ts';
import { SAMPLE_DEMO_CLOCK } from '../mocks/core/sample-program.ts';
import { readCrmRecords } from '../src/schemas/crm-records.ts';
import { accountRefOf } from '../src/program/crm-deal.ts';
import { dealRows, withPreviewsOf } from '../src/program/crm-row-order.ts';
import { receivePreviews, type ReceivedPreviews } from '../src/program/deal-previews.ts';
import { previewPages } from '../src/program/preview-pages.ts';
import '../widgets/index.ts';
import { bookBench } from './book-page.ts';
import { deepElements, deepQuery, deepText } from '../test/support/deep-dom.ts';

const ALPHA = 'demo-alpha';
type Calls = Record<string, number>;

// ---------------------------------------------------------------- deep DOM helpers

function deepShadowRoots(host: Element): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  if (host.shadowRoot) roots.push(host.shadowRoot);
  for (const el of deepElements(host.shadowRoot ?? host)) if (el.shadowRoot) roots.push(el.shadowRoot);
  return roots;
}

interface Updatable {
  isUpdatePending?: boolean;
}

function updatesPending(host: Element): boolean {
  return [host, ...deepElements(host.shadowRoot ?? host)].some((el) => (el as Updatable).isUpdatePending === true);
}

function busy(host: Element): boolean {
  return deepElements(host.shadowRoot ?? host).some((el) => el.getAttribute('aria-busy') === 'true');
}

/** Yields one macrotask without the 4 ms clamp of nested setTimeout. */
function yieldTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

async function waitFor(predicate: () => boolean, what: string, timeoutMs = 20000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeoutMs) throw new Error(`bench: timed out waiting for ${what}`);
    await yieldTask();
  }
}

function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Rendered: the data is on screen (an opportunity name is shown), nothing busy, no update pending. */
function renderedWith(host: Element, overview: AccountOverview): () => boolean {
  const names = overview.opportunities.slice(0, 50).map((o) => o.name);
  const marker = overview.account.name;
  return () => {
    if (updatesPending(host) || busy(host)) return false;
    const text = deepText(host);
    return names.length > 0 ? names.some((n) => text.includes(n)) : text.includes(marker) || text.length > 0;
  };
}

function forceLayout(): number {
  return document.body.offsetHeight;
}

// ---------------------------------------------------------------- adapters

/** One call as sent, for answeredBytes (bench/overview-bytes.mjs) to send again to the Node mock server (options without their signal). */
interface CallRecord {
  method: string;
  args: unknown[];
  /** The answer as JSON, UTF-8 bytes, once it came (null while pending, or when it failed). */
  answerJsonBytes: number | null;
}

const utf8 = new TextEncoder();
const withoutSignal = (_key: string, value: unknown): unknown => (value instanceof AbortSignal ? undefined : value);

/** Counts calls per method, delegating to `inner`; with `log`, records each call and its answer's JSON size too. */
function counting(inner: DealRegAdapter, calls: Calls, log?: CallRecord[]): DealRegAdapter {
  const adapter: Record<string, unknown> = {};
  // The methods the inner adapter has: an optional one it lacks stays absent, as the elements see it.
  for (const [name, method] of Object.entries(inner)) {
    if (typeof method !== 'function') continue;
    adapter[name] = (...args: unknown[]) => {
      calls[name] = (calls[name] ?? 0) + 1;
      const answer = (method as (...a: unknown[]) => Promise<unknown>).apply(inner, args);
      if (log) {
        const record: CallRecord = {
          method: name,
          args: JSON.parse(JSON.stringify(args, withoutSignal)) as unknown[],
          answerJsonBytes: null,
        };
        log.push(record);
        void answer.then(
          (value) => (record.answerJsonBytes = utf8.encode(JSON.stringify(value)).length),
          () => undefined,
        );
      }
      return answer;
    };
  }
  return adapter as unknown as DealRegAdapter;
}

/**
 * An adapter whose overview is already fetched and validated: "data ready". Marked like the
 * shipped adapters' methods (the value was parsed by the memory adapter), so the elements do not
 * parse it again; unmarked, it stands for a third-party adapter, whose answer the elements check.
 */
function readyAdapter(overview: AccountOverview, inner: DealRegAdapter, validated: boolean): DealRegAdapter {
  const adapter = { ...inner, getAccountOverview: () => Promise.resolve(overview) };
  return validated ? markValidating(adapter) : adapter;
}

function sumCalls(calls: Calls): number {
  return Object.values(calls).reduce((a, b) => a + b, 0);
}

// ---------------------------------------------------------------- the stage

const stage = document.createElement('div');
stage.id = 'stage';
stage.style.cssText = 'width: 420px;';
document.body.append(stage);

type Panel = HTMLElement & { adapter: DealRegAdapter; records?: CrmRecords };

/** A panel on the vendor's account id, or on the host CRM's records. */
function mountPanel(adapter: DealRegAdapter, account: string | CrmRecords): Panel {
  const panel = document.createElement('dealreg-panel') as Panel;
  panel.setAttribute('locale', 'en');
  panel.adapter = adapter;
  if (typeof account === 'string') panel.setAttribute('account-id', account);
  else panel.records = account;
  stage.append(panel);
  return panel;
}

async function largeOverview(): Promise<{ overview: AccountOverview; adapter: DealRegAdapter }> {
  const adapter = createMemoryAdapter(createMockBackend(), { token: ALPHA });
  const overview = await adapter.getAccountOverview('acc-large');
  return { overview, adapter };
}

// ---------------------------------------------------------------- plain-DOM floor

/**
 * The same visible content as the rendered panel, as ONE HTML string: the panel's shadow trees
 * serialised as declarative shadow DOM, each with its styles inlined, and the dealreg tags
 * renamed so that no component code runs when it is parsed.
 */
function snapshot(panel: HTMLElement): string {
  const roots = deepShadowRoots(panel);
  const added: HTMLStyleElement[] = [];
  for (const root of roots) {
    const css = root.adoptedStyleSheets.map((sheet) => Array.from(sheet.cssRules, (r) => r.cssText).join('\n')).join('\n');
    const style = document.createElement('style');
    style.textContent = css;
    root.prepend(style);
    added.push(style);
  }
  const wrapper = panel.parentElement!;
  const html = wrapper.getHTML({ shadowRoots: roots });
  for (const style of added) style.remove();
  return html.replace(/<(\/?)dealreg-/g, '<$1floor-dealreg-');
}

/**
 * The floor from the same point as each element's clock: inside an animation-frame callback. The
 * element's time runs to the first task that finds it rendered, after that frame's style, layout and
 * paint (the element is mounted before them); so does the floor's, to the task after the frame
 * (`ms`). `noPaintMs` stops at the forced layout, before the frame's paint: the floor as measured
 * until 2026-12-07, which left the paint on the elements' side only.
 */
async function timeFloor(html: string): Promise<{ ms: number; noPaintMs: number }> {
  await nextFrame();
  const box = document.createElement('div');
  stage.append(box);
  const t0 = performance.now();
  box.setHTMLUnsafe(html);
  forceLayout();
  const laidOut = performance.now();
  await yieldTask(); // after this frame's paint, as the elements' first check
  const t1 = performance.now();
  box.remove();
  return { ms: t1 - t0, noPaintMs: laidOut - t0 };
}

// ---------------------------------------------------------------- measurements

/** Every opportunity of the account: the overview's first page, then the pages after it. */
async function allOpportunities(overview: AccountOverview, adapter: DealRegAdapter): Promise<AccountOverview['opportunities']> {
  const all = [...overview.opportunities];
  for (let cursor = overview.nextCursor; cursor !== null;) {
    const page = await adapter.getOpportunities!(overview.account.id, cursor, { limit: 100 });
    all.push(...page.opportunities);
    cursor = page.nextCursor;
  }
  return all;
}

/** The engine over ALL of acc-large's opportunities (1,000), not only the overview's first page. */
async function engine(runs: number): Promise<{ samplesMs: number[]; opportunities: number; eligible: number }> {
  const { overview, adapter } = await largeOverview();
  const { program, orders, asOf } = overview;
  const opportunities = await allOpportunities(overview, adapter);
  let eligible = 0;
  const once = () => {
    let n = 0;
    for (const opportunity of opportunities) {
      if (evaluateEligibility({ program, at: asOf, opportunity, orders }).eligible) n++;
    }
    return n;
  };
  for (let i = 0; i < 3; i++) eligible = once(); // warm-up: JIT
  const samplesMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    eligible = once();
    samplesMs.push(performance.now() - t0);
  }
  return { samplesMs, opportunities: opportunities.length, eligible };
}

interface RenderResult {
  panelMs: number[];
  floorMs: number[];
  /** The floor to its forced layout, without the frame's paint: the method before 2026-12-07. */
  floorNoPaintMs: number[];
  opportunities: number;
  opportunitiesShown: number;
  elementsInPanel: number;
  floorHtmlChars: number;
}

/** `validated: false`: the overview comes from a third-party adapter and is checked at the element boundary (no floor then). */
async function render(runs: number, warmup = 2, validated = true): Promise<RenderResult> {
  const { overview, adapter } = await largeOverview();

  async function timePanel(): Promise<{ ms: number; panel: HTMLElement }> {
    await nextFrame();
    const ready = readyAdapter(overview, adapter, validated);
    const t0 = performance.now();
    const panel = mountPanel(ready, 'acc-large');
    await waitFor(renderedWith(panel, overview), 'the acc-large panel');
    forceLayout();
    return { ms: performance.now() - t0, panel };
  }

  let opportunitiesShown = 0;
  const timed = await againstFloor(timePanel, runs, warmup, validated, (panel) => {
    const text = deepText(panel);
    opportunitiesShown = overview.opportunities.filter((o) => text.includes(o.name)).length;
  });
  return { ...timed, opportunities: overview.opportunities.length, opportunitiesShown };
}

type TimedPanel = () => Promise<{ ms: number; panel: HTMLElement }>;

/**
 * Warm-up panels (the JIT, Lit's template cache), the last one giving the floor its HTML (and
 * `inspect` a look at it); then panel and floor alternate, so a burst of load elsewhere on the
 * machine lands on both sides. Without `floor`, the panel alone.
 */
async function againstFloor(
  timePanel: TimedPanel,
  runs: number,
  warmup: number,
  floor: boolean,
  inspect: (panel: HTMLElement) => void,
): Promise<Pick<RenderResult, 'panelMs' | 'floorMs' | 'floorNoPaintMs' | 'elementsInPanel' | 'floorHtmlChars'>> {
  let html = '';
  let elementsInPanel = 0;
  for (let i = 0; i < Math.max(1, warmup); i++) {
    const { panel } = await timePanel();
    html = snapshot(panel);
    elementsInPanel = deepElements(panel.shadowRoot ?? panel).length;
    inspect(panel);
    panel.remove();
  }
  for (let i = 0; floor && i < warmup; i++) await timeFloor(html);

  const panelMs: number[] = [];
  const floorMs: number[] = [];
  const floorNoPaintMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { ms, panel } = await timePanel();
    panel.remove();
    panelMs.push(ms);
    if (floor) {
      const timed = await timeFloor(html);
      floorMs.push(timed.ms);
      floorNoPaintMs.push(timed.noPaintMs);
    }
  }
  return { panelMs, floorMs, floorNoPaintMs, elementsInPanel, floorHtmlChars: html.length };
}

/** A panel and a status widget for one account, sharing one adapter: how many requests? */
async function requestsOnMount(accountId = 'acc-protected'): Promise<Calls> {
  const calls: Calls = {};
  const backend = createMockBackend();
  const inner = createMemoryAdapter(backend, { token: ALPHA });
  const overview = await inner.getAccountOverview(accountId);
  const adapter = counting(inner, calls);
  const panel = mountPanel(adapter, accountId);
  const status = document.createElement('dealreg-status') as HTMLElement & { adapter: DealRegAdapter };
  status.setAttribute('locale', 'en');
  status.adapter = adapter;
  status.setAttribute('account-id', accountId);
  stage.append(status);
  await waitFor(renderedWith(panel, overview), 'the panel');
  await waitFor(() => !updatesPending(status) && !busy(status) && deepText(status).trim().length > 0, 'the status');
  await new Promise((r) => setTimeout(r, 300)); // anything late would count too
  panel.remove();
  status.remove();
  return { ...calls, total: sumCalls(calls) };
}

interface QuoteRun {
  calls: Calls;
  panel: HTMLElement;
  pointerDownAt: number | null;
  shownAt: number | null;
}
let quoteRun: QuoteRun | null = null;

function quoteButtonOf(panel: HTMLElement): HTMLElement | undefined {
  return deepElements(panel.shadowRoot ?? panel).find(
    (el): el is HTMLElement => el instanceof HTMLButtonElement && /request quote/i.test(el.textContent ?? ''),
  );
}

function quoteHostOf(panel: HTMLElement): Element | undefined {
  return deepElements(panel.shadowRoot ?? panel).find((el) => el.localName === 'dealreg-quote-button');
}

/** The submitted quote as the widget words it ("Quote requested"), not the "Sending…" state before. */
const SUBMITTED = /quote requested|\bsubmitted\b/i;

/** Where to click `el` in viewport coordinates, after scrolling it into view. */
function centreOf(el: HTMLElement): { x: number; y: number } {
  el.scrollIntoView({ block: 'center' });
  const rect = el.getBoundingClientRect();
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

/** Mounts the panel on acc-protected (fresh backend) and returns where "Request quote" is. */
async function prepareQuoteClick(): Promise<{ x: number; y: number }> {
  stage.replaceChildren();
  const calls: Calls = {};
  const inner = createMemoryAdapter(createMockBackend(), { token: ALPHA });
  const overview = await inner.getAccountOverview('acc-protected');
  const panel = mountPanel(counting(inner, calls), 'acc-protected');
  await waitFor(renderedWith(panel, overview), 'the acc-protected panel');
  await waitFor(() => quoteButtonOf(panel) !== undefined, 'the "Request quote" button');
  const host = quoteHostOf(panel);
  if (host && SUBMITTED.test(deepText(host))) throw new Error('bench: "submitted" shown before the click');
  for (const key of Object.keys(calls)) delete calls[key];
  const run: QuoteRun = { calls, panel, pointerDownAt: null, shownAt: null };
  quoteRun = run;
  // Both ends are read from the same clock, performance.now(), in this order: when the pointerdown
  // reaches the page (capture phase on window, before any element's handler), and in the first
  // animation-frame callback that finds "Quote requested" in the DOM (what that frame paints). A
  // sample cannot be negative. (The rAF argument is the frame's start, which can precede the event
  // that the same frame handles; event.timeStamp is the input's time, set by the browser process.)
  window.addEventListener(
    'pointerdown',
    () => {
      run.pointerDownAt = performance.now();
      const watch = () => {
        const where = quoteHostOf(panel) ?? panel;
        if (SUBMITTED.test(deepText(where))) run.shownAt = performance.now();
        else requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    },
    { capture: true, once: true },
  );
  return centreOf(quoteButtonOf(panel)!);
}

/** After the click: pointerdown → first frame showing "submitted", and the requests sent. */
async function quoteClickResult(): Promise<{ latencyMs: number; calls: Calls }> {
  const run = quoteRun;
  if (!run) throw new Error('bench: prepareQuoteClick first');
  await waitFor(() => run.shownAt !== null, '"submitted" after the click', 10000);
  await new Promise((r) => setTimeout(r, 300));
  const result = { latencyMs: run.shownAt! - run.pointerDownAt!, calls: { ...run.calls, total: sumCalls(run.calls) } };
  run.panel.remove();
  quoteRun = null;
  return result;
}

// ---------------------------------------------------------------- first row, "Show more"

const ROW = '[part~="opportunity"]';

function rowsIn(host: Element): Element[] {
  return deepElements(host.shadowRoot ?? host).filter((el) => el.matches(ROW));
}

/**
 * Mount → first opportunity row in the DOM (and laid out), acc-large, through the memory adapter
 * on a mock with 0 ms latency: the fetch, the validation and the rendering, without a network.
 * A fresh backend per run, so no run reads what the one before cached.
 */
async function firstRow(runs: number, warmup = 2): Promise<{ samplesMs: number[]; rows: number }> {
  const samplesMs: number[] = [];
  let rows = 0;
  for (let i = 0; i < warmup + runs; i++) {
    stage.replaceChildren();
    const adapter = createMemoryAdapter(createMockBackend({ latencyMs: 0 }), { token: ALPHA });
    await nextFrame();
    const t0 = performance.now();
    const panel = mountPanel(adapter, 'acc-large');
    await waitFor(() => rowsIn(panel).length > 0, 'the first acc-large row');
    forceLayout();
    const t1 = performance.now();
    if (i >= warmup) samplesMs.push(t1 - t0);
    await waitFor(() => !updatesPending(panel) && !busy(panel), 'the acc-large panel to settle');
    rows = rowsIn(panel).length;
    panel.remove();
  }
  return { samplesMs, rows };
}

interface MoreRun {
  calls: Calls;
  status: HTMLElement;
  rowsBefore: number;
}
let moreRun: MoreRun | null = null;

function moreButtonOf(host: Element): HTMLElement | undefined {
  return deepElements(host.shadowRoot ?? host).find(
    (el): el is HTMLElement => el instanceof HTMLElement && el.matches('[part~="more-button"]'),
  );
}

/**
 * A status list on acc-large (fresh mock, counted memory adapter), rendered; the requests counted
 * so far are forgotten. Returns where its "Show more" button is, or null when it shows none.
 */
async function prepareShowMore(): Promise<{ x: number; y: number; rows: number } | null> {
  stage.replaceChildren();
  const calls: Calls = {};
  const adapter = counting(createMemoryAdapter(createMockBackend({ latencyMs: 0 }), { token: ALPHA }), calls);
  const status = document.createElement('dealreg-status') as HTMLElement & { adapter: DealRegAdapter };
  status.setAttribute('locale', 'en');
  status.adapter = adapter;
  status.setAttribute('account-id', 'acc-large');
  stage.append(status);
  await waitFor(() => rowsIn(status).length > 0 && !updatesPending(status) && !busy(status), 'the acc-large status list');
  await new Promise((r) => setTimeout(r, 300)); // requests of the mount, all of them, before the count restarts
  for (const key of Object.keys(calls)) delete calls[key];
  const rowsBefore = rowsIn(status).length;
  const button = moreButtonOf(status);
  if (!button) {
    status.remove();
    return null;
  }
  moreRun = { calls, status, rowsBefore };
  return { ...centreOf(button), rows: rowsBefore };
}

/** After the click on "Show more": the rows shown then, and the requests the click sent. */
async function showMoreResult(): Promise<{ rowsBefore: number; rowsAfter: number; calls: Calls }> {
  const run = moreRun;
  if (!run) throw new Error('bench: prepareShowMore first');
  try {
    await waitFor(
      () => rowsIn(run.status).length > run.rowsBefore && !updatesPending(run.status) && !busy(run.status),
      'more rows',
      5000,
    );
  } catch {
    // No more rows: reported as such (rowsAfter = rowsBefore), with whatever was requested.
  }
  await new Promise((r) => setTimeout(r, 300)); // anything late would count too
  const result = {
    rowsBefore: run.rowsBefore,
    rowsAfter: rowsIn(run.status).length,
    calls: { ...run.calls, total: sumCalls(run.calls) },
  };
  run.status.remove();
  moreRun = null;
  return result;
}

// ---------------------------------------------------------------- the panel with the host CRM's records

/** Rows a records panel shows at first (its default page size), each previewed before any click. */
const CRM_PAGE = 25;
const CRM_ROW = 'li[part~="opportunity"][data-crm-id]';

/**
 * acc-large's CRM records (1,000 opportunities), dated from the mock backend's default clock like
 * the vendor's side; with `total` above that, copies under new CRM ids (the records hold at most 2,000).
 */
function largeRecords(total = 1000): CrmRecords {
  const records = demoCrmRecords('acc-large', { anchor: SAMPLE_DEMO_CLOCK });
  const own = records.opportunities;
  const copies = Array.from({ length: Math.max(0, total - own.length) }, (_, i) => {
    const o = own[i % own.length]!;
    return { ...o, id: `${o.id}-copy${Math.floor(i / own.length) + 1}`, name: `${o.name} (copy)` };
  });
  return { account: records.account, opportunities: [...own, ...copies] };
}

/** A deal the rep just created in the CRM: closing in a week, with the lines of an open deal there. */
function newOpportunity(records: CrmRecords): CrmOpportunity {
  const model = records.opportunities.find((o) => !o.closed)!;
  const closeDate = new Date(Date.parse(SAMPLE_DEMO_CLOCK) + 7 * 86_400_000).toISOString().slice(0, 10);
  return {
    id: '006BENCHNEWDEAL1',
    name: 'New flash storage array (bench)',
    amount: { value: 42_000, currency: 'EUR' },
    closeDate,
    stage: 'Qualification',
    lines: model.lines.map((line) => ({ ...line })),
  };
}

function crmRowsOf(panel: Element): HTMLElement[] {
  const list = deepQuery(panel, 'dealreg-crm-deals');
  return list?.shadowRoot ? Array.from(list.shadowRoot.querySelectorAll<HTMLElement>(CRM_ROW)) : [];
}

/** Rendered with records: `rows` CRM rows, none still awaiting its verdict, nothing busy, no update pending. */
function crmRendered(panel: Element, rows: number): () => boolean {
  return () => {
    const shown = crmRowsOf(panel);
    return (
      shown.length === rows && !shown.some((row) => row.querySelector('.checking')) && !updatesPending(panel) && !busy(panel)
    );
  };
}

const lateRequests = (): Promise<void> => new Promise((r) => setTimeout(r, 300)); // anything late would count too

interface CrmCalls {
  calls: Calls;
  /** Each call as sent, with its answer's JSON size: answeredBytes sends them again over HTTP. */
  log: CallRecord[];
}

interface CrmRequestsResult {
  mount: CrmMount;
  /** The same account with 2,000 opportunities (the records' maximum): the requests do not grow with them. */
  mountMaximum: CrmMount;
  /** `settled`: every row shown has its verdict then (none lost to the new object). */
  addOne: CrmCalls & { rowIndex: number; verdict: string | null; rowsBefore: number; rowsAfter: number; settled: boolean };
}

interface CrmMount extends CrmCalls {
  opportunities: number;
  rows: number;
}

/** A records panel on a fresh mock, counted and recorded until every shown row has its verdict. */
async function crmMount(total: number): Promise<{ mount: CrmMount; panel: Panel; records: CrmRecords; live: CrmCalls }> {
  stage.replaceChildren();
  const live: CrmCalls = { calls: {}, log: [] };
  const records = largeRecords(total);
  const adapter = counting(createMemoryAdapter(createMockBackend(), { token: ALPHA }), live.calls, live.log);
  const panel = mountPanel(adapter, records);
  await waitFor(crmRendered(panel, CRM_PAGE), `the records panel with ${total} opportunities`);
  await lateRequests();
  const mount = {
    calls: { ...live.calls, total: sumCalls(live.calls) },
    log: [...live.log],
    opportunities: records.opportunities.length,
    rows: crmRowsOf(panel).length,
  };
  return { mount, panel, records, live };
}

/**
 * Requests on mount with acc-large's 1,000 CRM opportunities, then after the host hands over a new
 * object with one more (a deal due in a week, so its row is among those shown), then on mount with 2,000.
 */
async function crmRequests(): Promise<CrmRequestsResult> {
  const { mount, panel, records, live } = await crmMount(1000);
  // The same adapter counts the addition from zero (a new adapter would be a new source to load).
  for (const key of Object.keys(live.calls)) delete live.calls[key];
  live.log.length = 0;
  const rowsBefore = crmRowsOf(panel).length;
  const added = newOpportunity(records);
  panel.records = { ...records, opportunities: [...records.opportunities, added] };
  const addedRow = () => crmRowsOf(panel).find((row) => row.dataset.crmId === added.id);
  try {
    await waitFor(
      () => !!addedRow()?.querySelector('.verdict[data-eligible]') && crmRendered(panel, CRM_PAGE)(),
      'the added opportunity with its verdict, every row shown with its own',
      5000,
    );
  } catch {
    // Reported as such: no verdict on screen (rowIndex -1, verdict null), or rows left without theirs (settled false).
  }
  await lateRequests();
  const shown = crmRowsOf(panel);
  const addOne = {
    calls: { ...live.calls, total: sumCalls(live.calls) },
    log: [...live.log],
    rowIndex: shown.findIndex((row) => row.dataset.crmId === added.id),
    verdict: addedRow()?.querySelector<HTMLElement>('.verdict[data-eligible]')?.dataset.eligible ?? null,
    rowsBefore,
    rowsAfter: shown.length,
    settled: crmRendered(panel, CRM_PAGE)(),
  };
  panel.remove();
  const maximum = await crmMount(2000);
  maximum.panel.remove();
  return { mount, mountMaximum: maximum.mount, addOne };
}

/**
 * An adapter whose reads are already fetched and parsed, "data ready": each asked of `inner` once
 * (counted in `misses`), then answered from `answers`. Marked like the shipped adapters' methods,
 * as the plain panel's ready adapter is, so the elements do not parse the answers again.
 */
function answeredAlready(inner: DealRegAdapter, answers: Map<string, unknown>, misses: { count: number }): DealRegAdapter {
  const remembered = <T>(key: string, ask: () => Promise<T>): Promise<T> => {
    if (answers.has(key)) return Promise.resolve(answers.get(key) as T);
    misses.count++;
    return ask().then((value) => (answers.set(key, value), value));
  };
  return markValidating({
    ...inner,
    getAccountOverview: (id: string) => remembered(`overview ${id}`, () => inner.getAccountOverview(id)),
    previewDeals: (ref: string, deals: DealSubmission[]) =>
      remembered(`previews ${ref} ${JSON.stringify(deals)}`, () => inner.previewDeals!(ref, deals)),
  });
}

interface CrmRenderResult extends Omit<RenderResult, 'opportunities' | 'opportunitiesShown'> {
  opportunities: number;
  rows: number;
  /** Answers the ready adapter had to fetch during the timed runs: 0, else the data was not ready. */
  fetchedWhileTimed: number;
}

/**
 * acc-large's records panel against its plain-DOM floor, as `render` does for the plain panel:
 * data ready (the overview and the first page's previews fetched once, before), then timed from
 * creating the panel with a new copy of the 1,000 records (the panel reads them on each mount)
 * until its 25 rows show their verdicts, nothing is busy and no update is pending, plus a layout.
 * `readAlready`: the same records object every time, so the panel finds them read (no floor then).
 */
async function crmRender(runs: number, warmup = 2, readAlready = false): Promise<CrmRenderResult> {
  stage.replaceChildren();
  const inner = createMemoryAdapter(createMockBackend(), { token: ALPHA });
  const answers = new Map<string, unknown>();
  const misses = { count: 0 };
  const records = largeRecords();
  let rows = 0;

  async function timePanel(): Promise<{ ms: number; panel: HTMLElement }> {
    const given = readAlready ? records : structuredClone(records);
    const ready = answeredAlready(inner, answers, misses);
    await nextFrame();
    const t0 = performance.now();
    const panel = mountPanel(ready, given);
    await waitFor(crmRendered(panel, CRM_PAGE), 'the acc-large records panel');
    forceLayout();
    return { ms: performance.now() - t0, panel };
  }

  let fetchedBeforeTiming = 0;
  const timed = await againstFloor(timePanel, runs, warmup, !readAlready, (panel) => {
    rows = crmRowsOf(panel).length;
    fetchedBeforeTiming = misses.count;
  });
  return { ...timed, opportunities: records.opportunities.length, rows, fetchedWhileTimed: misses.count - fetchedBeforeTiming };
}

/** Medians of the records panel's own steps over acc-large's 1,000 opportunities, outside any element. */
async function crmWork(runs: number): Promise<{ readMs: number[]; firstArrangeMs: number[]; arrangeWithPreviewsMs: number[] }> {
  const records = largeRecords();
  const adapter = createMemoryAdapter(createMockBackend(), { token: ALPHA });
  const read = readCrmRecords(records).records!;
  const ref = accountRefOf(read.account)!;
  const overview = await adapter.getAccountOverview(ref);
  const input = { records: read, overview, previews: new Map() as ReceivedPreviews, asOf: overview.asOf };
  const first = dealRows(input);
  const page = previewPages(first.rows.slice(0, CRM_PAGE))[0] ?? [];
  const previews = receivePreviews(input.previews, page, await adapter.previewDeals!(ref, page));
  const timed = (step: () => unknown, prepare?: () => void): number[] => {
    const samples: number[] = [];
    for (let i = 0; i < runs + 3; i++) {
      prepare?.();
      const t0 = performance.now();
      step();
      if (i >= 3) samples.push(performance.now() - t0); // three warm-up passes: the JIT
    }
    return samples;
  };
  let copy: unknown;
  return {
    // A new copy each time (made before the clock starts): the panel reads each object once.
    readMs: timed(
      () => readCrmRecords(copy),
      () => void (copy = structuredClone(records)),
    ),
    firstArrangeMs: timed(() => dealRows(input)),
    arrangeWithPreviewsMs: timed(() =>
      withPreviewsOf(first.rows, { ...input, previews }, new Set(page.map((d) => d.partnerOpportunityId))),
    ),
  };
}

const cycleBackend = createMockBackend();
const cycleAdapter = createMemoryAdapter(cycleBackend, { token: ALPHA });
let cycleOverview: AccountOverview | null = null;

/** Mounts the panel (acc-quoted, through the memory adapter), waits for it, unmounts it; n times. */
async function mountCycles(n: number, accountId = 'acc-quoted'): Promise<number> {
  cycleOverview ??= await cycleAdapter.getAccountOverview(accountId);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const panel = mountPanel(cycleAdapter, accountId);
    await waitFor(renderedWith(panel, cycleOverview), 'a cycled panel');
    panel.remove();
  }
  return performance.now() - t0;
}

const book = bookBench({
  stage,
  alpha: ALPHA,
  waitFor,
  nextFrame,
  forceLayout,
  updatesPending,
  busy,
  counting,
  sumCalls,
  lateRequests,
  againstFloor,
});

const api = {
  ...book,
  engine,
  render,
  firstRow,
  requestsOnMount,
  prepareQuoteClick,
  quoteClickResult,
  prepareShowMore,
  showMoreResult,
  mountCycles,
  crmRequests,
  crmRender,
  crmWork,
  ready: true,
};
declare global {
  interface Window {
    __bench: typeof api;
  }
}
window.__bench = api;
