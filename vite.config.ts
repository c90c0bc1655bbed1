// The demo: `npm start` serves index.html (a CRM account record page with the panel) on Vite's
// dev server; `npm run build:demo` builds it as a static site into dist-demo/. The MSW worker
// (public/mockServiceWorker.js) is copied to the site root and found through Vite's `base`, so
// `npm run build:demo -- --base /sub/` works from a sub-path.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    outDir: 'dist-demo',
    target: 'es2022',
    sourcemap: true,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
