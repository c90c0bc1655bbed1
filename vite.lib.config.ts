// The library build. Each entry is built on its own (one `vite build` per mode) so that every
// file in dist/ is ONE self-contained ES module: a CRM or a Salesforce static resource loads a
// single file, with no shared chunk to host beside it.
//
//   --mode dealreg  → dist/dealreg.js         elements + core + HTTP/memory adapters, Lit bundled
//   --mode closed   → dist/dealreg.closed.js  the same as a CLASSIC script (IIFE, global `DealReg`)
//                                             with closed shadow roots: for Salesforce Lightning Web
//                                             Security, which loads static resources with loadScript()
//   --mode mock     → dist/mock.js            the mock backend (in-memory core, REST + MSW handlers), msw external
//   --mode embed    → dist/embed.js           the host side of the framed panel (mountDealRegFrame), no Lit
//
// The framed panel itself (dist/embed/, an HTML page) has its own config: vite.embed.config.ts.
import minifyHTMLLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { defineConfig } from 'vite';

interface Entry {
  entry: string;
  fileName: string;
  format: 'es' | 'iife';
  external: (string | RegExp)[];
}

const ENTRIES: Record<'dealreg' | 'closed' | 'mock' | 'embed', Entry> = {
  dealreg: { entry: 'lib/dealreg.ts', fileName: 'dealreg', format: 'es', external: [] },
  closed: { entry: 'lib/dealreg.closed.ts', fileName: 'dealreg.closed', format: 'iife', external: [] },
  mock: { entry: 'lib/mock.ts', fileName: 'mock', format: 'es', external: ['msw', /^msw\//] },
  embed: { entry: 'lib/embed.ts', fileName: 'embed', format: 'es', external: [] },
};

type EntryName = keyof typeof ENTRIES;

function isEntryName(mode: string): mode is EntryName {
  return mode in ENTRIES;
}

export default defineConfig(({ mode }) => {
  if (!isEntryName(mode)) {
    throw new Error(`vite.lib.config.ts: --mode must be one of ${Object.keys(ENTRIES).join(', ')} (got "${mode}")`);
  }
  const { entry, fileName, format, external } = ENTRIES[mode];
  return {
    // The library has no public/ folder of its own: the MSW worker file is the host's business.
    publicDir: false,
    // Lit's html`` and css`` literals keep their source whitespace through a JS minifier; this
    // minifies them too (the official Lit Labs plugin), a large share of the 25 kB gzip budget.
    plugins: [minifyHTMLLiterals()],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: 'dist',
      // The three modes write into one dist/: `npm run build` empties it once, first.
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: true,
      lib: { entry, formats: [format], name: 'DealReg', fileName: () => `${fileName}.js` },
      rollupOptions: {
        external,
        // One file per entry; and full minification (Vite keeps whitespace in ES libraries by
        // default, for the pure annotations of downstream tree-shaking: the elements are side
        // effects anyway, and the CRM loads this file as is).
        // The ES entry is the exception: each locale but English is its own chunk, loaded by import()
        // the first time an element needs it, from dist/locales/ next to the entry (the browser
        // resolves it against the entry module's own URL). The classic script inlines them all.
        output:
          mode === 'dealreg'
            ? { codeSplitting: true, chunkFileNames: 'locales/[name]-[hash].js', minify: true }
            : { codeSplitting: false, minify: true },
      },
    },
  };
});
