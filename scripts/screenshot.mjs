// `npm run screenshot`: serves the demo (Vite, with the MSW mock backend), renders it in the
// system Chromium and saves the pictures used by the README:
//   docs/images/panel.png   the <dealreg-panel> in the CRM sidebar
//   docs/images/demo.png    the whole CRM account record page
// Options: --account=acc-expiring (default), --lang=fr, --theme=dark.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = new URL('../docs/images/', import.meta.url);
const option = (name, fallback) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const account = option('account', 'acc-expiring');
const query = new URLSearchParams({ account });
if (option('lang', 'en') !== 'en') query.set('lang', option('lang', 'en'));
if (option('theme', 'light') !== 'light') query.set('theme', option('theme', 'light'));
const suffix = query.has('lang') || query.has('theme') ? `-${[query.get('lang'), query.get('theme')].filter(Boolean).join('-')}` : '';

const server = await createServer({ root, logLevel: 'warn', server: { host: '127.0.0.1', port: 0, strictPort: false } });
await server.listen();
const address = server.httpServer?.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 5173}`;

const browser = await puppeteer.launch({
  executablePath: findChromium(),
  headless: true,
  args: CHROMIUM_ARGS,
});
let failed = false;
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.setViewport({ width: 1440, height: 1100, deviceScaleFactor: 1 });
  await page.goto(`${base}/?${query}`, { waitUntil: 'networkidle0', timeout: 60_000 });
  // Wait until the panel shows its content (not the loading skeleton) and the record header its name.
  await page.waitForFunction(
    () => {
      const panel = document.querySelector('dealreg-panel');
      const walk = (n) => [...(n.shadowRoot ?? n).childNodes].map((c) => (c.nodeType === 3 ? c.textContent : c.nodeType === 1 ? walk(c) : '')).join(' ');
      const text = panel?.shadowRoot ? walk(panel) : '';
      return /Register opportunity|Déclarer une opportunité/.test(text) && document.getElementById('record-name')?.textContent !== '…';
    },
    { timeout: 60_000 },
  );
  await new Promise((r) => setTimeout(r, 400)); // let fonts and transitions settle
  mkdirSync(outDir, { recursive: true });
  await page.screenshot({ path: fileURLToPath(new URL(`demo${suffix}.png`, outDir)), fullPage: false });
  // The README's close-up of the panel at twice the pixel density.
  await page.setViewport({ width: 1440, height: 1100, deviceScaleFactor: 2 });
  await new Promise((r) => setTimeout(r, 300));
  const card = await page.$('.sidebar-card');
  if (!card) throw new Error('the sidebar card is missing');
  await card.screenshot({ path: fileURLToPath(new URL(`panel${suffix}.png`, outDir)) });
  console.log(`saved docs/images/panel${suffix}.png and docs/images/demo${suffix}.png (${account})`);
} catch (error) {
  failed = true;
  console.error('screenshot failed:', error);
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed ? 1 : 0);
