// The one place that decides which Chromium the tests, the bench and the screenshots use.
import { existsSync } from 'node:fs';

export const INSTALL_HINT = 'No Chromium found: set CHROME_PATH, or install it with `apt-get install -y chromium` (Debian).';

/**
 * Headless flags for this machine: no sandbox (root), no GPU, and no background networking,
 * whose connections the closed network here refuses at every start. `window.gc()` and exact
 * `performance.memory` figures let the leak tests force a collection and read the heap.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--js-flags=--expose-gc',
  '--enable-precise-memory-info',
  // web-test-runner runs two test pages at once: the one not in front is hidden, and Chromium then
  // throttles its timers (to one wake-up a minute after five minutes): a long file there, polling
  // with setTimeout, crawled for minutes with the machine idle. Every page runs at full speed.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

export function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) {
    console.error(INSTALL_HINT);
    process.exit(1);
  }
  return found;
}
