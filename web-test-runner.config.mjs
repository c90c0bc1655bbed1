// Tests run in the system Chromium (no downloaded browsers): CHROME_PATH, else /usr/bin/chromium.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { countReporter } from './scripts/count-reporter.mjs';
import { CHROMIUM_ARGS, findChromium } from './scripts/find-chromium.mjs';
import { assertSupportedNode } from './scripts/supported-node.mjs';
import { bundleCjsPlugin } from './test/contract/wtr-bundle-cjs.mjs';
import { createServer } from 'node:net';

assertSupportedNode('web-test-runner');
const executablePath = findChromium();

/**
 * The runner logs its progress once every session is finished ("Finished running tests …") when the
 * last file ends, when the run finishes and when it stops, the first two only if a 10 s throttle
 * allows: a log shows that block once or twice by chance. Pass it on once per test run.
 */
function finishedProgressOnce(reporter) {
  let shownForRun = -1;
  return {
    ...reporter,
    getTestProgress(args) {
      const done = args.sessions.length > 0 && args.sessions.every((s) => s.status === 'FINISHED');
      if (done && shownForRun === args.testRun) return [];
      if (done) shownForRun = args.testRun;
      return reporter.getTestProgress?.(args) ?? [];
    },
  };
}

/**
 * A port the system says is free. The runner's default, 8000, is fixed: a second run on the same
 * machine (two suites in parallel, or anything else listening there) died with EADDRINUSE.
 */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export default {
  port: await freePort(),
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  reporters: [finishedProgressOnce(defaultReporter()), countReporter()],
  // The same plain log on a terminal as in CI (finishedProgressOnce relies on it: a live progress
  // bar would be redrawn empty); a live bar is also drawn twice once finished, in a captured log.
  staticLogging: true,
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
  // bundleCjsPlugin: serves these files bundled as one ES module by esbuild: test/contract/ajv.ts for the
  // contract tests (Ajv is CommonJS-only), and a second copy of the elements for the hostile host-page test.
  plugins: [
    bundleCjsPlugin({ entries: ['/test/contract/ajv.ts', '/test/hostile/second-copy.ts'] }),
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: CHROMIUM_ARGS,
      },
      // Each test page in a browser context of its own, so a window of its own, in front: as tabs of
      // one window (the default), the page not in front was hidden and never got an animation frame,
      // and a fixture awaiting one (@open-wc's fixture() of a plain element) waited out its timeout.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
    }),
  ],
};
