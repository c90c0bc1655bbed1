// The framed panel: `vite build -c vite.embed.config.ts` → dist/embed/ (index.html, its hashed
// assets, and config.json copied as is for the deployer to edit). Relative URLs (base './'), so
// the folder works under any path. Strict-CSP clean: one external module script and one external
// stylesheet, no inline script or style (no module-preload polyfill, which Vite would inline).
import minifyHTMLLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { defineConfig } from 'vite';
import { BUILD_TARGET } from './scripts/browsers.mjs';

export default defineConfig({
  root: 'embed/frame',
  base: './',
  // embed/frame/public/config.json → dist/embed/config.json, unhashed.
  publicDir: 'public',
  plugins: [minifyHTMLLiterals()],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: '../../dist/embed',
    emptyOutDir: true,
    target: BUILD_TARGET,
    minify: true,
    sourcemap: true,
    modulePreload: { polyfill: false },
    // Nothing inlined as a data: URL (a strict img-src/font-src would refuse it).
    assetsInlineLimit: 0,
  },
});
