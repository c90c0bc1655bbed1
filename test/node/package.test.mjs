// The distribution as a consumer meets it: `npm pack`, then the tarball installed into an empty
// project with ONLY the package's declared dependencies (no msw, no dev dependency) by the machine's
// npm on Node 20, and each entry imported from there — `dealreg/core` and `dealreg/mock` in Node 20
// and Node 22 with no DOM, every entry through a bundler, the types through tsc — plus what the
// tarball holds and what it leaves out.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { build } from 'vite';
import { assertBuilt, ROOT } from './browser.mjs';
import { node20, packAndInstall } from './packed.mjs';

const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
/** Words only the mock carries (demo accounts, tokens, partner names) or only msw does. */
const MOCK_ONLY = ['acc-nextgen', 'demo-alpha', 'Alpha Syst', 'mockServiceWorker', 'setupWorker'];

/** Runs an ES module script with `node` inside the consumer project; returns its stdout (JSON). */
function runIn(consumer, nodePath, source) {
  const file = join(consumer, `probe-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, source);
  const result = spawnSync(nodePath, [file], { cwd: consumer, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The names an ES module in dist/ exports (its final `export{…}` statement, as Rolldown writes it). */
function exportedNames(code) {
  const list = [...code.matchAll(/export\s*\{([^}]*)\}/g)].at(-1)?.[1] ?? '';
  return list
    .split(',')
    .map((s) =>
      s
        .trim()
        .split(/\s+as\s+/)
        .at(-1),
    )
    .filter(Boolean);
}

const CORE_PROBE = `
const core = await import('dealreg/core');
const names = Object.keys(core);
let parseError = null;
try { core.parseOverview({}); } catch (error) { parseError = { isDealRegError: core.isDealRegError(error), code: error.code }; }
const adapter = core.createHttpAdapter({ baseUrl: 'https://vendor.example/api', getToken: () => 'token', retries: 0, fetch: async () => new Response('{}', { status: 503 }) });
const callError = await adapter.getAccountOverview('acc-1').then(() => null, (error) => error.code);
console.log(JSON.stringify({
  node: process.version,
  names,
  callError,
  parseError,
  adapterMethods: Object.keys(adapter).sort(),
  dom: typeof globalThis.HTMLElement,
}));
`;

const MOCK_PROBE = `
const mock = await import('dealreg/mock');
const adapter = mock.createMemoryAdapter(mock.createMockBackend(), { token: 'demo-alpha' });
const overview = await adapter.getAccountOverview('acc-nextgen');
const handle = mock.createRestHandler(mock.createMockBackend(), { basePath: '/api' });
const response = await handle(new Request('https://x.example/api/v1/accounts/acc-nextgen/overview', { headers: { authorization: 'Bearer demo-alpha' } }));
console.log(JSON.stringify({ node: process.version, account: overview.account.id, rest: response.status, names: Object.keys(mock) }));
`;

describe('the published package (npm pack, installed with its declared dependencies only)', { timeout: 300_000 }, () => {
  let work;
  let consumer;
  let installed;
  let tarballFiles;
  let installedWith;
  let installLog;

  before(() => {
    assertBuilt(
      'dist/npm/dealreg.js',
      'dist/dealreg.js',
      'dist/core.js',
      'dist/mock.js',
      'dist/mock/msw.js',
      'dist/types/lib/dealreg.d.ts',
      'custom-elements.json',
    );
    ({ work, consumer, installed, tarballFiles, installedWith, installLog } = packAndInstall('dealreg-pack-'));
  });

  after(() => work && rmSync(work, { recursive: true, force: true }));

  it('installs only the declared dependencies: msw (an optional peer) is not there', () => {
    const present = readdirSync(join(consumer, 'node_modules'));
    assert.ok(!present.includes('msw'), 'msw was installed');
    assert.deepEqual(PKG.peerDependenciesMeta?.msw, { optional: true });
    assert.ok(PKG.peerDependencies?.msw, 'msw is a declared peer');
    for (const dep of Object.keys(PKG.dependencies))
      assert.ok(existsSync(join(consumer, 'node_modules', dep)), `${dep} installed`);
  });

  it('installs on Node 20 with no EBADENGINE: engines asks consumers for what the package needs, not the project’s Node 22', (t) => {
    if (!installedWith) return t.skip('no Node 20 on this machine (which -a node): installed on the project’s Node');
    const lines = installLog.split('\n').filter((line) => line.includes('EBADENGINE'));
    assert.deepEqual(
      lines.filter((line) => line.includes('dealreg')),
      [],
      'an EBADENGINE warning names dealreg',
    );
    assert.deepEqual(lines, [], 'an EBADENGINE warning for a dependency');
  });

  it('ships every entry with its types, the locale chunks beside the entry, and no screenshots', () => {
    for (const [subpath, target] of Object.entries(PKG.exports)) {
      const files = typeof target === 'string' ? [target] : Object.values(target);
      for (const file of files)
        assert.ok(tarballFiles.includes(file.replace(/^\.\//, '')), `${subpath}: ${file} is in the tarball`);
      if (typeof target !== 'string' && !subpath.endsWith('.json')) assert.ok(target.types, `${subpath} declares its types`);
    }
    assert.ok(!tarballFiles.some((f) => f.startsWith('docs/images/gallery/')), 'the review gallery (screenshots) is not shipped');
    assert.deepEqual(
      tarballFiles.filter((f) => f.startsWith('docs/images/')),
      ['docs/images/panel.png'],
      "only the README's picture is",
    );
    assert.ok(tarballFiles.includes('docs/embedding.md'), 'the docs are');
    for (const f of readdirSync(join(ROOT, 'dist'), { recursive: true })) {
      if (/^(npm\/)?(locales|adapters|forms)\//.test(String(f)) && String(f).endsWith('.js'))
        assert.ok(tarballFiles.includes(`dist/${f}`), `dist/${f} is shipped`);
    }
  });

  it('dealreg resolves to the build for bundlers, dealreg/dealreg.js to the self-contained module', () => {
    const probe = runIn(
      consumer,
      process.execPath,
      "console.log(JSON.stringify(['dealreg', 'dealreg/dealreg.js'].map((s) => import.meta.resolve(s))));",
    );
    assert.equal(probe.status, 0, probe.stderr);
    const [npm, script] = JSON.parse(probe.stdout).map((url) => fileURLToPath(url));
    assert.equal(npm, join(installed, 'dist/npm/dealreg.js'));
    assert.equal(script, join(installed, 'dist/dealreg.js'));
    assert.equal(PKG.module, PKG.exports['.'].default, 'the `module` field agrees with the exports map');
  });

  // The default entry's two builds: the same surface, Lit imported (one copy with the host app's)
  // or Lit inside (a script tag has nothing to import it from).
  for (const { file, lit } of [
    { file: 'dist/npm/dealreg.js', lit: 'imported from the dependencies' },
    { file: 'dist/dealreg.js', lit: 'bundled' },
  ]) {
    it(`${file}: the elements, configureDealReg, createHttpAdapter and the errors; no mock, no engine API, Lit ${lit}`, () => {
      const code = readFileSync(join(installed, file), 'utf8');
      const names = exportedNames(code);
      for (const name of [
        'DealRegPanel',
        'DealRegStatus',
        'DealRegProvider',
        'configureDealReg',
        'createHttpAdapter',
        'DealRegError',
        'isDealRegError',
        'DealRegRegisteredEvent',
      ]) {
        assert.ok(names.includes(name), `${file} exports ${name} (exports: ${names.join(', ')})`);
      }
      for (const name of [
        'createMemoryAdapter',
        'createMockBackend',
        'SAMPLE_PROGRAM',
        'evaluateEligibility',
        'parseOverview',
        'AccountOverviewSchema',
        'backoffDelay',
        'scrubText',
      ]) {
        assert.ok(!names.includes(name), `${file} does not export ${name}`);
      }
      for (const mockOnly of MOCK_ONLY) assert.ok(!code.includes(mockOnly), `${file} contains "${mockOnly}"`);
      // Static imports: chunks beside it, and in the build for bundlers the package's dependencies
      // (`lit`, `lit/decorators.js`, `@lit/localize`…), never another package.
      const bare = [];
      for (const [, specifier] of code.matchAll(/(?:^|[;}])\s*import\s*(?:[^'"`();]*?from\s*)?["'`]([^"'`]+)["'`]/g)) {
        if (!/^\.\.?\//.test(specifier)) bare.push(specifier);
      }
      // Each copy of Lit announces itself in globalThis.litHtmlVersions.
      const litCopies = code.split('litHtmlVersions').length - 1;
      if (file === 'dist/dealreg.js') {
        assert.deepEqual(bare, [], 'the self-contained module imports no package');
        assert.equal(litCopies, 1, 'Lit is inside');
      } else {
        assert.ok(bare.includes('lit'), `imports lit (bare imports: ${bare.join(', ')})`);
        for (const specifier of bare) {
          const dependency = Object.keys(PKG.dependencies).find((d) => specifier === d || specifier.startsWith(`${d}/`));
          assert.ok(dependency, `"${specifier}" is a declared dependency or one of its files`);
        }
        assert.equal(litCopies, 0, 'no copy of Lit inside');
      }
      // Dynamic imports: the locale chunks, the HTTP adapter's code, the answers' checks (which bring
      // the previews' and the book's parsers), the registration forms', the CRM deals' and the book's view code,
      // relative to the module's own URL, each in the tarball with what it imports in turn.
      const lazy = [...code.matchAll(/\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map(([, specifier]) => specifier);
      for (const [chunk, what] of [
        ['./adapters/http.js', "createHttpAdapter's code"],
        ['./adapters/parse-answers.js', "the answers' checks"],
        ['./forms/registration-form.js', "the registration forms' code"],
        ['./forms/crm-deals.js', "the CRM deals' code"],
        ['./forms/book-view.js', "the book's view"],
      ]) {
        assert.ok(lazy.includes(chunk), `${what} is a chunk (lazy imports: ${lazy.join(', ')})`);
      }
      const seen = new Set();
      const installedBeside = (from, specifier) => {
        const path = join(dirname(from), specifier);
        if (seen.has(path)) return;
        seen.add(path);
        assert.ok(existsSync(join(installed, path)), `${specifier} (imported by ${from}) is installed`);
        const text = readFileSync(join(installed, path), 'utf8');
        for (const [, next] of text.matchAll(/(?:\bfrom|\bimport\(?)\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g))
          installedBeside(path, next);
      };
      for (const specifier of lazy) {
        assert.match(
          specifier,
          /^\.\/(locales\/[a-z-]+|adapters\/(http|parse-answers)|forms\/(registration-form|crm-deals|book-view))\.js$/,
          `lazy chunk "${specifier}"`,
        );
        installedBeside(file, specifier);
      }
    });
  }

  it('dealreg/core imports in Node 22 with no DOM: engine, schemas, errors, HTTP adapter; no mock', () => {
    const probe = runIn(consumer, process.execPath, CORE_PROBE);
    assert.equal(probe.status, 0, probe.stderr);
    const out = JSON.parse(probe.stdout);
    assert.equal(out.dom, 'undefined', 'no DOM in this Node');
    for (const name of [
      'evaluateEligibility',
      'protectionState',
      'AccountOverviewSchema',
      'parseOverview',
      'problemToError',
      'DealRegError',
      'createHttpAdapter',
      'backoffDelay',
    ]) {
      assert.ok(out.names.includes(name), `dealreg/core exports ${name}`);
    }
    for (const name of ['createMemoryAdapter', 'createMockBackend', 'SAMPLE_PROGRAM', 'DealRegPanel', 'configureDealReg'])
      assert.ok(!out.names.includes(name), `dealreg/core does not export ${name}`);
    assert.deepEqual(out.parseError, { isDealRegError: true, code: 'invalid-response' });
    assert.ok(out.adapterMethods.includes('getAccountOverview'));
    assert.equal(out.callError, 'service-unavailable');
    const code = readFileSync(join(installed, 'dist/core.js'), 'utf8');
    for (const mockOnly of MOCK_ONLY) assert.ok(!code.includes(mockOnly), `dist/core.js contains "${mockOnly}"`);
    assert.ok(!/\bfrom\s*["']lit/.test(code) && !code.includes('LitElement'), 'no Lit in dist/core.js');
  });

  it('dealreg/core and dealreg/mock import in the system Node 20 too', (t) => {
    const node = node20();
    if (!node) return t.skip('no Node 20 on this machine (which -a node)');
    const core = runIn(consumer, node, CORE_PROBE);
    assert.equal(core.status, 0, `Node 20, dealreg/core:\n${core.stderr}`);
    const coreOut = JSON.parse(core.stdout);
    assert.match(coreOut.node, /^v20\./);
    assert.deepEqual(coreOut.parseError, { isDealRegError: true, code: 'invalid-response' });
    assert.equal(coreOut.callError, 'service-unavailable', 'the HTTP adapter makes a call and reads the answer');
    const mock = runIn(consumer, node, MOCK_PROBE);
    assert.equal(mock.status, 0, `Node 20, dealreg/mock:\n${mock.stderr}`);
    const mockOut = JSON.parse(mock.stdout);
    assert.match(mockOut.node, /^v20\./);
    assert.deepEqual([mockOut.account, mockOut.rest], ['acc-nextgen', 200]);
  });

  it('dealreg/mock: the in-memory backend, the memory adapter and the REST router, with no msw installed', () => {
    const probe = runIn(consumer, process.execPath, MOCK_PROBE);
    assert.equal(probe.status, 0, probe.stderr);
    const out = JSON.parse(probe.stdout);
    assert.equal(out.account, 'acc-nextgen');
    assert.equal(out.rest, 200);
    for (const name of ['createMockBackend', 'createMemoryAdapter', 'createRestHandler', 'SAMPLE_PROGRAM', 'SAMPLE_DEMO_CLOCK'])
      assert.ok(out.names.includes(name), `dealreg/mock exports ${name}`);
    for (const name of ['createHandlers', 'startMockWorker'])
      assert.ok(!out.names.includes(name), `dealreg/mock leaves ${name} to dealreg/mock/msw`);
    const code = readFileSync(join(installed, 'dist/mock.js'), 'utf8');
    assert.ok(!code.includes('setupWorker') && !code.includes('passthrough'), 'no msw code in dist/mock.js');
  });

  it('dealreg/mock/msw names msw, and only there: without it, importing it fails on msw', () => {
    const code = readFileSync(join(installed, 'dist/mock/msw.js'), 'utf8');
    const bare = [...code.matchAll(/\bfrom\s*["']([^"'.][^"']*)["']/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(bare)].sort(), ['msw', 'msw/browser']);
    for (const file of ['dist/dealreg.js', 'dist/core.js', 'dist/mock.js']) {
      assert.doesNotMatch(readFileSync(join(installed, file), 'utf8'), /["']msw(\/[a-z]+)?["']/, `${file} imports msw`);
    }
    const probe = runIn(consumer, process.execPath, "await import('dealreg/mock/msw');");
    assert.notEqual(probe.status, 0);
    assert.match(probe.stderr, /Cannot find package 'msw'/);
  });

  it('a bundler bundles every entry from the installed package (msw left external for dealreg/mock/msw only)', async () => {
    const bundle = async (source, external = []) => {
      writeFileSync(join(consumer, 'app.js'), source);
      const output = await build({
        root: consumer,
        configFile: false,
        logLevel: 'silent',
        build: {
          write: false,
          lib: { entry: join(consumer, 'app.js'), formats: ['es'], fileName: 'app' },
          rollupOptions: { external },
        },
      });
      return (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).flatMap((chunk) => chunk.moduleIds ?? []);
    };
    const app = await bundle(
      "import { createHttpAdapter, DealRegError } from 'dealreg';\nimport { createMockBackend, createMemoryAdapter } from 'dealreg/mock';\nconsole.log(createHttpAdapter, DealRegError, createMockBackend, createMemoryAdapter);\n",
    );
    assert.ok(
      app.some((p) => p.endsWith('node_modules/dealreg/dist/npm/dealreg.js')),
      'bundled dist/npm/dealreg.js',
    );
    assert.ok(
      app.some((p) => p.endsWith('node_modules/dealreg/dist/mock.js')),
      'bundled dist/mock.js (no msw installed, none needed)',
    );
    const server = await bundle("import { evaluateEligibility } from 'dealreg/core';\nconsole.log(evaluateEligibility);\n");
    assert.ok(
      server.some((p) => p.endsWith('node_modules/dealreg/dist/core.js')),
      'bundled dist/core.js',
    );
    const worker = await bundle("import { createHandlers } from 'dealreg/mock/msw';\nconsole.log(createHandlers);\n", [
      'msw',
      /^msw\//,
    ]);
    assert.ok(
      worker.some((p) => p.endsWith('node_modules/dealreg/dist/mock/msw.js')),
      'bundled dist/mock/msw.js',
    );
  });

  it("the type declarations of every entry type-check a consumer's TypeScript", () => {
    writeFileSync(
      join(consumer, 'app.ts'),
      [
        "import { createHttpAdapter, isDealRegError, type DealRegAdapter, type AccountOverview } from 'dealreg';",
        "import { evaluateEligibility, type Problem, type ProgramDefinition } from 'dealreg/core';",
        "import { createMemoryAdapter, createMockBackend, SAMPLE_PROGRAM, type BackendCore } from 'dealreg/mock';",
        "const adapter: DealRegAdapter = createHttpAdapter({ baseUrl: '/api', getToken: () => 'token' });",
        'const core: BackendCore = createMockBackend();',
        "export const memory: DealRegAdapter = createMemoryAdapter(core, { token: 'demo-alpha' });",
        "const panel = document.querySelector('dealreg-panel');",
        'if (panel) panel.adapter = adapter;',
        "document.addEventListener('dealreg-registered', (e) => console.log(e.detail.registration.status));",
        'export async function name(id: string): Promise<string> { const o: AccountOverview = await adapter.getAccountOverview(id); return o.account.name; }',
        "export const check = (e: unknown): boolean => isDealRegError(e) && e.code === 'offline';",
        'export const program: ProgramDefinition = SAMPLE_PROGRAM;',
        'export const rules = [evaluateEligibility, program.ruleSets.length];',
        "export const problem: Problem = { type: 'about:blank', title: 'Gone', status: 410, code: 'not-found' };",
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
    const result = spawnSync(process.execPath, [tsc, '-p', consumer], { encoding: 'utf8' });
    assert.equal(result.status, 0, `tsc found errors:\n${result.stdout}${result.stderr}`);
  });
});
