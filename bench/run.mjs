// `npm run bench`: builds the library (`npm run build`), serves the bench page on a loopback port,
// drives the system Chromium headless through puppeteer-core, prints a table and every budget with
// PASS/FAIL, writes its results to bench/results/local/latest.json (gitignored; `-- --record`
// writes the tracked bench/results/latest.json instead) and exits non-zero if and only if a budget
// is missed, listing the missed ones. See docs/benchmark.md for how to read it.
//   -- --record      write the tracked bench/results/latest.json (to commit a run deliberately)
//   -- --no-build    measure the dist/ already there (built only when dist/dealreg.js is missing)
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from '../scripts/find-chromium.mjs';
import { DIST_BUNDLE, ROOT, buildBenchPage, buildLitFloor, bundleComposition, ensureLibraryBuilt } from './build.mjs';
import { answeredBytes, overviewBytes } from './overview-bytes.mjs';
import { CRM_BUDGETS, crmChecks, previewedDeals, served } from './crm-budgets.mjs';
import { BOOK_BUDGETS, bookChecks } from './book-budgets.mjs';
import { measureSizeBudgets } from './size-budgets.mjs';

const ARGS = new Set(process.argv.slice(2));
const RECORD = ARGS.has('--record');
const BUILD = !ARGS.has('--no-build');
for (const arg of ARGS) {
  if (arg !== '--record' && arg !== '--no-build') {
    console.error(`npm run bench: unknown option ${arg} (known: --record, --no-build)`);
    process.exit(2);
  }
}
const OUTPUT = RECORD ? join(ROOT, 'bench', 'results', 'latest.json') : join(ROOT, 'bench', 'results', 'local', 'latest.json');

// The size budgets are not here: they are read from .size-limit.json (bench/size-budgets.mjs).
const BUDGETS = {
  overviewRawBytes: 64 * 1000, // acc-large's overview as either partner, as served (issue 11)
  renderVsFloor: 2, // median panel render ÷ median plain-DOM floor
  renderMinRuns: 15, // …over at least this many runs, so one noisy run does not flip it
  engineMs: 5,
  heapGrowthBytes: 64 * 1000, // after forced GC, over RUNS.cycles mount/unmount cycles, after warm-up
};
// The panel with the host CRM's records (issue 19 §5): bench/crm-budgets.mjs, its render held to
// renderVsFloor over renderMinRuns like the plain panel's.

const RUNS = {
  engine: Number(process.env.BENCH_ENGINE_RUNS ?? 31),
  render: Number(process.env.BENCH_RENDER_RUNS ?? 15),
  firstRow: Number(process.env.BENCH_FIRST_ROW_RUNS ?? 15),
  clicks: Number(process.env.BENCH_CLICK_RUNS ?? 7),
  heapWarmup: Number(process.env.BENCH_HEAP_WARMUP ?? 1000),
  cycles: Number(process.env.BENCH_CYCLES ?? 1000),
};

function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function sizes(file) {
  const bytes = readFileSync(file);
  return {
    file: file.startsWith(ROOT) ? file.slice(ROOT.length + 1) : file,
    minBytes: bytes.length,
    gzipBytes: gzipSync(bytes, { level: 9 }).length,
    brotliBytes: brotliCompressSync(bytes, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json' };

/** A static server for one folder, cross-origin isolated (precise performance.now()). */
function serve(dir) {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const name = path === '/' ? 'index.html' : path.slice(1);
    // The page's chunks sit in folders beside it (forms/crm-deals.js, loaded when a panel gets records).
    if (name.includes('..') || !/^[\w.-]+(\/[\w.-]+)*$/.test(name)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = readFileSync(join(dir, name));
      const ext = name.slice(name.lastIndexOf('.'));
      res.writeHead(200, {
        'Content-Type': TYPES[ext] ?? 'application/octet-stream',
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
        'Cache-Control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/** The JS heap in use after forced full collections (CDP; three, so finalizers' garbage goes too). */
async function heapUsed(cdp) {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

async function measureInBrowser(url, log) {
  const browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const problems = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
    });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__bench?.ready === true, { timeout: 20000 });
    const isolated = await page.evaluate(() => window.crossOriginIsolated);

    log('engine: evaluateEligibility over acc-large …');
    const engine = await page.evaluate((n) => window.__bench.engine(n), RUNS.engine);

    log('render: acc-large panel vs its plain-DOM floor …');
    const render = await page.evaluate((n) => window.__bench.render(n), RUNS.render);

    log('render: acc-large panel through a third-party adapter (checked at the element boundary) …');
    const foreignRender = await page.evaluate((n) => window.__bench.render(n, 2, false), RUNS.render);

    log('first row: mount → first acc-large row, mock at 0 ms …');
    const firstRow = await page.evaluate((n) => window.__bench.firstRow(n), RUNS.firstRow);

    log('requests on mount (panel + status) …');
    const mount = await page.evaluate(() => window.__bench.requestsOnMount());

    log('requests per "Show more" (status list on acc-large) …');
    const target = await page.evaluate(() => window.__bench.prepareShowMore());
    let showMore = { button: false, rowsBefore: null, rowsAfter: null, calls: { total: 0 } };
    if (target) {
      await page.mouse.click(target.x, target.y);
      showMore = { button: true, ...(await page.evaluate(() => window.__bench.showMoreResult())) };
    }

    log('render: acc-large records panel (1,000 CRM opportunities) vs its plain-DOM floor …');
    const crmRender = await page.evaluate((n) => window.__bench.crmRender(n), RUNS.render);
    log('render: the same, with the records already read (the same object each time) …');
    const crmRenderRead = await page.evaluate((n) => window.__bench.crmRender(n, 2, true), RUNS.render);
    log("records panel's steps over 1,000 opportunities: reading them, arranging the rows …");
    const crmWork = await page.evaluate((n) => window.__bench.crmWork(n), RUNS.engine);

    log('records panel: requests on mount (1,000 and 2,000 CRM opportunities), per opportunity added …');
    const crm = await page.evaluate(() => window.__bench.crmRequests());

    log("render: Alpha's book (25 rows) vs its plain-DOM floor …");
    const bookRender = await page.evaluate((n) => window.__bench.bookRender(n), RUNS.render);
    log("the book: requests on mount, and Download CSV over Alpha's whole book …");
    const bookRequests = await page.evaluate(() => window.__bench.bookRequests());
    const bookCsv = await page.evaluate(() => window.__bench.bookCsv());

    log('quote click: pointerdown → "submitted" …');
    const clicks = [];
    for (let i = 0; i < RUNS.clicks; i++) {
      const { x, y } = await page.evaluate(() => window.__bench.prepareQuoteClick());
      await page.mouse.click(x, y);
      clicks.push(await page.evaluate(() => window.__bench.quoteClickResult()));
    }

    log(`heap: ${RUNS.heapWarmup} warm-up mount/unmount cycles, then ${RUNS.cycles} measured …`);
    const cdp = await page.createCDPSession();
    // Warm-up: the heap after forced GC grows over the first ~1,000 cycles (JIT code and feedback,
    // caches) and then stays flat; the budget is about growth that scales with the cycles, a leak.
    await page.evaluate(() => window.__bench.mountCycles(1));
    const heapStart = await heapUsed(cdp);
    await page.evaluate((n) => window.__bench.mountCycles(n), Math.max(0, RUNS.heapWarmup - 1));
    const heapBefore = await heapUsed(cdp);
    const cyclesMs = await page.evaluate((n) => window.__bench.mountCycles(n), RUNS.cycles);
    const heapAfter = await heapUsed(cdp);

    return {
      browserVersion: await browser.version(),
      crossOriginIsolated: isolated,
      engine,
      render,
      foreignRender,
      firstRow,
      mount,
      showMore,
      crmRender,
      crmRenderRead,
      crmWork,
      crm,
      bookRender,
      bookRequests,
      bookCsv,
      clicks,
      heap: {
        warmupCycles: RUNS.heapWarmup,
        startBytes: heapStart,
        beforeBytes: heapBefore,
        afterBytes: heapAfter,
        cycles: RUNS.cycles,
        cyclesMs,
      },
      problems,
    };
  } finally {
    await browser.close();
  }
}

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
const ms = (n) => `${n.toFixed(2)} ms`;
const MB = (n) => `${(n / 1e6).toFixed(2)} MB`;

function table(rows) {
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => String(r[i] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => String(c ?? '').padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** `npm run build`, so every size is of the sources as they are now, not of an older dist/. */
function buildLibrary(log) {
  if (!BUILD) return ensureLibraryBuilt();
  log('npm run build …');
  const run = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) throw new Error(`npm run build exited with ${run.status}`);
  return true;
}

/** The ratio against the floor stopped at its forced layout, before its frame's paint (the method before 2026-12-07). */
const noPaint = (render) => `${(median(render.panelMs) / median(render.floorNoPaintMs)).toFixed(2)} ×`;

const quantiles = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0] ?? NaN, median: median(sorted), max: sorted[sorted.length - 1] ?? NaN };
};

async function main() {
  const loadBefore = loadavg()[0];
  const log = (m) => console.log(`· ${m}`);
  const tmp = mkdtempSync(join(tmpdir(), 'dealreg-bench-'));
  try {
    if (!buildLibrary(log)) throw new Error('dist/dealreg.js could not be built (`npm run build`)');
    const sizeBudgets = measureSizeBudgets(ROOT);
    log('overview of acc-large as each partner, from the mock server …');
    const overviews = await overviewBytes('acc-large');
    log('building the Lit floor and the bench page …');
    const floorFile = await buildLitFloor(join(tmp, 'floor'));
    const composition = await bundleComposition(join(tmp, 'composition'));
    const pageDir = join(tmp, 'page');
    await buildBenchPage(pageDir);
    writeFileSync(
      join(pageDir, 'index.html'),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>dealreg bench</title></head>' +
        '<body style="margin:0"><script type="module" src="/page.js"></script></body></html>',
    );
    const server = await serve(pageDir);
    const { port } = server.address();
    let browser;
    try {
      browser = await measureInBrowser(`http://127.0.0.1:${port}/`, log);
    } finally {
      server.close();
    }

    log("records panel: its mounts' answers again, as the Node mock server serves them …");
    const crm = browser.crm;
    const crmServed = {
      mount: served(await answeredBytes(crm.mount.log), crm.mount.log),
      mountMaximum: served(await answeredBytes(crm.mountMaximum.log), crm.mountMaximum.log),
    };

    log("the book: its mount's answer again, as the Node mock server serves it …");
    const bookServed = served(await answeredBytes(browser.bookRequests.log), browser.bookRequests.log);

    const bundle = sizes(DIST_BUNDLE);
    const lit = sizes(floorFile);
    lit.file = 'bench/lit-floor.ts (built like dist/dealreg.js)';
    const panelMs = median(browser.render.panelMs);
    const foreignPanelMs = median(browser.foreignRender.panelMs);
    const floorMs = median(browser.render.floorMs);
    const renderRuns = Math.min(browser.render.panelMs.length, browser.render.floorMs.length);
    const engineMs = median(browser.engine.samplesMs);
    const firstRow = quantiles(browser.firstRow.samplesMs);
    const click = quantiles(browser.clicks.map((c) => c.latencyMs));
    const clickCalls = browser.clicks[browser.clicks.length - 1]?.calls ?? {};
    const ratio = panelMs / floorMs;
    const heapGrowth = browser.heap.afterBytes - browser.heap.beforeBytes;
    const more = browser.showMore;
    const crmPanelMs = median(browser.crmRender.panelMs);
    const crmFloorMs = median(browser.crmRender.floorMs);
    const crmRatio = crmPanelMs / crmFloorMs;
    const crmReadPanelMs = median(browser.crmRenderRead.panelMs);
    const added = crm.addOne;
    const bookPanelMs = median(browser.bookRender.panelMs);
    const bookFloorMs = median(browser.bookRender.floorMs);
    const work = {
      readMs: median(browser.crmWork.readMs),
      firstArrangeMs: median(browser.crmWork.firstArrangeMs),
      arrangeWithPreviewsMs: median(browser.crmWork.arrangeWithPreviewsMs),
    };

    const checks = [
      ...sizeBudgets.map((b) => ({
        budget: `${b.name} ≤ ${b.limit} (.size-limit.json)`,
        value: b.bytes === null ? `no file matches ${JSON.stringify(b.path)}` : kB(b.bytes),
        ok: b.bytes !== null && b.limitBytes !== null && b.bytes <= b.limitBytes,
      })),
      ...overviews.map((o) => ({
        budget: `acc-large overview as ${o.partner} ≤ ${kB(BUDGETS.overviewRawBytes)} raw`,
        value: o.status === 200 ? kB(o.rawBytes) : `HTTP ${o.status}`,
        ok: o.status === 200 && o.rawBytes <= BUDGETS.overviewRawBytes,
      })),
      {
        budget: `acc-large panel ≤ ${BUDGETS.renderVsFloor} × plain-DOM floor (medians of ≥ ${BUDGETS.renderMinRuns} runs)`,
        value: `${ratio.toFixed(2)} × over ${renderRuns} runs`,
        ok: ratio <= BUDGETS.renderVsFloor && renderRuns >= BUDGETS.renderMinRuns,
      },
      { budget: `engine over acc-large < ${BUDGETS.engineMs} ms`, value: ms(engineMs), ok: engineMs < BUDGETS.engineMs },
      {
        budget: 'one request on mount (panel + status)',
        value: String(browser.mount.total),
        ok: browser.mount.total === 1 && browser.mount.getAccountOverview === 1,
      },
      {
        budget: 'one request per "Show more" (getOpportunities)',
        value: more.button
          ? `${more.calls.total} (rows ${more.rowsBefore} → ${more.rowsAfter})`
          : 'no "Show more" button on acc-large',
        ok: more.button && more.calls.total === 1 && more.calls.getOpportunities === 1 && more.rowsAfter > more.rowsBefore,
      },
      ...crmChecks({
        render: browser.crmRender,
        crm,
        answers: crmServed,
        renderVsFloor: BUDGETS.renderVsFloor,
        renderMinRuns: BUDGETS.renderMinRuns,
      }),
      ...bookChecks({
        render: browser.bookRender,
        requests: browser.bookRequests,
        csv: browser.bookCsv,
        served: bookServed,
        renderVsFloor: BUDGETS.renderVsFloor,
        renderMinRuns: BUDGETS.renderMinRuns,
      }),
      { budget: 'one POST per quote click', value: String(clickCalls.requestQuote ?? 0), ok: clickCalls.requestQuote === 1 },
      { budget: 'quote click latency: no negative sample', value: `min ${ms(click.min)}`, ok: click.min >= 0 },
      {
        budget: `JS heap growth ≤ ${kB(BUDGETS.heapGrowthBytes)} over ${browser.heap.cycles} mounts (after forced GC)`,
        value: `${(heapGrowth / 1000).toFixed(1)} kB`,
        ok: heapGrowth <= BUDGETS.heapGrowthBytes,
      },
      { budget: 'no console error / page error', value: String(browser.problems.length), ok: browser.problems.length === 0 },
    ];

    const machine = {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memory: MB(totalmem()),
      node: process.version,
      chromium: browser.browserVersion,
      platform: `${process.platform} ${process.arch}`,
      // Other work on the machine skews every timing: the 1-minute load average before and after.
      loadAverage: { before: Number(loadBefore.toFixed(2)), after: Number(loadavg()[0].toFixed(2)) },
    };
    const callsText = (calls) =>
      Object.entries(calls)
        .filter(([k]) => k !== 'total')
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');

    const rows = [
      ['figure', 'dealreg', 'floor', 'note'],
      ['bundle, minified', kB(bundle.minBytes), kB(lit.minBytes), 'dist/dealreg.js vs Lit + 1 element'],
      ['bundle, gzip', kB(bundle.gzipBytes), kB(lit.gzipBytes), 'budgets: see the size checks below'],
      ['bundle, brotli', kB(bundle.brotliBytes), kB(lit.brotliBytes), ''],
      ...sizeBudgets.map((b) => [
        `size: ${b.files.length === 1 ? b.files[0].file : JSON.stringify(b.path)}, ${b.compression}`,
        b.bytes === null ? 'missing' : kB(b.bytes),
        '',
        `limit ${b.limit}${b.files.length > 1 ? `; ${b.files.map((f) => `${f.file} ${kB(f.bytes)}`).join(', ')}` : ''}`,
      ]),
      ...overviews.map((o) => [
        `acc-large overview as ${o.partner}, raw / gzip`,
        `${kB(o.rawBytes)} / ${kB(o.gzipBytes)}`,
        '',
        `HTTP ${o.status}; ${o.opportunities ?? '?'} opportunities${o.nextCursor ? ', more by page' : ''}; budget ${kB(BUDGETS.overviewRawBytes)} raw`,
      ]),
      [
        'acc-large: data ready → rendered panel',
        ms(panelMs),
        ms(floorMs),
        `ratio ${ratio.toFixed(2)} × (budget ${BUDGETS.renderVsFloor} ×; ${noPaint(browser.render)} without the floor's paint); ${browser.render.opportunitiesShown} of ${browser.render.opportunities} opportunities on screen`,
      ],
      [
        'acc-large: third-party adapter → rendered panel',
        ms(foreignPanelMs),
        '',
        `${foreignPanelMs >= panelMs ? '+' : '−'}${ms(Math.abs(foreignPanelMs - panelMs))} vs the shipped adapter: the elements check a third-party answer once (src/schemas); measured without floor renders in between`,
      ],
      [
        'acc-large: mount → first row (mock 0 ms)',
        ms(firstRow.median),
        '',
        `min ${ms(firstRow.min)}, max ${ms(firstRow.max)}; fetch + validation + render, ${browser.firstRow.rows} rows`,
      ],
      [
        'engine: evaluateEligibility × acc-large',
        ms(engineMs),
        '',
        `${browser.engine.opportunities} opportunities (${browser.engine.eligible} eligible), budget < ${BUDGETS.engineMs} ms`,
      ],
      ['requests on mount (panel + status)', String(browser.mount.total), '', callsText(browser.mount)],
      [
        'requests per "Show more"',
        more.button ? String(more.calls.total) : 'n/a',
        '',
        more.button ? `${callsText(more.calls)}; rows ${more.rowsBefore} → ${more.rowsAfter}` : 'no "Show more" button rendered',
      ],
      [
        'acc-large records (1,000 CRM deals): data ready → 25 rows',
        ms(crmPanelMs),
        ms(crmFloorMs),
        `ratio ${crmRatio.toFixed(2)} × (budget ${BUDGETS.renderVsFloor} ×; ${noPaint(browser.crmRender)} without the floor's paint); ${browser.crmRender.rows} rows with their verdicts`,
      ],
      [
        'acc-large records, already read → 25 rows',
        ms(crmReadPanelMs),
        '',
        `${crmReadPanelMs >= crmPanelMs ? '+' : '−'}${ms(Math.abs(crmReadPanelMs - crmPanelMs))} vs a new records object: the same object each mount, found read; measured without floor renders in between`,
      ],
      [
        'records panel steps: read 1,000 / arrange rows',
        `${ms(work.readMs)} / ${ms(work.firstArrangeMs)}`,
        '',
        `readCrmRecords of a new copy; dealRows before the previews, ${ms(work.arrangeWithPreviewsMs)} for the previewed deals' rows after them (withPreviewsOf); medians of ${browser.crmWork.readMs.length}`,
      ],
      [
        'records panel: requests on mount, 1,000 / 2,000 deals',
        `${crm.mount.calls.total} / ${crm.mountMaximum.calls.total}`,
        '',
        `${callsText(crm.mount.calls)}; previews of ${previewedDeals(crm.mount.log).join(' + ')} deals; budget ≤ ${CRM_BUDGETS.requestsOnMount}`,
      ],
      [
        'records panel: received on mount, raw / gzip',
        `${kB(crmServed.mount.rawBytes)} / ${kB(crmServed.mount.gzipBytes)}`,
        '',
        `as served by the Node mock server: ${crmServed.mount.answers.map((a) => `${a.request.split(' ')[0]} ${a.request.split('/').at(-1)} ${kB(a.rawBytes)}`).join(', ')}; 2,000 deals: ${kB(crmServed.mountMaximum.rawBytes)}; budget ${kB(CRM_BUDGETS.mountRawBytes)} raw`,
      ],
      [
        'records panel: requests per opportunity added',
        String(added.calls.total),
        '',
        `${callsText(added.calls) || 'none'}${added.log.some((c) => c.method === 'previewDeals') ? ` (previews of ${previewedDeals(added.log).join(' + ')} deal)` : ''}; its row ${added.rowIndex + 1} of ${added.rowsAfter}, verdict ${added.verdict === null ? 'not shown' : `eligible=${added.verdict}`}${added.settled ? '' : ', rows without their verdicts'}`,
      ],
      [
        "Alpha's book: data ready → 25 rows",
        ms(bookPanelMs),
        ms(bookFloorMs),
        `ratio ${(bookPanelMs / bookFloorMs).toFixed(2)} × (budget ${BUDGETS.renderVsFloor} ×; ${noPaint(browser.bookRender)} without the floor's paint); ${browser.bookRender.rows} rows, the tabs' counts`,
      ],
      [
        "Alpha's book: requests on mount, first answer raw / gzip",
        `${browser.bookRequests.calls.total}; ${kB(bookServed.rawBytes)} / ${kB(bookServed.gzipBytes)}`,
        '',
        `${callsText(browser.bookRequests.calls)}; as served by the Node mock server; budgets ${BOOK_BUDGETS.requestsOnMount} request, ${kB(BOOK_BUDGETS.firstAnswerRawBytes)} raw`,
      ],
      [
        "Alpha's book: Download CSV, whole book",
        `${browser.bookCsv.calls.total} requests`,
        '',
        `${browser.bookCsv.rowsInFile} of ${browser.bookCsv.total} rows in the file; budget ≤ ${BOOK_BUDGETS.csvRequests} requests`,
      ],
      ['requests per quote click', String(clickCalls.total ?? 0), '', callsText(clickCalls)],
      [
        'quote click: pointerdown → "submitted" frame',
        ms(click.median),
        '',
        `median of ${browser.clicks.length}; min ${ms(click.min)}, max ${ms(click.max)}`,
      ],
      [
        `JS heap, ${browser.heap.cycles} mount/unmount after ${browser.heap.warmupCycles}`,
        MB(browser.heap.afterBytes),
        MB(browser.heap.beforeBytes),
        `before them (floor column), forced GC; growth ${(heapGrowth / 1000).toFixed(1)} kB (warm-up: ${((browser.heap.beforeBytes - browser.heap.startBytes) / 1000).toFixed(0)} kB after the first mount)`,
      ],
    ];

    console.log('');
    console.log(table(rows));
    console.log('');
    console.log(
      `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory}, ${machine.chromium}, Node ${machine.node}` +
        `, load ${machine.loadAverage.before} → ${machine.loadAverage.after}` +
        `; medians of ${renderRuns} renders, ${browser.firstRow.samplesMs.length} first rows, ${RUNS.engine} engine runs, ${browser.clicks.length} clicks`,
    );
    console.log(
      'bundle composition (rendered bytes before minification): ' +
        composition
          .slice(0, 8)
          .map((c) => `${c.group} ${(c.share * 100).toFixed(0)}%`)
          .join(', '),
    );
    console.log('');
    for (const c of checks) console.log(`${c.ok ? 'PASS' : 'FAIL'}  ${c.budget}: ${c.value}`);
    for (const p of browser.problems) console.log(`  ${p}`);

    const result = {
      at: new Date().toISOString(),
      machine,
      runs: RUNS,
      crossOriginIsolated: browser.crossOriginIsolated,
      size: { bundle, litFloor: lit, budgets: sizeBudgets, composition },
      overview: { account: 'acc-large', budgetRawBytes: BUDGETS.overviewRawBytes, partners: overviews },
      render: {
        account: 'acc-large',
        panelMedianMs: panelMs,
        floorMedianMs: floorMs,
        ratio,
        budgetRatio: BUDGETS.renderVsFloor,
        ...browser.render,
        thirdPartyAdapterMedianMs: foreignPanelMs,
        thirdPartyAdapterMs: browser.foreignRender.panelMs,
      },
      firstRow: { account: 'acc-large', mockLatencyMs: 0, ...firstRow, ...browser.firstRow },
      engine: { medianMs: engineMs, budgetMs: BUDGETS.engineMs, ...browser.engine },
      requests: { onMount: browser.mount, perShowMore: more, perQuoteClick: clickCalls },
      crmRecords: {
        account: 'acc-large',
        budgets: { ...CRM_BUDGETS, renderVsFloor: BUDGETS.renderVsFloor },
        render: { panelMedianMs: crmPanelMs, floorMedianMs: crmFloorMs, ratio: crmRatio, ...browser.crmRender },
        renderRecordsAlreadyRead: { panelMedianMs: crmReadPanelMs, ...browser.crmRenderRead },
        steps: { medians: work, ...browser.crmWork },
        mount: { ...crm.mount, served: crmServed.mount },
        mountMaximum: { ...crm.mountMaximum, served: crmServed.mountMaximum },
        addOne: crm.addOne,
      },
      book: {
        partner: 'alpha',
        budgets: { ...BOOK_BUDGETS, renderVsFloor: BUDGETS.renderVsFloor },
        render: {
          panelMedianMs: bookPanelMs,
          floorMedianMs: bookFloorMs,
          ratio: bookPanelMs / bookFloorMs,
          ...browser.bookRender,
        },
        mount: { ...browser.bookRequests, served: bookServed },
        csv: browser.bookCsv,
      },
      quoteClick: { ...click, samples: browser.clicks.map((c) => c.latencyMs) },
      heap: { ...browser.heap, growthBytes: heapGrowth, budgetGrowthBytes: BUDGETS.heapGrowthBytes },
      problems: browser.problems,
      checks,
    };
    mkdirSync(dirname(OUTPUT), { recursive: true });
    writeFileSync(OUTPUT, JSON.stringify(result, null, 2) + '\n');
    console.log(
      `\nwrote ${relative(ROOT, OUTPUT)} (${statSync(OUTPUT).size} bytes)` +
        (RECORD
          ? ': the tracked record, commit it'
          : '; `npm run bench -- --record` writes the tracked bench/results/latest.json'),
    );
    const missed = checks.filter((c) => !c.ok);
    if (missed.length) {
      console.log(`\n${missed.length} budget${missed.length > 1 ? 's' : ''} missed:`);
      for (const c of missed) console.log(`  - ${c.budget}: ${c.value}`);
      process.exitCode = 1;
    } else {
      console.log('\nevery budget met');
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
