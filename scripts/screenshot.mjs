// `npm run screenshot`: the gallery to review. Builds the demo (the MSW mock backend included),
// opens every demo account of docs/program.md §6 (and acc-conflict signed in as Beta) in the system
// Chromium, the panel fed the host CRM's records as the demo hands them, in English and French,
// light and dark, at a CRM sidebar's width and a main column's, and saves each panel (clipped to its
// card) into docs/images/gallery/, with docs/gallery.md to page through them. Three situations more
// are shot in light only: a deal just created with the host's "New opportunity", invalid records,
// and a vendor portal with no records. Then the rep's book on the demo's home page, its views and
// states (scripts/gallery-book.mjs), clipped to its card. The README's picture (docs/images/panel.png)
// is copied from the gallery.
//
//   npm run screenshot                        # all 130 pictures
//   npm run screenshot -- --only=acc-expiring # the pictures whose name contains that
//   npm run screenshot -- --only=book         # the book's
// docs/gallery.md is written each time, from the pictures on disk.
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEMO_SCENARIOS } from '../demo/scenarios.ts';
import { HOST_STRINGS } from '../demo/strings.ts';
import puppeteer from 'puppeteer-core';
import { settle, settleBook, startDemoSite } from './demo-site.mjs';
import { BOOK_PLACEMENTS, BOOK_SHOTS, bookFile } from './gallery-book.mjs';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';

const GALLERY = new URL('../docs/images/gallery/', import.meta.url);
const README_PICTURE = { from: 'acc-expiring-en-light-sidebar.png', to: new URL('../docs/images/panel.png', import.meta.url) };

/** The panel's width (its content box) in a Lightning record page's sidebar and main column. */
const PLACEMENTS = [
  { id: 'sidebar', width: 360, label: 'sidebar (360 px)' },
  { id: 'main', width: 900, label: 'main column (900 px)' },
];
const LANGS = ['en', 'fr'];
const THEMES = ['light', 'dark'];
/** Pixels per CSS pixel: what a person sees at 100 % zoom, and small files. */
const DEVICE_SCALE = 1;

const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? '';

/** The deal the rep creates in the host CRM for the "new deal" pictures: a Synergy line, so it qualifies. */
const NEW_DEAL = {
  name: 'Synergy pour le studio de Marseille',
  amount: '150000',
  closeDate: '2017-04-28',
  sku: 'SY480-G10',
  quantity: '2',
};

/**
 * What the gallery shows beyond each demo account's own page (always with the CRM's records), with
 * the words docs/gallery.md captions them with. `act` drives the host page before the picture.
 */
const SITUATIONS = [
  {
    name: 'acc-empty-new-deal',
    title: '`acc-empty`, a deal just created in the CRM',
    caption: `The rep creates "${NEW_DEAL.name}" (${NEW_DEAL.quantity} × ${NEW_DEAL.sku}, €150,000, closing ${NEW_DEAL.closeDate}) with the host's "New opportunity". Expected: the panel shows the vendor's verdict on it at once, and Register.`,
    params: { account: 'acc-empty' },
    act: createOpportunity,
  },
  {
    name: 'acc-nextgen-invalid-records',
    title: '`acc-nextgen` with invalid CRM records (`records=invalid`)',
    caption: `${HOST_STRINGS.en.recordsModes.invalid.situation}. Expected: ${HOST_STRINGS.en.recordsModes.invalid.expect}.`,
    params: { account: 'acc-nextgen', records: 'invalid' },
  },
  {
    name: 'acc-empty-portal',
    title: '`acc-empty` in a vendor portal, no CRM records (`records=portal`)',
    caption: `${HOST_STRINGS.en.recordsModes.portal.situation}. Expected: ${HOST_STRINGS.en.recordsModes.portal.expect}.`,
    params: { account: 'acc-empty', records: 'portal' },
  },
];

/** What the CRM's records add to a demo account's own words, where the review looks for it. */
const CRM_NOTES = {
  conflict:
    " Alpha's CRM holds the same deal: the vendor's preview says it matches another partner's protection, and never whose.",
};

const scenarioName = (scenario) => `${scenario.accountId}${scenario.partner ? `-as-${scenario.partner}` : ''}`;

function shotsOf(name, params, themes, act) {
  return LANGS.flatMap((lang) =>
    themes.flatMap((theme) =>
      PLACEMENTS.map((placement) => {
        const query = new URLSearchParams(params);
        if (lang !== 'en') query.set('lang', lang);
        if (theme !== 'light') query.set('theme', theme);
        return { name, lang, theme, placement, query, act, file: `${name}-${lang}-${theme}-${placement.id}.png` };
      }),
    ),
  );
}

const shots = [
  ...DEMO_SCENARIOS.flatMap((scenario) =>
    shotsOf(
      scenarioName(scenario),
      { account: scenario.accountId, ...(scenario.partner ? { partner: scenario.partner } : {}) },
      THEMES,
    ),
  ),
  ...SITUATIONS.flatMap((situation) => shotsOf(situation.name, situation.params, ['light'], situation.act)),
  ...BOOK_SHOTS.flatMap((book) =>
    book.variants.map((variant) => {
      const query = new URLSearchParams({ account: 'acc-protected', page: 'home', ...book.params });
      if (variant.lang !== 'en') query.set('lang', variant.lang);
      if (variant.theme !== 'light') query.set('theme', variant.theme);
      const placement = BOOK_PLACEMENTS.find((p) => p.id === variant.placement);
      return { book, placement, query, file: bookFile(book.name, variant) };
    }),
  ),
].filter((shot) => shot.file.includes(only));

/**
 * The host card around the panel at the placement's width: the sidebar column sized so the panel's
 * content box is exactly that wide (its card adds 1rem padding and a 1px border on each side).
 * Not sticky, so a tall panel is captured whole.
 */
const placementStyle = (width) => `
  .record-body { grid-template-columns: minmax(0, 1fr) calc(${width}px + 2rem + 2px) !important; }
  .sidebar-card { position: static !important; }
`;
/** The home page's card around the book, its content box the placement's width. */
const bookPlacementStyle = (width) => `.book-card { width: ${width}px; }`;

const site = await startDemoSite();
const browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
let failed = false;
try {
  if (!only) rmSync(GALLERY, { recursive: true, force: true });
  mkdirSync(GALLERY, { recursive: true });
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('page error:', error));
  // "Download CSV" saves nothing on this machine: the book still says what the file holds.
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'deny' });
  for (const shot of shots) {
    if (shot.book) {
      await shootBook(page, shot);
      continue;
    }
    // Wide enough for the host page's two columns whatever the panel's width.
    await page.setViewport({ width: shot.placement.width + 700, height: 1000, deviceScaleFactor: DEVICE_SCALE });
    await page.goto(`${site.url}?${shot.query}`);
    await page.addStyleTag({ content: placementStyle(shot.placement.width) });
    await settle(page);
    if (shot.act) await shot.act(page);
    await page.evaluate(() => document.fonts.ready);
    const width = await page.$eval('dealreg-panel', (el) => el.getBoundingClientRect().width);
    if (Math.round(width) !== shot.placement.width)
      throw new Error(`${shot.file}: the panel is ${width}px wide, not ${shot.placement.width}px`);
    const card = await page.$('.sidebar-card');
    await card.screenshot({ path: fileURLToPath(new URL(shot.file, GALLERY)) });
    console.log(`docs/images/gallery/${shot.file}`);
  }
  writeFileSync(new URL('../docs/gallery.md', import.meta.url), galleryPage());
  console.log('docs/gallery.md');
  if (shots.some((shot) => shot.file === README_PICTURE.from)) {
    copyFileSync(new URL(README_PICTURE.from, GALLERY), README_PICTURE.to);
    console.log(`docs/images/panel.png (from ${README_PICTURE.from})`);
  }
} catch (error) {
  failed = true;
  console.error('screenshot failed:', error);
} finally {
  await browser.close();
  await site.close();
}
process.exit(failed ? 1 : 0);

/**
 * "New opportunity" in the host CRM, filled and saved as a rep would; then waits for the panel's
 * verdict on the new deal (the vendor's preview) and for the page's toast to go, so the card is
 * pictured as the rep reads it once the dialog has closed.
 */
async function createOpportunity(page) {
  await page.click('#new-opp-button');
  await page.waitForFunction(() => document.getElementById('new-opp').open);
  await page.type('#f-name', NEW_DEAL.name);
  await page.type('#f-amount', NEW_DEAL.amount);
  await page.$eval('#f-close', (input, date) => (input.value = date), NEW_DEAL.closeDate);
  await page.type(`#f-lines input[data-sku="${NEW_DEAL.sku}"]`, NEW_DEAL.quantity);
  await page.click('#f-save');
  await page.waitForFunction(() => !document.getElementById('new-opp').open);
  const id = await page.evaluate(() => document.querySelector('dealreg-panel').records.opportunities[0].id);
  await page.waitForFunction(
    (crmId) => {
      const find = (root) =>
        !!root.querySelector(`li[data-crm-id="${crmId}"] .verdict[data-eligible]`) ||
        [...root.querySelectorAll('*')].some((el) => el.shadowRoot && find(el.shadowRoot));
      return find(document.querySelector('dealreg-panel').shadowRoot);
    },
    { timeout: 30_000 },
    id,
  );
  await page.evaluate(() => document.querySelectorAll('.toast').forEach((toast) => toast.remove()));
  await settle(page);
}

/**
 * One picture of the book: the home page at the placement's width, the view selected, what the rep
 * does first (a search, an export), then its card.
 */
async function shootBook(page, { book, placement, query, file }) {
  await page.setViewport({ width: placement.width + 200, height: 1000, deviceScaleFactor: DEVICE_SCALE });
  await page.goto(`${site.url}?${query}`);
  await page.addStyleTag({ content: bookPlacementStyle(placement.width) });
  await settleBook(page, { timeout: 60_000 });
  const inBook = (action, arg) => page.$eval('dealreg-book', action, arg);
  if (book.view !== 'expiring-soon') {
    await inBook((el, view) => el.shadowRoot.querySelector(`[part~="tab"][data-view="${view}"]`).click(), book.view);
    await page.waitForFunction(
      (view) => document.querySelector('dealreg-book').shadowRoot.querySelector('[aria-selected="true"]')?.dataset.view === view,
      {},
      book.view,
    );
    await settleBook(page);
  }
  if (book.act === 'search') {
    await inBook((el, text) => {
      el.shadowRoot.querySelector('[part~="search-input"]').value = text;
      el.shadowRoot.querySelector('[part~="search"]').requestSubmit();
    }, book.search);
    await page.waitForFunction(() => document.querySelector('dealreg-book').shadowRoot.querySelector('[part~="empty"]'));
    await settleBook(page);
  }
  if (book.act === 'export') {
    await inBook((el) => el.shadowRoot.querySelector('[part~="export-button"]').click());
    await page.waitForFunction(() => {
      const root = document.querySelector('dealreg-book').shadowRoot;
      const running = root.querySelector('[part~="export-button"]').getAttribute('aria-busy') === 'true';
      return !running && root.querySelector('[part~="export-status"]').textContent.trim() !== '';
    });
    await settleBook(page);
  }
  await page.evaluate(() => document.fonts.ready);
  // Nothing focused: the picture shows the page at rest.
  await page.evaluate(() => document.activeElement?.blur());
  const width = await page.$eval('dealreg-book', (el) => el.getBoundingClientRect().width);
  if (Math.round(width) !== placement.width) throw new Error(`${file}: the book is ${width}px wide, not ${placement.width}px`);
  const card = await page.$('.book-card');
  const path = fileURLToPath(new URL(file, GALLERY));
  if (book.top) {
    const box = await card.boundingBox();
    await page.screenshot({ path, clip: { ...box, height: Math.min(box.height, book.top) }, captureBeyondViewport: true });
  } else await card.screenshot({ path });
  console.log(`docs/images/gallery/${file}`);
}

/** A table of one subject's pictures: a row per language (and theme), a column per placement. */
function pictureTable(name, themes, files) {
  const lines = [`| | ${PLACEMENTS.map((p) => p.label).join(' | ')} |`, `|---|${PLACEMENTS.map(() => '---').join('|')}|`];
  for (const lang of LANGS) {
    for (const theme of themes) {
      const cells = PLACEMENTS.map((p) => {
        const file = `${name}-${lang}-${theme}-${p.id}.png`;
        return files.has(file) ? `![${name}, ${lang}, ${theme}, ${p.id}](images/gallery/${file})` : '(missing)';
      });
      lines.push(`| ${lang}, ${theme} | ${cells.join(' | ')} |`);
    }
  }
  return lines;
}

/** A table of one book picture's variants: a row per language and theme shot, a column per width. */
function bookTable(book, files) {
  const lines = [
    `| | ${BOOK_PLACEMENTS.map((p) => p.label).join(' | ')} |`,
    `|---|${BOOK_PLACEMENTS.map(() => '---').join('|')}|`,
  ];
  const rows = [...new Set(book.variants.map((v) => `${v.lang}, ${v.theme}`))];
  for (const row of rows) {
    const [lang, theme] = row.split(', ');
    const cells = BOOK_PLACEMENTS.map((p) => {
      const variant = { lang, theme, placement: p.id };
      if (!book.variants.some((v) => v.lang === lang && v.theme === theme && v.placement === p.id)) return '';
      const file = bookFile(book.name, variant);
      return files.has(file) ? `![${book.name}, ${lang}, ${theme}, ${p.id}](images/gallery/${file})` : '(missing)';
    });
    lines.push(`| ${row} | ${cells.join(' | ')} |`);
  }
  return lines;
}

/** docs/gallery.md: per scenario, its situation and the pictures, sidebar and main column; then the situations more. */
function galleryPage() {
  const files = new Set(readdirSync(GALLERY));
  const lines = [
    '# Gallery',
    '',
    'Every demo account of [docs/program.md §6](program.md#6-the-demo-accounts) (and `acc-conflict` signed in as',
    "Beta) as the demo page shows it, the panel fed the host CRM's records (`demoCrmRecords`): English and",
    "French, light and dark host theme, the panel in a Lightning record page's sidebar (360 px) and main",
    "column (900 px), clipped to the host's card. Then, in light only, a deal just created in the CRM,",
    "invalid records, and a vendor portal with no records; and the rep's book on the demo's home page.",
    'Rendered by `npm run screenshot` (the system Chromium, device scale 1, the demo date 2017-02-14); the',
    'pictures are not part of the npm package.',
    '',
  ];
  for (const scenario of DEMO_SCENARIOS) {
    const words = HOST_STRINGS.en.scenarios[scenario.key];
    lines.push(`## \`${scenario.accountId}\`${scenario.partner ? ` as ${scenario.partner}` : ''}`, '');
    lines.push(`${words.situation}. Expected: ${words.expect}.${CRM_NOTES[scenario.key] ?? ''}`, '');
    lines.push(...pictureTable(scenarioName(scenario), THEMES, files), '');
  }
  for (const situation of SITUATIONS) {
    lines.push(`## ${situation.title}`, '', situation.caption, '', ...pictureTable(situation.name, ['light'], files), '');
  }
  lines.push(
    "## The rep's book (`page=home`)",
    '',
    "The demo's home page: `<dealreg-book>` for the signed-in partner, Alpha unless said, at the demo date, clipped to",
    "the host's card, at a sidebar's width (360 px) and the page's full width (1200 px). Each view and state in two",
    'pictures or more that between them show both languages, both themes and both widths.',
    '',
  );
  for (const book of BOOK_SHOTS) {
    lines.push(`### ${book.title}`, '', book.caption, '', ...bookTable(book, files), '');
  }
  return `${lines.join('\n')}`;
}
