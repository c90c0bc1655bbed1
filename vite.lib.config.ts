// The library build: one `vite build` per mode, each entry bundling what it needs (no chunk shared
// between entries), so an entry's size is its own and each one is loadable alone.
//
//   --mode npm      → dist/npm/dealreg.js     `dealreg` for bundlers: the elements, configureDealReg, the
//                                             HTTP adapter, the errors; `lit` and `@lit/localize` left as
//                                             bare imports (the package's dependencies), so an app that
//                                             uses Lit too ends with one copy of it. Locales, the HTTP
//                                             adapter's code and the registration form's are chunks
//                                             beside it (dist/npm/locales/, dist/npm/adapters/,
//                                             dist/npm/forms/)
//   --mode dealreg  → dist/dealreg.js         the same, self-contained for script tags: Lit bundled. Every
//                                             locale but English is a chunk, dist/locales/<locale>.js,
//                                             imported on demand relative to dist/dealreg.js (keep them
//                                             side by side)
//   --mode closed   → dist/dealreg.closed.js  the same as a CLASSIC script (IIFE, global `DealReg`) with
//                                             closed shadow roots and every locale inlined: for Salesforce
//                                             Lightning Web Security, which loads one static resource
//                                             with loadScript()
//   --mode core     → dist/core.js            `dealreg/core`: engine, schemas, errors, HTTP adapter; no DOM
//   --mode mock     → dist/mock.js            `dealreg/mock`: in-memory backend, memory adapter, REST router; no msw
//   --mode msw      → dist/mock/msw.js        `dealreg/mock/msw`: the MSW handlers and worker, msw external
//   --mode embed    → dist/embed.js           `dealreg/embed`: the host side of the framed panel, no Lit
//
// The framed panel itself (dist/embed/, an HTML page) has its own config: vite.embed.config.ts.
import minifyHTMLLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { stripAnnotations } from './scripts/strip-annotations.mjs';
import { BUILD_TARGET } from './scripts/browsers.mjs';

interface Entry {
  entry: string;
  /** A folder under dist/ for the entry and its chunks (dist/ itself when absent). */
  dir?: string;
  fileName: string;
  format: 'es' | 'iife';
  external: (string | RegExp)[];
  /** Dynamic imports become chunks (the locales); otherwise they are inlined into the one file. */
  chunks: boolean;
}

// The package's dependencies and their subpaths (`lit`, `lit/decorators.js`, `@lit/localize`, …):
// the npm build imports them, the host's bundler resolves them once for the app and dealreg.
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
};
const DEPENDENCIES = Object.keys(pkg.dependencies).map((name) => new RegExp(`^${name.replaceAll('.', '\\.')}(/|$)`));

const ENTRIES: Record<'npm' | 'dealreg' | 'closed' | 'core' | 'mock' | 'msw' | 'embed', Entry> = {
  npm: { entry: 'lib/dealreg.ts', dir: 'npm', fileName: 'dealreg', format: 'es', external: DEPENDENCIES, chunks: true },
  dealreg: { entry: 'lib/dealreg.ts', fileName: 'dealreg', format: 'es', external: [], chunks: true },
  closed: { entry: 'lib/dealreg.closed.ts', fileName: 'dealreg.closed', format: 'iife', external: [], chunks: false },
  core: { entry: 'lib/core.ts', fileName: 'core', format: 'es', external: [], chunks: false },
  // msw external here too: should the mock ever import it, dist/mock.js names it (and the package test fails) instead of hiding a copy.
  mock: { entry: 'lib/mock.ts', fileName: 'mock', format: 'es', external: ['msw', /^msw\//], chunks: false },
  msw: { entry: 'lib/mock-msw.ts', fileName: 'mock/msw', format: 'es', external: ['msw', /^msw\//], chunks: false },
  embed: { entry: 'lib/embed.ts', fileName: 'embed', format: 'es', external: [], chunks: false },
};

type EntryName = keyof typeof ENTRIES;

const FORM_CODE_INLINE = fileURLToPath(new URL('./widgets/register-form/form-code.inline.ts', import.meta.url));
const CRM_CODE_INLINE = fileURLToPath(new URL('./widgets/crm-deals/crm-code.inline.ts', import.meta.url));
const BOOK_CODE_INLINE = fileURLToPath(new URL('./src/adapters/book-code.inline.ts', import.meta.url));
const BOOK_VIEW_CODE_INLINE = fileURLToPath(new URL('./widgets/book/book-view-code.inline.ts', import.meta.url));
const PROBLEMS_CODE_INLINE = fileURLToPath(new URL('./widgets/crm-deals/record-problems-code.inline.ts', import.meta.url));

/** The folder of each chunk that is not a locale, by its module's name. */
const CHUNK_FOLDERS: Record<string, string> = {
  http: 'adapters',
  'http-book': 'adapters',
  'parse-previews': 'adapters',
  'parse-answers': 'adapters',
  'registration-form': 'forms',
  'crm-deals': 'forms',
  'record-problems': 'forms',
  'book-view': 'forms',
};

/**
 * A chunk's folder: a locale's in locales/, a named on-demand module's in its folder, and what the
 * bundler splits out for several of them (the contract's schemas, shared by the boundary's checks,
 * the HTTP adapter and the CRM deals) in shared/.
 */
function chunkFolder(chunk: { name: string; facadeModuleId: string | null }): string {
  const locale = chunk.facadeModuleId !== null && /[\\/]locales[\\/]generated[\\/]/.test(chunk.facadeModuleId);
  return CHUNK_FOLDERS[chunk.name] ?? (locale ? 'locales' : 'shared');
}

function isEntryName(mode: string): mode is EntryName {
  return mode in ENTRIES;
}

export default defineConfig(({ mode }) => {
  if (!isEntryName(mode)) {
    throw new Error(`vite.lib.config.ts: --mode must be one of ${Object.keys(ENTRIES).join(', ')} (got "${mode}")`);
  }
  const { entry, dir, fileName, format, external, chunks } = ENTRIES[mode];
  return {
    // Without chunks, the registration form's code is imported statically (form-code.inline.ts):
    // inlining its dynamic import would wrap every module it shares with the elements in a lazy
    // initialiser, which the classic script would carry for nothing.
    resolve: chunks
      ? {}
      : {
          alias: [
            { find: /^\.\/form-code\.ts$/, replacement: FORM_CODE_INLINE },
            { find: /^\.\.\/crm-deals\/crm-code\.ts$/, replacement: CRM_CODE_INLINE },
            { find: /^(\.\.\/\.\.\/src\/adapters|\.)\/book-code\.ts$/, replacement: BOOK_CODE_INLINE },
            { find: /^\.\/record-problems-code\.ts$/, replacement: PROBLEMS_CODE_INLINE },
            { find: /^\.\/book-view-code\.ts$/, replacement: BOOK_VIEW_CODE_INLINE },
          ],
        },
    // The library has no public/ folder of its own: the MSW worker file is the host's business.
    publicDir: false,
    // Lit's html`` and css`` literals keep their source whitespace through a JS minifier; this
    // minifies them too (the official Lit Labs plugin).
    // …and the minifier's leftover /* @__PURE__ */ annotations go after it (scripts/strip-annotations.mjs).
    plugins: [minifyHTMLLiterals(), stripAnnotations()],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: dir ? `dist/${dir}` : 'dist',
      // The modes write into one dist/: `npm run build` empties it once, first.
      emptyOutDir: false,
      target: BUILD_TARGET,
      // Rolldown's own minifier (output.minify below), then terser's two compress passes over its
      // output: 0.15 kB gzip less for dist/dealreg.js, whose 28 kB budget is tight. `module` only
      // for ES output: the classic script's top-level `var DealReg` is its public name.
      minify: 'terser',
      terserOptions: { ecma: 2020, module: format === 'es', compress: { passes: 2 } },
      sourcemap: true,
      lib: { entry, formats: [format], name: 'DealReg', fileName: () => `${fileName}.js` },
      rollupOptions: {
        external,
        // The entry may export more than its own names (to the locale chunks): what lets Rolldown
        // keep the modules that the entry and a locale share in the entry instead of a third chunk.
        preserveEntrySignatures: 'allow-extension',
        // Full minification (Vite keeps whitespace in ES libraries by default, for the pure
        // annotations of downstream tree-shaking: the elements are side effects anyway).
        output: chunks
          ? // The dynamic imports: the locales, dist/locales/fr.js, …, the HTTP adapter's code,
            // dist/adapters/http.js, the book's query and parser, dist/adapters/http-book.js, the deal
            // previews' parser, dist/adapters/parse-previews.js, the registration form's,
            // dist/forms/registration-form.js, the CRM deals', dist/forms/crm-deals.js, the words
            // for invalid records, dist/forms/record-problems.js, and the book's view, dist/forms/book-view.js
            // (stable names, since the host serves them beside the entry, and the size budgets name them).
            {
              minify: true,
              chunkFileNames: (chunk) => `${chunkFolder(chunk)}/[name].js`,
            }
          : { codeSplitting: false, minify: true },
      },
    },
  };
});
