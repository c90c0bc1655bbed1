// Tests run in the system Chromium (no downloaded browsers): CHROME_PATH, else /usr/bin/chromium.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { countReporter } from './scripts/count-reporter.mjs';
import { CHROMIUM_ARGS, findChromium } from './scripts/find-chromium.mjs';
import { assertSupportedNode } from './scripts/supported-node.mjs';
import { bundleCjsPlugin } from './test/contract/wtr-bundle-cjs.mjs';

assertSupportedNode('web-test-runner');
const executablePath = findChromium();

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  reporters: [defaultReporter(), countReporter()],
  rootDir: '.',
  concurrency: 2,
  testsFinishTimeout: 20 * 60 * 1000,
  testFramework: { config: { timeout: 10000 } },
  // The MSW worker is served from /public/ in tests; let it control the whole origin (the test page is at /).
  middleware: [
    function serviceWorkerScope(context, next) {
      if (context.path === '/public/mockServiceWorker.js') context.set('Service-Worker-Allowed', '/');
      return next();
    },
  ],
  // bundleCjsPlugin: serves test/contract/ajv.ts bundled as ESM (Ajv is CommonJS-only) for the contract tests.
  plugins: [bundleCjsPlugin(), esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
};
