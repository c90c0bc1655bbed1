// `npm run screenshot`: the gallery to review. Builds the demo (the MSW mock backend included),
// opens every demo account of docs/program.md §6 (and acc-conflict signed in as Beta) in the system
// Chromium, in English and French, light and dark, at a CRM sidebar's width and a main column's,
// and saves each panel (clipped to its card) into docs/images/gallery/, with docs/gallery.md to
// page through them. The README's picture (docs/images/panel.png) is copied from the gallery.
//
//   npm run screenshot                        # all 96 pictures
//   npm run screenshot -- --only=acc-expiring # the pictures whose name contains that
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEMO_SCENARIOS } from '../demo/scenarios.ts';
import { HOST_STRINGS } from '../demo/strings.ts';
import puppeteer from 'puppeteer-core';
import { settle, startDemoSite } from './demo-site.mjs';
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

const shots = DEMO_SCENARIOS.flatMap((scenario) =>
  LANGS.flatMap((lang) =>
    THEMES.flatMap((theme) =>
      PLACEMENTS.map((placement) => {
        const name = `${scenario.accountId}${scenario.partner ? `-as-${scenario.partner}` : ''}`;
        const query = new URLSearchParams({ account: scenario.accountId });
        if (scenario.partner) query.set('partner', scenario.partner);
        if (lang !== 'en') query.set('lang', lang);
        if (theme !== 'light') query.set('theme', theme);
        return { scenario, name, lang, theme, placement, query, file: `${name}-${lang}-${theme}-${placement.id}.png` };
      }),
    ),
  ),
).filter((shot) => shot.file.includes(only));

/**
 * The host card around the panel at the placement's width: the sidebar column sized so the panel's
 * content box is exactly that wide (its card adds 1rem padding and a 1px border on each side).
 * Not sticky, so a tall panel is captured whole.
 */
const placementStyle = (width) => `
  .record-body { grid-template-columns: minmax(0, 1fr) calc(${width}px + 2rem + 2px) !important; }
  .sidebar-card { position: static !important; }
`;

const site = await startDemoSite();
const browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
let failed = false;
try {
  if (!only) rmSync(GALLERY, { recursive: true, force: true });
  mkdirSync(GALLERY, { recursive: true });
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('page error:', error));
  for (const shot of shots) {
    // Wide enough for the host page's two columns whatever the panel's width.
    await page.setViewport({ width: shot.placement.width + 700, height: 1000, deviceScaleFactor: DEVICE_SCALE });
    await page.goto(`${site.url}?${shot.query}`);
    await page.addStyleTag({ content: placementStyle(shot.placement.width) });
    await settle(page);
    await page.evaluate(() => document.fonts.ready);
    const width = await page.$eval('dealreg-panel', (el) => el.getBoundingClientRect().width);
    if (Math.round(width) !== shot.placement.width)
      throw new Error(`${shot.file}: the panel is ${width}px wide, not ${shot.placement.width}px`);
    const card = await page.$('.sidebar-card');
    await card.screenshot({ path: fileURLToPath(new URL(shot.file, GALLERY)) });
    console.log(`docs/images/gallery/${shot.file}`);
  }
  if (!only) {
    writeFileSync(new URL('../docs/gallery.md', import.meta.url), galleryPage());
    copyFileSync(new URL(README_PICTURE.from, GALLERY), README_PICTURE.to);
    console.log(`docs/gallery.md, and docs/images/panel.png (from ${README_PICTURE.from})`);
  }
} catch (error) {
  failed = true;
  console.error('screenshot failed:', error);
} finally {
  await browser.close();
  await site.close();
}
process.exit(failed ? 1 : 0);

/** docs/gallery.md: per scenario, its situation and the pictures, sidebar and main column. */
function galleryPage() {
  const files = new Set(readdirSync(GALLERY));
  const lines = [
    '# Gallery',
    '',
    'Every demo account of [docs/program.md §6](program.md#6-the-demo-accounts) (and `acc-conflict` signed in as',
    'Beta) as the demo page shows it: English and French, light and dark host theme, the panel',
    "in a Lightning record page's sidebar (360 px) and main column (900 px), clipped to the host's",
    'card. Rendered by `npm run screenshot` (the system Chromium, device scale 1, the demo date',
    '2017-02-14); the pictures are not part of the npm package.',
    '',
  ];
  for (const scenario of DEMO_SCENARIOS) {
    const name = `${scenario.accountId}${scenario.partner ? `-as-${scenario.partner}` : ''}`;
    const words = HOST_STRINGS.en.scenarios[scenario.key];
    lines.push(`## \`${scenario.accountId}\`${scenario.partner ? ` as ${scenario.partner}` : ''}`, '');
    lines.push(`${words.situation}. Expected: ${words.expect}.`, '');
    lines.push(`| | ${PLACEMENTS.map((p) => p.label).join(' | ')} |`, `|---|${PLACEMENTS.map(() => '---').join('|')}|`);
    for (const lang of LANGS) {
      for (const theme of THEMES) {
        const cells = PLACEMENTS.map((p) => {
          const file = `${name}-${lang}-${theme}-${p.id}.png`;
          return files.has(file) ? `![${name}, ${lang}, ${theme}, ${p.id}](images/gallery/${file})` : '(missing)';
        });
        lines.push(`| ${lang}, ${theme} | ${cells.join(' | ')} |`);
      }
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
