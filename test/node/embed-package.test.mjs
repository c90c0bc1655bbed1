// The framed panel as the package ships it: `dealreg/embed` resolves through the exports map, is
// one small module with no Lit and no elements, its types check a host's code, and dist/embed/ is
// a page a strict CSP accepts as is (checked here statically; embed.test.mjs runs it under one).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { assertBuilt, ROOT } from './browser.mjs';

describe('the framed panel in the package', () => {
  let consumer;

  before(() => {
    assertBuilt('dist/embed.js', 'dist/types/lib/embed.d.ts', 'dist/embed/index.html', 'dist/embed/config.json');
    consumer = mkdtempSync(join(tmpdir(), 'dealreg-embed-consumer-'));
    mkdirSync(join(consumer, 'node_modules'));
    symlinkSync(ROOT, join(consumer, 'node_modules', 'dealreg'), 'dir');
  });

  after(() => rmSync(consumer, { recursive: true, force: true }));

  it('dealreg/embed resolves to dist/embed.js: one module, no import, no Lit, no element', () => {
    assert.equal(fileURLToPath(import.meta.resolve('dealreg/embed')), join(ROOT, 'dist/embed.js'));
    const code = readFileSync(join(ROOT, 'dist/embed.js'), 'utf8');
    assert.doesNotMatch(code, /^\s*import\s/m);
    for (const marker of [
      'LitElement',
      'lit-html',
      'customElements',
      'attachShadow',
      'localStorage',
      'sessionStorage',
      'indexedDB',
      'document.cookie',
    ]) {
      assert.ok(!code.includes(marker), `dist/embed.js contains "${marker}"`);
    }
    assert.ok(!/postMessage\([^)]*["']\*["']/.test(code), 'never posts to "*"');
  });

  it("the type declarations type-check a host's code", () => {
    writeFileSync(
      join(consumer, 'host.ts'),
      [
        "import { mountDealRegFrame, type CrmRecords, type DealRegFrameEvent, type DealRegFrameOpenRecordEvent } from 'dealreg/embed';",
        "const container = document.getElementById('slot')!;",
        'const records: CrmRecords = {',
        "  account: { id: '001-acme', name: 'Acme', country: 'FR', siren: '732829320' },",
        "  opportunities: [{ id: 'opp-1', name: 'Refresh', amount: { value: 1, currency: 'EUR' }, closeDate: '2017-05-31', lines: [{ sku: 'SYN-1', quantity: 1 }] }],",
        '};',
        "const fromCrm = mountDealRegFrame(container, { src: 'https://partners.vendor.example/embed/', records, getToken: () => 't' });",
        'fromCrm.setRecords({ ...records, opportunities: [] });',
        'fromCrm.setRecords(null);',
        'const mounted = mountDealRegFrame(container, {',
        "  src: 'https://partners.vendor.example/embed/',",
        "  accountId: 'acc-1',",
        "  locale: 'fr',",
        "  theme: { '--dealreg-color-brand': '#12355b' },",
        "  getToken: async () => 'token',",
        '  onEvent(event: DealRegFrameEvent) {',
        "    if (event.type === 'dealreg-registered') console.log(event.detail.registration.status);",
        "    if (event.type === 'dealreg-error') console.log(event.detail.error.code, event.detail.error.retryable);",
        "    if (event.type === 'dealreg-error') console.log(event.detail.problems?.map((p) => `${p.record} ${p.field}`));",
        "    if (event.type === 'dealreg-deal-states') console.log(event.detail.deals.map((d) => d.state));",
        '  },',
        '});',
        "mounted.setAccount('acc-2');",
        'const frame: HTMLIFrameElement = mounted.frame;',
        'mounted.destroy();',
        'const book = mountDealRegFrame(container, {',
        "  src: 'https://partners.vendor.example/embed/',",
        "  view: 'book',",
        "  recordHref: '/lightning/r/Opportunity/{partnerOpportunityId}/view',",
        "  getToken: () => 't',",
        '  onOpenRecord(event: DealRegFrameOpenRecordEvent) {',
        '    event.preventDefault();',
        '    console.log(event.detail.partnerOpportunityId ?? event.detail.accountId, event.detail.href);',
        '  },',
        '});',
        'book.destroy();',
        '// @ts-expect-error: the book shows every account',
        "mountDealRegFrame(container, { src: 'https://x.example/', view: 'book', accountId: 'acc-1', getToken: () => 't' });",
        '// @ts-expect-error: the book has no account to switch',
        "book.setAccount('acc-2');",
        'export { frame };',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          lib: ['ES2023', 'DOM'],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: ['host.ts'],
      }),
    );
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', consumer], {
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, `tsc found errors:\n${run.stdout}${run.stderr}`);
  });

  it('dist/embed/ has no inline script or style and a config.json the deployer edits', () => {
    const html = readFileSync(join(ROOT, 'dist/embed/index.html'), 'utf8');
    assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/, 'every script has a src');
    assert.doesNotMatch(html, /<style|\sstyle=|\son[a-z]+=/i, 'no inline style, no inline handler');
    assert.match(
      html,
      /<script type="module" crossorigin src="\.\/assets\/[^"]+\.js"><\/script>/,
      'relative asset URLs: the folder works under any path',
    );
    const config = JSON.parse(readFileSync(join(ROOT, 'dist/embed/config.json'), 'utf8'));
    assert.deepEqual(Object.keys(config).sort(), ['apiBaseUrl', 'parentOrigins']);
    const assets = readdirSync(join(ROOT, 'dist/embed/assets'));
    assert.ok(assets.some((f) => f.endsWith('.js')) && assets.some((f) => f.endsWith('.css')));
  });
});
