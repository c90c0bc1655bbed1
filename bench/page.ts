// The bench page: the mock backend in memory, the memory adapter and the real elements, with
// the measurements exposed as `window.__bench` for bench/run.mjs to call through puppeteer.
// Everything is measured in the page with performance.now() (the page is cross-origin isolated,
// so its resolution is 5 µs, not 100 µs).
import { createMockBackend } from '../mocks/index.ts';
import { createMemoryAdapter } from '../mocks/core/memory-adapter.ts';
import { markValidating } from '../src/adapters/validated.ts';
import { evaluateEligibility } from '../src/program/index.ts';
import type { DealRegAdapter, PageOptions } from '../src/adapter.ts';
import type { AccountOverview } from '../src/domain/types.ts';
import '../widgets/index.ts';
import { deepElements, deepText } from '../test/support/deep-dom.ts';

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

/** Counts calls per method, delegating to `inner`. */
function counting(inner: DealRegAdapter, calls: Calls): DealRegAdapter {
  const count = (name: string) => {
    calls[name] = (calls[name] ?? 0) + 1;
  };
  return {
    getAccountOverview: (id, o) => (count('getAccountOverview'), inner.getAccountOverview(id, o)),
    registerOpportunity: (r, o) => (count('registerOpportunity'), inner.registerOpportunity(r, o)),
    requestQuote: (id, o) => (count('requestQuote'), inner.requestQuote(id, o)),
    getQuote: (id, o) => (count('getQuote'), inner.getQuote(id, o)),
    requestExtension: (id, o) => (count('requestExtension'), inner.requestExtension(id, o)),
    // Optional in the interface: offered only when the inner adapter has it, as the elements see it.
    ...(inner.getOpportunities
      ? {
          getOpportunities: (id: string, cursor: string, o?: PageOptions) => (
            count('getOpportunities'),
            inner.getOpportunities!(id, cursor, o)
          ),
        }
      : {}),
  };
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

function mountPanel(adapter: DealRegAdapter, accountId: string): HTMLElement {
  const panel = document.createElement('dealreg-panel') as HTMLElement & { adapter: DealRegAdapter };
  panel.setAttribute('locale', 'en');
  panel.adapter = adapter;
  panel.setAttribute('account-id', accountId);
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

async function timeFloor(html: string): Promise<number> {
  await nextFrame();
  const box = document.createElement('div');
  stage.append(box);
  const t0 = performance.now();
  box.setHTMLUnsafe(html);
  forceLayout();
  const t1 = performance.now();
  box.remove();
  return t1 - t0;
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

  // Warm-up panels (the JIT, Lit's template cache); the last one gives the floor its HTML.
  let html = '';
  let elementsInPanel = 0;
  let opportunitiesShown = 0;
  for (let i = 0; i < Math.max(1, warmup); i++) {
    const { panel } = await timePanel();
    html = snapshot(panel);
    elementsInPanel = deepElements(panel.shadowRoot ?? panel).length;
    const text = deepText(panel);
    opportunitiesShown = overview.opportunities.filter((o) => text.includes(o.name)).length;
    panel.remove();
  }
  for (let i = 0; validated && i < warmup; i++) await timeFloor(html);

  // Panel and floor alternate, so a burst of load elsewhere on the machine lands on both sides.
  const panelMs: number[] = [];
  const floorMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { ms, panel } = await timePanel();
    panel.remove();
    panelMs.push(ms);
    if (validated) floorMs.push(await timeFloor(html));
  }
  return {
    panelMs,
    floorMs,
    opportunities: overview.opportunities.length,
    opportunitiesShown,
    elementsInPanel,
    floorHtmlChars: html.length,
  };
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

const api = {
  engine,
  render,
  firstRow,
  requestsOnMount,
  prepareQuoteClick,
  quoteClickResult,
  prepareShowMore,
  showMoreResult,
  mountCycles,
  ready: true,
};
declare global {
  interface Window {
    __bench: typeof api;
  }
}
window.__bench = api;
