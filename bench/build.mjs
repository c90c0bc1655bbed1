// Builds what the benchmark measures, with Vite, the way the library is built (vite.lib.config.ts):
// library mode, one self-contained ES module, es2022, minified, production Lit.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { build } from 'vite';

export const ROOT = resolve(import.meta.dirname, '..');
export const DIST_BUNDLE = join(ROOT, 'dist', 'dealreg.js');

/** The same build options as vite.lib.config.ts, for another entry and another output folder. */
function libraryBuild(entry, fileName, outDir) {
  return build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    publicDir: false,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      lib: { entry: join(ROOT, entry), formats: ['es'], fileName: () => `${fileName}.js` },
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
