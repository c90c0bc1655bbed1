// The demo built as a static site under a sub-path (`vite build --base /sub/`, so the worker path
// must follow Vite's base), served statically, and helpers that read the page once the panel has
// settled. Shared by the demo suites (test/node/demo*.test.mjs) and `npm run screenshot`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { startStaticServer } from '../examples/serve.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const BASE = '/sub/';

/** Builds and serves the demo; `url` is the page's address (ends with the base). */
export async function startDemoSite() {
  const outRoot = mkdtempSync(join(tmpdir(), 'dealreg-demo-'));
  await build({
    root: ROOT,
    base: BASE,
    logLevel: 'warn',
    build: { outDir: join(outRoot, 'sub'), emptyOutDir: true, sourcemap: false },
  });
  const server = await startStaticServer({ root: outRoot, csp: null });
  return {
    url: `${server.url}${BASE}`,
    async close() {
      await server.close();
      rmSync(outRoot, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until the panel shows an account (or its error), the record header is filled, and every
 * Lit element inside the panel has finished its update. `asOf` (a date as the page formats it), when
 * given, must be the record's server clock and be in the panel's text too, so a clock change is
 * waited for, not raced.
 */
export async function settle(page, { asOf = null, timeout = 30_000 } = {}) {
  await page.waitForFunction(
    (asOfText) => {
      const panel = document.querySelector('dealreg-panel');
      const walk = (n) =>
        [...(n.shadowRoot ?? n).childNodes]
          .map((c) => (c.nodeType === 3 ? c.textContent : c.nodeType === 1 ? walk(c) : ''))
          .join(' ');
      const text = panel?.shadowRoot ? walk(panel).replace(/\s+/g, ' ') : '';
      const busy = (root) =>
        [...root.querySelectorAll('*')].some(
          (el) => el.getAttribute('aria-busy') === 'true' || (el.shadowRoot && busy(el.shadowRoot)),
        );
      const header = document.getElementById('record-name')?.textContent;
      const recordDone =
        header !== '…' &&
        (header !== new URLSearchParams(location.search).get('account') || !document.getElementById('record-error').hidden);
      // The account's header (its server date) or an error (with records, the list's, a shadow root
      // deeper), and nothing inside still loading.
      const deep = (root, selector) =>
        !!root.querySelector(selector) ||
        [...root.querySelectorAll('*')].some((el) => el.shadowRoot && deep(el.shadowRoot, selector));
      const loaded = !!panel?.shadowRoot && deep(panel.shadowRoot, '.as-of, [part~="error"]') && !busy(panel.shadowRoot);
      const clockShown =
        asOfText === null || (document.getElementById('dt-asof')?.textContent === asOfText && text.includes(asOfText));
      return loaded && recordDone && clockShown;
    },
    { timeout },
    asOf,
  );
  await updatesDone(page);
}

/** Lit renders asynchronously: waits for every element's pending update, nested shadow roots included. */
function updatesDone(page) {
  return page.evaluate(async () => {
    const all = (root) => [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? all(el.shadowRoot) : [])]);
    for (let round = 0; round < 5; round += 1) {
      const pending = all(document).filter((el) => 'updateComplete' in el);
      const changed = await Promise.all(pending.map((el) => el.updateComplete.then(() => el.isUpdatePending)));
      if (!changed.some(Boolean)) return;
    }
  });
}

/**
 * Waits until the home page's book shows its rows, its empty state or its error (not its skeleton),
 * nothing inside it loads, and every element has finished its update. `rowsOf` (registration ids), when
 * given, must be the rows shown: a partner switch or a view change is waited for, not raced.
 */
export async function settleBook(page, { rowsOf = null, timeout = 30_000 } = {}) {
  await page.waitForFunction(
    (ids) => {
      const book = document.querySelector('dealreg-book');
      const root = book?.shadowRoot;
      if (!root || book.closest('[hidden]')) return false;
      const deepAll = (r, selector) => [
        ...r.querySelectorAll(selector),
        ...[...r.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? deepAll(el.shadowRoot, selector) : [])),
      ];
      const shown = root.querySelector('[part~="row"], [part~="empty"], [part~="error"]');
      const busy = deepAll(root, '[aria-busy="true"], .skeleton').length > 0;
      const rows = [...root.querySelectorAll('[part~="row"]')].map((row) => row.dataset.registrationId);
      return !!shown && !busy && (ids === null || JSON.stringify(rows) === JSON.stringify(ids));
    },
    { timeout },
    rowsOf,
  );
  await updatesDone(page);
}

/** What the home page's book shows: its tabs' words, its rows' ids and account links, and its text. */
export function readBook(page) {
  return page.evaluate(() => {
    const root = document.querySelector('dealreg-book').shadowRoot;
    const walk = (n) =>
      [...(n.shadowRoot ?? n).childNodes]
        .map((c) => (c.nodeType === 3 ? c.textContent : c.nodeType === 1 ? walk(c) : ''))
        .join(' ');
    return {
      tabs: [...root.querySelectorAll('[part~="tab"]')].map((tab) => tab.textContent.replace(/\s+/g, ' ').trim()),
      rows: [...root.querySelectorAll('[part~="row"]')].map((row) => row.dataset.registrationId),
      links: [...root.querySelectorAll('a[part~="record-link"]')].map((a) => a.getAttribute('href')),
      text: walk(root).replace(/\s+/g, ' ').trim(),
    };
  });
}

/** What the page shows: the panel's text (nested shadow roots included), its rows, the record header. */
export function readPage(page) {
  return page.evaluate(() => {
    const walk = (n) =>
      [...(n.shadowRoot ?? n).childNodes]
        .map((c) => (c.nodeType === 3 ? c.textContent : c.nodeType === 1 ? walk(c) : ''))
        .join(' ');
    const rows = (root) =>
      [...root.querySelectorAll('*')].reduce(
        (sum, el) => sum + (el.part?.contains('opportunity') ? 1 : 0) + (el.shadowRoot ? rows(el.shadowRoot) : 0),
        0,
      );
    const panel = document.querySelector('dealreg-panel');
    return {
      text: walk(panel).replace(/\s+/g, ' ').trim(),
      rows: rows(panel.shadowRoot),
      header: document.getElementById('record-name').textContent,
      country: document.getElementById('hl-country').textContent,
      error: document.getElementById('record-error').hidden ? '' : document.getElementById('record-error').textContent,
    };
  });
}

/** Opens the demo at `?query` and returns what it shows once settled. */
export async function openDemo(page, url, query, options = {}) {
  await page.goto(`${url}?${query}`);
  await settle(page, options);
  return readPage(page);
}
