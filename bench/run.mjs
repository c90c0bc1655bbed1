// `npm run bench`: builds what it needs, serves the bench page on a loopback port, drives the
// system Chromium headless through puppeteer-core, prints a table, writes bench/results/latest.json
// and exits non-zero when a budget is missed. See docs/benchmark.md for how to read it.
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from '../scripts/find-chromium.mjs';
import { DIST_BUNDLE, ROOT, buildBenchPage, buildLitFloor, bundleComposition, ensureLibraryBuilt } from './build.mjs';

const BUDGETS = {
  bundleGzipBytes: 25 * 1000, // size-limit's "25 kB" (decimal kilobytes), the same check as `npm run size`
  renderVsFloor: 3,
  engineMs: 5,
};

const RUNS = {
  engine: Number(process.env.BENCH_ENGINE_RUNS ?? 31),
  render: Number(process.env.BENCH_RENDER_RUNS ?? 9),
  clicks: Number(process.env.BENCH_CLICK_RUNS ?? 7),
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
    if (name.includes('..') || name.includes('/')) {
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

async function heapUsed(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
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

    log('requests on mount (panel + status) …');
    const mount = await page.evaluate(() => window.__bench.requestsOnMount());

    log('quote click: pointerdown → "submitted" …');
    const clicks = [];
    for (let i = 0; i < RUNS.clicks; i++) {
      const { x, y } = await page.evaluate(() => window.__bench.prepareQuoteClick());
      await page.mouse.click(x, y);
      clicks.push(await page.evaluate(() => window.__bench.quoteClickResult()));
    }

    log(`heap: ${RUNS.cycles} mount/unmount cycles of the panel …`);
    const cdp = await page.createCDPSession();
    await page.evaluate(() => window.__bench.mountCycles(1));
    const heapAfterFirst = await heapUsed(cdp);
    const cyclesMs = await page.evaluate((n) => window.__bench.mountCycles(n), RUNS.cycles - 1);
    const heapAfterAll = await heapUsed(cdp);

    return {
      browserVersion: await browser.version(),
      crossOriginIsolated: isolated,
      engine,
      render,
      foreignRender,
      mount,
      clicks,
      heap: { afterFirstBytes: heapAfterFirst, afterAllBytes: heapAfterAll, cycles: RUNS.cycles, cyclesMs },
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
  return rows.map((r) => r.map((c, i) => String(c ?? '').padEnd(widths[i])).join('  ').trimEnd()).join('\n');
}

async function main() {
  const loadBefore = loadavg()[0];
  const log = (m) => console.log(`· ${m}`);
  const tmp = mkdtempSync(join(tmpdir(), 'dealreg-bench-'));
  try {
    if (!ensureLibraryBuilt()) throw new Error('dist/dealreg.js could not be built (`npm run build`)');
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

    const bundle = sizes(DIST_BUNDLE);
    const lit = sizes(floorFile);
    lit.file = 'bench/lit-floor.ts (built like dist/dealreg.js)';
    const panelMs = median(browser.render.panelMs);
    const foreignPanelMs = median(browser.foreignRender.panelMs);
    const floorMs = median(browser.render.floorMs);
    const engineMs = median(browser.engine.samplesMs);
    const clickMs = median(browser.clicks.map((c) => c.latencyMs));
    const clickCalls = browser.clicks[browser.clicks.length - 1]?.calls ?? {};
    const ratio = panelMs / floorMs;
    const heapGrowth = browser.heap.afterAllBytes - browser.heap.afterFirstBytes;

    const checks = [
      { budget: 'dist/dealreg.js gzip ≤ 25 kB', value: kB(bundle.gzipBytes), ok: bundle.gzipBytes <= BUDGETS.bundleGzipBytes },
      { budget: 'acc-large panel ≤ 3 × plain-DOM floor', value: `${ratio.toFixed(2)} ×`, ok: ratio <= BUDGETS.renderVsFloor },
      { budget: 'engine over acc-large < 5 ms', value: ms(engineMs), ok: engineMs < BUDGETS.engineMs },
      {
        budget: 'one request on mount (panel + status)',
        value: String(browser.mount.total),
        ok: browser.mount.getAccountOverview === 1,
      },
      { budget: 'one POST per quote click', value: String(clickCalls.requestQuote ?? 0), ok: clickCalls.requestQuote === 1 },
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
      ['bundle, gzip', kB(bundle.gzipBytes), kB(lit.gzipBytes), `budget ${kB(BUDGETS.bundleGzipBytes)}`],
      ['bundle, brotli', kB(bundle.brotliBytes), kB(lit.brotliBytes), ''],
      [
        'acc-large: data ready → rendered panel',
        ms(panelMs),
        ms(floorMs),
        `ratio ${ratio.toFixed(2)} × (budget ${BUDGETS.renderVsFloor} ×); ${browser.render.opportunitiesShown} of ${browser.render.opportunities} opportunities on screen`,
      ],
      [
        'acc-large: third-party adapter → rendered panel',
        ms(foreignPanelMs),
        '',
        `+${ms(foreignPanelMs - panelMs)}: the elements check the answer (src/schemas) once; the shipped adapters' answers are not checked twice`,
      ],
      [
        'engine: evaluateEligibility × acc-large',
        ms(engineMs),
        '',
        `${browser.engine.opportunities} opportunities (${browser.engine.eligible} eligible), budget < ${BUDGETS.engineMs} ms`,
      ],
      ['requests on mount (panel + status)', String(browser.mount.total), '', callsText(browser.mount)],
      ['requests per quote click', String(clickCalls.total ?? 0), '', callsText(clickCalls)],
      ['quote click: pointerdown → "submitted" frame', ms(clickMs), '', `median of ${browser.clicks.length}`],
      [
        `JS heap after ${browser.heap.cycles} mount/unmount`,
        MB(browser.heap.afterAllBytes),
        MB(browser.heap.afterFirstBytes),
        `after the first (floor column); growth ${(heapGrowth / 1000).toFixed(0)} kB`,
      ],
    ];

    console.log('');
    console.log(table(rows));
    console.log('');
    console.log(
      `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory}, ${machine.chromium}, Node ${machine.node}` +
        `, load ${machine.loadAverage.before} → ${machine.loadAverage.after}` +
        `; medians of ${RUNS.render} renders, ${RUNS.engine} engine runs, ${browser.clicks.length} clicks`,
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
      size: { bundle, litFloor: lit, budgetGzipBytes: BUDGETS.bundleGzipBytes, composition },
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
      engine: { medianMs: engineMs, budgetMs: BUDGETS.engineMs, ...browser.engine },
      requests: { onMount: browser.mount, perQuoteClick: clickCalls },
      quoteClick: { medianMs: clickMs, samples: browser.clicks.map((c) => c.latencyMs) },
      heap: { ...browser.heap, growthBytes: heapGrowth },
      problems: browser.problems,
      checks,
    };
    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench', 'results', 'latest.json'), JSON.stringify(result, null, 2) + '\n');
    console.log(`\nwrote bench/results/latest.json (${statSync(join(ROOT, 'bench', 'results', 'latest.json')).size} bytes)`);
    if (checks.some((c) => !c.ok)) process.exitCode = 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
