// Shared by the Node-side browser tests: the system Chromium through puppeteer-core, a static
// server for the repo root that sends the strict CSP, and the mock backend on the same origin.
import { after, before } from 'node:test';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.mjs';
import { STRICT_CSP, startStaticServer } from '../../examples/serve.mjs';
import { createMockBackend, createRestHandler } from '../../mocks/index.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function assertBuilt(...files) {
  for (const file of files) {
    if (!existsSync(new URL(`../../${file}`, import.meta.url))) {
      throw new Error(`${file} is missing: run \`npm run build\` first`);
    }
  }
}

/** A fresh mock backend served at /api beside the repo's files, with the strict CSP header. */
export async function startSite() {
  const core = createMockBackend();
  const api = createRestHandler(core, { basePath: '/api' });
  const server = await startStaticServer({ root: ROOT, csp: STRICT_CSP, api });
  return { core, server };
}

export function launchChromium() {
  return puppeteer.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
}

/**
 * Opens a page that records CSP violations, console errors and uncaught exceptions from the
 * first script on.
 */
export async function openWatchedPage(browser) {
  const page = await browser.newPage();
  const problems = { violations: [], consoleErrors: [], pageErrors: [] };
  await page.evaluateOnNewDocument(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.pageErrors.push(String(error)));
  problems.collect = async () => {
    problems.violations = await page.evaluate(() => window.__cspViolations ?? []);
    return problems;
  };
  return { page, problems };
}

/** The text of an element's open shadow tree, nested shadow roots included. */
export function deepText(page, selector) {
  return page.evaluate((sel) => {
    const walk = (node) => {
      let text = '';
      const root = node.shadowRoot;
      for (const child of (root ?? node).childNodes) {
        if (child.nodeType === Node.TEXT_NODE) text += child.textContent;
        else if (child.nodeType === Node.ELEMENT_NODE) text += ` ${walk(child)}`;
      }
      if (root) for (const child of node.childNodes) if (child.nodeType === Node.ELEMENT_NODE) text += ` ${walk(child)}`;
      return text;
    };
    const el = document.querySelector(sel);
    return el ? walk(el).replace(/\s+/g, ' ').trim() : null;
  }, selector);
}

/**
 * A suite's site and browser, started once before its tests (after checking that `built` exists)
 * and closed after them: `suite.site`, `suite.browser`.
 */
export function siteAndBrowser(...built) {
  const suite = { site: undefined, browser: undefined };
  before(async () => {
    assertBuilt(...built);
    suite.site = await startSite();
    suite.browser = await launchChromium();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.site?.server.close();
  });
  return suite;
}

/** A watched page on which the requests for `path` are counted, or refused while `refuse()`; nothing loaded yet. */
export async function pageWatchingChunk(browser, path, refuse = () => false) {
  const { page, problems } = await openWatchedPage(browser);
  const requested = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (new URL(request.url()).pathname !== path) return void request.continue();
    requested.push(request.url());
    if (refuse()) void request.abort('connectionrefused');
    else void request.continue();
  });
  return { page, problems, requested };
}
