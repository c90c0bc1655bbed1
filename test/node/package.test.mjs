// The distribution as a consumer meets it: the exports map resolves (Node and a bundler), the
// type declarations type-check a consumer, and the library bundle carries no mock code.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { build } from 'vite';
import { assertBuilt, ROOT } from './browser.mjs';

describe('the published package', { timeout: 60_000 }, () => {
  let consumer;

  before(() => {
    assertBuilt('dist/dealreg.js', 'dist/mock.js', 'dist/types/lib/dealreg.d.ts', 'custom-elements.json');
    // A consumer project with dealreg installed (as a link to this checkout).
    consumer = mkdtempSync(join(tmpdir(), 'dealreg-consumer-'));
    mkdirSync(join(consumer, 'node_modules'));
    symlinkSync(ROOT, join(consumer, 'node_modules', 'dealreg'), 'dir');
  });

  after(() => rmSync(consumer, { recursive: true, force: true }));

  it('resolves dealreg, dealreg/mock and dealreg/custom-elements.json through the exports map', () => {
    const at = (specifier) => fileURLToPath(import.meta.resolve(specifier));
    assert.equal(at('dealreg'), join(ROOT, 'dist/dealreg.js'));
    assert.equal(at('dealreg/mock'), join(ROOT, 'dist/mock.js'));
    assert.equal(at('dealreg/custom-elements.json'), join(ROOT, 'custom-elements.json'));
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.customElements, 'custom-elements.json');
    assert.equal(pkg.module, './dist/dealreg.js');
  });

  it('a bundler resolves the package and bundles an app that imports it', async () => {
    writeFileSync(
      join(consumer, 'app.js'),
      "import { createHttpAdapter, DealRegError } from 'dealreg';\n" +
        "import { createMockBackend } from 'dealreg/mock';\n" +
        'console.log(createHttpAdapter, DealRegError, createMockBackend);\n',
    );
    const output = await build({
      root: consumer,
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        lib: { entry: join(consumer, 'app.js'), formats: ['es'], fileName: 'app' },
        rollupOptions: { external: ['msw', /^msw\//] },
      },
    });
    const outputs = Array.isArray(output) ? output : [output];
    const modules = outputs
      .flatMap((o) => o.output)
      .flatMap((chunk) => chunk.moduleIds ?? Object.keys(chunk.modules ?? {}))
      .map((p) => p.replaceAll('\\', '/'));
    assert.ok(modules.some((p) => p.endsWith('dist/dealreg.js')), `bundled dist/dealreg.js (modules: ${modules.join(', ')})`);
    assert.ok(modules.some((p) => p.endsWith('dist/mock.js')), 'bundled dist/mock.js');
  });

  it("the type declarations type-check a consumer's TypeScript", () => {
    writeFileSync(
      join(consumer, 'app.ts'),
      [
        "import { createHttpAdapter, isDealRegError, type DealRegAdapter, type AccountOverview } from 'dealreg';",
        "const adapter: DealRegAdapter = createHttpAdapter({ baseUrl: '/api', getToken: () => 'token' });",
        "const panel = document.querySelector('dealreg-panel');",
        'if (panel) panel.adapter = adapter;',
        "document.addEventListener('dealreg-registered', (e) => console.log(e.detail.registration.status));",
        "export async function name(id: string): Promise<string> { const o: AccountOverview = await adapter.getAccountOverview(id); return o.account.name; }",
        "export const check = (e: unknown): boolean => isDealRegError(e) && e.code === 'offline';",
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
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: ['app.ts'],
      }),
    );
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const run = spawnSync(process.execPath, [tsc, '-p', consumer], { encoding: 'utf8' });
    assert.equal(run.status, 0, `tsc found errors:\n${run.stdout}${run.stderr}`);
  });

  it('the library bundle is one self-contained module with no mock code (only locales load on demand)', () => {
    const code = readFileSync(join(ROOT, 'dist/dealreg.js'), 'utf8');
    assert.doesNotMatch(code, /^\s*import\s/m, 'no import statement: Lit and everything else are bundled');
    const lazy = [...code.matchAll(/\bimport\(([^)]*)\)/g)].map((m) => m[1]);
    assert.ok(lazy.length > 0 && lazy.every((s) => /^[`'"]\.\/locales\/[a-z]{2,3}-[\w-]+\.js[`'"]$/.test(s)), `lazy chunks: ${lazy.join(', ')}`);
    for (const mockOnly of ['acc-nextgen', 'demo-alpha', 'Alpha Syst', 'mockServiceWorker', 'msw']) {
      assert.ok(!code.includes(mockOnly), `dist/dealreg.js contains "${mockOnly}"`);
    }
    const mock = readFileSync(join(ROOT, 'dist/mock.js'), 'utf8');
    assert.ok(mock.includes('acc-nextgen'), 'the mock bundle has the demo accounts');
    assert.doesNotMatch(mock, /setupWorker\(\)\s*\{/, 'msw itself is not bundled into dist/mock.js');
  });
});
