// Builds what the benchmark measures with the library's own Vite build (vite.lib.config.ts):
// library mode, one self-contained ES module, es2022, minified, production Lit.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { build } from 'vite';

export const ROOT = resolve(import.meta.dirname, '..');
export const DIST_BUNDLE = join(ROOT, 'dist', 'dealreg.js');

const LIB_CONFIG = join(ROOT, 'vite.lib.config.ts');

/**
 * The library's own build (vite.lib.config.ts, mode `dealreg`: ES module, es2022, fully minified,
 * production Lit), for another entry and another output folder. Falls back to the same options
 * written out here when the config is missing.
 */
function libraryBuild(entry, fileName, outDir) {
  const overrides = {
    root: ROOT,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      lib: { entry: join(ROOT, entry), formats: ['es'], fileName: () => `${fileName}.js` },
    },
  };
  if (existsSync(LIB_CONFIG)) return build({ configFile: LIB_CONFIG, mode: 'dealreg', ...overrides });
  return build({
    ...overrides,
    configFile: false,
    publicDir: false,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      ...overrides.build,
      target: 'es2022',
      minify: true,
      rollupOptions: { output: { codeSplitting: false, minify: true } },
    },
  });
}

/** `npm run build` when dist/dealreg.js is missing; returns whether the bundle is there. */
export function ensureLibraryBuilt() {
  if (existsSync(DIST_BUNDLE)) return true;
  console.log('dist/dealreg.js is missing: running `npm run build` …');
  const run = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) console.warn(`npm run build exited with ${run.status}`);
  return existsSync(DIST_BUNDLE);
}

/** Lit alone with one trivial element: the floor under the bundle size. */
export async function buildLitFloor(outDir) {
  await libraryBuild('bench/lit-floor.ts', 'lit-floor', outDir);
  return join(outDir, 'lit-floor.js');
}

/** The bench page: mock core + memory adapter + widgets + engine, exposing window.__bench. */
export async function buildBenchPage(outDir) {
  await libraryBuild('bench/page.ts', 'page', outDir);
  return join(outDir, 'page.js');
}

/** Where dist/dealreg.js's bytes come from: the library build again, with each module's rendered size (before minification). */
export async function bundleComposition(outDir) {
  const modules = {};
  const record = {
    name: 'dealreg-bench-composition',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const [id, info] of Object.entries(chunk.modules)) modules[id] = info.renderedLength;
      }
    },
  };
  await build({
    configFile: existsSync(LIB_CONFIG) ? LIB_CONFIG : false,
    mode: 'dealreg',
    root: ROOT,
    logLevel: 'warn',
    plugins: [record],
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      lib: { entry: join(ROOT, 'lib', 'dealreg.ts'), formats: ['es'], fileName: () => 'dealreg.js' },
    },
  });
  const groups = {};
  for (const [id, bytes] of Object.entries(modules)) {
    const path = id.startsWith(ROOT) ? id.slice(ROOT.length + 1) : id;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
    const group =
      pkg ??
      path
        .split('/')
        .slice(0, path.startsWith('widgets/') || path.startsWith('src/') ? 2 : 1)
        .join('/');
    groups[group] = (groups[group] ?? 0) + bytes;
  }
  const total = Object.values(groups).reduce((a, b) => a + b, 0);
  return Object.entries(groups)
    .sort((a, b) => b[1] - a[1])
    .map(([group, bytes]) => ({ group, renderedBytes: bytes, share: bytes / total }));
}
